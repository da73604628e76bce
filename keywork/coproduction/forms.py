from keywork.coproduction.choices import EngagementKind
from keywork.coproduction.models import Engagement
from keywork.forms import fields
from keywork.forms.models import ModelForm
from keywork.programme.models import Milestone, Risk

COUNT = {"required": False, "min_value": 0, "max_value": 10_000}


class EngagementForm(ModelForm):
    kind = fields.RadioField(label="Kind of activity", choices=EngagementKind.choices)
    title = fields.CharField(
        label="What it was", max_length=200, hint="For example, Kent Parent Carer Forum quarterly meeting"
    )
    held_on = fields.DateField(label="Date", hint="For a survey, the date it closed", error_name="the date")
    parents_carers = fields.IntegerField(label="Parents and carers who took part", **COUNT)
    young_people = fields.IntegerField(label="Young people who took part", **COUNT)
    professionals = fields.IntegerField(label="Professionals who took part", **COUNT)
    what_we_heard = fields.TextareaField(label="What we heard", hint="You said: in families' own words where you can")
    what_changed = fields.TextareaField(
        label="What changed (optional)",
        required=False,
        hint="We did: what the service changed because of it. Add it later if it is not decided yet.",
    )
    milestones = fields.ModelCheckboxesField(label="Programme milestones it bears on", queryset=None, required=False)
    risks = fields.ModelCheckboxesField(label="Risks it bears on", queryset=None, required=False)

    class Meta:
        model = Engagement
        fields = [
            "kind",
            "title",
            "held_on",
            "parents_carers",
            "young_people",
            "professionals",
            "what_we_heard",
            "what_changed",
            "milestones",
            "risks",
        ]

    def __init__(self, *args, service, **kwargs):
        """An event links only to its own service's milestones and risks."""
        super().__init__(*args, **kwargs)
        self.fields["milestones"].queryset = Milestone.objects.filter(service=service)
        self.fields["risks"].queryset = Risk.objects.filter(service=service)

    def clean(self):
        cleaned = super().clean()
        # An empty box is none, not an error: a survey of parents has no young people.
        for name in ("parents_carers", "young_people", "professionals"):
            if cleaned.get(name) is None and name not in self.errors:
                cleaned[name] = 0
        return cleaned
