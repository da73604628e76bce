"""Supervision, appraisal and training forms: parsing here; the rules are on the models."""

from keywork.forms import fields
from keywork.forms.models import ModelForm
from keywork.supervision.models import Appraisal, Supervision, Training


class SupervisionForm(ModelForm):
    supervisee = fields.ModelChoiceField(label="Who was supervised", queryset=None, empty_label="Choose a person")
    supervisor = fields.ModelChoiceField(label="Supervisor", queryset=None, empty_label="Choose a supervisor")
    kind = fields.RadioField(label="Kind of supervision", choices=Supervision.Kind.choices, error_name="the kind")
    held_on = fields.DateField(label="Date of the supervision", error_name="the date")
    notes = fields.TextareaField(
        label="Notes (optional)",
        required=False,
        hint="Only the person supervised, their supervisor and managers can read these",
    )
    next_due_on = fields.DateField(label="Next supervision due", error_name="the next due date")

    class Meta:
        model = Supervision
        fields = ["supervisee", "supervisor", "kind", "held_on", "notes", "next_due_on"]

    def __init__(self, *args, service, **kwargs):
        super().__init__(*args, **kwargs)
        _staff_choices(self, service, ("supervisee", "supervisor"))


class AppraisalForm(ModelForm):
    supervisee = fields.ModelChoiceField(label="Who was appraised", queryset=None, empty_label="Choose a person")
    supervisor = fields.ModelChoiceField(label="Appraiser", queryset=None, empty_label="Choose the appraiser")
    held_on = fields.DateField(label="Date of the appraisal", error_name="the date")
    objectives = fields.TextareaField(
        label="Objectives agreed",
        hint="One objective a line. Only the person appraised, the appraiser and managers can read these.",
    )
    next_due_on = fields.DateField(label="Next appraisal due", error_name="the next due date")

    class Meta:
        model = Appraisal
        fields = ["supervisee", "supervisor", "held_on", "objectives", "next_due_on"]

    def __init__(self, *args, service, **kwargs):
        super().__init__(*args, **kwargs)
        _staff_choices(self, service, ("supervisee", "supervisor"))


class TrainingForm(ModelForm):
    worker = fields.ModelChoiceField(label="Who attended or delivered it", queryset=None, empty_label="Choose a person")
    kind = fields.RadioField(label="Attended or delivered", choices=Training.Kind.choices, error_name="which")
    held_on = fields.DateField(label="Date", error_name="the date")
    topic = fields.CharField(label="Topic", max_length=200)
    hours = fields.DecimalField(label="Hours", max_digits=4, decimal_places=1, error_name="the hours")
    audience = fields.CharField(
        label="Who it was for (delivered only)",
        max_length=200,
        required=False,
        hint="For example school staff, a children's ward team or a parent carer forum",
    )
    attendees = fields.IntegerField(
        label="Number who attended (delivered only)", required=False, min_value=1, error_name="the number"
    )

    class Meta:
        model = Training
        fields = ["worker", "kind", "held_on", "topic", "hours", "audience", "attendees"]

    def __init__(self, *args, service, **kwargs):
        super().__init__(*args, **kwargs)
        _staff_choices(self, service, ("worker",))


def _staff_choices(form, service, names) -> None:
    """The service's active staff, by name, for each of `names`; the record belongs to the service."""
    form.instance.service = service
    staff = service.users.filter(is_active=True).order_by("last_name", "first_name")
    for name in names:
        form.fields[name].queryset = staff
        form.fields[name].label_from_instance = lambda user: user.display_name
