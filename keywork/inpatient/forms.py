from keywork.forms import fields
from keywork.forms.models import ModelForm
from keywork.inpatient.choices import LegalStatus, UnitType
from keywork.inpatient.models import Admission, LegalStatusChange


class AdmissionForm(ModelForm):
    hospital = fields.CharField(label="Hospital", max_length=200)
    unit = fields.CharField(label="Ward or unit", max_length=200)
    unit_type = fields.RadioField(label="Type of unit", choices=UnitType.choices)
    distance_miles = fields.IntegerField(label="Distance from home in miles", min_value=0)
    admitted_on = fields.DateField(label="Date admitted", hint="An earlier date is fine when catching up records")
    legal_status = fields.RadioField(label="Legal status on admission", choices=LegalStatus.choices)
    planned_discharge_on = fields.DateField(label="Planned discharge date (optional)", required=False)

    class Meta:
        model = Admission
        fields = ["hospital", "unit", "unit_type", "distance_miles", "admitted_on", "planned_discharge_on"]


class DischargeForm(ModelForm):
    discharged_on = fields.DateField(label="Date discharged")
    discharge_destination = fields.CharField(
        label="Discharged to",
        error_name="where they were discharged to",
        max_length=200,
        hint="For example, family home",
    )
    delay_reasons = fields.TextareaField(label="Reasons discharge was delayed (optional)", required=False)

    class Meta:
        model = Admission
        fields = ["discharged_on", "discharge_destination", "delay_reasons"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["discharged_on"].required = True


class LegalStatusForm(ModelForm):
    status = fields.RadioField(label="Legal status", choices=LegalStatus.choices)
    effective_on = fields.DateField(label="From", error_name="the date the legal status took effect")

    class Meta:
        model = LegalStatusChange
        fields = ["status", "effective_on"]

    def __init__(self, *args, admission, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.admission = admission
