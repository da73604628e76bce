"""Shared by the keyworking API tests (no tests here): a client that sends a user's bearer token,
request bodies that are valid until a test changes them, readers of the JSON answers, and a table
of every keyworking route with a person who has a record behind each."""

import datetime

from django.utils import timezone

from keywork.accounts.models import WorkerType
from keywork.accounts.permissions import Permission
from keywork.audit.models import NO_CHANGE, AuditEntry, Operation
from keywork.keyworking.models import (
    Allocation,
    Contact,
    Escalation,
    FollowUp,
    Involvement,
    Professional,
    Referral,
    SupportPlan,
)
from keywork.testing.api import Route, World
from keywork.testing.dates import TODAY, days_ago
from keywork.testing.factories import keyworker_of, refer


def counts(*models) -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in models}


# Bodies -------------------------------------------------------------------------------------------


def iso(day: datetime.date | datetime.datetime) -> str:
    return day.isoformat()


def referral_body(person, **changes) -> dict:
    body = {
        "person_id": person.pk,
        "route": "dsr",
        "received_on": iso(days_ago(10)),
        "referrer_name": "Cory Coordinator",
        "referrer_organisation": "Kent DSR",
        "reason": "Red on the register",
    }
    return body | changes


def allocation_body(person, user, **changes) -> dict:
    body = {"person_id": person.pk, "worker_id": user.pk, "starts_on": iso(days_ago(5)), "reason": "Has capacity"}
    return body | changes


def follow_up_body(**changes) -> dict:
    body = {"description": "Call the school SENCo", "due_on": iso(days_ago(-7)), "owner_name": "Pat, SENCo"}
    return body | changes


def contact_body(person, **changes) -> dict:
    body = {
        "person_id": person.pk,
        "occurred_at": iso(timezone.now() - datetime.timedelta(hours=2)),
        "contact_type": "home_visit",
        "duration_minutes": 60,
        "notes": "Visited at home with mum.",
    }
    return body | changes


def plan_body(person, based_on_version: int, **changes) -> dict:
    body = {
        "person_id": person.pk,
        "based_on_version": based_on_version,
        "what_helps": "Quiet room, visual timetable",
        "triggers": "Sudden changes",
        "early_warning_signs": "Pacing",
        "who_to_call": "Mum, then the keyworker",
        "agreed_responses": "Reduce demands",
    }
    return body | changes


def escalation_body(person, **changes) -> dict:
    body = {
        "person_id": person.pk,
        "issue": "No CAMHS appointment in 12 weeks",
        "escalated_to": "CAMHS",
        "level": "manager",
        "escalated_on": iso(days_ago(10)),
        "response_due_on": iso(days_ago(3)),
    }
    return body | changes


def professional_body(**changes) -> dict:
    body = {
        "name": "Dr Jo Example",
        "role": "Consultant psychiatrist",
        "organisation": "CAMHS",
        "agency_type": "mental_health",
        "email": "jo@example.org",
    }
    return body | changes


def involvement_body(person, professional_id: int, **changes) -> dict:
    body = {"person_id": person.pk, "professional_id": professional_id, "role_for_person": "Psychiatrist"}
    return body | changes


# Every route, and a person with a record behind each ------------------------------------------------


VIEW_PEOPLE = Permission.VIEW_PEOPLE
KEYWORKING_MODELS = (Referral, Allocation, Professional, Involvement, Contact, FollowUp, SupportPlan, Escalation)


def row_counts() -> dict[str, int]:
    """Rows of every keyworking record and audit entry, but for refused requests (audited too)."""
    entries = AuditEntry.objects.exclude(operation=Operation.REFUSED).count()
    return counts(*KEYWORKING_MODELS) | {"audit entries": entries}


def saved_counts() -> dict[str, int]:
    """Rows of every keyworking record and audited change; reading, listing (audited) is no change."""
    changes = AuditEntry.objects.exclude(operation__in=NO_CHANGE).count()
    return counts(*KEYWORKING_MODELS) | {"audited changes": changes}


def today(world) -> str:
    return iso(TODAY)


