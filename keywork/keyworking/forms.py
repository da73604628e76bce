"""Keyworking forms. They parse; the rules are on the models, so the API shares them."""

import datetime

from django import forms
from django.utils import timezone

from keywork.accounts.models import Role
from keywork.forms import fields, messages
from keywork.forms.models import ModelForm
from keywork.forms.versioned import VersionedForm
from keywork.keyworking.board import caseloads
from keywork.keyworking.choices import AgencyType, ClosingReason, ContactType, EscalationLevel, ReferralRoute
from keywork.keyworking.models import (
    Allocation,
    Contact,
    Escalation,
    FollowUp,
    Involvement,
    Professional,
    Referral,
    SupportPlan,
)
from keywork.keyworking.models.allocations import lapsed_text
from keywork.services.models import Service


class ReferralForm(ModelForm):
    route = fields.RadioField(
        label="How did the referral come?", error_name="how the referral came", choices=ReferralRoute.choices
    )
    received_on = fields.DateField(label="Date received")
    referrer_name = fields.CharField(label="Referrer's name", max_length=200)
    referrer_organisation = fields.CharField(label="Referrer's organisation", max_length=200)
    reason = fields.TextareaField(label="Reason for referral")

    class Meta:
        model = Referral
        fields = ["route", "received_on", "referrer_name", "referrer_organisation", "reason"]


class DecisionForm(VersionedForm, ModelForm):
    decision = fields.RadioField(
        label="Decision", choices=[c for c in Referral._meta.get_field("decision").choices if c[0] != "pending"]
    )
    decided_on = fields.DateField(label="Date of the decision")
    decision_reason = fields.TextareaField(label="Reason", required=False, hint="Needed if declined or signposted")

    class Meta:
        model = Referral
        fields = ["decision", "decided_on", "decision_reason"]


