"""What C(E)TRs hold about a person: the reviews, their recommendations tracked as actions, and the
reports stored for each review (copied into the subject access pack, deleted on erasure).

As FHIR, each review (C(E)TR of every kind, blue light included, and each LAEP meeting) is a UK Core
Encounter: a meeting about the person with the professionals around them, "finished" once held and
"planned" before; class ambulatory, or inpatient for the reviews held while the person is in
hospital; its outcome as the narrative. Who attended stays in the pack (for review before release)."""

from html import escape

from keywork.locking import VERSION_LEFT_OUT
from keywork.personrecord import PageSection, Part, StoredFile
from keywork.personrecord.fhir import UK_CORE, FhirRecord, date, reference, resource_id, without_empty
from keywork.personrecord.pack import Column, Section, section
from keywork.reviews import person_page
from keywork.reviews.choices import ReviewKind
from keywork.reviews.files import safe_report_name

ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode"
AMBULATORY = {"system": ACT_CODE, "code": "AMB", "display": "ambulatory"}
INPATIENT = {"system": ACT_CODE, "code": "IMP", "display": "inpatient encounter"}
# Reviews held while the person is in hospital (NHS England C(E)TR policy).
HELD_IN_HOSPITAL = {ReviewKind.POST_ADMISSION, ReviewKind.INPATIENT}

REPORT_REVIEW_REASON = "the C(E)TR reports name the professionals and others who attended, and describe them"


def pack(person) -> list[Section]:
    return [
        section(
            "Care (Education) and Treatment Reviews",
            person.reviews.order_by("requested_on", "id"),
            [
                Column("Kind", "kind"),
                Column("C(E)TR (with Education)", "includes_education"),
                Column("Requested", "requested_on"),
                Column("Scheduled", "scheduled_on"),
                Column("Held", "held_on"),
                Column("Chair", "chair", about_others=True),
                Column("Clinical expert", "clinical_expert", about_others=True),
                Column("Expert by experience", "expert_by_experience", about_others=True),
                Column("Other attendees", "other_attendees", about_others=True),
                Column("Outcome", "outcome_summary"),
                Column(
                    "Report (in the ZIP)",
                    lambda review: review.report_name or review.report.name,
                    covers=("report", "report_name"),
                ),
            ],
        ),
        section(
            "Actions agreed (from C(E)TR recommendations and other meetings)",
            person.actions.for_lists().order_by("due_on", "id"),
            [
                Column("Raised at", lambda action: action.source_label, covers=("source_type", "source_id")),
                Column("Recommendation", "recommendation"),
                Column(
                    "Owner",
                    lambda action: action.owner_display,
                    about_others=True,
                    covers=("owner_staff", "owner_professional", "owner_organisation"),
                ),
                Column("Due", "due_on"),
                Column("Status", "status"),
                Column("Evidence", "evidence"),
                Column("Completed", "completed_on"),
                Column("Reason dropped", "dropped_reason"),
            ],
        ),
    ]


def fhir(record: FhirRecord) -> None:
    record.add(*(encounter(review, record.subject) for review in record.person.reviews.order_by("requested_on", "id")))


def encounter(review, subject: dict) -> dict:
    kind = review.get_kind_display()
    outcome = review.outcome_summary.strip()
    narrative = f'<div xmlns="http://www.w3.org/1999/xhtml"><p>Outcome: {escape(outcome)}</p></div>' if outcome else ""
    return without_empty(
        {
            "resourceType": "Encounter",
            "id": resource_id("Encounter/review", review.pk),
            "meta": {"profile": [UK_CORE + "UKCore-Encounter"]},
            "text": {"status": "generated", "div": narrative} if narrative else None,
            "status": "finished" if review.held_on else "planned",
            "class": INPATIENT if review.kind in HELD_IN_HOSPITAL else AMBULATORY,
            "type": [{"text": kind if review.is_laep else f"{review.name}: {kind}"}],
            "subject": reference(subject),
            "period": without_empty({"start": date(review.held_on or review.scheduled_on)}),
        }
    )


def stored_reports(person) -> list[StoredFile]:
    return [
        StoredFile(f"reports/review-{review.pk}-{safe_report_name(review)}", review.report, REPORT_REVIEW_REASON)
        for review in person.reviews.exclude(report="").order_by("id")
    ]


PART = Part(
    "reviews",
    page_sections=(PageSection("reviews", person_page.reviews_section),),
    timeline=(person_page.timeline_events,),
    pack=pack,
    fhir=fhir,
    files=stored_reports,
    left_out={"reviews.Review.version": VERSION_LEFT_OUT, "reviews.Action.version": VERSION_LEFT_OUT},
)
