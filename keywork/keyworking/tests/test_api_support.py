"""Shared by the keyworking API tests (no tests here): a client that sends a user's bearer token,
request bodies that are valid until a test changes them, readers of the JSON answers, and a table
of every keyworking route with a person who has a record behind each."""

import datetime
from dataclasses import dataclass
from types import SimpleNamespace

import pytest
from django.test import Client
from django.utils import timezone

from conftest import create_user
from keywork.accounts.models import ApiToken, Role, WorkerType
from keywork.accounts.permissions import Permission
from keywork.audit.models import AuditEntry, Operation
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

from .conftest import days_ago


class Api:
    """get/post/patch on the JSON API as `user`, with a fresh bearer token.

    `tolerant=True` answers a crash with a 500 response, as in production, instead of raising."""

    def __init__(self, user, tolerant: bool = False):
        _, token = ApiToken.issue(user, "test")
        self.user = user
        self.client = Client(raise_request_exception=not tolerant)
        self.headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"}

    def get(self, path, **params):
        return self.client.get(path, params, **self.headers)

    def post(self, path, body):
        return self.client.post(path, body, content_type="application/json", **self.headers)

    def patch(self, path, body):
        return self.client.patch(path, body, content_type="application/json", **self.headers)

    def send(self, method, path, body=None):
        if method == "get":
            return self.get(path, **(body or {}))
        return getattr(self, method)(path, body)


def worker(service, worker_type: str = WorkerType.PRACTICE_CONSULTANT):
    """A keyworker of `service` of the given worker type."""
    user = create_user(service, Role.KEYWORKER)
    user.worker_type = worker_type
    user.save()
    return user


def errors(response) -> dict:
    """The field errors of a 422 answer."""
    assert response.status_code == 422, response.content
    return response.json()["errors"]


def created(response) -> dict:
    assert response.status_code == 201, response.content
    return response.json()


def ok(response):
    assert response.status_code == 200, response.content
    return response.json()


def counts(*models) -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in models}


def referral(person, by, decision="pending", decided_on=None, received_on=None) -> Referral:
    return Referral.objects.create(
        person=person,
        route="direct",
        received_on=received_on or days_ago(20),
        referrer_name="Sam Referrer",
        referrer_organisation="Medway school",
        reason="Placement at risk",
        decision=decision,
        decided_on=decided_on,
        decided_by=by if decided_on else None,
        recorded_by=by,
    )


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


KEYWORKING_MODELS = (Referral, Allocation, Professional, Involvement, Contact, FollowUp, SupportPlan, Escalation)


def row_counts() -> dict[str, int]:
    return counts(*KEYWORKING_MODELS, AuditEntry)


def saved_counts() -> dict[str, int]:
    """Rows of every keyworking record and audited change; reading a person (audited) is no change."""
    changes = AuditEntry.objects.exclude(operation=Operation.VIEW).count()
    return counts(*KEYWORKING_MODELS) | {"audited changes": changes}


@dataclass(frozen=True)
class Route:
    name: str
    method: str
    path: str  # {person}, {pending}, {accepted}, {allocation} and {escalation} stand for the world's ids
    router_path: str  # as declared on keywork.keyworking.api.router
    permission: Permission  # what the route should need
    success: int
    person_scoped: bool = True  # reaching it reaches one person's record

    def url(self, world) -> str:
        return self.path.format(**world.ids)

    def body(self, world):
        person, today = world.person, iso(timezone.localdate())
        return {
            "add a referral": lambda: referral_body(person),
            "decide a referral": lambda: {"decision": "accepted", "decided_on": iso(days_ago(1))},
            "close keywork": lambda: {"closed_on": today, "closing_reason": "stepped_down"},
            "allocate a worker": lambda: allocation_body(person, world.spare_worker, starts_on=today),
            "end an allocation": lambda: {"ends_on": today, "end_reason": "Stepped down"},
            "add a professional": lambda: professional_body(),
            "add an involvement": lambda: involvement_body(person, world.spare_professional.pk),
            "record a contact": lambda: contact_body(person, follow_ups=[follow_up_body()]),
            "save a plan": lambda: plan_body(person, 0),
            "record an escalation": lambda: escalation_body(person),
            "update an escalation": lambda: {"resolved_on": today},
        }.get(self.name, lambda: None)()

    def call(self, api, world):
        return api.send(self.method, self.url(world), self.body(world))


