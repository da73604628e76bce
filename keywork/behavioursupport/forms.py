import datetime

from django.core.exceptions import ValidationError
from django.utils import timezone

from keywork.behavioursupport.choices import SEVERITY_CHOICES, Injury, Practice, Setting
from keywork.behavioursupport.models import Incident, PbsPlan, RestrictivePractice
from keywork.forms import fields
from keywork.forms.models import ModelForm


class PlanForm(ModelForm):
    """A new version of the plan; `based_on_version` says which version the user opened."""

    behaviour_settings = fields.TextareaField(
        label="Settings where the behaviour happens", hint="Places, people and times of day where it is more likely"
    )
    triggers = fields.TextareaField(label="Triggers", hint="What sets the behaviour off")
    functions = fields.TextareaField(
        label="Functions of the behaviour",
        hint="What the behaviour does for them: to escape or avoid something, to get attention or an item, "
        "sensory, or to express pain or distress",
    )
    proactive_strategies = fields.TextareaField(
        label="Proactive strategies", hint="What everyone does to meet their needs so the behaviour is less likely"
    )
    early_warning_signs = fields.TextareaField(label="Early warning signs")
    reactive_strategies = fields.TextareaField(
        label="Reactive strategies", hint="What to do when the behaviour happens, least restrictive first"
    )
    post_incident_support = fields.TextareaField(
        label="Support after an incident", hint="For the young person, their family and staff"
    )
    written_by = fields.CharField(label="Written by", hint="Name and role", max_length=200)
    agreed_with = fields.CharField(
        label="Agreed with", hint="The young person, their family and the professionals who agreed it", max_length=300
    )
    agreed_on = fields.DateField(label="Date agreed", error_name="the date the plan was agreed")
    review_on = fields.DateField(label="Date of the next review", error_name="the date of the next review")
    based_on_version = fields.HiddenIntegerField(min_value=0)

    class Meta:
        model = PbsPlan
        fields = [*PbsPlan.TEXT, "agreed_on", "review_on"]

    def __init__(self, *args, person, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.person = person


class IncidentForm(ModelForm):
    """An incident and the restrictive practices used in it, each with its duration."""

    occurred_on = fields.DateField(label="Date", error_name="the date of the incident")
    occurred_time = fields.TimeField(label="Time")
    setting = fields.RadioField(label="Where it happened", choices=Setting.choices)
    antecedent = fields.TextareaField(label="What happened before (antecedent)")
    behaviour = fields.TextareaField(label="The behaviour", hint="What they did, as you would describe it to someone")
    consequence = fields.TextareaField(label="What happened after (consequence)")
    severity = fields.RadioField(label="Severity", choices=SEVERITY_CHOICES, error_name="how severe it was")
    injury = fields.RadioField(label="Injuries", choices=Injury.choices, error_name="whether anyone was hurt")
    injury_details = fields.TextareaField(label="Injury details (if anyone was hurt)", required=False)
    practices = fields.CheckboxesField(
        label="Restrictive practices used (if any)",
        choices=Practice.choices,
        required=False,
        hint="Select each one used, and give how long it lasted below",
    )
    physical_minutes = fields.IntegerField(label="Physical restraint: minutes", required=False)
    mechanical_minutes = fields.IntegerField(label="Mechanical restraint: minutes", required=False)
    chemical_minutes = fields.IntegerField(
        label="Chemical restraint: minutes", required=False, hint="From the medication given to when it wore off"
    )
    seclusion_minutes = fields.IntegerField(label="Seclusion: minutes", required=False)
    segregation_minutes = fields.IntegerField(label="Segregation: minutes", required=False)
    prn_given = fields.BooleanField(label="PRN medication was given to manage the behaviour", required=False)

    model_error_fields = {"occurred_at": "occurred_on"}
    field_order = [
        "occurred_on",
        "occurred_time",
        "setting",
        "antecedent",
        "behaviour",
        "consequence",
        "severity",
        "injury",
        "injury_details",
        "practices",
        *[f"{practice}_minutes" for practice in Practice.values],
        "prn_given",
    ]

    class Meta:
        model = Incident
        fields = ["setting", "antecedent", "behaviour", "consequence", "severity", "injury", "injury_details"]
        fields += ["prn_given"]

    def __init__(self, *args, person, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.person = person
        self.restrictive_practices: list[RestrictivePractice] = []

    def clean(self):
        cleaned = super().clean()
        day, time = cleaned.get("occurred_on"), cleaned.get("occurred_time")
        if day and time:
            self.instance.occurred_at = timezone.make_aware(datetime.datetime.combine(day, time))
        self.restrictive_practices = [
            RestrictivePractice(practice=practice, minutes=cleaned.get(f"{practice}_minutes"))
            for practice in cleaned.get("practices", [])
        ]
        try:
            self.instance.prn_given = bool(cleaned.get("prn_given"))
            self.instance.check_practices(self.restrictive_practices)
        except ValidationError as error:
            for field, messages in error.message_dict.items():
                self.add_error(field, messages)
        return cleaned

    def practice_minutes(self) -> list:
        return [self[f"{practice}_minutes"] for practice in Practice.values]
