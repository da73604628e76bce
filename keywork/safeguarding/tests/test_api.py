import pytest

from keywork.accounts.models import Role
from keywork.accounts.permissions import Permission
from keywork.audit.models import AuditEntry, Operation
from keywork.safeguarding.models import SafeguardingConcern, SafeguardingStatus
from keywork.testing.api import Api, created, errors, ok
from keywork.testing.dates import TODAY, days_ago
from keywork.testing.factories import allocate, create_user
from keywork.testing.roles import GRANTED_TO

STATUS = {"kind": "looked_after", "legal_basis": "s20", "starts_on": str(days_ago(40)), "local_authority": "Kent"}
CONCERN = {"raised_on": str(TODAY), "category": "online", "what_happened": "Messages", "referred_to": "police"}


def _path(person, rest="") -> str:
    return f"/api/people/{person.pk}/safeguarding{rest}"


def test_a_status_is_added_read_and_changed_with_its_version(child, api):
    status = created(api.post(_path(child, "/statuses"), STATUS))
    assert status["legal_basis"] == "s20" and status["is_current"]
    assert ok(api.get(_path(child)))["statuses"][0]["id"] == status["id"]
    changed = ok(api.put(_path(child, f"/statuses/{status['id']}"), STATUS | {"ends_on": str(TODAY), "version": 1}))
    assert changed["ends_on"] == str(TODAY) and changed["version"] == 2
    stale = api.put(_path(child, f"/statuses/{status['id']}"), STATUS | {"version": 1})
    assert stale.status_code == 409


def test_a_status_breaking_a_rule_is_refused_and_nothing_saved(child, api):
    answer = errors(api.post(_path(child, "/statuses"), STATUS | {"legal_basis": None}))
    assert answer == {"legal_basis": ["Choose the legal basis on which they are looked after"]}
    assert errors(api.post(_path(child, "/statuses"), STATUS | {"kind": "adult_safeguarding", "legal_basis": None}))
    assert errors(api.post(_path(child, "/statuses"), STATUS | {"kind": "nonsense"}))
    assert not SafeguardingStatus.objects.exists()


def test_the_allocated_keyworker_raises_a_concern_and_it_is_audited(child, keyworker):
    api = Api(keyworker)
    concern = created(api.post(_path(child, "/concerns"), CONCERN))
    assert concern["raised_by"] == keyworker.display_name and concern["is_open"]
    assert AuditEntry.objects.filter(actor=keyworker, operation=Operation.CREATE, object_id=str(concern["id"])).exists()
    assert ok(api.get(_path(child)))["concerns"][0]["what_happened"] == "Messages"


def test_concerns_are_hidden_from_a_coordinator(child, keyworker, concern_of, api):
    concern = concern_of(child, keyworker)
    answer = ok(api.get(_path(child)))
    assert answer["concerns"] == [] and answer["concerns_hidden"] is True
    outcome = {"version": 1, "outcome": "o", "outcome_on": str(TODAY)}
    assert api.post(_path(child, f"/concerns/{concern.pk}/outcome"), outcome).status_code == 403


def test_an_unallocated_keyworker_finds_no_concern_to_record_an_outcome_on(service, child, keyworker, concern_of):
    concern = concern_of(child, keyworker)
    service.keyworkers_see_whole_service = True
    service.save()
    other = Api(create_user(service, Role.KEYWORKER))
    outcome = {"version": 1, "outcome": "o", "outcome_on": str(TODAY)}
    assert other.post(_path(child, f"/concerns/{concern.pk}/outcome"), outcome).status_code == 404


def test_an_outcome_is_recorded_and_a_bad_one_refused(child, keyworker, concern_of):
    concern = concern_of(child, keyworker)
    api = Api(keyworker)
    url = _path(child, f"/concerns/{concern.pk}/outcome")
    assert errors(api.post(url, {"version": 1, "outcome": "o"})) == {"outcome_on": ["Enter the date of the outcome"]}
    concern.refresh_from_db()
    assert concern.outcome == ""
    done = ok(api.post(url, {"version": 1, "outcome": "Visited", "outcome_on": str(TODAY)}))
    assert done["is_open"] is False and done["version"] == 2


