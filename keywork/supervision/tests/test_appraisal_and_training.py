"""Appraisals with objectives (read by the pair and managers, showing audited; due dates on the lapsing
list) and training attended or delivered to partners (who for, how many), with bad input refused."""

import pytest
from django.urls import reverse

from keywork.accounts.models import Role
from keywork.audit.models import AuditEntry
from keywork.supervision.models import Appraisal, Training
from keywork.supervision.rules import lapsing_and_due
from keywork.supervision.synthetic import seed_supervision
from keywork.testing.dates import TODAY, days_ago
from keywork.testing.factories import keyworker_of
from keywork.testing.pages import date_parts

OBJECTIVES = "Complete PBS training\nLead a C(E)TR preparation meeting"


def appraisal_form(supervisee, supervisor, **changes) -> dict:
    data = {
        "supervisee": supervisee.pk,
        "supervisor": supervisor.pk,
        "objectives": OBJECTIVES,
        **date_parts("held_on", days_ago(1)),
        **date_parts("next_due_on", days_ago(-364)),
    }
    return data | changes


def training_form(worker, **changes) -> dict:
    data = {"worker": worker.pk, "kind": "attended", "topic": "Autism awareness", "hours": "3"}
    return data | date_parts("held_on", days_ago(3)) | changes


def test_a_manager_records_an_appraisal_with_its_objectives(service, manager):
    worker = keyworker_of(service)
    response = manager.http.post(reverse("supervision:add_appraisal"), appraisal_form(worker, manager.user))
    assert response.status_code == 302
    appraisal = Appraisal.objects.get()
    assert appraisal.objective_list == ["Complete PBS training", "Lead a C(E)TR preparation meeting"]
    entry = AuditEntry.objects.get(content_type__model="appraisal", operation="create")
    assert entry.changes == {"objectives": "written"}


def test_an_appraisal_without_objectives_is_refused_and_nothing_is_saved(service, manager):
    data = appraisal_form(keyworker_of(service), manager.user, objectives=" ")
    response = manager.http.post(reverse("supervision:add_appraisal"), data)
    assert "objectives" in response.context["form"].errors and not Appraisal.objects.exists()


def test_objectives_are_hidden_from_a_keyworker_not_named_and_showing_them_is_audited(service, manager, as_role):
    appraisal = Appraisal.objects.create(
        service=service,
        supervisee=keyworker_of(service),
        supervisor=manager.user,
        held_on=days_ago(10),
        objectives=OBJECTIVES,
        next_due_on=days_ago(-355),
    )
    other = as_role(Role.KEYWORKER)
    assert "Complete PBS training" not in other.http.get(reverse("supervision:list")).content.decode()
    assert "Complete PBS training" in manager.http.get(reverse("supervision:list")).content.decode()
    shown = AuditEntry.objects.get(content_type__model="appraisal", operation="view")
    assert (shown.actor, shown.object_id, shown.changes) == (manager.user, str(appraisal.pk), {"objectives": "shown"})


def test_an_appraisal_due_within_60_days_is_on_the_lapsing_list(service, manager):
    Appraisal.objects.create(
        service=service,
        supervisee=keyworker_of(service),
        supervisor=manager.user,
        held_on=days_ago(340),
        objectives=OBJECTIVES,
        next_due_on=days_ago(-25),
    )
    assert [(item.what, item.verb) for item in lapsing_and_due(service, TODAY)] == [("Appraisal", "is due")]


def test_a_keyworker_records_training_they_attended(service, as_role):
    keyworker = as_role(Role.KEYWORKER)
    response = keyworker.http.post(reverse("supervision:add_training"), training_form(keyworker.user))
    assert response.status_code == 302
    assert Training.objects.get().topic == "Autism awareness"


def test_training_delivered_to_partners_records_who_for_and_how_many(service, manager):
    data = training_form(keyworker_of(service), kind="delivered", audience="School staff", attendees="14")
    assert manager.http.post(reverse("supervision:add_training"), data).status_code == 302
    delivered = Training.objects.get()
    assert (delivered.audience, delivered.attendees) == ("School staff", 14)
    assert "Delivered to School staff (14 people)" in manager.http.get(reverse("supervision:list")).content.decode()


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"kind": "delivered"}, "audience", "Enter who the training was for"),
        ({"kind": "delivered", "audience": "School staff"}, "attendees", "Enter how many attended, 1 or more"),
        ({"hours": "0"}, "hours", "Enter hours from 0.5 to 100"),
        (date_parts("held_on", days_ago(-2)), "held_on", "The date must be today or in the past"),
    ],
)
def test_bad_training_is_refused_and_nothing_is_saved(service, manager, changes, field, message):
    response = manager.http.post(reverse("supervision:add_training"), training_form(keyworker_of(service), **changes))
    assert response.context["form"].errors[field] == [message]
    assert not Training.objects.exists()


def test_a_keyworker_may_not_record_anothers_training(service, as_role):
    keyworker = as_role(Role.KEYWORKER)
    response = keyworker.http.post(reverse("supervision:add_training"), training_form(keyworker_of(service)))
    assert response.context["form"].errors["worker"] == ["Record only what you took part in"]
    assert not Training.objects.exists()


def test_the_demo_gives_both_services_supervision_appraisals_and_training(service, other_service, make_user):
    for each in (service, other_service):
        users = {"manager": make_user(each, Role.MANAGER), "keyworker": keyworker_of(each)}
        users["behaviour"] = keyworker_of(each, "behaviour_team")
        seed_supervision(each, users)
        assert each.supervisions.exists() and each.appraisals.exists()
        assert each.training.filter(kind="delivered").exists()
