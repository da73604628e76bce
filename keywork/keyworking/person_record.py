"""What keyworking holds about a person: referrals, keyworkers, contacts and follow-ups,
escalations, the professionals around them and their support plans; in the pack, and as FHIR
(the team around the person as a CareTeam, the latest support plan as a CarePlan)."""

from django.utils import timezone

from keywork.keyworking import person_page
from keywork.keyworking.models import FollowUp
from keywork.locking import VERSION_LEFT_OUT
from keywork.personrecord import PageSection, Part
from keywork.personrecord.fhir import FhirRecord, date, reference, resource_id, without_empty
from keywork.personrecord.pack import FOR_REVIEW, Column, Section, section, staff_name


def pack(person) -> list[Section]:
    return [
        section(
            "Referrals to the keyworker service",
            person.referrals.select_related("decided_by").order_by("received_on", "id"),
            [
                Column("Received", "received_on"),
                Column("Route", "route"),
                Column("Referred by", "referrer_name", about_others=True),
                Column("Organisation", "referrer_organisation", about_others=True),
                Column("Reason", "reason"),
                Column("Decision", "decision"),
                Column("Decision reason", "decision_reason"),
                Column("Decided", "decided_on"),
                Column("Decided by", "decided_by", about_others=True),
                Column("Closed", "closed_on"),
                Column("Closing reason", "closing_reason"),
                Column("Closing notes", "closing_notes"),
            ],
        ),
        section(
            "Keyworkers allocated",
            person.allocations.select_related("worker").order_by("starts_on", "id"),
            [
                Column("From", "starts_on"),
                Column("Until", "ends_on"),
                Column("Worker", "worker", about_others=True),
                Column("Type of worker", "worker_type"),
                Column("Complex case (weighs more in the caseload)", "is_complex"),
                Column("Reason", "reason"),
                Column("Allocated despite lapsed assurance", "assurance_override_reason", about_others=True),
                Column("Reason it ended", "end_reason"),
            ],
        ),
        section(
            "Contacts with or about the person",
            person.contacts.prefetch_related("workers", "professionals").order_by("occurred_at", "id"),
            [
                Column("When", "occurred_at"),
                Column("Type", "contact_type"),
                Column("Minutes", "duration_minutes"),
                Column("Workers", lambda c: [staff_name(w) for w in c.workers.all()], True, covers=("workers",)),
                Column("Family present", "family_present", about_others=True),
                Column("Professionals", lambda c: [str(p) for p in c.professionals.all()], True, ("professionals",)),
                Column("Notes", "notes"),
                Column("Restricted note", lambda contact: _restricted(contact), covers=("restricted",)),
            ],
            review_row=lambda contact: contact.restricted,
        ),
        section(
            "Follow-ups agreed at contacts",
            FollowUp.objects.filter(person=person).select_related("owner", "contact").order_by("due_on", "id"),
            [
                Column("Due", "due_on"),
                Column("What", "description"),
                Column("Owner", lambda f: f.owner_display, about_others=True, covers=("owner", "owner_name")),
                Column("Done", "done_on"),
                Column("From a restricted note", lambda f: _restricted(f.contact), covers=("contact",)),
            ],
            review_row=lambda follow_up: follow_up.contact.restricted,
        ),
        section(
            "Escalations",
            person.escalations.select_related("raised_by").order_by("escalated_on", "id"),
            [
                Column("Escalated", "escalated_on"),
                Column("Issue", "issue"),
                Column("Escalated to", "escalated_to", about_others=True),
                Column("Level", "level"),
                Column("Response due", "response_due_on"),
                Column("Response", "response"),
                Column("Responded", "responded_on"),
                Column("Resolved", "resolved_on"),
                Column("Raised by", "raised_by", about_others=True),
            ],
        ),
        section(
            "Professionals in the person's network",
            person.involvements.select_related("professional").order_by("id"),
            [
                Column("Name", "professional__name", about_others=True),
                Column("Role", "professional__role", about_others=True),
                Column("Organisation", "professional__organisation", about_others=True),
                Column("Role for the person", "role_for_person"),
                Column("Lead professional", "is_lead"),
                Column("Ended", "ended_on"),
            ],
            review_reason="professionals' names and contact details",
        ),
        section(
            "Support plans (every version)",
            person.support_plans.select_related("saved_by").order_by("version"),
            [
                Column("Version", "version"),
                Column("Saved", "saved_at"),
                Column("What helps", "what_helps"),
                Column("Known triggers", "triggers"),
                Column("Early warning signs", "early_warning_signs"),
                Column("Who to call", "who_to_call", about_others=True),
                Column("Agreed responses", "agreed_responses"),
                Column("Saved by", "saved_by", about_others=True),
            ],
        ),
    ]


