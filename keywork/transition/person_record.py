"""What preparing for adulthood holds about a person: the transition plan; in the pack, and as FHIR
a UK Core CarePlan with category "transition" (its activities the four areas, the adult services
referral noted on it), the resource the FHIR CarePlan is meant for: a plan agreed with the person,
its period from the date agreed to the next review."""

from keywork.locking import VERSION_LEFT_OUT
from keywork.personrecord import PageSection, Part
from keywork.personrecord.fhir import UK_CORE, FhirRecord, date, reference, resource_id, without_empty
from keywork.personrecord.pack import Column, Section, section
from keywork.transition import person_page
from keywork.transition.choices import AREAS, AreaStatus
from keywork.transition.models import TransitionPlan

# The FHIR CarePlan activity status nearest each area's status.
ACTIVITY_STATUS = {
    AreaStatus.NOT_STARTED: "not-started",
    AreaStatus.IN_PROGRESS: "in-progress",
    AreaStatus.AGREED: "completed",
    AreaStatus.NOT_NEEDED: "cancelled",
}


def pack(person) -> list[Section]:
    plans = TransitionPlan.objects.filter(person=person)
    columns = [
        column
        for prefix, heading in AREAS
        for column in (
            Column(f"{heading}: status", f"{prefix}_status"),
            Column(f"{heading}: notes", f"{prefix}_notes"),
            Column(f"{heading}: who leads it", f"{prefix}_owner", about_others=True),
        )
    ]
    columns += [
        Column("Agreed", "agreed_on"),
        Column("Next review", "review_on"),
        Column("Referred to adult services", "adult_services_referred_on"),
        Column("Adult services referred to", "adult_services_referred_to", about_others=True),
    ]
    return [section("Transition plan (preparing for adulthood)", plans, columns)]


def fhir(record: FhirRecord) -> None:
    plan = TransitionPlan.objects.filter(person=record.person).first()
    if plan is not None:
        record.add(care_plan(plan, record.subject))


def care_plan(plan, subject: dict) -> dict:
    note = (
        f"Referred to adult services ({plan.adult_services_referred_to}) on {date(plan.adult_services_referred_on)}"
        if plan.adult_services_referred_on
        else ""
    )
    return without_empty(
        {
            "resourceType": "CarePlan",
            "id": resource_id("CarePlan/transition", plan.pk),
            "meta": {"profile": [UK_CORE + "UKCore-CarePlan"]},
            "status": "active",
            "intent": "plan",
            "category": [{"text": "transition"}],
            "title": "Transition plan (preparing for adulthood)",
            "subject": reference(subject),
            "period": {"start": date(plan.agreed_on), "end": date(plan.review_on)},
            "activity": [
                {
                    "detail": without_empty(
                        {
                            "status": ACTIVITY_STATUS[getattr(plan, f"{prefix}_status")],
                            "description": " ".join(
                                part for part in (heading + ".", getattr(plan, f"{prefix}_notes")) if part
                            ),
                            "performer": [{"display": owner} for owner in [getattr(plan, f"{prefix}_owner")] if owner],
                        }
                    )
                }
                for prefix, heading in AREAS
            ],
            "note": [{"text": note}] if note else [],
        }
    )


PART = Part(
    "transition",
    page_sections=(PageSection("details", person_page.transition_section),),
    timeline=(person_page.timeline_events,),
    pack=pack,
    fhir=fhir,
    left_out={"transition.TransitionPlan.version": VERSION_LEFT_OUT},
)
