"""Current inpatients with their C(E)TR due dates, in a fixed number of queries."""

from dataclasses import dataclass

from django.db.models import Prefetch

from keywork.inpatient.models import Admission
from keywork.reviews.choices import ReviewKind
from keywork.reviews.models import Review
from keywork.reviews.rules import ReviewSchedule, review_schedule

INPATIENT_REVIEW_KINDS = [ReviewKind.POST_ADMISSION, ReviewKind.INPATIENT]


@dataclass
class InpatientRow:
    admission: Admission
    days_in_hospital: int
    legal_status: object
    schedule: ReviewSchedule

    @property
    def person_id(self) -> int:
        """Whom the row shows, as for every record listed (register.access.listed)."""
        return self.admission.person_id


def schedule_for(admission, service, today) -> ReviewSchedule:
    held = [
        review.held_on
        for review in admission.person.reviews.all()
        if review.held_on and review.kind in INPATIENT_REVIEW_KINDS
    ]
    return review_schedule(admission, held, service, today)


def current_inpatients(people, service, today) -> list[InpatientRow]:
    admissions = (
        Admission.objects.in_hospital_on(today)
        .filter(person__in=people)
        .select_related("person")
        .prefetch_related(
            "legal_status_changes",
            Prefetch("person__reviews", queryset=Review.objects.only("id", "person_id", "held_on", "kind")),
        )
        .order_by("admitted_on")
    )
    return [
        InpatientRow(
            admission,
            admission.days_in_hospital(today),
            admission.legal_status_on(today),
            schedule_for(admission, service, today),
        )
        for admission in admissions
    ]
