from keywork.forms import fields
from keywork.forms.models import ModelForm
from keywork.reporting.models import QuarterNarrative


class NarrativeForm(ModelForm):
    improvement = fields.TextareaField(label="Continuous-improvement activity", required=False)
    challenges = fields.TextareaField(label="Challenges", required=False)

    class Meta:
        model = QuarterNarrative
        fields = ["improvement", "challenges"]
