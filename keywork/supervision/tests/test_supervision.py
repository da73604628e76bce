"""Supervision sessions: overdue once the latest session's next due date has passed; notes read only by
the pair and managers, each showing audited; recorded on one page with bad input refused; the
single supervision date staff assurance held moved into the first session."""

import pytest
from django.apps import apps
from django.urls import reverse

from keywork.accounts.models import Role
from keywork.assurance.models import Assurance
from keywork.audit.models import AuditEntry
from keywork.supervision.models import Supervision
from keywork.supervision.rules import lapsing_and_due, may_read_notes, supervision_overdue
from keywork.testing.dates import TODAY, days_ago
from keywork.testing.factories import keyworker_of
from keywork.testing.pages import date_parts

NOTES = "Talked about a hard week with the family"
AFTER_THE_SESSION = "The next due date must be after the date of this supervision"


@pytest.fixture
def pair(service, make_user):
    return keyworker_of(service), make_user(service, Role.MANAGER)


def session(pair, held_days_ago=30, due_days_ago=2, notes=NOTES):
    supervisee, supervisor = pair
    return Supervision.objects.create(
        service=supervisee.service,
        supervisee=supervisee,
        supervisor=supervisor,
        kind="clinical",
        held_on=days_ago(held_days_ago),
        next_due_on=days_ago(due_days_ago),
        notes=notes,
    )


# Rules ------------------------------------------------------------------------------------------


def test_supervision_is_overdue_once_the_latest_sessions_next_due_date_has_passed(service, pair):
    overdue = session(pair)
    assert supervision_overdue(service, TODAY) == {pair[0].pk: overdue}


def test_a_later_session_ends_the_overdue(service, pair):
    session(pair)
    session(pair, held_days_ago=1, due_days_ago=-27)
    assert supervision_overdue(service, TODAY) == {}


def test_supervision_due_within_60_days_is_on_the_lapsing_list_with_assurance(service, pair):
    session(pair, held_days_ago=10, due_days_ago=-18)
    Assurance.objects.create(worker=pair[0], kind="dbs", completed_on=days_ago(900), expires_on=days_ago(-5))
    items = lapsing_and_due(service, TODAY)
    assert [(item.what, item.verb) for item in items] == [("DBS check", "lapses"), ("Supervision", "is due")]


@pytest.mark.parametrize(
    ("who", "may"),
    [("supervisee", True), ("supervisor", True), ("manager", True), ("lead", True), ("other keyworker", False)],
)
def test_only_the_pair_and_managers_may_read_the_notes(service, pair, make_user, who, may):
    record = session(pair)
    users = {
        "supervisee": pair[0],
        "supervisor": pair[1],
        "manager": make_user(service, Role.MANAGER),
        "lead": make_user(service, Role.LEAD),
        "other keyworker": keyworker_of(service),
    }
    assert may_read_notes(users[who], record) is may


# Pages ------------------------------------------------------------------------------------------


def form(supervisee, supervisor, **changes) -> dict:
    data = {
        "supervisee": supervisee.pk,
        "supervisor": supervisor.pk,
        "kind": "reflective",
        "notes": NOTES,
        **date_parts("held_on", days_ago(1)),
        **date_parts("next_due_on", days_ago(-27)),
    }
    return data | changes


def test_a_manager_records_a_session_and_the_notes_written_are_audited(service, manager):
    worker = keyworker_of(service)
    response = manager.http.post(reverse("supervision:add"), form(worker, manager.user))
    assert response.status_code == 302
    saved = Supervision.objects.get()
    assert (saved.supervisee, saved.supervisor, saved.kind, saved.recorded_by) == (
        worker,
        manager.user,
        "reflective",
        manager.user,
    )
    entry = AuditEntry.objects.get(content_type__model="supervision", operation="create")
    assert (entry.actor, entry.changes) == (manager.user, {"notes": "written"})


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        (
            date_parts("next_due_on", days_ago(2)),
            "next_due_on",
            "The next due date must be after the date of this supervision",
        ),
        (date_parts("held_on", days_ago(-1)), "held_on", "The date must be today or in the past"),
        ({"kind": ""}, "kind", "Choose the kind"),
    ],
)
def test_bad_input_is_refused_and_nothing_is_saved(service, manager, changes, field, message):
    response = manager.http.post(reverse("supervision:add"), form(keyworker_of(service), manager.user, **changes))
    assert response.context["form"].errors[field] == [message]
    assert not Supervision.objects.exists() and not AuditEntry.objects.filter(content_type__model="supervision")


