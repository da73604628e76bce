from keywork.forms import fields
from keywork.forms.models import ModelForm
from keywork.services.models import IDLE_TIMEOUT_MINUTES, Service

LEAST, MOST = IDLE_TIMEOUT_MINUTES


class IdleTimeoutForm(ModelForm):
    idle_timeout_minutes = fields.IntegerField(
        label="Minutes without activity before signing out",
        error_name="the number of minutes",
        min_value=LEAST,
        max_value=MOST,
        hint=f"From {LEAST} to {MOST} minutes (8 hours). Users are warned 2 minutes before.",
    )

    class Meta:
        model = Service
        fields = ["idle_timeout_minutes"]
