"""The demo opens on a service on an ordinary day, whatever day it is loaded: reviews in date but
for a handful, the keyworker's caseload within its limit, referrals waiting days rather than
months, one inpatient's C(E)TR due this week; and loading it again the same day changes nothing."""

import datetime
from io import StringIO

import pytest
import time_machine
from django.apps import apps
from django.core.management import call_command
from django.utils import timezone

from keywork.accounts.models import WorkerType
from keywork.demo.management.commands.demo import Command
from keywork.inpatient.schedule import current_inpatients
from keywork.keyworking.board import caseloads
from keywork.keyworking.models import Allocation, Escalation, FollowUp
from keywork.keyworking.queues import awaiting_allocation, awaiting_decision
from keywork.register.choices import RegisterStatus
from keywork.register.models import Person
from keywork.reviews.models import Action
from keywork.services.models import Service

WEEK = datetime.timedelta(days=7)


def run_demo():
    call_command(Command(), stdout=StringIO())


def snapshot() -> dict:
    """How many rows every model has, and each person's current rating and next review."""
    counts = {model._meta.label: model._default_manager.count() for model in apps.get_models()}
    ratings = list(Person.objects.order_by("id").values_list("id", "rating", "next_review_due"))
    return {"counts": counts, "ratings": ratings}


@pytest.mark.parametrize("day", [datetime.date(2026, 12, 1), datetime.date(2027, 6, 15)], ids=str)
def test_the_demo_opens_on_an_ordinary_day_and_loading_it_again_changes_nothing(db, settings, day):
    settings.DEMO = True
    with time_machine.travel(datetime.datetime(day.year, day.month, day.day, 9, tzinfo=datetime.UTC), tick=False):
        run_demo()
        for service in Service.objects.all():
            assert_reviews_in_date_but_for_a_handful(service)
            assert_referrals_wait_days(service, day)
            assert_one_inpatient_ctr_due_this_week(service, day)
            assert_most_work_in_hand(service, day)
        before = snapshot()
        run_demo()
        assert snapshot() == before


def assert_reviews_in_date_but_for_a_handful(service):
    active = service.people.filter(status=RegisterStatus.ACTIVE)
    overdue = [person for person in active if person.is_review_overdue]
    assert active.count() > 50 and 1 <= len(overdue) <= 6, service
    keyworker = service.users.get(username__endswith="keyworker")
    mine = active.filter(pk__in=Allocation.objects.current().filter(worker=keyworker).values("person_id"))
    assert mine.exists() and sum(person.is_review_overdue for person in mine) <= 1, service
    assert not any(row["over_limit"] for row in caseloads(service)), service


def assert_referrals_wait_days(service, day):
    people = service.people.all()
    waiting = list(awaiting_decision(people))
    assert 2 <= len(waiting) <= 4, service
    assert max(referral.days_waiting for referral in waiting) <= 10, service
    assert not any(referral.decision_overdue for referral in waiting), service
    to_allocate = list(awaiting_allocation(people))
    assert 1 <= len(to_allocate) <= 3, service
    assert all((day - referral.decided_on).days <= 10 for referral in to_allocate), service


def assert_one_inpatient_ctr_due_this_week(service, day):
    rows = current_inpatients(service.people.all(), service, day)
    assert 1 <= len(rows) <= service.inpatient_target, service
    assert not any(row.schedule.is_overdue for row in rows), service
    due_this_week = [row for row in rows if row.schedule.next_due <= day + WEEK]
    assert len(due_this_week) == 1, service
    assert due_this_week[0].admission.person.rating == "blue", service
    keyworkers = Allocation.objects.current().filter(worker_type=WorkerType.PRACTICE_CONSULTANT)
    assert all(keyworkers.filter(person=row.admission.person).exists() for row in rows), service


def assert_most_work_in_hand(service, day):
    follow_ups = FollowUp.objects.filter(person__service=service, done_on__isnull=True)
    assert 1 <= follow_ups.filter(due_on__lt=day).count() <= 3, service
    assert follow_ups.filter(due_on__range=(day, day + WEEK)).exists(), service
    assert 1 <= Escalation.objects.awaiting_response().filter(person__service=service).count() <= 2, service
    actions = Action.objects.filter(person__service=service)
    assert Action.objects.overdue(day).filter(person__service=service).count() <= actions.count() / 5, service
    allocated = service.people.filter(pk__in=Allocation.objects.current().values("person_id"))
    cutoff = timezone.now() - datetime.timedelta(days=service.contact_gap_days)
    not_contacted = allocated.exclude(contacts__occurred_at__gte=cutoff)
    assert 1 <= not_contacted.count() <= allocated.count() / 4, service
