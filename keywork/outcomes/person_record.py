"""What outcomes hold about a person: goals and their ratings, behaviours of concern, family
measures, how keywork closed, system blockers and case studies; in the pack, and as FHIR (a Goal
per personal goal, linked to the support plan's CarePlan)."""

from keywork.locking import VERSION_LEFT_OUT
from keywork.outcomes import person_page
from keywork.outcomes.models import ClosingOutcome, GoalRating
from keywork.personrecord import PageSection, Part
from keywork.personrecord.fhir import FhirRecord, date, reference, resource_id, without_empty
from keywork.personrecord.pack import Column, Section, section


def pack(person) -> list[Section]:
    return [
        section(
            "How keywork closed",
            ClosingOutcome.objects.filter(referral__person=person).select_related("referral").order_by("id"),
            [
                Column("Referral received", "referral__received_on"),
                Column("Admission avoided", "admission_avoided"),
                Column("Why admission was or was not avoided", "admission_rationale"),
                Column("Breakdown prevented", "breakdown_prevented"),
                Column("Notes", "notes"),
            ],
        ),
        section(
            "Goals",
            person.goals.order_by("set_on", "id"),
            [Column("Set", "set_on"), Column("Goal", "description"), Column("Set with", "set_with", about_others=True)],
        ),
        section(
            "Progress towards goals",
            GoalRating.objects.filter(goal__person=person).select_related("goal").order_by("rated_on", "id"),
            [
                Column("Goal", "goal__description"),
                Column("Rated", "rated_on"),
                Column("Score (−2 to +2)", "score"),
                Column("Note", "note"),
            ],
        ),
        section(
            "Behaviours of concern",
            person.behaviour_records.order_by("week_starting", "id"),
            [
                Column("Week starting", "week_starting"),
                Column("Behaviour", "behaviour_type"),
                Column("Times in the week", "frequency_per_week"),
                Column("Severity (1 to 5)", "severity"),
            ],
        ),
        section(
            "Family measures",
            person.family_measures.order_by("taken_on", "id"),
            [
                Column("Taken", "taken_on"),
                Column("When in keywork", "point"),
                Column("Quality of life", "quality_of_life"),
                Column("Confidence managing", "confidence_managing"),
                Column("Feeling listened to", "feeling_listened_to"),
            ],
        ),
        section(
            "System blockers met in the person's support",
            person.system_blockers.order_by("raised_on", "id"),
            [
                Column("Raised", "raised_on"),
                Column("Category", "category"),
                Column("Agency responsible", "agency"),
                Column("Description", "description"),
                Column("Resolved", "resolved_on"),
                Column("Resolution", "resolution"),
            ],
            review_reason="shared records: a blocker can describe other people's support too",
        ),
        section(
            "Case studies",
            person.case_studies.order_by("quarter_start", "id"),
            [
                Column("Title", "title"),
                Column("Narrative", "narrative"),
                Column("Consent recorded", "consent_recorded"),
                Column("Consent given by", "consent_given_by", about_others=True),
                Column("Consent date", "consent_on"),
            ],
        ),
    ]


def fhir(record: FhirRecord) -> None:
    resources = goals(record.person, record.subject)
    record.add(*resources)
    # The support plan (keyworking's CarePlan) works towards these goals.
    for plan in record.of_type("CarePlan"):
        plan["goal"] = [reference(goal) for goal in resources]


def goals(person, subject: dict) -> list[dict]:
    resources = []
    for goal in person.goals.prefetch_related("ratings"):
        notes = [{"text": f"Set with {goal.set_with}"}] if goal.set_with else []
        for rating in goal.ratings_in_order():
            text = f"Goal attainment scaling {rating.score:+d} on {rating.rated_on.isoformat()}"
            notes.append({"text": f"{text}: {rating.note}" if rating.note else text})
        resources.append(
            without_empty(
                {
                    "resourceType": "Goal",
                    "id": resource_id("Goal", goal.pk),
                    "lifecycleStatus": "active",
                    "description": {"text": goal.description},
                    "subject": reference(subject),
                    "startDate": date(goal.set_on),
                    "note": notes,
                }
            )
        )
    return resources


PART = Part(
    "outcomes",
    page_sections=(PageSection("outcomes", person_page.outcomes_section),),
    timeline=(person_page.timeline_events,),
    pack=pack,
    fhir=fhir,
    left_out={
        "outcomes.SystemBlocker.people": "the other people a shared blocker is about are not the person's data",
        "outcomes.SystemBlocker.service": "the service is named in the person's details",
        "outcomes.CaseStudy.service": "the service is named in the person's details",
        "outcomes.CaseStudy.quarter_start": "the quarter of the NHS England return it was written for",
        "outcomes.SystemBlocker.version": VERSION_LEFT_OUT,
        "outcomes.ClosingOutcome.version": VERSION_LEFT_OUT,
        "outcomes.CaseStudy.version": VERSION_LEFT_OUT,
    },
)
