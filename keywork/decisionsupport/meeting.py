"""What the DSR meeting screen shows of the tool: each person's latest suggestion beside the
rating chosen. The meetings app (a layer above) calls these; they read no request and audit
nothing, so the caller reaches the people through keywork.register.access as for any record."""

import datetime
from dataclasses import dataclass

from keywork.decisionsupport.models import RatingAssessment


@dataclass(frozen=True)
class LatestSuggestion:
    assessed_on: datetime.date
    suggested_rating: str  # "red", "amber", "green", or "" when the tool suggested none (in hospital)
    chosen_rating: str  # "red", "amber", "green" or "blue": the rating the practitioner decided
    differs: bool  # a suggestion was made and the rating chosen is another
    url: str  # the assessment's own page


def _latest(assessment: RatingAssessment) -> LatestSuggestion:
    return LatestSuggestion(
        assessed_on=assessment.assessed_on,
        suggested_rating=assessment.suggested_rating,
        chosen_rating=assessment.chosen_rating,
        differs=assessment.differs,
        url=assessment.get_absolute_url(),
    )


def latest_suggestion(person) -> LatestSuggestion | None:
    """The person's latest use of the tool, or None if it was never used for them."""
    found = person.rating_assessments.first()  # newest first (the model's ordering)
    return _latest(found) if found else None


def latest_suggestions(people) -> dict[int, LatestSuggestion]:
    """{person id: their latest use of the tool} for `people` (a queryset or ids: an agenda), in one
    query; people never assessed are left out."""
    latest: dict[int, LatestSuggestion] = {}
    for assessment in RatingAssessment.objects.filter(person__in=people).order_by(
        "person_id", "-assessed_on", "-recorded_at", "-id"
    ):
        if assessment.person_id not in latest:
            latest[assessment.person_id] = _latest(assessment)
    return latest
