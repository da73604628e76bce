"""Current inpatients with their C(E)TR due dates and what is missing (a keyworker, a community
C(E)TR or LAEP meeting before admission), in a fixed number of queries."""

from dataclasses import dataclass

from django.db.models import Prefetch
from django.urls import reverse

from keywork.inpatient.models import Admission
from keywork.reviews.choices import BEFORE_ADMISSION_KINDS, ReviewKind
from keywork.reviews.models import Review
from keywork.reviews.rules import ReviewSchedule, review_schedule, reviewed_before_admission

INPATIENT_REVIEW_KINDS = [ReviewKind.POST_ADMISSION, ReviewKind.INPATIENT]
# The inpatient list's ?keyworker= value showing only those without a keyworker.
WITHOUT_KEYWORKER = "none"


def without_keyworker_url() -> str:
    """The inpatient list showing only those flagged "No keyworker": where the homes' counts lead."""
    return reverse("inpatient:list") + f"?keyworker={WITHOUT_KEYWORKER}"


@dataclass
class InpatientRow:
    admission: Admission
    days_in_hospital: int
    legal_status: object
    schedule: ReviewSchedule
    has_keyworker: bool
    reviewed_before_admission: bool

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


def reviewed_before(admission) -> bool:
    """reviewed_before_admission for an admission with its person's reviews prefetched."""
    held = [
        review.held_on
        for review in admission.person.reviews.all()
        if review.held_on and review.kind in BEFORE_ADMISSION_KINDS
    ]
    return reviewed_before_admission(admission.admitted_on, held)


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
    without_keyworker = set(
        Admission.objects.without_a_keyworker(today).filter(person__in=people).values_list("pk", flat=True)
    )
    return [
        InpatientRow(
            admission,
            admission.days_in_hospital(today),
            admission.legal_status_on(today),
            schedule_for(admission, service, today),
            has_keyworker=admission.pk not in without_keyworker,
            reviewed_before_admission=reviewed_before(admission),
        )
        for admission in admissions
    ]