def test_nobody_supervises_themselves(service, manager):
    response = manager.http.post(reverse("supervision:add"), form(manager.user, manager.user))
    assert response.context["form"].errors["supervisor"] == ["Select someone other than the person supervised"]
    assert not Supervision.objects.exists()


def test_a_keyworker_may_not_record_supervision_between_two_others(service, as_role, make_user):
    keyworker = as_role(Role.KEYWORKER)
    data = form(keyworker_of(service), make_user(service, Role.MANAGER))
    response = keyworker.http.post(reverse("supervision:add"), data)
    assert response.context["form"].errors["supervisor"] == ["Record only what you took part in"]
    assert not Supervision.objects.exists()


def test_another_services_staff_cannot_be_chosen(service, other_service, manager, make_user):
    stranger = make_user(other_service, Role.KEYWORKER)
    response = manager.http.post(reverse("supervision:add"), form(stranger, manager.user))
    assert "supervisee" in response.context["form"].errors and not Supervision.objects.exists()


def test_a_keyworker_sees_their_own_sessions_and_notes_and_nobody_elses(service, as_role, make_user, pair):
    keyworker = as_role(Role.KEYWORKER)
    mine = session((keyworker.user, pair[1]), notes="Mine")
    session(pair, notes="Theirs")
    response = keyworker.http.get(reverse("supervision:list"))
    assert list(response.context["sessions"]) == [mine]
    page = response.content.decode()
    assert "Mine" in page and "Theirs" not in page


def test_a_manager_sees_every_session_and_each_notes_showing_is_audited(service, manager, pair):
    first = session(pair)
    other = session((keyworker_of(service), pair[1]), notes="")
    response = manager.http.get(reverse("supervision:list"))
    assert NOTES in response.content.decode()
    shown = AuditEntry.objects.filter(content_type__model="supervision", operation="view", actor=manager.user)
    assert {entry.object_id for entry in shown} == {str(first.pk), str(other.pk)}


def test_the_overdue_are_listed_on_the_supervision_page(service, manager, pair):
    session(pair)
    response = manager.http.get(reverse("supervision:list"))
    assert f"{pair[0].display_name}: supervision was due on" in response.content.decode()


def test_a_commissioner_may_not_see_supervision(service, as_role):
    assert as_role(Role.COMMISSIONER).http.get(reverse("supervision:list")).status_code == 403


def test_the_workforce_page_lists_supervision_overdue(service, manager, pair):
    session(pair)
    page = manager.http.get(reverse("programme:workforce")).content.decode()
    assert "Supervision was due on" in page


# Moving staff assurance's supervision dates --------------------------------------------------------


def test_a_supervision_date_in_staff_assurance_becomes_the_first_session_and_leaves_assurance(service, pair):
    from importlib import import_module

    moving = import_module("keywork.supervision.migrations.0001_supervision_sessions")
    worker = pair[0]
    Assurance.objects.create(worker=worker, kind="supervision", completed_on=days_ago(40), expires_on=days_ago(12))
    kept = Assurance.objects.create(worker=worker, kind="dbs", completed_on=days_ago(40), expires_on=days_ago(-300))
    moving.sessions_from_staff_assurance(apps, None)
    moved = Supervision.objects.get()
    assert (moved.supervisee, moved.held_on, moved.next_due_on, moved.supervisor) == (
        worker,
        days_ago(40),
        days_ago(12),
        None,
    )
    assert list(Assurance.objects.all()) == [kept]
    assert supervision_overdue(service, TODAY) == {worker.pk: moved}


def test_a_session_next_due_after_60_days_is_not_yet_on_the_lapsing_list(service, pair):
    session(pair, held_days_ago=1, due_days_ago=-90)
    assert lapsing_and_due(service, TODAY) == []
