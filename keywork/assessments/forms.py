from keywork.assessments.choices import AssessmentKind, OtArea
from keywork.assessments.models import Assessment
from keywork.forms import fields
from keywork.forms.models import ModelForm
from keywork.forms.versioned import VersionedForm
from keywork.keyworking.forms import worker_label
from keywork.reviews.models import staff_who_may_own_actions


class AssessmentForm(VersionedForm, ModelForm):
    kind = fields.RadioField(label="Kind of assessment", choices=AssessmentKind.choices)
    areas = fields.CheckboxesField(
        label="Areas assessed (occupational therapy only)",
        choices=OtArea.choices,
        required=False,
        error_name="the areas assessed",
    )
    assessed_on = fields.DateField(label="Date assessed", error_name="the date of the assessment")
    assessor_staff = fields.ModelChoiceField(
        label="Assessor (a member of staff)",
        error_name="the member of staff who assessed",
        queryset=None,
        required=False,
        empty_label="Choose a member of staff",
    )
    assessor_name = fields.CharField(
        label="Or an outside assessor's name", error_name="the outside assessor's name", max_length=200, required=False
    )
    assessor_organisation = fields.CharField(
        label="Their organisation", error_name="the outside assessor's organisation", max_length=200, required=False
    )
    summary = fields.TextareaField(label="Summary", hint="What the assessment found, in a few sentences")
    report = fields.FileField(
        label="Report (optional)", required=False, hint="A PDF (.pdf) or a Word document (.docx), up to 10 MB"
    )

    class Meta:
        model = Assessment
        fields = [
            "kind",
            "areas",
            "assessed_on",
            "assessor_staff",
            "assessor_name",
            "assessor_organisation",
            "summary",
            "report",
        ]

    def __init__(self, *args, person, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.person = person
        self.fields["assessor_staff"].queryset = staff_who_may_own_actions(person.service)
        self.fields["assessor_staff"].label_from_instance = worker_label

    def clean_areas(self):
        return self.cleaned_data.get("areas") or []
