"""Signposting over the API: the pages' permissions, rules, locking and audit; another service's
people never reached; bad input refused by field with nothing saved; the activity report suppressed
for those who see no records."""

import pytest

from keywork.accounts.models import Role
from keywork.accounts.permissions import Permission
from keywork.audit.models import AuditEntry, Operation
from keywork.signposting.models import Signposting
from keywork.testing.api import Api
from keywork.testing.dates import TODAY, days_ago
from keywork.testing.factories import allocate, create_user
from keywork.testing.roles import GRANTED_TO


def _url(person, pk=None) -> str:
    return f"/api/people/{person.pk}/signposting" + (f"/{pk}" if pk else "")


def _body(**changes) -> dict:
    return {"signposted_on": days_ago(3).isoformat(), "organisation": "Youth club", "kind": "community_group"} | changes


@pytest.mark.parametrize("role", list(Role))
def test_each_role_may_record_only_if_granted(service, child, role):
    user = create_user(service, role)
    if role == Role.KEYWORKER:
        allocate(child, user)
    response = Api(user).post(_url(child), _body())
    assert response.status_code == (201 if role in GRANTED_TO[Permission.RECORD_CONTACT] else 403)


def test_a_peer_associate_records_and_updates_with_the_version_read(child, peer):
    api = Api(peer)
    created = api.post(_url(child), _body()).json()
    assert created["recorded_as"] == "Peer Associate" and created["outcome"] == "waiting"
    changed = _body(outcome="attended", outcome_on=TODAY.isoformat(), version=created["version"])
    assert api.put(_url(child, created["id"]), changed).status_code == 200
    stale = api.put(_url(child, created["id"]), _body(version=created["version"]))
    assert stale.status_code == 409 and Signposting.objects.get().outcome == "attended"
    writes = AuditEntry.objects.filter(content_type__model="signposting").exclude(operation=Operation.VIEW)
    assert sorted(writes.values_list("operation", flat=True)) == sorted([Operation.CREATE, Operation.UPDATE])


@pytest.mark.parametrize(
    "changes, field",
    [
        ({"outcome": "attended"}, "outcome_on"),
        ({"signposted_on": days_ago(-2).isoformat()}, "signposted_on"),
        ({"kind": "pub"}, "kind"),
        ({"organisation": ""}, "organisation"),
        ({"organisation": "x" * 201}, "organisation"),
    ],
)
def test_bad_input_is_refused_by_field_and_nothing_saved(child, peer, changes, field):
    response = Api(peer).post(_url(child), _body(**changes))
    assert response.status_code == 422 and field in str(response.json())
    assert not Signposting.objects.exists()


def test_another_services_person_is_not_found(other_service, child, peer, signposting_of):
    signposting = signposting_of(child, peer)
    admin = Api(create_user(other_service, Role.ADMIN))
    assert admin.get(_url(child)).status_code == 404
    assert admin.post(_url(child), _body()).status_code == 404
    assert admin.put(_url(child, signposting.pk), _body(version=1)).status_code == 404
    assert Signposting.objects.count() == 1


def test_the_activity_report_is_suppressed_for_a_commissioner(service, child, peer, signposting_of):
    signposting_of(child, peer)
    url = f"/api/programme/signposting-activity?start={days_ago(30)}&end={TODAY}"
    answer = Api(create_user(service, Role.COMMISSIONER)).get(url).json()
    assert answer["by_worker_type"]["cells"]["Peer Associate"]["Waiting"] == "*"
    assert answer["suppression_rule"].startswith("Counts from 1 to")
    staff = Api(create_user(service, Role.LEAD)).get(url).json()
    assert staff["by_worker_type"]["cells"]["Peer Associate"]["Waiting"] == 1 and staff["suppression_rule"] is None


def test_the_activity_report_refuses_a_period_ending_before_it_starts(service):
    url = f"/api/programme/signposting-activity?start={TODAY}&end={days_ago(3)}"
    response = Api(create_user(service, Role.LEAD)).get(url)
    assert response.status_code == 422 and "end" in response.json()["errors"]


def test_a_keyworker_may_not_read_the_activity_report(service):
    url = f"/api/programme/signposting-activity?start={days_ago(3)}&end={TODAY}"
    assert Api(create_user(service, Role.KEYWORKER)).get(url).status_code == 403
