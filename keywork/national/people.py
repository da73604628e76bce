"""People of one synthetic area: register entries, rating histories that agree with their
admissions (blue on admission, red on discharge, red for the service's days after), consents.

All computed in Python, unsaved; build.py writes them in bulk. Nobody here is real: NHS numbers
are in the 999 test range with valid check digits, names are common names picked at random.
"""

import datetime
import random
from dataclasses import dataclass, field

from keywork.education.choices import EhcpStatus
from keywork.education.models import Ehcp
from keywork.inpatient.choices import LegalStatus
from keywork.inpatient.models import Admission, LegalStatusChange
from keywork.inpatient.synthetic import HOSPITALS
from keywork.register.choices import (
    Condition,
    EthnicCategory,
    Rating,
    RatingCause,
    ReferralSource,
    RiskFactor,
    Sex,
)
from keywork.register.models import Person, RatingChange
from keywork.register.synthetic import (
    FAMILY_NAMES,
    FINAL_RATING_WEIGHTS,
    GIVEN_NAMES,
    REASONS,
    apply_current_rating,
    build_consent,
    synthetic_nhs_number,
)

REVIEW_RATINGS = [Rating.RED, Rating.AMBER, Rating.GREEN]
# Most people are never admitted; of those who are, each area keeps a few in hospital today.
ADMITTED_SHARE = 0.05
CURRENT_INPATIENTS_PER_AREA = (2, 6)
LETTERS = "ABDEFGHJLNPQRSTUWXYZ"
DESTINATIONS = ["Family home", "Residential placement", "Supported living", "Foster placement"]


@dataclass
class Stay:
    admitted_on: datetime.date
    discharged_on: datetime.date | None


@dataclass
class Record:
    """One person as built: the unsaved person, their rating history, their EHCP and any hospital stay."""

    person: Person
    history: list[RatingChange]
    ehcp: Ehcp
    stays: list[Stay] = field(default_factory=list)

    @property
    def at_risk(self) -> bool:
        return bool(self.stays) or self.person.rating in (Rating.RED, Rating.AMBER, Rating.BLUE)


def build_people(area, count: int, years: int, decider, rng: random.Random, today: datetime.date) -> list[Record]:
    """`count` people with histories over up to `years` years; NHS numbers unique in the area."""
    service = area.service
    taken: set[str] = set()
    span_days = max(365 * years, 1)
    current = set(rng.sample(range(count), k=min(count, rng.randint(*CURRENT_INPATIENTS_PER_AREA))))
    records = []
    for index in range(count):
        number = synthetic_nhs_number(rng)
        while number in taken:
            number = synthetic_nhs_number(rng)
        taken.add(number)
        span = rng.randint(0, span_days)
        if index in current:
            span = max(span, 30)
        person = _person(service, area.postcode_prefix, number, today - datetime.timedelta(days=span), rng)
        stays = _stay(person.referral_date, span, index in current, rng)
        history = _history(person, span, stays, decider, rng, service.red_days_after_discharge)
        apply_current_rating(person, history)
        ehcp = Ehcp(person=person, status=rng.choice(EhcpStatus.values[:3]))
        records.append(Record(person, history, ehcp, stays))
    return records


def _person(service, prefix: str, nhs_number: str, referral_date: datetime.date, rng: random.Random) -> Person:
    age_at_referral = rng.randint(4, 24)
    date_of_birth = referral_date - datetime.timedelta(days=365 * age_at_referral + rng.randint(0, 364))
    local_authority = rng.choice(service.local_authorities)
    district = service.local_authorities.index(local_authority) * 5 + rng.randint(1, 5)
    postcode = f"{prefix}{district} {rng.randint(1, 9)}{rng.choice(LETTERS)}{rng.choice(LETTERS)}"
    return Person(
        service=service,
        nhs_number=nhs_number,
        given_name=rng.choice(GIVEN_NAMES),
        family_name=rng.choice(FAMILY_NAMES),
        date_of_birth=date_of_birth,
        sex=rng.choice(Sex.values[:2]),
        ethnicity=rng.choice(EthnicCategory.values),
        postcode=postcode,
        local_authority=local_authority,
        condition=rng.choice(Condition.values),
        referral_source=rng.choice(ReferralSource.values),
        referral_date=referral_date,
    )


