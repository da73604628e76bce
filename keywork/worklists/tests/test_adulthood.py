"""The preparing-for-adulthood lists: who is on each from which birthday (29 February included), what
takes them off, and that keywork open at 26 is shown overdue to close and never closed by itself."""

import datetime

from django.urls import reverse

from keywork.keyworking.models import Referral
from keywork.register.models import Consent
from keywork.testing.dates import TODAY, days_ago
from keywork.transition import rules
from keywork.transition.models import TransitionPlan
from keywork.worklists.adulthood import (
    adult_services_referrals_due,
    consents_to_recheck,
    endings_to_propose,
    overdue_to_close,
    transition_plans_due,
)
from keywork.worklists.reminders import reminder_lines
from keywork.worklists.tests.conftest import turned
from keywork.worklists.work import Scope, work_for


def scope_of(worker, today=TODAY):
    return Scope(worker.service.people.all(), worker.service, worker, today)


def names(rows) -> list[str]:
    return [row.person.full_name for row in rows]


def born(person, day):
    person.date_of_birth = day
    person.save(update_fields=["date_of_birth"])


def test_a_transition_plan_is_due_from_the_14th_birthday_until_one_is_recorded(keyworker, someone):
    person = someone(allocated_to=keyworker.user)
    born(person, rules.born_by(TODAY, (14, 0)) + datetime.timedelta(days=1))
    assert transition_plans_due(scope_of(keyworker.user)) == []
    born(person, rules.born_by(TODAY, (14, 0)))
    assert names(transition_plans_due(scope_of(keyworker.user))) == [person.full_name]
    TransitionPlan.objects.create(
        person=person,
        **{f"{p}_status": "not_started" for p in ("social_care", "health", "housing", "employment")},
        agreed_on=TODAY,
        review_on=TODAY,
    )
    assert transition_plans_due(scope_of(keyworker.user)) == []


def test_someone_born_on_29_february_is_prompted_for_adult_services_on_29_august(keyworker, someone):
    person = someone(allocated_to=keyworker.user)
    born(person, datetime.date(2012, 2, 29))  # the lists read ahead to 2029, the allocation still current
    assert adult_services_referrals_due(scope_of(keyworker.user, datetime.date(2029, 8, 28))) == []
    (row,) = adult_services_referrals_due(scope_of(keyworker.user, datetime.date(2029, 8, 29)))
    assert row.on == datetime.date(2029, 8, 29)


def test_consent_is_re_checked_from_18_until_the_young_person_consents(keyworker, someone):
    person = turned(someone(allocated_to=keyworker.user), 18)
    (row,) = consents_to_recheck(scope_of(keyworker.user))
    assert row.on == rules.reaches(person.date_of_birth, (18, 0))
    Consent.objects.create(
        person=person, basis="person", given_by=person.full_name, decided_on=TODAY, recorded_by=keyworker.user
    )
    assert consents_to_recheck(scope_of(keyworker.user)) == []


def test_a_best_interests_decision_since_18_is_a_re_check_too(keyworker, someone):
    person = turned(someone(allocated_to=keyworker.user), 18)
    Consent.objects.create(
        person=person, basis="best_interests", given_by="Dr A", decided_on=days_ago(1), recorded_by=keyworker.user
    )
    assert consents_to_recheck(scope_of(keyworker.user)) == []


def test_the_ending_is_proposed_from_25_and_a_half_and_overdue_from_the_26th_birthday(keyworker, someone):
    soon = turned(someone(allocated_to=keyworker.user), 25, days_ago_=200, keywork_open_by=keyworker.user)
    late = turned(someone(allocated_to=keyworker.user), 26, days_ago_=0, keywork_open_by=keyworker.user)
    scope = scope_of(keyworker.user)
    assert names(endings_to_propose(scope)) == [soon.full_name]
    (row,) = overdue_to_close(scope)
    assert row.person == late and row.on == TODAY and row.referral.is_open


def test_keywork_open_at_26_is_never_closed_by_the_lists(keyworker, someone):
    turned(someone(allocated_to=keyworker.user), 26, keywork_open_by=keyworker.user)
    work_for(keyworker.user.service.people.all(), keyworker.user)
    assert Referral.objects.get().closed_on is None


def test_keywork_closed_with_a_reason_leaves_the_overdue_list(keyworker, manager, someone):
    turned(someone(allocated_to=keyworker.user), 26, keywork_open_by=keyworker.user)
    referral = Referral.objects.get()
    form = {"closed_on_0": TODAY.day, "closed_on_1": TODAY.month, "closed_on_2": TODAY.year}
    form |= {"closing_reason": "reached_26", "version": referral.version}
    assert manager.http.post(reverse("keyworking:close_keywork", args=[referral.pk]), form).status_code == 302
    assert overdue_to_close(scope_of(keyworker.user)) == []


def test_the_keyworkers_home_page_links_each_prompt_to_where_it_is_resolved(keyworker, someone):
    adult = turned(someone(allocated_to=keyworker.user), 18)
    turned(someone(allocated_to=keyworker.user), 26, keywork_open_by=keyworker.user)
    page = keyworker.http.get(reverse("home")).content.decode()
    assert "Consent to re-check at 18" in page and reverse("register:consent", args=[adult.pk]) in page
    assert "Overdue to close: turned 26" in page and "A team manager ends keywork" in page


def test_the_reminder_names_the_overdue_closure(keyworker, someone):
    person = turned(someone(allocated_to=keyworker.user), 26, keywork_open_by=keyworker.user)
    lines = reminder_lines(keyworker.user)
    assert any(line.startswith("Overdue to close") and person.full_name in line for line in lines)
