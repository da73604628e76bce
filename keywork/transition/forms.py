from keywork.forms import fields
from keywork.forms.models import ModelForm
from keywork.forms.versioned import VersionedForm
from keywork.transition.choices import AREAS, AreaStatus
from keywork.transition.models import TransitionPlan


def _area_fields(prefix: str) -> tuple:
    """An area's status, notes and owner, labelled with the area's heading."""
    heading = dict(AREAS)[prefix]
    return (
        fields.RadioField(
            label=f"{heading}: status", choices=AreaStatus.choices, error_name=f"the status of {heading.lower()}"
        ),
        fields.TextareaField(label=f"{heading}: notes (optional)", required=False),
        fields.CharField(label=f"{heading}: who leads it (optional)", required=False, max_length=200),
    )


class TransitionPlanForm(VersionedForm, ModelForm):
    """The person the plan is about is set by the page, never posted."""

    social_care_status, social_care_notes, social_care_owner = _area_fields("social_care")
    health_status, health_notes, health_owner = _area_fields("health")
    housing_status, housing_notes, housing_owner = _area_fields("housing")
    employment_status, employment_notes, employment_owner = _area_fields("employment")

    agreed_on = fields.DateField(label="Date the plan was agreed", error_name="the date the plan was agreed")
    review_on = fields.DateField(label="Date of the next review", error_name="the date of the next review")
    adult_services_referred_on = fields.DateField(
        label="Date referred to adult services (optional)", required=False, error_name="the referral date"
    )
    adult_services_referred_to = fields.CharField(
        label="Adult services referred to (optional)", required=False, max_length=200
    )

    class Meta:
        model = TransitionPlan
        fields = [f"{prefix}_{part}" for prefix, _ in AREAS for part in ("status", "notes", "owner")] + [
            "agreed_on",
            "review_on",
            "adult_services_referred_on",
            "adult_services_referred_to",
        ]

    def __init__(self, *args, person, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.person = person

    def area_fields(self) -> list[tuple[str, list]]:
        """Each area's heading and its bound fields, for the page to group them."""
        parts = ("status", "notes", "owner")
        return [(heading, [self[f"{prefix}_{part}"] for part in parts]) for prefix, heading in AREAS]
