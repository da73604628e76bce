"""Who the agenda lists and why, counted by hand: the clock at 25 November 2026, the last meeting on
28 October 2026."""

import datetime

import pytest

from keywork.meetings import agenda
from keywork.register import operations
from keywork.register.models import Person, RatingChange
from keywork.testing.dates import TODAY
from keywork.testing.factories import allocate, keyworker_of, refer

D = datetime.date
SINCE = D(2026, 10, 28)
CHILD = D(2012, 6, 1)  # 14 years old: no birthday of 18 or 26 near
JANUARY = D(2026, 1, 5)
REVIEWED = D(2026, 11, 15)


@pytest.fixture
def people(service, coordinator_user, actor, add_person, admit):
    def person(rating="green", referred=JANUARY, born=CHILD, reviewed=REVIEWED):
        someone = add_person(service, coordinator_user, rating=rating, referral_date=referred, date_of_birth=born)
        if reviewed:
            operations.change_rating(actor, someone, RatingChange(rating=rating, effective_on=reviewed, reason="r"))
        return someone

    found = {
        # Green, reviewed on 15 November to the same rating: nothing to discuss.
        "quiet": person(),
        # Red, reviewed weekly, last on 20 November.
        "red": person("red", reviewed=D(2026, 11, 20)),
        # Rated amber on referral in January 2025 and never since: the review is long overdue.
        "overdue": person("amber", referred=D(2025, 1, 5), reviewed=None),
        # Referred and put on the register on 10 November: new, and first rated since the last meeting.
        "new": person("amber", referred=D(2026, 11, 10), reviewed=None),
        "turning_18": person(born=D(2009, 2, 1)),
        "in_hospital": person(),
        "in_hospital_with_keyworker": person(),
        "discharged": person(),
    }
    refer(found["new"], coordinator_user, received_on=D(2026, 11, 12))
    # Admitted 1 October, before the last meeting: blue then and now, so no rating change.
    admit(found["in_hospital"], D(2026, 10, 1))
    admit(found["in_hospital_with_keyworker"], D(2026, 10, 1))
    allocate(found["in_hospital_with_keyworker"], keyworker_of(service), starts_on=D(2026, 9, 1))
    # Blue on 28 October, red on discharge on 20 November.
    admit(found["discharged"], D(2026, 10, 1), discharged_on=D(2026, 11, 20))
    return {name: someone.pk for name, someone in found.items()}


def named(people, ids) -> set[str]:
    return {name for name, pk in people.items() if pk in ids}


@pytest.fixture
def everyone(service):
    return Person.objects.filter(service=service)


def test_new_referrals_are_those_received_since_the_last_meeting(people, everyone):
    assert named(people, agenda.new_referrals(everyone, SINCE, TODAY)) == {"new"}


def test_new_to_the_register_are_those_referred_since_the_last_meeting(people, everyone):
    assert named(people, agenda.new_to_register(everyone, SINCE, TODAY)) == {"new"}


def test_every_blue_and_red_is_listed(people, everyone):
    assert named(people, agenda.blue_or_red(everyone, TODAY)) == {
        "red",
        "in_hospital",
        "in_hospital_with_keyworker",
        "discharged",
    }


def test_those_overdue_a_review_are_listed(people, everyone):
    assert named(people, agenda.review_overdue(everyone, TODAY)) == {"overdue"}


def test_those_discharged_in_the_last_28_days_are_listed(people, everyone):
    assert named(people, agenda.discharged_recently(everyone, TODAY)) == {"discharged"}


def test_a_rating_that_differs_from_the_last_meeting_is_listed_and_a_review_to_the_same_rating_is_not(people, everyone):
    assert named(people, agenda.rating_changed(everyone, SINCE, TODAY)) == {"new", "discharged"}


def test_those_turning_18_within_six_months_are_listed(people, everyone):
    assert named(people, agenda.turning_18_or_26(everyone, TODAY)) == {"turning_18"}


def test_inpatients_without_a_designated_keyworker_are_listed(people, everyone):
    assert named(people, agenda.inpatients_without_a_keyworker(everyone, TODAY)) == {"in_hospital"}


def test_the_agenda_gives_each_person_every_reason_once_in_order(people, service):
    listed = agenda.agenda_for(service, TODAY, SINCE)
    assert {name: listed[pk] for name, pk in people.items() if pk in listed} == {
        "red": ["blue_or_red"],
        "overdue": ["review_overdue"],
        "new": ["new_referral", "new_to_register", "rating_changed"],
        "turning_18": ["turning_18_or_26"],
        "in_hospital": ["blue_or_red", "inpatient_without_keyworker"],
        "in_hospital_with_keyworker": ["blue_or_red"],
        "discharged": ["blue_or_red", "discharged", "rating_changed"],
    }


def test_the_demo_meetings_have_the_agenda_keywork_would_have_built_on_the_day(people, service, make_user):
    from keywork.meetings.models import Meeting
    from keywork.meetings.synthetic import seed_meetings

    users = {"manager": make_user(service, "manager"), "coordinator": make_user(service, "coordinator")}
    seed_meetings(service, users)
    seed_meetings(service, users)  # a second run adds nothing
    first, second = Meeting.objects.order_by("held_on")
    assert Meeting.objects.count() == 2 and not second.is_open
    expected = agenda.agenda_for(service, second.held_on, first.held_on)
    assert {item.person_id: item.reasons for item in second.agenda.all()} == expected


def test_each_person_is_listed_with_their_rating_on_the_meeting_day(people, service, coordinator_user):
    from keywork.meetings.models import Meeting

    meeting = Meeting(service=service, held_on=TODAY, chair=coordinator_user, recorded_by=coordinator_user)
    meeting.save()
    ratings = {item.person_id: item.rating_listed for item in agenda.agenda_items(meeting)}
    assert ratings[people["red"]] == "red" and ratings[people["in_hospital"]] == "blue"
    assert ratings[people["overdue"]] == "amber"