ROUTES = [
    Route("list referrals", "get", "/api/referrals?person_id={person}", "/referrals", Permission.VIEW_PEOPLE, 200),
    Route("add a referral", "post", "/api/referrals", "/referrals", Permission.RECORD_REFERRAL, 201),
    Route(
        "decide a referral",
        "post",
        "/api/referrals/{pending}/decision",
        "/referrals/{int:referral_id}/decision",
        Permission.DECIDE_REFERRAL,
        200,
    ),
    Route(
        "close keywork",
        "post",
        "/api/referrals/{accepted}/closure",
        "/referrals/{int:referral_id}/closure",
        Permission.DECIDE_REFERRAL,
        200,
    ),
    Route(
        "list allocations", "get", "/api/allocations?person_id={person}", "/allocations", Permission.VIEW_PEOPLE, 200
    ),
    Route("allocate a worker", "post", "/api/allocations", "/allocations", Permission.ALLOCATE, 201),
    Route(
        "end an allocation",
        "post",
        "/api/allocations/{allocation}/end",
        "/allocations/{int:allocation_id}/end",
        Permission.ALLOCATE,
        200,
    ),
    Route("list professionals", "get", "/api/professionals", "/professionals", Permission.MANAGE_NETWORK, 200, False),
    Route("add a professional", "post", "/api/professionals", "/professionals", Permission.MANAGE_NETWORK, 201, False),
    Route(
        "list involvements", "get", "/api/involvements?person_id={person}", "/involvements", Permission.VIEW_PEOPLE, 200
    ),
    Route("add an involvement", "post", "/api/involvements", "/involvements", Permission.MANAGE_NETWORK, 201),
    Route("list contacts", "get", "/api/contacts?person_id={person}", "/contacts", Permission.VIEW_PEOPLE, 200),
    Route("record a contact", "post", "/api/contacts", "/contacts", Permission.RECORD_CONTACT, 201),
    Route("list plans", "get", "/api/plans?person_id={person}", "/plans", Permission.VIEW_PEOPLE, 200),
    Route("save a plan", "post", "/api/plans", "/plans", Permission.EDIT_PLAN, 201),
    Route(
        "list escalations", "get", "/api/escalations?person_id={person}", "/escalations", Permission.VIEW_PEOPLE, 200
    ),
    Route("record an escalation", "post", "/api/escalations", "/escalations", Permission.RECORD_ESCALATION, 201),
    Route(
        "update an escalation",
        "patch",
        "/api/escalations/{escalation}",
        "/escalations/{int:escalation_id}",
        Permission.RECORD_ESCALATION,
        200,
    ),
]


def route_params(routes):
    routes = list(routes)
    return pytest.mark.parametrize("route", routes, ids=[route.name for route in routes])


def without_person(body: dict) -> dict:
    return {name: value for name, value in body.items() if name != "person_id"}


def build_world(service, person, by):
    """One person with a record behind every route: referrals pending and accepted, a Behaviour
    Team allocation, a professional in their network and an escalation; a spare worker and a spare
    professional to add."""
    allocation = Allocation.objects.create(
        person=person,
        worker=worker(service, WorkerType.BEHAVIOUR_TEAM),
        worker_type=WorkerType.BEHAVIOUR_TEAM,
        starts_on=days_ago(30),
        reason="Behaviour support",
        recorded_by=by,
    )
    professional = Professional.objects.create(service=service, **professional_body(name="Confidential Prof"))
    Involvement.objects.create(person=person, professional=professional, role_for_person="Psychiatrist")
    escalation = Escalation.objects.create(person=person, raised_by=by, **without_person(escalation_body(person)))
    pending = referral(person, by)
    accepted = referral(person, by, decision="accepted", decided_on=days_ago(15))
    return SimpleNamespace(
        person=person,
        professional=professional,
        spare_professional=Professional.objects.create(service=service, **professional_body(name="Sam Senco")),
        spare_worker=worker(service, WorkerType.PEER_ASSOCIATE),
        ids={
            "person": person.pk,
            "pending": pending.pk,
            "accepted": accepted.pk,
            "allocation": allocation.pk,
            "escalation": escalation.pk,
        },
    )
