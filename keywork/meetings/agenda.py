"""Who a DSR meeting's agenda lists and why, each reason a named function over the service's people,
counted with the same figures as the reports (keywork/figures), so the agenda and the return agree."""

import datetime

from keywork.figures import flows
from keywork.figures.inpatients import stays_without_a_keyworker
from keywork.figures.register import (
    on_register,
    overdue_for_review,
    people_rows,
    ratings_on,
    ratings_through,
    service_people,
)
from keywork.meetings.choices import AgendaReason
from keywork.meetings.models import AgendaItem
from keywork.register.choices import Rating
from keywork.register.rules import age_on

# Discharges within this many days come back to the meeting (issue 17: "discharged in the last 28 days").
DISCHARGE_DAYS = 28
# A birthday of 18 (adult services) or 26 (the register's upper age) this close needs planning now.
TRANSITION_AGES = (18, 26)
TRANSITION_NOTICE_DAYS = 183


def new_referrals(people, since: datetime.date, day: datetime.date) -> set[int]:
    return set(flows.REFERRED.between(people, since, day).values_list("person_id", flat=True))


def new_to_register(people, since: datetime.date, day: datetime.date) -> set[int]:
    return set(people.filter(referral_date__range=(since, day)).values_list("id", flat=True))


def blue_or_red(people, day: datetime.date) -> set[int]:
    ratings = ratings_on(people, day)
    current = {row["id"] for row in on_register(people_rows(people), day)}
    return {person for person, rating in ratings.items() if person in current and rating in (Rating.BLUE, Rating.RED)}


def review_overdue(people, day: datetime.date) -> set[int]:
    return set(overdue_for_review(people, day).values_list("id", flat=True))


def discharged_recently(people, day: datetime.date) -> set[int]:
    start = day - datetime.timedelta(days=DISCHARGE_DAYS)
    return set(flows.DISCHARGED.between(people, start, day).values_list("person_id", flat=True))


def rating_changed(people, since: datetime.date, day: datetime.date) -> set[int]:
    """People whose rating on `day` differs from their rating on `since` (someone first rated in
    between counts as a change)."""
    before, now = ratings_through(people, [since, day])
    return {person for person, rating in now.items() if before.get(person) != rating}


def turning_18_or_26(people, day: datetime.date) -> set[int]:
    soon = day + datetime.timedelta(days=TRANSITION_NOTICE_DAYS)
    current = {row["id"] for row in on_register(people_rows(people), day)}
    return {
        person
        for person, born in people.filter(id__in=current).values_list("id", "date_of_birth")
        if any(age_on(born, day) < age <= age_on(born, soon) for age in TRANSITION_AGES)
    }


def inpatients_without_a_keyworker(people, day: datetime.date) -> set[int]:
    return set(stays_without_a_keyworker(people, day).values_list("person_id", flat=True))


def agenda_for(service, day: datetime.date, since: datetime.date) -> dict[int, list[str]]:
    """Each person the meeting on `day` should discuss, with every reason, in the order of AgendaReason;
    `since` is the last meeting's date (or DISCHARGE_DAYS before, for a service's first meeting)."""
    people = service_people(service)
    found = {
        AgendaReason.NEW_REFERRAL: new_referrals(people, since, day),
        AgendaReason.NEW_TO_REGISTER: new_to_register(people, since, day),
        AgendaReason.BLUE_OR_RED: blue_or_red(people, day),
        AgendaReason.REVIEW_OVERDUE: review_overdue(people, day),
        AgendaReason.DISCHARGED: discharged_recently(people, day),
        AgendaReason.RATING_CHANGED: rating_changed(people, since, day),
        AgendaReason.TURNING_18_OR_26: turning_18_or_26(people, day),
        AgendaReason.INPATIENT_WITHOUT_KEYWORKER: inpatients_without_a_keyworker(people, day),
    }
    agenda: dict[int, list[str]] = {}
    for reason, person_ids in found.items():
        for person_id in sorted(person_ids):
            agenda.setdefault(person_id, []).append(reason.value)
    return agenda


def since_last_meeting(meeting) -> datetime.date:
    previous = meeting.previous()
    return previous.held_on if previous else meeting.held_on - datetime.timedelta(days=DISCHARGE_DAYS)


def agenda_items(meeting) -> list[AgendaItem]:
    """The meeting's agenda as Keywork builds it (unsaved), each person with their reasons and the
    rating those reasons were decided on, both as of the meeting's date."""
    listed = agenda_for(meeting.service, meeting.held_on, since_last_meeting(meeting))
    ratings = ratings_on(service_people(meeting.service).filter(id__in=listed), meeting.held_on)
    return [
        AgendaItem(meeting=meeting, person_id=person_id, reasons=reasons, rating_listed=ratings.get(person_id, ""))
        for person_id, reasons in listed.items()
    ]
