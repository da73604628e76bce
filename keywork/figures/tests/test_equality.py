"""The equality figures, counted by hand: four people on the register on the last day of 2026/27 Q2,
one removed before it, one referred after it, and someone in another service."""

import datetime

import pytest

from keywork.figures import equality
from keywork.figures.catalogue import EQUALITY_FIGURES
from keywork.figures.register import service_people
from keywork.outcomes.choices import Answer
from keywork.outcomes.models import ClosingOutcome
from keywork.outcomes.summary import quarter_outcomes
from keywork.register.choices import RegisterStatus
from keywork.register.models import Person
from keywork.testing.factories import accept_referral, allocate, keyworker_of

START, END = datetime.date(2026, 7, 1), datetime.date(2026, 9, 30)
REFERRED = datetime.date(2026, 1, 5)


def born(years_old_on: datetime.date, years: int) -> datetime.date:
    """The date of birth of someone whose `years`th birthday is `years_old_on`."""
    return years_old_on.replace(year=years_old_on.year - years)


@pytest.fixture
def people(service, other_service, coordinator_user, add_person, make_user):
    def person(ethnicity, sex, date_of_birth, local_authority="Kent", referral_date=REFERRED, into=service):
        return add_person(
            into,
            coordinator_user if into == service else make_user(into, "coordinator"),
            ethnicity=ethnicity,
            sex=sex,
            date_of_birth=date_of_birth,
            local_authority=local_authority,
            referral_date=referral_date,
        )

    five_on_the_day = person("A", "female", born(END, 5))
    five_the_day_after = person("N", "male", born(END + datetime.timedelta(days=1), 5), "Medway")
    eighteen_on_the_day = person("Z", "female", born(END, 18))
    eighteen_the_day_after = person("99", "male", born(END + datetime.timedelta(days=1), 18))
    removed = person("H", "female", born(END, 12))
    Person.objects.filter(pk=removed.pk).update(
        status=RegisterStatus.REMOVED, status_changed_on=datetime.date(2026, 9, 1)
    )
    person("R", "female", born(END, 12), referral_date=datetime.date(2026, 10, 1))  # referred after the quarter
    person("S", "male", born(END, 12), "Cambridgeshire", into=other_service)
    return five_on_the_day, five_the_day_after, eighteen_on_the_day, eighteen_the_day_after, removed


def test_on_the_register_is_broken_down_by_each_dimension(service, people):
    counts = equality.on_the_register(service_people(service), service, START, END)

    assert counts["Ethnic group"] == {
        "White": 1,
        "Mixed": 0,
        "Asian or Asian British": 0,
        "Black or Black British": 1,
        "Other ethnic groups": 0,
        "Not stated or not known": 2,
    }
    assert counts["Ethnic category"]["White – British"] == 1
    assert counts["Ethnic category"]["Black or Black British – African"] == 1
    assert counts["Ethnic category"]["Not stated"] == counts["Ethnic category"]["Not known"] == 1
    assert sum(counts["Ethnic category"].values()) == 4
    assert counts["Sex"] == {"Female": 2, "Male": 2, "Indeterminate": 0, "Not known": 0}
    assert counts["Local authority"] == {"Kent": 3, "Medway": 1}


def test_age_bands_change_on_the_birthday_itself(service, people):
    counts = equality.on_the_register(service_people(service), service, START, END)

    assert counts["Age band"] == {"0 to 4": 1, "5 to 10": 1, "11 to 15": 0, "16 to 17": 1, "18 to 25": 1}


def test_those_off_the_register_and_other_services_people_are_not_counted(service, people):
    counts = equality.on_the_register(service_people(service), service, START, END)

    assert counts["Ethnic category"]["Asian or Asian British – Indian"] == 0  # removed before the day
    assert counts["Ethnic category"]["Other ethnic groups – Chinese"] == 0  # referred after it
    assert counts["Ethnic category"]["Other ethnic groups – Any other ethnic group"] == 0  # another service's
    assert "Cambridgeshire" not in counts["Local authority"]


def test_a_group_outside_the_usual_ones_is_added_only_when_someone_is_in_it(service, coordinator_user, add_person):
    add_person(service, coordinator_user, local_authority="Bexley", date_of_birth=born(END, 26), referral_date=REFERRED)

    counts = equality.on_the_register(service_people(service), service, START, END)

    assert counts["Local authority"] == {"Kent": 0, "Medway": 0, "Bexley": 1}
    assert list(counts["Age band"])[-1] == "26 or over" and counts["Age band"]["26 or over"] == 1


def test_receiving_keywork_counts_open_designated_keyworker_allocations_on_the_day(service, people):
    five, four, *_ = people
    keyworker = keyworker_of(service)
    allocate(five, keyworker, starts_on=datetime.date(2026, 2, 1))
    allocate(four, keyworker, starts_on=datetime.date(2026, 2, 1), ends_on=datetime.date(2026, 9, 1))

    counts = equality.receiving_keywork(service_people(service), service, START, END)

    assert counts["Sex"] == {"Female": 1, "Male": 0, "Indeterminate": 0, "Not known": 0}
    assert counts["Age band"]["5 to 10"] == 1 and sum(counts["Age band"].values()) == 1


def test_admissions_are_counted_in_the_period_with_the_age_on_the_day_of_admission(service, people, admit):
    *_, eighteen, seventeen, _removed = people
    admit(eighteen, datetime.date(2026, 8, 1), datetime.date(2026, 8, 20))  # 17 that day
    admit(eighteen, datetime.date(2026, 9, 30))  # 18 that day
    admit(seventeen, datetime.date(2026, 6, 30), datetime.date(2026, 7, 10))  # before the period

    counts = equality.admissions(service_people(service), service, START, END)

    assert counts["Age band"] == {"0 to 4": 0, "5 to 10": 0, "11 to 15": 0, "16 to 17": 1, "18 to 25": 1}
    assert counts["Sex"]["Female"] == 2 and counts["Sex"]["Male"] == 0


def test_keywork_closed_counts_referrals_closed_in_the_period_with_a_closing_outcome(service, people, coordinator_user):
    five, four, *_ = people
    closed = accept_referral(five, coordinator_user, decided_on=datetime.date(2026, 2, 1))
    closed.closed_on = datetime.date(2026, 9, 15)
    closed.save()
    not_applicable = Answer.NOT_APPLICABLE
    ClosingOutcome.objects.create(referral=closed, admission_avoided=not_applicable, breakdown_prevented=not_applicable)
    accept_referral(four, coordinator_user, decided_on=datetime.date(2026, 2, 1), closed_on=datetime.date(2026, 9, 1))

    counts = equality.keywork_closed(service_people(service), service, START, END)

    assert counts["Local authority"] == {"Kent": 1, "Medway": 0}
    assert sum(counts["Sex"].values()) == quarter_outcomes(service, START, END)["closings"] == 1


def test_every_breakdown_of_a_figure_adds_up_to_the_same_total(service, people):
    for figure in EQUALITY_FIGURES:
        breakdowns = figure.compute(service_people(service), service, START, END)
        totals = {sum(counts.values()) for counts in breakdowns.values()}
        assert len(totals) == 1, figure.name
