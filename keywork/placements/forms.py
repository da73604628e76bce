from keywork.forms import fields
from keywork.forms.models import ModelForm
from keywork.forms.versioned import VersionedForm
from keywork.placements.choices import Area, LivingSituation
from keywork.placements.models import Placement, PlacementBreakdown


class AboutPerson:
    """Before VersionedForm and ModelForm in a form's bases: the person it is about is set by the
    page, never posted."""

    def __init__(self, *args, person, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.person = person


class PlacementForm(AboutPerson, VersionedForm, ModelForm):
    kind = fields.RadioField(label="Where they live", choices=LivingSituation.choices, error_name="where they live")
    area = fields.RadioField(
        label="In or out of the local area", choices=Area.choices, error_name="whether it is in or out of area"
    )
    starts_on = fields.DateField(label="Date it started", error_name="the date it started")
    ends_on = fields.DateField(label="Date it ended (optional)", required=False, error_name="the date it ended")

    class Meta:
        model = Placement
        fields = ["kind", "area", "starts_on", "ends_on"]


class BreakdownForm(AboutPerson, VersionedForm, ModelForm):
    occurred_on = fields.DateField(label="Date it broke down", error_name="the date it broke down")
    what_happened = fields.TextareaField(label="What happened", error_name="what happened")

    class Meta:
        model = PlacementBreakdown
        fields = ["occurred_on", "what_happened"]
