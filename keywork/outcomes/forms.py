from django.db.models import Case, When
from django.utils import timezone

from keywork.forms import fields
from keywork.forms.models import ModelForm
from keywork.forms.versioned import VersionedForm
from keywork.outcomes.choices import Answer, BehaviourType, BlockerCategory, MeasurePoint
from keywork.outcomes.models import (
    BehaviourRecord,
    CaseStudy,
    ClosingOutcome,
    FamilyMeasure,
    Goal,
    GoalRating,
    SystemBlocker,
)

SCORE_CHOICES = [(score, f"{score:+d}" if score else "0") for score in range(-2, 3)]
SCORE_HINT = "-2 much less than expected, -1 somewhat less, 0 as expected, +1 somewhat more, +2 much more"


class GoalForm(ModelForm):
    description = fields.TextareaField(label="The goal, in the family's words")
    set_on = fields.DateField(label="Date set")
    set_with = fields.CharField(
        label="Set with",
        error_name="who the goal was set with",
        max_length=200,
        hint="For example, young person and mum",
    )

    class Meta:
        model = Goal
        fields = ["description", "set_on", "set_with"]

    def __init__(self, *args, person, **kwargs):
        kwargs.setdefault("initial", {"set_on": timezone.localdate()})
        super().__init__(*args, **kwargs)
        self.instance.person = person


class GoalRatingForm(ModelForm):
    rated_on = fields.DateField(label="Date rated")
    # Typed in rather than chosen, so a score outside the scale meets the rule's own message.
    score = fields.IntegerField(label="Score, from -2 to +2", hint=SCORE_HINT, error_name="the score")
    note = fields.TextareaField(label="Note (optional)", required=False)

    class Meta:
        model = GoalRating
        fields = ["rated_on", "score", "note"]

    def __init__(self, *args, goal, **kwargs):
        kwargs.setdefault("initial", {"rated_on": timezone.localdate()})
        super().__init__(*args, **kwargs)
        self.instance.goal = goal


class BehaviourRecordForm(ModelForm):
    behaviour_type = fields.RadioField(label="Behaviour", choices=BehaviourType.choices)
    week_starting = fields.DateField(label="Week starting", error_name="the week starting date")
    frequency_per_week = fields.IntegerField(label="Times in the week", error_name="the number of times in the week")
    severity = fields.IntegerField(label="Severity at worst, from 1 to 5", hint="1 mild, 5 severe")

    class Meta:
        model = BehaviourRecord
        fields = ["behaviour_type", "week_starting", "frequency_per_week", "severity"]

    def __init__(self, *args, person, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.person = person


class FamilyMeasureForm(ModelForm):
    point = fields.RadioField(label="When", choices=MeasurePoint.choices, error_name="when the measure was taken")
    taken_on = fields.DateField(label="Date taken")
    quality_of_life = fields.IntegerField(label="Quality of life, from 1 to 10")
    confidence_managing = fields.IntegerField(label="Confidence managing, from 1 to 10")
    feeling_listened_to = fields.IntegerField(label="Feeling listened to, from 1 to 10")

    class Meta:
        model = FamilyMeasure
        fields = ["point", "taken_on", "quality_of_life", "confidence_managing", "feeling_listened_to"]

    def __init__(self, *args, person, **kwargs):
        kwargs.setdefault("initial", {"taken_on": timezone.localdate()})
        super().__init__(*args, **kwargs)
        self.instance.person = person


class ClosingOutcomeForm(VersionedForm, ModelForm):
    admission_avoided = fields.RadioField(
        label="Was an admission avoided?", choices=Answer.choices, error_name="whether an admission was avoided"
    )
    admission_rationale = fields.TextareaField(
        label="Why", required=False, hint="Needed when yes or no", error_name="why an admission was or was not avoided"
    )
    breakdown_prevented = fields.RadioField(
        label="Was a family or placement breakdown prevented?",
        choices=Answer.choices,
        error_name="whether a family or placement breakdown was prevented",
    )
    notes = fields.TextareaField(label="Notes (optional)", required=False)

    class Meta:
        model = ClosingOutcome
        fields = ["admission_avoided", "admission_rationale", "breakdown_prevented", "notes"]

    def __init__(self, *args, referral, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.referral = referral


class SystemBlockerForm(ModelForm):
    category = fields.ChoiceField(label="Category", choices=[("", "Choose a category"), *BlockerCategory.choices])
    agency = fields.CharField(label="Agency responsible", max_length=200)
    description = fields.TextareaField(label="What is blocked")
    raised_on = fields.DateField(label="Date raised")
    people = fields.ModelCheckboxesField(label="People held up (optional)", queryset=None, required=False)

    class Meta:
        model = SystemBlocker
        fields = ["category", "agency", "description", "raised_on", "people"]

    def __init__(self, *args, people, **kwargs):
        kwargs.setdefault("initial", {"raised_on": timezone.localdate()})
        super().__init__(*args, **kwargs)
        # Only people this user may reach can be named, so a blocker never leaks anyone else.
        self.fields["people"].queryset = people.order_by("family_name", "given_name")


class ResolveBlockerForm(VersionedForm, ModelForm):
    resolved_on = fields.DateField(label="Date resolved")
    resolution = fields.TextareaField(label="How it was resolved (optional)", required=False)

    class Meta:
        model = SystemBlocker
        fields = ["resolved_on", "resolution"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["resolved_on"].required = True
        if not self.instance.resolved_on:
            self.initial.setdefault("resolved_on", timezone.localdate())


UNSEEN_PERSON = "A person you cannot see"


class CaseStudyForm(VersionedForm, ModelForm):
    title = fields.CharField(label="Title", max_length=200)
    narrative = fields.TextareaField(
        label="The story, anonymised", hint="No names, places or dates that could identify the young person or family"
    )
    person = fields.ModelChoiceField(
        label="Who it is about (optional, seen by staff only)",
        error_name="who the case study is about",
        queryset=None,
        required=False,
        empty_label="Nobody named",
    )
    quarter_start = fields.DateField(
        label="Quarter it is reported in", hint="The first day of the quarter: 1 April, 1 July, 1 October or 1 January"
    )
    consent_recorded = fields.BooleanField(label="Consent to use it has been recorded", required=False)
    consent_given_by = fields.CharField(label="Consent given by", max_length=200, required=False)
    consent_on = fields.DateField(label="Date consent was given", required=False)

    class Meta:
        model = CaseStudy
        fields = ["title", "narrative", "person", "quarter_start", "consent_recorded", "consent_given_by", "consent_on"]

    def __init__(self, *args, people, service, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.service = service
        field, kept = self.fields["person"], self.instance.person_id
        order = ["family_name", "given_name"]
        if kept and not people.filter(pk=kept).exists():
            # Someone who may not reach the person may still edit the story, but keeps the link as
            # it is without learning who it is: unnamed, and first, not placed among names in order.
            people = people.model.objects.filter(pk=kept) | people
            named = field.label_from_instance
            field.label_from_instance = lambda person: UNSEEN_PERSON if person.pk == kept else named(person)
            order.insert(0, Case(When(pk=kept, then=0), default=1))
        field.queryset = people.order_by(*order)
