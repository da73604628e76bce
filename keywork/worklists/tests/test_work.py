"""Each work list's contents and its boundaries: overdue and due within 7 days; no contact for more
than the service's contact gap; a worker's own people, or the team's."""

import pytest

from keywork.accounts.models import Role
from keywork.education.models import Ehcp
from keywork.register.models import Person
from keywork.testing.dates import TODAY, days_ago
from keywork.testing.factories import create_user
from keywork.worklists.tests.conftest import contact_on, escalation, follow_up
from keywork.worklists.work import Scope, work_list


def listed(service, name, worker=None):
    return work_list(Scope(Person.objects.filter(service=service), service, worker), name).rows


@pytest.fixture
def worker(keyworker):
    return keyworker.user


# DSR reviews --------------------------------------------------------------------------------------


def test_reviews_overdue_and_due_within_7_days_are_listed_overdue_first(service, someone, worker):
    in_a_week = someone(allocated_to=worker, review_due=days_ago(-7))
    today = someone(allocated_to=worker, review_due=TODAY)
    overdue = someone(allocated_to=worker, review_due=days_ago(3))
    someone(allocated_to=worker, review_due=days_ago(-8))

    assert listed(service, "reviews-due", worker) == [overdue, today, in_a_week]


def test_a_workers_reviews_are_of_their_own_people_and_the_teams_of_everyone_active(service, someone, worker):
    mine = someone(allocated_to=worker, review_due=TODAY)
    unallocated = someone(review_due=TODAY)

    assert listed(service, "reviews-due", worker) == [mine]
    assert set(listed(service, "reviews-due")) == {mine, unallocated}


# EHCP annual reviews ------------------------------------------------------------------------------


def test_ehcp_reviews_overdue_or_due_within_7_days_are_on_the_keyworkers_list(service, someone, worker):
    def plan(person, due, status="yes"):
        return Ehcp.objects.create(person=person, status=status, next_annual_review_due=due)

    overdue = plan(someone(allocated_to=worker), days_ago(40))
    soon = plan(someone(allocated_to=worker), days_ago(-7))
    plan(someone(allocated_to=worker), days_ago(-8))
    plan(someone(), days_ago(40))

    assert listed(service, "ehcp-reviews-due", worker) == [overdue, soon]


# C(E)TRs ------------------------------------------------------------------------------------------


def test_an_inpatients_post_admission_ctr_is_listed_from_a_week_before_it_is_due(service, someone, worker, admit):
    # The post-admission C(E)TR is due 10 working days after admission: 14 calendar days here.
    due_in_7_days = someone(allocated_to=worker)
    admit(due_in_7_days, days_ago(7))
    due_in_8_days = someone(allocated_to=worker)
    admit(due_in_8_days, days_ago(6))

    rows = listed(service, "ctrs-due", worker)

    assert [(row.admission.person, row.schedule.next_due) for row in rows] == [(due_in_7_days, days_ago(-7))]


def test_an_overdue_ctr_comes_before_one_due_this_week(service, someone, worker, admit):
    later = someone(allocated_to=worker)
    admit(later, days_ago(7))
    overdue = someone(allocated_to=worker)
    admit(overdue, days_ago(30))

    assert [row.admission.person for row in listed(service, "ctrs-due", worker)] == [overdue, later]


# Follow-ups ---------------------------------------------------------------------------------------


def test_follow_ups_overdue_and_due_within_7_days_are_listed_by_due_date(service, someone, worker):
    person = someone(allocated_to=worker)
    in_a_week = follow_up(person, days_ago(-7), worker)
    today = follow_up(person, TODAY, worker)
    overdue = follow_up(person, days_ago(2), worker)
    follow_up(person, days_ago(-8), worker)
    follow_up(person, days_ago(5), worker, done_on=days_ago(1))

    assert listed(service, "follow-ups-due", worker) == [overdue, today, in_a_week]


