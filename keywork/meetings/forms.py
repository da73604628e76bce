from django import forms
from django.core.exceptions import ValidationError

from keywork.forms import fields
from keywork.forms.models import ModelForm
from keywork.keyworking.forms import worker_label
from keywork.meetings.models import Attendee, Decision, Meeting
from keywork.register.choices import Rating, RiskFactor
from keywork.register.models import RatingChange
from keywork.reviews.models import Action, staff_who_may_own_actions


class MeetingForm(ModelForm):
    held_on = fields.DateField(label="Date of the meeting")
    chair = fields.ModelChoiceField(label="Chair", queryset=None, empty_label="Choose the chair")
    staff = fields.ModelCheckboxesField(label="Staff attending (optional)", queryset=None, required=False)
    outside = fields.TextareaField(
        label="Others attending (optional)",
        hint="One a line, as name, organisation: for example, Sam Patel, Kent County Council",
        required=False,
    )

    class Meta:
        model = Meeting
        fields = ["held_on", "chair"]

    def __init__(self, *args, service, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.service = service
        staff = staff_who_may_own_actions(service)
        for name in ("chair", "staff"):
            self.fields[name].queryset = staff
            self.fields[name].label_from_instance = worker_label

    def clean_outside(self) -> list[tuple[str, str]]:
        people = []
        for line in self.cleaned_data["outside"].splitlines():
            name, _, organisation = line.partition(",")
            if not name.strip():
                continue
            if not organisation.strip():
                raise ValidationError(f"Give the organisation of {name.strip()} after a comma")
            people.append((name.strip()[:200], organisation.strip()[:200]))
        return people

    def attendees(self) -> list[Attendee]:
        staff = [Attendee(staff=user) for user in self.cleaned_data["staff"]]
        return staff + [Attendee(name=name, organisation=org) for name, org in self.cleaned_data["outside"]]


class DecisionForm(ModelForm):
    """One person's screen at the meeting: the rating confirmed or changed (with its reason and risk
    factors), what was decided, and optionally one action with its owner and due date."""

    rating = fields.RadioField(
        label="RAG rating",
        choices=Rating.choices,
        hint="Keep the rating to confirm it. Blue follows an admission, recorded under Inpatients",
    )
    risk_factors = fields.CheckboxesField(
        label="Risk factors present (optional)", choices=RiskFactor.choices, required=False
    )
    rating_reason = fields.TextareaField(label="Reason for the rating")
    decision = fields.TextareaField(label="Decision")
    recommendation = fields.TextareaField(label="Action (optional)", required=False)
    owner_staff = fields.ModelChoiceField(
        label="Action owner (a member of staff)", queryset=None, required=False, empty_label="Choose a member of staff"
    )
    owner_organisation = fields.CharField(
        label="Or an organisation", error_name="the organisation", max_length=200, required=False
    )
    due_on = fields.DateField(label="Action due by (optional)", error_name="the date it is due by", required=False)

    class Meta:
        model = Decision
        fields = ["decision"]

    def __init__(self, *args, meeting, person, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.meeting, self.instance.person = meeting, person
        if person.rating != Rating.BLUE:
            # Blue is entered only by an admission; someone in hospital is offered it to confirm it.
            self.fields["rating"].choices = [(value, label) for value, label in Rating.choices if value != Rating.BLUE]
        self.fields["owner_staff"].queryset = staff_who_may_own_actions(meeting.service)
        self.fields["owner_staff"].label_from_instance = worker_label
        self.rating_change = self.action = None

    def clean(self):
        cleaned = super().clean()
        meeting, person = self.instance.meeting, self.instance.person
        self.rating_change = RatingChange(
            person=person,
            rating=cleaned.get("rating"),
            effective_on=meeting.held_on,
            reason=cleaned.get("rating_reason", ""),
            risk_factors=cleaned.get("risk_factors", []),
        )
        self.add_record_errors(self.rating_change, {"reason": "rating_reason", "effective_on": "rating"})
        if cleaned.get("recommendation"):
            self.action = Action.raised_from(
                self.instance,
                person=person,
                recommendation=cleaned["recommendation"],
                owner_staff=cleaned.get("owner_staff"),
                owner_organisation=cleaned.get("owner_organisation", ""),
                due_on=cleaned.get("due_on"),
            )
            if not cleaned.get("due_on") and "due_on" not in self.errors:
                self.add_error("due_on", "Enter the date the action is due by")
            else:
                self.add_record_errors(self.action, {})
        return cleaned


class AgendaPersonForm(forms.Form):
    nhs_number = fields.CharField(label="NHS number", hint="10 digits, for example 999 123 4567", width=10)
