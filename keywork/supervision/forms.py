"""The supervision form: parsing here; the rules are on the model."""

from keywork.forms import fields
from keywork.forms.models import ModelForm
from keywork.supervision.models import Supervision


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
        self.instance.service = service
        staff = service.users.filter(is_active=True).order_by("last_name", "first_name")
        for name in ("supervisee", "supervisor"):
            self.fields[name].queryset = staff
            self.fields[name].label_from_instance = lambda user: user.display_name