def test_a_commissioner_is_refused(child, api_as):
    commissioner = api_as(Role.COMMISSIONER)
    assert commissioner.get(_path(child)).status_code == 403
    assert commissioner.post(_path(child, "/concerns"), CONCERN).status_code == 403


def test_another_services_person_and_records_are_not_found(
    other_service, add_person, make_user, api_as, status_of, concern_of
):
    api = api_as(Role.ADMIN)
    stranger = add_person(other_service, make_user(other_service, Role.COORDINATOR))
    status = status_of(stranger)
    assert api.get(_path(stranger)).status_code == 404
    assert api.post(_path(stranger, "/statuses"), STATUS).status_code == 404
    assert api.post(_path(stranger, "/concerns"), CONCERN).status_code == 404
    assert api.put(_path(stranger, f"/statuses/{status.pk}"), STATUS | {"version": 1}).status_code == 404
    concern = concern_of(stranger, stranger.rating_changes.first().decided_by)
    outcome = {"version": 1, "outcome": "o", "outcome_on": str(TODAY)}
    assert api.post(_path(stranger, f"/concerns/{concern.pk}/outcome"), outcome).status_code == 404
    assert SafeguardingConcern.objects.get().outcome == ""
    assert not SafeguardingConcern.objects.exclude(pk=concern.pk).exists()


def test_a_status_reached_through_another_person_is_not_found(child, api, status_of, service, add_person):
    other = add_person(service, api.user)
    status = status_of(child)
    assert api.put(_path(other, f"/statuses/{status.pk}"), STATUS | {"version": 1}).status_code == 404


def test_a_coordinator_raises_a_concern_and_it_stays_hidden_from_them(child, api):
    concern = created(api.post(_path(child, "/concerns"), CONCERN))
    assert AuditEntry.objects.filter(operation=Operation.CREATE, object_id=str(concern["id"])).exists()
    answer = ok(api.get(_path(child)))
    assert answer["concerns"] == [] and answer["concerns_hidden"] is True


def _as(role, service, child):
    """A user of `role` in the service; a keyworker allocated to the child, so only the role decides."""
    user = create_user(service, role)
    if role == Role.KEYWORKER:
        allocate(child, user)
    return Api(user)


@pytest.mark.parametrize("role", list(Role))
def test_each_role_reads_adds_statuses_and_raises_concerns_only_if_granted(service, child, status_of, role):
    api, status = _as(role, service, child), status_of(child)
    granted = {permission: role in roles for permission, roles in GRANTED_TO.items()}
    assert api.get(_path(child)).status_code == (200 if granted[Permission.VIEW_PEOPLE] else 403)
    changed = api.put(_path(child, f"/statuses/{status.pk}"), STATUS | {"version": 1})
    assert changed.status_code == (200 if granted[Permission.EDIT_PERSON] else 403)
    added = api.post(_path(child, "/statuses"), STATUS | {"kind": "child_protection_plan", "legal_basis": None})
    assert added.status_code == (201 if granted[Permission.EDIT_PERSON] else 403)
    raised = api.post(_path(child, "/concerns"), CONCERN)
    assert raised.status_code == (201 if granted[Permission.RAISE_SAFEGUARDING_CONCERN] else 403)


@pytest.mark.parametrize("role", list(Role))
def test_each_role_records_an_outcome_only_if_granted(service, child, keyworker, concern_of, role):
    concern = concern_of(child, keyworker)
    outcome = {"version": 1, "outcome": "Visited", "outcome_on": str(TODAY)}
    response = _as(role, service, child).post(_path(child, f"/concerns/{concern.pk}/outcome"), outcome)
    assert response.status_code == (200 if role in GRANTED_TO[Permission.RECORD_CONTACT] else 403)