class ClosingForm(VersionedForm, ModelForm):
    closed_on = fields.DateField(label="Closing date")
    closing_reason = fields.RadioField(
        label="Why is keywork ending?", error_name="why keywork is ending", choices=ClosingReason.choices
    )
    closing_notes = fields.TextareaField(label="Notes (optional)", required=False)

    class Meta:
        model = Referral
        fields = ["closed_on", "closing_reason", "closing_notes"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["closed_on"].required = True


def worker_label(user) -> str:
    return f"{user.display_name} ({user.display_role})"


class AllocationForm(ModelForm):
    """Choose a worker, seeing each one's type, caseload and assurance; allocating one whose
    registration, DBS check or training has lapsed needs the override ticked and a reason."""

    worker = fields.ModelChoiceField(
        label="Keyworker",
        queryset=None,
        empty_label=None,
        error_messages={"required": "Select a keyworker", "invalid_choice": "Select a keyworker from the list"},
    )
    starts_on = fields.DateField(label="Start date")
    reason = fields.TextareaField(label="Reason", hint="For a reallocation, why the worker is changing")
    assurance_override = fields.BooleanField(label="Allocate although something has lapsed", required=False)
    assurance_override_reason = fields.TextareaField(
        label="Reason for allocating anyway", required=False, hint="For example, the renewal is confirmed"
    )

    is_complex = fields.BooleanField(
        label="This is a complex case",
        required=False,
        hint="It asks more of the keyworker than the rating says, for example many agencies involved, "
        "a placement out of area or court proceedings. It adds to the weighted caseload.",
    )

    class Meta:
        model = Allocation
        fields = ["worker", "is_complex", "starts_on", "reason", "assurance_override_reason"]

    def __init__(self, *args, person, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.person = person
        self.candidates = caseloads(person.service)
        self.fields["worker"].queryset = person.service.users.filter(
            pk__in=[row["worker"].pk for row in self.candidates]
        )

    def clean(self):
        cleaned = super().clean()
        worker = cleaned.get("worker")
        starts_on = cleaned.get("starts_on")
        lapsed = Allocation(worker=worker, starts_on=starts_on).lapsed_assurance() if worker else []
        if not lapsed:
            cleaned["assurance_override_reason"] = ""
        elif not cleaned.get("assurance_override"):
            self.add_error(
                "assurance_override",
                f"Confirm you are allocating {worker.display_name} although their {lapsed_text(lapsed)} "
                f"{'have' if len(lapsed) > 1 else 'has'} lapsed, or select another keyworker",
            )
        return cleaned

    def _update_errors(self, errors):
        # Unticked, the reason box is not in play: the checkbox's own error says what to do.
        if self.has_error("assurance_override") and hasattr(errors, "error_dict"):
            errors.error_dict.pop("assurance_override_reason", None)
        super()._update_errors(errors)


class EndAllocationForm(forms.Form):
    ends_on = fields.DateField(label="Last day of the allocation")
    end_reason = fields.TextareaField(label="Reason")

    def __init__(self, *args, allocation, **kwargs):
        super().__init__(*args, **kwargs)
        self.allocation = allocation

    def clean_ends_on(self):
        ends_on = self.cleaned_data["ends_on"]
        if ends_on < self.allocation.starts_on:
            raise forms.ValidationError("The last day must be on or after the day the allocation started")
        return ends_on


class ProfessionalForm(ModelForm):
    name = fields.CharField(label="Name", max_length=200)
    role = fields.CharField(label="Role", max_length=200, hint="For example, allocated social worker")
    organisation = fields.CharField(label="Organisation", max_length=200)
    agency_type = fields.RadioField(label="Type of agency", choices=AgencyType.choices)
    phone = fields.CharField(label="Phone (optional)", max_length=30, required=False, width=20)
    email = fields.CharField(
        label="Email (optional)", max_length=254, required=False, error_messages={"invalid": messages.EMAIL_FORMAT}
    )

    class Meta:
        model = Professional
        fields = ["name", "role", "organisation", "agency_type", "phone", "email"]


class InvolvementForm(ModelForm):
    professional = fields.ModelChoiceField(label="Professional", queryset=None, empty_label="Choose a professional")
    role_for_person = fields.CharField(label="Their role for this person", max_length=200)
    is_lead = fields.BooleanField(label="Lead professional", required=False)

    class Meta:
        model = Involvement
        fields = ["professional", "role_for_person", "is_lead"]

    def __init__(self, *args, person, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.person = person
        self.fields["professional"].queryset = person.service.professionals.all()


class ContactForm(ModelForm):
    """A contact, and optionally one follow-up action agreed at it."""

    contact_type = fields.RadioField(label="Type of contact", choices=ContactType.choices)
    contact_date = fields.DateField(label="Date")
    contact_time = fields.TimeField(label="Time")
    duration_minutes = fields.IntegerField(label="Duration in minutes", min_value=1)
    workers = fields.ModelCheckboxesField(label="Workers who took part", queryset=None, required=False)
    family_present = fields.CharField(label="Family members who took part (optional)", max_length=300, required=False)
    professionals = fields.ModelCheckboxesField(label="Professionals who took part", queryset=None, required=False)
    notes = fields.TextareaField(label="Notes")
    restricted = fields.BooleanField(
        label="Restricted notes", required=False, hint="Only the person's own workers and managers will see the notes"
    )
    follow_up = fields.TextareaField(label="Follow-up action (optional)", required=False)
    follow_up_owner = fields.ModelChoiceField(
        label="Follow-up owner", queryset=None, required=False, empty_label="Choose a worker"
    )
    follow_up_owner_name = fields.CharField(
        label="Or someone outside the service",
        error_name="the name of someone outside the service",
        max_length=200,
        required=False,
    )
    follow_up_due_on = fields.DateField(
        label="Follow-up due", error_name="the date the follow-up is due", required=False
    )

    model_error_fields = {"occurred_at": "contact_date"}
    field_order = [
        "contact_type",
        "contact_date",
        "contact_time",
        "duration_minutes",
        "workers",
        "family_present",
        "professionals",
        "notes",
        "restricted",
        "follow_up",
        "follow_up_owner",
        "follow_up_owner_name",
        "follow_up_due_on",
    ]

    class Meta:
        model = Contact
        fields = ["contact_type", "duration_minutes", "family_present", "notes", "restricted"]

    def __init__(self, *args, person, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.person = person
        staff = person.service.users.filter(is_active=True).exclude(role=Role.COMMISSIONER).order_by("last_name")
        self.fields["workers"].queryset = staff
        self.fields["workers"].label_from_instance = worker_label
        self.fields["follow_up_owner"].queryset = staff
        self.fields["follow_up_owner"].label_from_instance = worker_label
        network = Professional.objects.filter(involvements__person=person).distinct()
        self.fields["professionals"].queryset = network
        if not network.exists():
            del self.fields["professionals"]

    def clean(self):
        cleaned = super().clean()
        day, time = cleaned.get("contact_date"), cleaned.get("contact_time")
        if day and time:
            self.instance.occurred_at = timezone.make_aware(datetime.datetime.combine(day, time))
        self.follow_ups = []
        if cleaned.get("follow_up"):
            follow_up = FollowUp(
                contact=self.instance,
                description=cleaned["follow_up"],
                due_on=cleaned.get("follow_up_due_on"),
                owner=cleaned.get("follow_up_owner"),
                owner_name=cleaned.get("follow_up_owner_name") or "",
            )
            if not follow_up.due_on:
                self.add_error("follow_up_due_on", "Enter the date the follow-up is due")
            self.add_record_errors(follow_up, {"owner": "follow_up_owner", "due_on": "follow_up_due_on"})
            self.follow_ups.append(follow_up)
        return cleaned


class PlanForm(ModelForm):
    what_helps = fields.TextareaField(label="What helps")
    triggers = fields.TextareaField(label="Known triggers")
    early_warning_signs = fields.TextareaField(label="Early warning signs")
    who_to_call = fields.TextareaField(label="Who to call", hint="Names, roles and phone numbers, in order")
    agreed_responses = fields.TextareaField(label="Agreed responses")
    based_on_version = fields.HiddenIntegerField(min_value=0)

    class Meta:
        model = SupportPlan
        fields = ["what_helps", "triggers", "early_warning_signs", "who_to_call", "agreed_responses"]


class EscalationForm(ModelForm):
    issue = fields.TextareaField(label="What is stuck")
    escalated_to = fields.CharField(
        label="Escalated to (organisation)", error_name="the organisation it was escalated to", max_length=200
    )
    level = fields.RadioField(label="Level", choices=EscalationLevel.choices)
    escalated_on = fields.DateField(label="Date escalated")
    response_due_on = fields.DateField(label="Response due by", error_name="the date a response is due by")

    class Meta:
        model = Escalation
        fields = ["issue", "escalated_to", "level", "escalated_on", "response_due_on"]


class EscalationResponseForm(VersionedForm, ModelForm):
    response = fields.TextareaField(label="Response", required=False)
    responded_on = fields.DateField(label="Date of the response", required=False)
    resolved_on = fields.DateField(label="Date resolved (optional)", required=False)

    class Meta:
        model = Escalation
        fields = ["response", "responded_on", "resolved_on"]


class FollowUpDoneForm(forms.Form):
    done_on = fields.DateField(label="Date done")


class CaseloadWeightsForm(ModelForm):
    """The service's caseload weights and limits (keyworking/weighting.py): whole numbers, a
    weight from 0 to 10 and limits from 1 to 200."""

    caseload_weight_red = fields.IntegerField(label="Red", min_value=0, max_value=10, error_name="the red weight")
    caseload_weight_amber = fields.IntegerField(label="Amber", min_value=0, max_value=10, error_name="the amber weight")
    caseload_weight_green = fields.IntegerField(label="Green", min_value=0, max_value=10, error_name="the green weight")
    caseload_weight_blue = fields.IntegerField(label="Blue", min_value=0, max_value=10, error_name="the blue weight")
    caseload_complexity_uplift = fields.IntegerField(
        label="Added for a complex case", min_value=0, max_value=10, error_name="the complexity uplift"
    )
    weighted_caseload_limit = fields.IntegerField(
        label="Weighted caseload limit",
        min_value=1,
        max_value=200,
        error_name="the weighted caseload limit",
        hint="A worker whose weighted caseload is above this is shown as over the limit",
    )
    caseload_limit = fields.IntegerField(
        label="People limit",
        min_value=1,
        max_value=200,
        error_name="the people limit",
        hint="A worker holding more people than this is shown as over the limit, whatever their weights",
    )

    class Meta:
        model = Service
        fields = [
            "caseload_weight_red",
            "caseload_weight_amber",
            "caseload_weight_green",
            "caseload_weight_blue",
            "caseload_complexity_uplift",
            "weighted_caseload_limit",
            "caseload_limit",
        ]
