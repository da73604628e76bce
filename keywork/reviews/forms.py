from keywork.education.models import has_ehcp
from keywork.forms import fields
from keywork.forms.models import ModelForm
from keywork.forms.versioned import VersionedForm
from keywork.keyworking.forms import worker_label
from keywork.keyworking.models import Professional
from keywork.reviews.choices import CETR_KINDS, ActionStatus, ReviewKind
from keywork.reviews.models import Action, Review, staff_who_may_own_actions


class ReviewForm(VersionedForm, ModelForm):
    kind = fields.RadioField(label="Kind of review", choices=CETR_KINDS)
    requested_on = fields.DateField(label="Date requested")
    scheduled_on = fields.DateField(label="Date scheduled (optional)", required=False)
    held_on = fields.DateField(label="Date held (optional)", required=False)
    chair = fields.CharField(label="Panel chair (optional)", max_length=200, required=False)
    clinical_expert = fields.CharField(label="Clinical expert (optional)", max_length=200, required=False)
    expert_by_experience = fields.CharField(label="Expert by experience (optional)", max_length=200, required=False)
    other_attendees = fields.TextareaField(label="Other attendees (optional)", required=False)
    outcome_summary = fields.TextareaField(label="Outcome summary (optional)", required=False)
    report = fields.FileField(
        label="Report (optional)", required=False, hint="A PDF (.pdf) or a Word document (.docx), up to 10 MB"
    )

    class Meta:
        model = Review
        fields = [
            "kind",
            "requested_on",
            "scheduled_on",
            "held_on",
            "chair",
            "clinical_expert",
            "expert_by_experience",
            "other_attendees",
            "outcome_summary",
            "report",
        ]

    def __init__(self, *args, person, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.person = person
        if self.instance.pk is None:
            # "Education" is included for people with an EHCP (NHS England C(E)TR policy).
            self.instance.includes_education = has_ehcp(person)


class LaepForm(VersionedForm, ModelForm):
    """A Local Area Emergency Protocol meeting: held when admission cannot wait for a community C(E)TR."""

    held_on = fields.DateField(label="Date held", error_name="the date the meeting was held")
    other_attendees = fields.TextareaField(
        label="Who attended", error_name="who attended", hint="Their names, roles and organisations"
    )
    outcome_summary = fields.TextareaField(label="Outcome", error_name="the outcome")

    class Meta:
        model = Review
        fields = ["held_on", "other_attendees", "outcome_summary"]

    def __init__(self, *args, person, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.person = person
        self.instance.kind = ReviewKind.LAEP


class ActionForm(ModelForm):
    """An action raised by any source (a C(E)TR today), owned by one member of staff, professional
    or organisation."""

    recommendation = fields.TextareaField(label="Recommendation")
    owner_staff = fields.ModelChoiceField(
        label="Owner (a member of staff)", queryset=None, required=False, empty_label="Choose a member of staff"
    )
    owner_professional = fields.ModelChoiceField(
        label="Or a professional",
        error_name="a professional",
        queryset=None,
        required=False,
        empty_label="Choose a professional",
    )
    owner_organisation = fields.CharField(
        label="Or an organisation", error_name="the organisation", max_length=200, required=False
    )
    due_on = fields.DateField(label="Due by", error_name="the date it is due by")

    class Meta:
        model = Action
        fields = ["recommendation", "owner_staff", "owner_professional", "owner_organisation", "due_on"]

    def __init__(self, *args, source, person=None, **kwargs):
        super().__init__(*args, instance=Action.raised_from(source, person=person), **kwargs)
        service = self.instance.person.service
        self.fields["owner_staff"].queryset = staff_who_may_own_actions(service)
        self.fields["owner_staff"].label_from_instance = worker_label
        self.fields["owner_professional"].queryset = Professional.objects.filter(service=service)


class ActionProgressForm(VersionedForm, ModelForm):
    status = fields.RadioField(label="Status", choices=ActionStatus.choices)
    evidence = fields.TextareaField(label="Evidence of completion", required=False, hint="Needed when done")
    completed_on = fields.DateField(label="Date done (optional)", required=False)
    dropped_reason = fields.TextareaField(label="Why it was dropped", required=False, hint="Needed when dropped")

    class Meta:
        model = Action
        fields = ["status", "evidence", "completed_on", "dropped_reason"]
