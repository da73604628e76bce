"""The co-production log's API: the pages' permissions, rules and audit, counts suppressed for those
who see no records, another service's events and links never reached, bad input refused by field."""

import pytest

from keywork.accounts.models import Role
from keywork.accounts.permissions import Permission
from keywork.audit.models import AuditEntry, Operation
from keywork.coproduction.models import Engagement
from keywork.testing.api import Api
from keywork.testing.dates import days_ago
from keywork.testing.factories import create_user
from keywork.testing.roles import GRANTED_TO

URL = "/api/programme/coproduction"


def _body(**changes) -> dict:
    body = {
        "kind": "parent_carer_forum",
        "title": "Forum",
        "held_on": days_ago(2).isoformat(),
        "parents_carers": 14,
        "professionals": 3,
        "what_we_heard": "Evening sessions, please",
    }
    return body | changes


@pytest.mark.parametrize("role", list(Role))
def test_each_role_may_record_only_if_granted(service, role):
    response = Api(create_user(service, role)).post(URL, _body())
    assert response.status_code == (201 if role in GRANTED_TO[Permission.RECORD_COPRODUCTION] else 403)


@pytest.mark.parametrize("role", list(Role))
def test_each_role_may_read_the_log_only_if_granted(service, role):
    response = Api(create_user(service, role)).get(URL)
    assert response.status_code == (200 if role in GRANTED_TO[Permission.VIEW_PROGRAMME] else 403)


def test_an_event_recorded_over_the_api_is_linked_and_audited(service, milestone_in, risk_in):
    lead = create_user(service, Role.LEAD)
    milestone, risk = milestone_in(service), risk_in(service)
    response = Api(lead).post(URL, _body(milestone_ids=[milestone.pk], risk_ids=[risk.pk]))
    assert response.status_code == 201
    answer = response.json()
    assert (answer["milestone_ids"], answer["risk_ids"], answer["parents_carers"]) == ([milestone.pk], [risk.pk], 14)
    entry = AuditEntry.objects.get(content_type__model="engagement", object_id=str(answer["id"]))
    assert entry.operation == Operation.CREATE and entry.actor == lead


@pytest.mark.parametrize(
    "changes, field",
    [
        ({"parents_carers": 0, "young_people": 0}, "parents_carers"),
        ({"held_on": days_ago(-3).isoformat()}, "held_on"),
        ({"kind": "party"}, "kind"),
        ({"young_people": 10_001}, "young_people"),
        ({"milestone_ids": [0]}, "milestone_ids"),
    ],
)
def test_bad_input_is_refused_by_field_and_nothing_saved(service, changes, field):
    response = Api(create_user(service, Role.LEAD)).post(URL, _body(**changes))
    assert response.status_code == 422 and field in str(response.json())
    assert not Engagement.objects.exists()


def test_another_services_milestone_or_risk_cannot_be_linked(service, other_service, milestone_in, risk_in):
    lead = Api(create_user(service, Role.LEAD))
    response = lead.post(URL, _body(milestone_ids=[milestone_in(other_service).pk]))
    assert response.status_code == 422 and "milestone_ids" in response.json()["errors"]
    response = lead.post(URL, _body(risk_ids=[risk_in(other_service).pk]))
    assert response.status_code == 422 and "risk_ids" in response.json()["errors"]
    assert not Engagement.objects.exists()


def test_another_services_event_is_not_found(service, other_service, engagement_in):
    theirs = engagement_in(other_service)
    admin = Api(create_user(service, Role.ADMIN))
    assert admin.get(f"{URL}/{theirs.pk}").status_code == 404
    assert admin.put(f"{URL}/{theirs.pk}", _body()).status_code == 404
    assert Engagement.objects.get(pk=theirs.pk).title == "Parent Carer Forum"
    assert admin.get(URL).json() == []


def test_a_commissioner_reads_small_attendance_counts_hidden_with_the_rule(service, engagement_in):
    engagement_in(service, parents_carers=12, young_people=3, professionals=4)
    [answer] = Api(create_user(service, Role.COMMISSIONER)).get(URL).json()
    assert (answer["parents_carers"], answer["young_people"], answer["professionals"]) == (12, "*", "*")
    assert answer["suppression_rule"].startswith("Counts from 1 to")
    [staff] = Api(create_user(service, Role.MANAGER)).get(URL).json()
    assert (staff["young_people"], staff["suppression_rule"]) == (3, None)


def test_what_changed_is_added_later_with_a_put(service, engagement_in):
    engagement = engagement_in(service)
    response = Api(create_user(service, Role.MANAGER)).put(f"{URL}/{engagement.pk}", _body(what_changed="Evenings"))
    assert response.status_code == 200 and Engagement.objects.get(pk=engagement.pk).what_changed == "Evenings"
    assert AuditEntry.objects.filter(object_id=str(engagement.pk), operation=Operation.UPDATE).exists()
