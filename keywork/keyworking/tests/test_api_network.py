"""The escalation, professional and involvement routes of the JSON API: dates checked against the
escalation, open escalations, and one lead professional per person, within the caller's service."""

import pytest

from keywork.accounts.models import Role
from keywork.audit.models import AuditEntry, Operation
from keywork.keyworking.models import Escalation, Involvement, Professional
from keywork.testing.api import Api, created, errors, ok
from keywork.testing.dates import days_ago
from keywork.testing.factories import keyworker_of

from .test_api_support import counts, escalation_body, involvement_body, iso, professional_body

# Escalations --------------------------------------------------------------------------------------


def test_recording_an_escalation_answers_201_and_saves_who_raised_it(api, person):
    body = created(api.post("/api/escalations", escalation_body(person)))

    escalation = Escalation.objects.get(pk=body["id"])
    assert (escalation.person, escalation.raised_by, escalation.escalated_to) == (person, api.user, "CAMHS")
    assert body["is_overdue"] is True and body["response"] == ""


def test_an_escalation_whose_response_is_due_before_it_was_made_is_refused_naming_response_due_on(api, person):
    body = escalation_body(person, escalated_on=iso(days_ago(5)), response_due_on=iso(days_ago(6)))

    assert "response_due_on" in errors(api.post("/api/escalations", body))
    assert not Escalation.objects.exists()


def test_an_escalation_dated_in_the_future_is_refused_naming_escalated_on(api, person):
    body = escalation_body(person, escalated_on=iso(days_ago(-1)), response_due_on=iso(days_ago(-10)))

    assert "escalated_on" in errors(api.post("/api/escalations", body))
    assert not Escalation.objects.exists()


@pytest.fixture
def escalation(api, person):
    return Escalation.objects.get(pk=created(api.post("/api/escalations", escalation_body(person)))["id"])


def test_recording_the_response_to_an_escalation_saves_it_and_audits_the_change(api, escalation):
    body = ok(
        api.patch(
            f"/api/escalations/{escalation.pk}",
            {"version": 1, "response": "Appointment offered", "responded_on": iso(days_ago(2))},
        )
    )

    escalation.refresh_from_db()
    assert (escalation.response, escalation.responded_on) == ("Appointment offered", days_ago(2))
    assert body["is_overdue"] is False
    assert AuditEntry.objects.for_object(escalation).filter(operation=Operation.UPDATE).exists()


def test_a_response_dated_before_the_escalation_is_refused_naming_responded_on(api, escalation):
    update = {"version": 1, "response": "Appointment offered", "responded_on": iso(days_ago(11))}

    response = api.patch(f"/api/escalations/{escalation.pk}", update)

    assert "responded_on" in errors(response)
    escalation.refresh_from_db()
    assert (escalation.response, escalation.responded_on) == ("", None)


def test_a_response_date_without_the_response_is_refused_naming_response(api, escalation):
    response = api.patch(f"/api/escalations/{escalation.pk}", {"version": 1, "responded_on": iso(days_ago(1))})

    assert "response" in errors(response)
    escalation.refresh_from_db()
    assert escalation.responded_on is None


def test_resolving_before_the_escalation_is_refused_naming_resolved_on(api, escalation):
    response = api.patch(f"/api/escalations/{escalation.pk}", {"version": 1, "resolved_on": iso(days_ago(11))})

    assert "resolved_on" in errors(response)
    escalation.refresh_from_db()
    assert escalation.resolved_on is None


def test_the_open_escalations_leave_out_resolved_ones(api, person, escalation):
    resolved = created(api.post("/api/escalations", escalation_body(person, escalated_to="Education")))
    ok(api.patch(f"/api/escalations/{resolved['id']}", {"version": 1, "resolved_on": iso(days_ago(1))}))

    open_ids = [item["id"] for item in ok(api.get("/api/escalations", open="true"))]
    all_ids = {item["id"] for item in ok(api.get("/api/escalations"))}

    assert open_ids == [escalation.pk]
    assert all_ids == {escalation.pk, resolved["id"]}


# Professionals and involvements -------------------------------------------------------------------


def test_adding_a_professional_answers_201_in_the_callers_service(api, service):
    body = created(api.post("/api/professionals", professional_body()))

    professional = Professional.objects.get(pk=body["id"])
    assert (professional.service, professional.name) == (service, "Dr Jo Example")
    assert [item["id"] for item in ok(api.get("/api/professionals"))] == [body["id"]]


def test_a_professional_with_an_invalid_email_is_refused_naming_email(api):
    assert "email" in errors(api.post("/api/professionals", professional_body(email="not an address")))
    assert not Professional.objects.exists()


@pytest.fixture
def professional(api):
    return created(api.post("/api/professionals", professional_body()))["id"]


def test_adding_a_professional_to_a_persons_network_answers_201(api, person, professional):
    body = created(api.post("/api/involvements", involvement_body(person, professional, is_lead=True)))

    involvement = Involvement.objects.get(pk=body["id"])
    assert (involvement.person, involvement.professional_id, involvement.is_lead) == (person, professional, True)
    assert [item["id"] for item in ok(api.get("/api/involvements", person_id=person.pk))] == [body["id"]]


def test_a_second_lead_professional_for_the_same_person_is_refused_naming_is_lead(api, person, professional):
    created(api.post("/api/involvements", involvement_body(person, professional, is_lead=True)))
    second = created(api.post("/api/professionals", professional_body(name="Ms Lee", organisation="School")))["id"]

    response = api.post("/api/involvements", involvement_body(person, second, is_lead=True))

    assert "is_lead" in errors(response)
    assert Involvement.objects.count() == 1


def test_the_same_professional_twice_in_a_network_is_refused_naming_professional(api, person, professional):
    created(api.post("/api/involvements", involvement_body(person, professional)))

    response = api.post("/api/involvements", involvement_body(person, professional, role_for_person="Again"))

    assert "professional" in errors(response)
    assert Involvement.objects.count() == 1


def test_a_professional_of_another_service_is_not_found(api, person, other_service, make_user):
    theirs = created(Api(make_user(other_service, Role.MANAGER)).post("/api/professionals", professional_body()))
    before = counts(Involvement)

    response = api.post("/api/involvements", involvement_body(person, theirs["id"]))

    assert response.status_code == 404, response.content
    assert counts(Involvement) == before


def test_a_keyworker_adds_a_professional_to_the_network_of_a_person_allocated_to_them(service, person, allocate):
    keyworker = keyworker_of(service)
    allocate(person, keyworker)
    caller = Api(keyworker)
    professional_id = created(caller.post("/api/professionals", professional_body()))["id"]

    created(caller.post("/api/involvements", involvement_body(person, professional_id)))

    assert Involvement.objects.get().person == person