def test_a_worker_sees_follow_ups_they_own_and_those_about_their_people(service, someone, worker):
    colleague = create_user(service, Role.KEYWORKER)
    mine = someone(allocated_to=worker)
    theirs = someone(allocated_to=colleague)
    about_my_person = follow_up(mine, TODAY, colleague)
    owned_by_me = follow_up(theirs, TODAY, worker)
    follow_up(theirs, TODAY, colleague)

    assert set(listed(service, "follow-ups-due", worker)) == {about_my_person, owned_by_me}
    assert len(listed(service, "follow-ups-due")) == 3


# Not contacted ------------------------------------------------------------------------------------


@pytest.mark.parametrize(("days", "is_listed"), [(14, False), (15, True)])
def test_a_person_last_contacted_more_than_the_gap_ago_is_listed(service, someone, worker, days, is_listed):
    person = someone(allocated_to=worker)
    contact_on(person, days_ago(days), worker)

    assert (person in listed(service, "not-contacted", worker)) is is_listed


@pytest.mark.parametrize(("days", "is_listed"), [(14, False), (15, True)])
def test_a_person_never_contacted_counts_from_their_allocation(service, someone, worker, days, is_listed):
    person = someone(allocated_to=worker, allocated_on=days_ago(days))

    assert (person in listed(service, "not-contacted", worker)) is is_listed


def test_the_contact_gap_is_the_services_setting(service, someone, worker):
    service.contact_gap_days = 3
    service.save()
    person = someone(allocated_to=worker)
    contact_on(person, days_ago(4), worker)

    assert listed(service, "not-contacted", worker) == [person]


def test_the_longest_without_contact_is_listed_first_with_the_date_of_their_last_contact(service, someone, worker):
    recent = someone(allocated_to=worker)
    contact_on(recent, days_ago(20), worker)
    never = someone(allocated_to=worker, allocated_on=days_ago(40))
    contacted_long_ago = someone(allocated_to=worker)
    contact_on(contacted_long_ago, days_ago(30), worker)

    rows = listed(service, "not-contacted", worker)

    assert rows == [never, contacted_long_ago, recent]
    assert (rows[0].last_contact_on, rows[0].allocated_on, rows[1].last_contact_on) == (
        None,
        days_ago(40),
        days_ago(30),
    )


def test_the_team_list_counts_never_contacted_from_the_first_current_allocation(service, someone, worker):
    person = someone(allocated_to=worker, allocated_on=days_ago(20))
    someone_else = create_user(service, Role.KEYWORKER, worker_type="behaviour_team")
    from keywork.testing.factories import allocate

    allocate(person, someone_else, days_ago(5))

    assert listed(service, "not-contacted") == [person]
    assert listed(service, "not-contacted", someone_else) == []


# Escalations --------------------------------------------------------------------------------------


def test_escalations_awaiting_a_response_are_listed_and_answered_ones_are_not(service, someone, worker):
    person = someone(allocated_to=worker)
    waiting = escalation(person, worker)
    escalation(person, worker, responded_on=days_ago(1))

    assert listed(service, "escalations", worker) == [waiting]


# Counts and "see all" -----------------------------------------------------------------------------


def test_a_capped_list_counts_all_its_rows_and_says_see_all_with_the_right_plural(service, someone, worker):
    person = someone(allocated_to=worker)
    scope = Scope(Person.objects.filter(service=service), service, worker)
    follow_up(person, TODAY, worker)

    one = work_list(scope, "follow-ups-due", shown=0)
    for _ in range(11):
        follow_up(person, TODAY, worker)
    twelve = work_list(scope, "follow-ups-due", shown=5)

    assert (one.count, one.more, one.see_all) == (1, True, "See all 1 follow-up")
    assert (len(twelve.rows), twelve.count, twelve.see_all) == (5, 12, "See all 12 follow-ups")
    assert not work_list(scope, "follow-ups-due", shown=12).more
