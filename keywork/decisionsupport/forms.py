"""The tool's two pages (the answers; the rating chosen) and the settings page's domain form."""

from django import forms

from keywork.decisionsupport import rules
from keywork.decisionsupport.choices import Level
from keywork.decisionsupport.models import HEAVIEST, LIGHTEST, Domain
from keywork.decisionsupport.operations import Answer
from keywork.forms import fields
from keywork.forms.models import ModelForm
from keywork.forms.versioned import VersionedForm
from keywork.presenters import in_sentence
from keywork.register.choices import Rating

EVIDENCE_HINT = "What you saw, heard or read that supports the answer, with dates. Needed for any answer above none"


class LevelField(fields.RadioField):
    """The four levels side by side, so eight domains fit a screen or two."""

    nhs_template = "decisionsupport/level_radios.jinja"


class AnswersForm(forms.Form):
    """A level and its evidence for each of the service's active domains (`domains`)."""

    def __init__(self, *args, domains, **kwargs):
        super().__init__(*args, **kwargs)
        self.domains = list(domains)
        for domain in self.domains:
            self.fields[f"level_{domain.pk}"] = LevelField(
                label=domain.name,
                hint=domain.guidance,
                choices=Level.choices,
                error_name=f"a level for {in_sentence(domain.name)}",
            )
            self.fields[f"evidence_{domain.pk}"] = fields.TextareaField(
                label="Evidence", required=False, error_name=f"the evidence for {in_sentence(domain.name)}"
            )

    def pairs(self):
        """(level field, evidence field) of each domain, for the page."""
        return [(self[f"level_{domain.pk}"], self[f"evidence_{domain.pk}"]) for domain in self.domains]

    def clean(self):
        cleaned = super().clean()
        for domain in self.domains:
            level, evidence = cleaned.get(f"level_{domain.pk}"), cleaned.get(f"evidence_{domain.pk}", "")
            if level and (refusal := rules.evidence_refusal(level, evidence, domain.name)):
                self.add_error(f"evidence_{domain.pk}", refusal)
        return cleaned

    def answers(self) -> list[Answer]:
        data = self.cleaned_data
        return [Answer(d, data[f"level_{d.pk}"], data.get(f"evidence_{d.pk}", "")) for d in self.domains]

    def carried(self) -> list[tuple[str, str]]:
        """The answers as (name, value) for the next page's hidden inputs: carried in the POST, and
        checked again when the rating is saved."""
        return [(self.add_prefix(name), str(self.cleaned_data.get(name) or "")) for name in self.fields]


class ChoiceForm(forms.Form):
    """The rating the practitioner decides on: the one suggested, or another with the reason."""

    chosen_rating = fields.RadioField(label="Rating", error_name="the rating", choices=Rating.choices)
    override_reason = fields.TextareaField(
        label="Why you chose a different rating (if you did)",
        error_name="why you chose a rating other than the one suggested",
        hint="Needed when the rating differs from the suggestion. It is kept with the rating history",
        required=False,
    )

    def __init__(self, *args, suggestion: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.suggestion = suggestion
        allowed = rules.ratings_to_choose(suggestion)
        self.fields["chosen_rating"].choices = [(value, Rating(value).label) for value in allowed]
        if not self.is_bound:
            self.initial.setdefault("chosen_rating", suggestion or Rating.BLUE)

    def clean(self):
        cleaned = super().clean()
        chosen, reason = cleaned.get("chosen_rating"), cleaned.get("override_reason", "")
        if chosen and (refusal := rules.override_reason_refusal(self.suggestion, chosen, reason)):
            self.add_error("override_reason", refusal)
        return cleaned


class DomainForm(VersionedForm, ModelForm):
    name = fields.CharField(label="Name", max_length=100)
    guidance = fields.TextareaField(
        label="What to consider (optional)", hint="Shown under the domain's name on the tool", required=False
    )
    weight = fields.IntegerField(
        label=f"Weight, from {LIGHTEST} to {HEAVIEST}",
        error_name="the weight",
        hint="How much this domain counts towards the score: its answer's points (none 0, low 1, moderate 2, "
        "high 3) times its weight",
        min_value=LIGHTEST,
        max_value=HEAVIEST,
    )
    position = fields.IntegerField(
        label="Order on the tool", error_name="the order", hint="1 is asked first", min_value=0, max_value=999
    )
    active = fields.BooleanField(label="Ask about this domain", required=False)

    class Meta:
        model = Domain
        fields = ["name", "guidance", "weight", "position", "active"]

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        others = Domain.objects.filter(service=self.instance.service, name__iexact=name).exclude(pk=self.instance.pk)
        if others.exists():
            raise forms.ValidationError(f"Another domain is already called ‘{name}’: choose a different name")
        return name