ROUTES = [
    Route("list referrals", "get", "/api/referrals?person_id={person}", VIEW_PEOPLE, router_path="/referrals"),
    Route(
        "add a referral",
        "post",
        "/api/referrals",
        Permission.RECORD_REFERRAL,
        201,
        lambda world: referral_body(world.person),
        "/referrals",
    ),
    Route(
        "decide a referral",
        "post",
        "/api/referrals/{pending}/decision",
        Permission.DECIDE_REFERRAL,
        body=lambda world: {"version": 1, "decision": "accepted", "decided_on": iso(days_ago(1))},
        router_path="/referrals/{int:referral_id}/decision",
    ),
    Route(
        "close keywork",
        "post",
        "/api/referrals/{accepted}/closure",
        Permission.DECIDE_REFERRAL,
        body=lambda world: {"version": 1, "closed_on": today(world), "closing_reason": "stepped_down"},
        router_path="/referrals/{int:referral_id}/closure",
    ),
    Route("list allocations", "get", "/api/allocations?person_id={person}", VIEW_PEOPLE, router_path="/allocations"),
    Route(
        "allocate a worker",
        "post",
        "/api/allocations",
        Permission.ALLOCATE,
        201,
        lambda world: allocation_body(world.person, world.spare_worker, starts_on=today(world)),
        "/allocations",
    ),
    Route(
        "end an allocation",
        "post",
        "/api/allocations/{allocation}/end",
        Permission.ALLOCATE,
        body=lambda world: {"ends_on": today(world), "end_reason": "Stepped down"},
        router_path="/allocations/{int:allocation_id}/end",
    ),
    Route("list professionals", "get", "/api/professionals", Permission.MANAGE_NETWORK, router_path="/professionals"),
    Route(
        "add a professional",
        "post",
        "/api/professionals",
        Permission.MANAGE_NETWORK,
        201,
        lambda world: professional_body(),
        "/professionals",
    ),
    Route("list involvements", "get", "/api/involvements?person_id={person}", VIEW_PEOPLE, router_path="/involvements"),
    Route(
        "add an involvement",
        "post",
        "/api/involvements",
        Permission.MANAGE_NETWORK,
        201,
        lambda world: involvement_body(world.person, world.spare_professional.pk),
        "/involvements",
    ),
    Route("list contacts", "get", "/api/contacts?person_id={person}", VIEW_PEOPLE, router_path="/contacts"),
    Route(
        "record a contact",
        "post",
        "/api/contacts",
        Permission.RECORD_CONTACT,
        201,
        lambda world: contact_body(world.person, follow_ups=[follow_up_body()]),
        "/contacts",
    ),
    Route("list plans", "get", "/api/plans?person_id={person}", VIEW_PEOPLE, router_path="/plans"),
    Route(
        "save a plan",
        "post",
        "/api/plans",
        Permission.EDIT_PLAN,
        201,
        lambda world: plan_body(world.person, 0),
        "/plans",
    ),
    Route("list escalations", "get", "/api/escalations?person_id={person}", VIEW_PEOPLE, router_path="/escalations"),
    Route(
        "record an escalation",
        "post",
        "/api/escalations",
        Permission.RECORD_ESCALATION,
        201,
        lambda world: escalation_body(world.person),
        "/escalations",
    ),
    Route(
        "update an escalation",
        "patch",
        "/api/escalations/{escalation}",
        Permission.RECORD_ESCALATION,
        body=lambda world: {"version": world.escalation.version, "resolved_on": today(world)},
        router_path="/escalations/{int:escalation_id}",
    ),
]
# Every route reaches one person's record but those of the service's directory of professionals.
PERSON_SCOPED = [route for route in ROUTES if not route.path.startswith("/api/professionals")]


def without_person(body: dict) -> dict:
    return {name: value for name, value in body.items() if name != "person_id"}


def build_world(service, person, by):
    """One person with a record behind every route: referrals pending and accepted, a Behaviour
    Team allocation, a professional in their network and an escalation; a spare worker and a spare
    professional to add."""
    allocation = Allocation.objects.create(
        person=person,
        worker=keyworker_of(service, WorkerType.BEHAVIOUR_TEAM),
        worker_type=WorkerType.BEHAVIOUR_TEAM,
        starts_on=days_ago(30),
        reason="Behaviour support",
        recorded_by=by,
    )
    professional = Professional.objects.create(service=service, **professional_body(name="Confidential Prof"))
    Involvement.objects.create(person=person, professional=professional, role_for_person="Psychiatrist")
    escalation = Escalation.objects.create(person=person, raised_by=by, **without_person(escalation_body(person)))
    pending = refer(person, by)
    accepted = refer(person, by, decision="accepted", decided_on=days_ago(15))
    return World(
        person=person,
        professional=professional,
        spare_professional=Professional.objects.create(service=service, **professional_body(name="Sam Senco")),
        spare_worker=keyworker_of(service, WorkerType.PEER_ASSOCIATE),
        pending=pending,
        accepted=accepted,
        allocation=allocation,
        escalation=escalation,
    )
