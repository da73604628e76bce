"""Keywork and reviews around one area's synthetic people: referrals (accepted for most people at
risk), allocations to the area's keyworkers, contacts with follow-ups, C(E)TRs with actions, and
personal goals with their ratings. Unsaved; build.py writes them in bulk, in dependency order."""

import datetime
import random
import zoneinfo

from django.conf import settings

from keywork.accounts.models import WorkerType
from keywork.education.choices import EhcpStatus
from keywork.keyworking.choices import ClosingReason, ContactType, ReferralDecision, ReferralRoute
from keywork.keyworking.models import Allocation, Contact, FollowUp, Referral
from keywork.keyworking.synthetic import NOTES
from keywork.outcomes.models import Goal, GoalRating
from keywork.register.choices import Rating
from keywork.register.synthetic import FAMILY_NAMES, GIVEN_NAMES
from keywork.reviews.choices import ActionStatus, ReviewKind
from keywork.reviews.models import Action, Review
from keywork.reviews.synthetic import RECOMMENDATIONS

DAY = datetime.timedelta(days=1)
REFERRERS = [
    "Children's Social Work Services",
    "Children and Young People's Mental Health Service",
    "Oakfield Academy",
    "Riverside Surgery",
    "Short Breaks Service",
    "Family (self-referral)",
]
CONTACT_TYPES = list(ContactType.values)
CONTACT_WEIGHTS = [30, 35, 10, 12, 3, 5, 5]
FOLLOW_UPS = [
    "Send the updated support plan to the family",
    "Chase the care package review with social care",
    "Book the behaviour team visit",
    "Ask school for the reduced-timetable plan in writing",
]
GOALS = [
    "Go to school for full days, five days a week",
    "Sleep through the night most nights",
    "Take part in a weekly activity outside the home",
    "Use the agreed calming strategies when anxious",
    "Keep the current placement through the next six months",
]
FOLLOW_UP_SHARE = 0.1


def build_referrals(records, area, rng: random.Random, today: datetime.date) -> list[Referral]:
    """Referrals for nearly everyone at risk and a fifth of the others; most at risk accepted."""
    referrals = []
    for record in records:
        person, at_risk = record.person, record.at_risk
        if rng.random() >= (0.95 if at_risk else 0.2):
            continue
        received = min(person.referral_date + rng.randint(0, 14) * DAY, today)
        referral = Referral(
            person=person,
            route=ReferralRoute.DSR if rng.random() < 0.7 else ReferralRoute.DIRECT,
            received_on=received,
            referrer_name=f"{rng.choice(GIVEN_NAMES)} {rng.choice(FAMILY_NAMES)}",
            referrer_organisation=rng.choice(REFERRERS),
            reason="Escalating needs at home and school; the family asked for a keyworker.",
            recorded_by=area.coordinator,
        )
        draw = rng.random()
        if received > today - 21 * DAY and draw < 0.5:
            referrals.append(referral)  # recent, still awaiting a decision
            continue
        if draw < (0.9 if at_risk else 0.6):
            referral.decision = ReferralDecision.ACCEPTED
        else:
            referral.decision = rng.choice([ReferralDecision.DECLINED, ReferralDecision.SIGNPOSTED])
            referral.decision_reason = "Needs can be met by the local short breaks and early help offer."
        referral.decided_on = min(received + rng.randint(1, 21) * DAY, today)
        referral.decided_by = area.manager
        referrals.append(referral)
    return referrals


def build_allocations(referrals, area, rng: random.Random, today: datetime.date) -> list[Allocation]:
    """A Practice Consultant for each accepted referral (a few recent ones still waiting), a
    Behaviour Team worker for a quarter; keywork closes for some who have stepped down to green."""
    consultants = area.keyworkers_of(WorkerType.PRACTICE_CONSULTANT)
    behaviour = area.keyworkers_of(WorkerType.BEHAVIOUR_TEAM)
    allocations = []
    for referral in referrals:
        if referral.decision != ReferralDecision.ACCEPTED:
            continue
        if referral.decided_on > today - 60 * DAY and rng.random() < 0.1:
            continue  # on the allocation board
        starts = min(referral.decided_on + rng.randint(0, 28) * DAY, today)
        person = referral.person
        ends = None
        if person.rating == Rating.GREEN and person.rating_effective_on > starts and rng.random() < 0.5:
            ends = min(person.rating_effective_on + rng.randint(14, 60) * DAY, today)
            referral.closed_on, referral.closing_reason = ends, ClosingReason.STEPPED_DOWN
        allocations.append(_allocation(person, rng.choice(consultants), starts, ends, area))
        if rng.random() < 0.25:
            later = min(starts + rng.randint(0, 60) * DAY, ends or today)
            allocations.append(_allocation(person, rng.choice(behaviour), later, ends, area))
    return allocations


def _allocation(person, worker, starts, ends, area) -> Allocation:
    return Allocation(
        person=person,
        worker=worker,
        worker_type=worker.worker_type,
        starts_on=starts,
        ends_on=ends,
        reason="Accepted for keywork",
        end_reason="Stepped down to green and stable" if ends else "",
        recorded_by=area.manager,
    )


