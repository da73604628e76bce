"""/api/supervision: the same permissions, rules and audit as the pages; notes only to the pair and
managers (null to anyone else), each showing audited; bad input refused with nothing saved."""

from keywork.accounts.models import Role
from keywork.audit.models import AuditEntry
from keywork.supervision.models import Supervision
from keywork.testing.api import Api
from keywork.testing.dates import days_ago
from keywork.testing.factories import keyworker_of

NOTES = "A hard week"


def body(supervisee, supervisor, **changes) -> dict:
    data = {
        "supervisee_id": supervisee.pk,
        "supervisor_id": supervisor.pk,
        "kind": "clinical",
        "held_on": str(days_ago(1)),
        "notes": NOTES,
        "next_due_on": str(days_ago(-27)),
    }
    return data | changes


def test_a_manager_records_a_session_through_the_api_audited(service, make_user):
    manager = make_user(service, Role.MANAGER)
    worker = keyworker_of(service)
    response = Api(manager).post("/api/supervision", body(worker, manager))
    assert response.status_code == 201 and response.json()["notes"] == NOTES
    saved = Supervision.objects.get()
    assert (saved.supervisee, saved.recorded_by) == (worker, manager)
    assert AuditEntry.objects.get(content_type__model="supervision", operation="create").changes == {"notes": "written"}


def test_bad_input_is_refused_and_nothing_is_saved(service, make_user):
    manager = make_user(service, Role.MANAGER)
    worker = keyworker_of(service)
    for changes in ({"kind": "casual"}, {"next_due_on": str(days_ago(3))}, {"supervisor_id": worker.pk}):
        assert Api(manager).post("/api/supervision", body(worker, manager, **changes)).status_code == 422, changes
    assert not Supervision.objects.exists()


def test_another_services_staff_are_refused(service, other_service, make_user):
    manager = make_user(service, Role.MANAGER)
    stranger = keyworker_of(other_service)
    response = Api(manager).post("/api/supervision", body(stranger, manager))
    assert response.status_code == 422 and not Supervision.objects.exists()


def test_a_keyworker_lists_only_their_own_sessions_and_others_notes_are_never_sent(service, make_user):
    manager = make_user(service, Role.MANAGER)
    mine, other = keyworker_of(service), keyworker_of(service)
    for worker in (mine, other):
        Supervision.objects.create(
            service=service,
            supervisee=worker,
            supervisor=manager,
            kind="managerial",
            held_on=days_ago(5),
            next_due_on=days_ago(-23),
            notes=NOTES,
        )
    listed = Api(mine).get("/api/supervision").json()
    assert [item["supervisee_id"] for item in listed] == [mine.pk] and listed[0]["notes"] == NOTES
    shown = AuditEntry.objects.filter(content_type__model="supervision", operation="view", actor=mine)
    assert shown.count() == 1


def test_a_keyworker_may_not_record_two_others_supervision(service, make_user):
    keyworker = keyworker_of(service)
    response = Api(keyworker).post("/api/supervision", body(keyworker_of(service), make_user(service, Role.MANAGER)))
    assert response.status_code == 422 and not Supervision.objects.exists()


def test_a_commissioner_is_refused(service, make_user):
    assert Api(make_user(service, Role.COMMISSIONER)).get("/api/supervision").status_code == 403