def _stay(referral_date: datetime.date, span: int, current: bool, rng: random.Random) -> list[Stay]:
    """No stay, a past stay (discharged by today) or, for the area's current inpatients, an open one."""
    if current:
        admitted = rng.randint(max(1, span - 300), span - 1)
        return [Stay(referral_date + datetime.timedelta(days=admitted), None)]
    if span < 60 or rng.random() >= ADMITTED_SHARE:
        return []
    admitted = rng.randint(20, span - 30)
    length = min(rng.randint(7, 240), span - admitted)
    start = referral_date + datetime.timedelta(days=admitted)
    return [Stay(start, start + datetime.timedelta(days=length))]


def _history(person, span, stays, decider, rng, red_days) -> list[RatingChange]:
    """DSR reviews from referral to today (more for longer histories), none while in hospital
    and none in the red days after discharge, plus the admission's blue and the discharge's red."""
    reviews = {0} | set(rng.sample(range(span + 1), k=min(span + 1, rng.randint(0, 2) + span // 200)))
    blocked = []
    for stay in stays:
        start = (stay.admitted_on - person.referral_date).days
        end = span + 1 if stay.discharged_on is None else (stay.discharged_on - person.referral_date).days + red_days
        blocked.append((start, end))
    offsets = sorted(day for day in reviews if not any(start <= day < end for start, end in blocked))
    final = rng.choices(list(FINAL_RATING_WEIGHTS), weights=list(FINAL_RATING_WEIGHTS.values()))[0]
    ratings = [rng.choice(REVIEW_RATINGS) for _ in offsets[:-1]] + [final]
    history = [
        _change(
            person, rating, person.referral_date + datetime.timedelta(days=offset), RatingCause.REVIEW, decider, rng
        )
        for offset, rating in zip(offsets, ratings, strict=True)
    ]
    for stay in stays:
        history.append(_change(person, Rating.BLUE, stay.admitted_on, RatingCause.ADMISSION, decider, rng))
        if stay.discharged_on:
            history.append(_change(person, Rating.RED, stay.discharged_on, RatingCause.DISCHARGE, decider, rng))
    return history


def _change(person, rating, on, cause, decider, rng) -> RatingChange:
    factors = rng.sample(RiskFactor.values, k=rng.randint(0, 3)) if cause == RatingCause.REVIEW else []
    reason = REASONS[rating] if cause != RatingCause.DISCHARGE else "Discharged from hospital."
    return RatingChange(
        person=person,
        rating=rating,
        effective_on=on,
        reason=reason,
        risk_factors=factors,
        cause=cause,
        decided_by=decider,
    )


def build_admissions(records: list[Record], recorder, rng: random.Random) -> list[tuple[Admission, str]]:
    """An admission for every stay, with the legal status it started under (saved after the people)."""
    made = []
    for record in records:
        for stay in record.stays:
            hospital, unit, unit_type, miles = rng.choice(HOSPITALS)
            admission = Admission(
                person=record.person,
                hospital=hospital,
                unit=unit,
                unit_type=unit_type,
                distance_miles=miles + rng.randint(0, 60),
                admitted_on=stay.admitted_on,
                planned_discharge_on=stay.admitted_on + datetime.timedelta(days=rng.randint(28, 180)),
                discharged_on=stay.discharged_on,
                discharge_destination=rng.choice(DESTINATIONS) if stay.discharged_on else "",
                recorded_by=recorder,
            )
            status = rng.choice([LegalStatus.SECTION_2, LegalStatus.SECTION_3, LegalStatus.INFORMAL])
            made.append((admission, status))
    return made


def legal_statuses(admissions: list[tuple[Admission, str]], recorder) -> list[LegalStatusChange]:
    return [
        LegalStatusChange(admission=admission, status=status, effective_on=admission.admitted_on, recorded_by=recorder)
        for admission, status in admissions
    ]


def consents(records: list[Record], recorder, rng: random.Random):
    return [build_consent(record.person, recorder, rng) for record in records]
