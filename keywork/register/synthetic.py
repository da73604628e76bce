"""Synthetic people for the demo, the tests and the benchmarks. Nobody here is real.

NHS numbers start with 999, a range NHS Digital reserves for testing and never issues, and carry
a valid modulus-11 check digit. Names are common first and last names picked at random;
postcodes have a valid format in the service's postal areas but are not checked against real ones.
"""

import datetime
import random

from django.utils import timezone

from keywork.register import rules
from keywork.register.choices import (
    Condition,
    ConsentBasis,
    EthnicCategory,
    Rating,
    ReferralSource,
    RiskFactor,
    Sex,
)
from keywork.register.models import Consent, Person, RatingChange

GIVEN_NAMES = [
    "Oliver",
    "Amelia",
    "Noah",
    "Isla",
    "Leo",
    "Ava",
    "Arthur",
    "Mia",
    "Oscar",
    "Ivy",
    "Harry",
    "Freya",
    "Archie",
    "Lily",
    "Jack",
    "Florence",
    "Henry",
    "Willow",
    "Charlie",
    "Rosie",
    "Theo",
    "Sophia",
    "Finley",
    "Evie",
    "Alfie",
    "Ella",
    "Aisha",
    "Mohammed",
    "Zara",
    "Yusuf",
    "Priya",
    "Kofi",
    "Ama",
    "Tomasz",
    "Zofia",
    "Jayden",
    "Kai",
    "Maya",
    "Reuben",
    "Grace",
    "Ezra",
    "Niamh",
    "Callum",
    "Poppy",
    "Rory",
    "Hana",
    "Idris",
    "Leila",
]
FAMILY_NAMES = [
    "Smith",
    "Jones",
    "Taylor",
    "Brown",
    "Williams",
    "Wilson",
    "Johnson",
    "Davies",
    "Patel",
    "Wright",
    "Robinson",
    "Thompson",
    "Evans",
    "Walker",
    "White",
    "Roberts",
    "Green",
    "Hall",
    "Wood",
    "Jackson",
    "Clarke",
    "Khan",
    "Hughes",
    "Edwards",
    "Turner",
    "Hill",
    "Moore",
    "Cooper",
    "Ward",
    "Morris",
    "King",
    "Watson",
    "Harrison",
    "Morgan",
    "Baker",
    "Young",
    "Allen",
    "Begum",
    "Nowak",
    "Okafor",
    "Mensah",
    "Ahmed",
    "Singh",
]
POSTCODE_AREAS = {
    "Kent": ["CT1", "CT9", "TN23", "TN1", "DA1", "ME15", "ME10", "CT20"],
    "Medway": ["ME1", "ME2", "ME4", "ME5", "ME7", "ME8"],
    "Cambridgeshire": ["CB1", "CB4", "PE19", "PE27", "CB6"],
    "Peterborough": ["PE1", "PE2", "PE3", "PE4", "PE7"],
}
# Blue is never seeded here: only a recorded admission makes someone blue (see inpatient.synthetic).
FINAL_RATING_WEIGHTS = {Rating.GREEN: 45, Rating.AMBER: 33, Rating.RED: 22}
REASONS = {
    Rating.RED: "Placement at risk of breakdown after repeated crises; urgent multi-agency meeting agreed.",
    Rating.AMBER: "Escalating behaviours of concern at home; support package under review.",
    Rating.GREEN: "Package in place and working; family report things are settled.",
    Rating.BLUE: "Admitted to a mental health hospital.",
}


def synthetic_nhs_number(rng: random.Random) -> str:
    while True:
        first_nine = rules.SYNTHETIC_NHS_NUMBER_PREFIX + "".join(rng.choice("0123456789") for _ in range(6))
        check = rules.nhs_number_check_digit(first_nine)
        if check is not None:
            return f"{first_nine}{check}"


def synthetic_postcode(rng: random.Random, local_authority: str) -> str:
    outward = rng.choice(POSTCODE_AREAS.get(local_authority, ["ZZ1"]))
    return f"{outward} {rng.randint(1, 9)}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}"


def build_person(
    service,
    rng: random.Random,
    today: datetime.date | None = None,
    referred_between: tuple[datetime.date, datetime.date] | None = None,
    **overrides,
) -> Person:
    """An unsaved, valid, fictitious person in `service`, referred between the two dates given (by
    default, in the last two years)."""
    today = today or timezone.localdate()
    first, last = referred_between or (today - datetime.timedelta(days=730), today)
    referral_date = last - datetime.timedelta(days=rng.randint(0, (last - first).days))
    # Still of an age for the register (0 to 25) today, however long ago they were referred.
    age_at_referral = rng.randint(4, max(4, 24 - (today - referral_date).days // 365))
    date_of_birth = referral_date - datetime.timedelta(days=365 * age_at_referral + rng.randint(0, 364))
    local_authority = rng.choice(service.local_authorities)
    values = dict(
        service=service,
        nhs_number=synthetic_nhs_number(rng),
        given_name=rng.choice(GIVEN_NAMES),
        family_name=rng.choice(FAMILY_NAMES),
        date_of_birth=date_of_birth,
        sex=rng.choice(Sex.values[:2]),
        ethnicity=rng.choice(EthnicCategory.values),
        postcode=synthetic_postcode(rng, local_authority),
        local_authority=local_authority,
        condition=rng.choice(Condition.values),
        referral_source=rng.choice(ReferralSource.values),
        referral_date=referral_date,
    )
    values.update(overrides)
    return Person(**values)


def build_history(person: Person, decided_by, rng: random.Random, today: datetime.date) -> list[RatingChange]:
    """A plausible rating history from referral to today, ending on a weighted final rating."""
    final = rng.choices(list(FINAL_RATING_WEIGHTS), weights=list(FINAL_RATING_WEIGHTS.values()))[0]
    span = max((today - person.referral_date).days, 0)
    steps = sorted(rng.sample(range(span + 1), k=min(span + 1, rng.randint(1, 5))))
    steps[0] = 0  # rated at the DSR meeting that put them on the register
    ratings = [rng.choice([Rating.RED, Rating.AMBER, Rating.GREEN]) for _ in steps[:-1]] + [final]
    return [
        RatingChange(
            person=person,
            rating=rating,
            effective_on=person.referral_date + datetime.timedelta(days=offset),
            reason=REASONS[rating],
            risk_factors=rng.sample(RiskFactor.values, k=rng.randint(0, 4)),
            decided_by=decided_by,
        )
        for offset, rating in zip(steps, ratings, strict=True)
    ]


def build_consent(person: Person, recorded_by, rng: random.Random) -> Consent:
    basis = (
        ConsentBasis.PERSON
        if rules.age_on(person.date_of_birth, person.referral_date) >= 16
        else (rng.choice([ConsentBasis.PARENTAL_RESPONSIBILITY, ConsentBasis.BEST_INTERESTS]))
    )
    given_by = person.full_name if basis == ConsentBasis.PERSON else f"{rng.choice(GIVEN_NAMES)} {person.family_name}"
    return Consent(
        person=person, basis=basis, given_by=given_by, decided_on=person.referral_date, recorded_by=recorded_by
    )


def apply_current_rating(person: Person, history: list[RatingChange]) -> None:
    """Set the denormalised current rating the way Person.refresh_rating would, without a query."""
    latest = max(history, key=lambda change: change.effective_on)
    person.rating, person.rating_effective_on = latest.rating, latest.effective_on
    person.next_review_due = rules.next_review_due(person.service, latest.rating, latest.effective_on)