def build_contacts(allocations, records, count: int, area, rng: random.Random, today: datetime.date):
    """`count` contacts spread over the allocations in proportion to their length (dated by
    yesterday at the latest), each with its worker; a tenth have a follow-up. Returns the
    contacts, and for each the worker and the follow-up (or None), to link once saved."""
    yesterday = today - DAY
    windows = [(a.person, a.worker, a.starts_on, min(a.ends_on or yesterday, yesterday)) for a in allocations]
    windows = [window for window in windows if window[2] <= window[3]]
    if not windows:  # nobody allocated yet (tiny data sets): the coordinator's contacts
        windows = [(r.person, area.coordinator, min(r.person.referral_date, yesterday), yesterday) for r in records]
    weights = [(end - start).days + 1 for _, _, start, end in windows]
    london = zoneinfo.ZoneInfo(settings.TIME_ZONE)
    contacts, links = [], []
    for person, worker, start, end in rng.choices(windows, weights=weights, k=count):
        day = start + rng.randint(0, (end - start).days) * DAY
        occurred = datetime.datetime(day.year, day.month, day.day, rng.randint(8, 18), rng.choice((0, 15, 30, 45)))
        contacts.append(
            Contact(
                person=person,
                occurred_at=occurred.replace(tzinfo=london),
                contact_type=rng.choices(CONTACT_TYPES, weights=CONTACT_WEIGHTS)[0],
                duration_minutes=rng.choice((15, 30, 45, 60, 90, 120)),
                family_present="Mum" if rng.random() < 0.4 else "",
                notes=rng.choice(NOTES),
                restricted=rng.random() < 0.03,
                recorded_by=worker,
            )
        )
        follow_up = None
        if rng.random() < FOLLOW_UP_SHARE:
            due = day + rng.randint(7, 28) * DAY
            done = due - rng.randint(0, 5) * DAY if due < today - 7 * DAY and rng.random() < 0.9 else None
            follow_up = FollowUp(
                person=person, description=rng.choice(FOLLOW_UPS), owner=worker, due_on=due, done_on=done
            )
        links.append((worker, follow_up))
    return contacts, links


def build_reviews(records, count: int, area, rng: random.Random, today: datetime.date) -> list[Review]:
    """`count` C(E)TRs: post-admission and three-monthly inpatient reviews for every stay, then
    community (some 'blue light') reviews for people at risk."""
    reviews = []
    for record in records:
        for stay in record.stays:
            end = stay.discharged_on or today
            reviews.append(_review(record.person, ReviewKind.POST_ADMISSION, stay.admitted_on, area, rng, today))
            day = stay.admitted_on + 91 * DAY
            while day < end:
                reviews.append(_review(record.person, ReviewKind.INPATIENT, day, area, rng, today))
                day += 91 * DAY
    reviews = reviews[:count]
    candidates = [record.person for record in records if record.at_risk] or [record.person for record in records]
    for person in rng.choices(candidates, k=count - len(reviews)):
        requested = person.referral_date + rng.randint(0, max((today - person.referral_date).days - 1, 0)) * DAY
        kind = ReviewKind.BLUE_LIGHT if rng.random() < 0.15 else ReviewKind.COMMUNITY
        reviews.append(_review(person, kind, requested, area, rng, today))
    # A review of a person with an EHCP is a C(E)TR, with Education (NHS England C(E)TR policy).
    with_plans = {record.person.pk for record in records if record.ehcp.status == EhcpStatus.YES}
    for review in reviews:
        review.includes_education = review.person.pk in with_plans
    return reviews


def _review(person, kind, requested, area, rng, today) -> Review:
    scheduled = requested + rng.randint(3, 20) * DAY
    held = scheduled if scheduled <= today else None
    return Review(
        person=person,
        kind=kind,
        requested_on=requested,
        scheduled_on=scheduled,
        held_on=held,
        chair="ICB commissioner",
        clinical_expert="Consultant psychiatrist",
        expert_by_experience="Expert by experience (family carer)",
        outcome_summary="The panel agreed the actions below." if held else "",
        recorded_by=area.coordinator,
    )


def build_actions(reviews, rng: random.Random, today: datetime.date) -> list[Action]:
    """One to three actions a review; most past their due date are done, a few dropped."""
    actions = []
    for review in reviews:
        review_day = review.held_on or review.requested_on
        for recommendation, owner in rng.sample(RECOMMENDATIONS, k=rng.randint(1, 3)):
            action = Action.raised_from(
                review,
                recommendation=recommendation,
                owner_organisation=owner,
                due_on=review_day + rng.randint(7, 60) * DAY,
            )
            draw = rng.random()
            if review.held_on and action.due_on < today and draw < 0.75:
                action.status, action.evidence = ActionStatus.DONE, "Confirmed at the follow-up meeting."
                action.completed_on = max(action.due_on - rng.randint(0, 7) * DAY, review_day)
            elif review.held_on and draw > 0.95:
                action.status, action.dropped_reason = ActionStatus.DROPPED, "Overtaken by the move to a new placement."
            actions.append(action)
    return actions


def build_goals(allocations, area, rng: random.Random, today: datetime.date):
    """Goals for about a third of the people in keywork, each scored at the start (the baseline)
    and about every three months after, drifting up. Returns the goals and, per goal, its ratings."""
    goals, ratings = [], []
    seen = set()
    for allocation in allocations:
        person = allocation.person
        if id(person) in seen or allocation.worker_type != WorkerType.PRACTICE_CONSULTANT or rng.random() >= 0.33:
            continue
        seen.add(id(person))
        set_on = allocation.starts_on + rng.randint(7, 30) * DAY
        if set_on > today:
            continue
        for description in rng.sample(GOALS, k=rng.randint(1, 2)):
            goal = Goal(person=person, description=description, set_on=set_on, set_with="Young person and family")
            goal.recorded_by = allocation.worker
            score, day, scored = rng.choice((-2, -1)), set_on, []
            while day <= today and len(scored) < 4:
                scored.append(GoalRating(rated_on=day, score=score, recorded_by=allocation.worker))
                score = min(2, score + rng.choice((0, 1, 1)))
                day += rng.randint(60, 120) * DAY
            goals.append(goal)
            ratings.append(scored)
    return goals, ratings
