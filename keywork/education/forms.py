from keywork.education.choices import Area, EhcpStatus, EventKind, SettingType
from keywork.education.models import EducationEvent, EducationSetting, Ehcp
from keywork.forms import fields
from keywork.forms.models import ModelForm
from keywork.forms.versioned import VersionedForm


class AboutPerson:
    """Before VersionedForm and ModelForm in a form's bases: the person it is about is set by the
    page, never posted."""

    def __init__(self, *args, person, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.person = person


class EducationSettingForm(AboutPerson, VersionedForm, ModelForm):
    setting_type = fields.RadioField(label="Type of setting", choices=SettingType.choices)
    name = fields.CharField(
        label="Name of the school or college", required=False, max_length=200, hint="Leave empty if not in education"
    )
    area = fields.RadioField(
        label="In or out of the local area", choices=Area.choices, error_name="whether it is in or out of area"
    )
    distance_miles = fields.IntegerField(
        label="Distance from home in miles (optional)", required=False, min_value=0, max_value=1000
    )
    starts_on = fields.DateField(label="Date they started", error_name="the date they started")
    ends_on = fields.DateField(label="Date they left (optional)", required=False, error_name="the date they left")

    class Meta:
        model = EducationSetting
        fields = ["setting_type", "name", "area", "distance_miles", "starts_on", "ends_on"]


class EhcpForm(AboutPerson, VersionedForm, ModelForm):
    status = fields.RadioField(
        label="Do they have an Education, Health and Care Plan (EHCP)?",
        choices=EhcpStatus.choices,
        error_name="whether they have an EHCP",
    )
    issued_on = fields.DateField(label="Date issued (optional)", required=False, error_name="the date issued")
    local_authority = fields.CharField(
        label="Local authority that maintains it (optional)", required=False, max_length=100
    )
    next_annual_review_due = fields.DateField(
        label="Next annual review due (optional)",
        required=False,
        hint="Left empty, it is 12 months after the date issued",
        error_name="the next annual review date",
    )

    class Meta:
        model = Ehcp
        fields = ["status", "issued_on", "local_authority", "next_annual_review_due"]


class EducationEventForm(AboutPerson, VersionedForm, ModelForm):
    kind = fields.RadioField(label="What happened", choices=EventKind.choices)
    starts_on = fields.DateField(label="Date it started", error_name="the date it started")
    ends_on = fields.DateField(label="Date it ended (optional)", required=False, error_name="the date it ended")
    notes = fields.TextareaField(label="Notes (optional)", required=False)

    class Meta:
        model = EducationEvent
        fields = ["kind", "starts_on", "ends_on", "notes"]
