"""Synthetic admission histories: admissions and discharges whose month-end census follows a
given series, for the demo (Kent and Medway's published trend) and the census scenario test."""

import datetime
import random

from keywork.inpatient import operations
from keywork.inpatient.choices import LegalStatus, UnitType
from keywork.inpatient.models import Admission

HOSPITALS = [
    ("Fernbrook Hospital", "Willow Ward", UnitType.GENERAL_ADOLESCENT, 38),
    ("Ashdown Unit", "Cedar", UnitType.LD_AUTISM, 112),
    ("Northfield Secure Services", "Oak", UnitType.LOW_SECURE, 164),
    ("St Aldhelm's", "Harbour PICU", UnitType.PICU, 71),
]

# Kent and Medway's trend (domain.md): a peak of 21 in June 2020, at or below 6 from November 2021,
# 2 in 2023. Months between the published points are interpolated.
KENT_AND_MEDWAY_TREND = {
    (2020, 1): 17,
    (2020, 2): 18,
    (2020, 3): 19,
    (2020, 4): 20,
    (2020, 5): 20,
    (2020, 6): 21,
    (2020, 7): 20,
    (2020, 8): 19,
    (2020, 9): 17,
    (2020, 10): 16,
    (2020, 11): 15,
    (2020, 12): 14,
    (2021, 1): 13,
    (2021, 2): 12,
    (2021, 3): 12,
    (2021, 4): 11,
    (2021, 5): 10,
    (2021, 6): 10,
    (2021, 7): 9,
    (2021, 8): 8,
    (2021, 9): 8,
    (2021, 10): 7,
    (2021, 11): 6,
    (2021, 12): 6,
    (2022, 1): 5,
    (2022, 2): 5,
    (2022, 3): 6,
    (2022, 4): 5,
    (2022, 5): 4,
    (2022, 6): 4,
    (2022, 7): 5,
    (2022, 8): 4,
    (2022, 9): 4,
    (2022, 10): 3,
    (2022, 11): 3,
    (2022, 12): 3,
    (2023, 1): 3,
    (2023, 2): 2,
    (2023, 3): 2,
    (2023, 4): 2,
    (2023, 5): 2,
    (2023, 6): 2,
}


def referred_by(person, day: datetime.date) -> bool:
    return person.referral_date <= day


def admissions_following(
    trend: dict[tuple[int, int], int], people: list, actor, rng: random.Random, may_admit=referred_by
) -> list:
    """Admit and discharge `people` so that the number in hospital on each month's last day is the
    trend's figure. Admissions fall on the 3rd, discharges on the 14th; nobody is in twice at once,
    and each is the first free person who `may_admit(person, day)`: at least, referred by then."""
    in_hospital: list[Admission] = []
    free = list(people)
    for (year, month), target in sorted(trend.items()):
        rng.shuffle(in_hospital)
        while len(in_hospital) > target:
            admission = in_hospital.pop()
            admission.discharged_on = datetime.date(year, month, 14)
            admission.discharge_destination = rng.choice(["Family home", "Residential placement", "Supported living"])
            operations.record_discharge(actor, admission)
            free.append(admission.person)
        admitted_on = datetime.date(year, month, 3)
        while len(in_hospital) < target:
            in_hospital.append(_admit(actor, _first_to_admit(free, admitted_on, may_admit), admitted_on, rng))
    return in_hospital


def _first_to_admit(free: list, day: datetime.date, may_admit):
    for index, person in enumerate(free):
        if may_admit(person, day):
            return free.pop(index)
    raise ValueError(f"Not enough people who may be admitted on {day} to follow the trend")


def recent_trend(first: datetime.date, today: datetime.date, rng: random.Random, low=2, high=4) -> dict:
    """A quiet trend from `first`'s month to today's, for the demo's years after the published figures."""
    trend, month = {}, first.replace(day=1)
    while month <= today.replace(day=1):
        trend[(month.year, month.month)] = rng.randint(low, high)
        month = (month + datetime.timedelta(days=32)).replace(day=1)
    return trend


def _admit(actor, person, on: datetime.date, rng: random.Random) -> Admission:
    hospital, unit, unit_type, miles = rng.choice(HOSPITALS)
    admission = Admission(
        person=person, hospital=hospital, unit=unit, unit_type=unit_type, distance_miles=miles, admitted_on=on
    )
    status = rng.choice([LegalStatus.SECTION_2, LegalStatus.SECTION_3, LegalStatus.INFORMAL])
    return operations.record_admission(actor, admission, status)