def _restricted(contact) -> str:
    return f"Yes – {FOR_REVIEW}" if contact.restricted else "No"


def fhir(record: FhirRecord) -> None:
    team = care_team(record.person, record.subject)
    record.add(team, care_plan(record.person, record.subject, team))


def care_team(person, subject: dict) -> dict | None:
    """The team around the person: current keyworkers and the professionals involved."""
    today = timezone.localdate()
    participants = [
        {
            "role": [{"text": allocation.get_worker_type_display()}],
            "member": {"display": allocation.worker.display_name},
            "period": without_empty({"start": date(allocation.starts_on), "end": date(allocation.ends_on)}),
        }
        for allocation in person.allocations.current(today).select_related("worker").order_by("starts_on", "id")
    ]
    for involvement in person.involvements.select_related("professional"):
        if involvement.ended_on and involvement.ended_on < today:
            continue
        professional = involvement.professional
        role = involvement.role_for_person + (" (lead professional)" if involvement.is_lead else "")
        participants.append(
            without_empty(
                {
                    "role": [{"text": role}],
                    "member": {"display": f"{professional.name}, {professional.role}"},
                    "onBehalfOf": {"display": professional.organisation} if professional.organisation else None,
                    "period": without_empty({"end": date(involvement.ended_on)}),
                }
            )
        )
    if not participants:
        return None
    return {
        "resourceType": "CareTeam",
        "id": resource_id("CareTeam", person.pk),
        "status": "active",
        "name": f"Team around {person.full_name}",
        "subject": reference(subject),
        "participant": participants,
    }


def care_plan(person, subject: dict, team: dict | None) -> dict | None:
    """The current (latest) version of the support and crisis plan. Apps that hold the person's
    goals add them to its `goal` list."""
    plan = person.support_plans.select_related("saved_by").order_by("-version").first()
    if plan is None:
        return None
    sections = [
        ("What helps", plan.what_helps),
        ("Known triggers", plan.triggers),
        ("Early warning signs", plan.early_warning_signs),
        ("Who to call", plan.who_to_call),
        ("Agreed responses", plan.agreed_responses),
    ]
    return without_empty(
        {
            "resourceType": "CarePlan",
            "id": resource_id("CarePlan", plan.pk),
            "status": "active",
            "intent": "plan",
            "category": [{"text": "Support and crisis plan"}],
            "title": f"Support and crisis plan, version {plan.version}",
            "subject": reference(subject),
            "created": timezone.localtime(plan.saved_at).isoformat() if plan.saved_at else None,
            "author": {"display": plan.saved_by.display_name},
            "careTeam": [reference(team)] if team else [],
            "note": [{"text": f"{title}: {text}"} for title, text in sections if text],
        }
    )


PART = Part(
    "keyworking",
    page_sections=(PageSection("keywork", person_page.keywork_section), PageSection("plans", person_page.plan_section)),
    summary=(person_page.keyworkers,),
    timeline=(person_page.timeline_events,),
    pack=pack,
    fhir=fhir,
    left_out={"keyworking.Referral.version": VERSION_LEFT_OUT, "keyworking.Escalation.version": VERSION_LEFT_OUT},
)
