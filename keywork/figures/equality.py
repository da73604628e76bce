"""Equality monitoring: the register, keywork, admissions and keywork closed, by ethnic group and
category, sex, age band and local authority. The programme was approved with an equality impact
assessment; these show whom the service reaches, and whom it admits, against it.

Each measure reuses the figure it breaks down (register.py, flows.py) and names the people it
counts with the day their age is taken on; each dimension says which group a person is in on that
day. Definitions in words: catalogue.py."""

import datetime
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from keywork.figures import register
from keywork.figures.flows import ADMITTED, Flow
from keywork.keyworking.models import Referral
from keywork.register.choices import EthnicCategory, Sex
from keywork.register.rules import age_on

# Keywork closed with its closing outcome recorded (quarter_outcomes' "closings", person by person).
CLOSED_WITH_OUTCOME = Flow(Referral, "closed_on", (("closing_outcome__isnull", False),))

NOT_STATED = "Not stated or not known"
NOT_RECORDED = "Not recorded"
# The NHS Data Dictionary's ethnic categories fall in five broad groups; "Not stated" (Z) and
# "Not known" (99) are reported together, as NHS publications do.
ETHNIC_GROUPS = [
    "White",
    "Mixed",
    "Asian or Asian British",
    "Black or Black British",
    "Other ethnic groups",
    NOT_STATED,
]
# Bands for 0 to 25 that follow school phases and the move to adults' services at 18 (domain.md).
AGE_BANDS = [(0, 4), (5, 10), (11, 15), (16, 17), (18, 25)]
BEYOND_THE_SERVICE = "26 or over"


def ethnic_group(code: str) -> str:
    """The broad group of an NHS Data Dictionary ethnic category code.
    >>> ethnic_group("A"), ethnic_group("N"), ethnic_group("Z"), ethnic_group("99")
    ('White', 'Black or Black British', 'Not stated or not known', 'Not stated or not known')
    """
    if code not in EthnicCategory.values:
        return NOT_RECORDED
    group = EthnicCategory(code).label.split(" – ")[0]
    return group if group in ETHNIC_GROUPS else NOT_STATED


def age_band(age: int) -> str:
    """
    >>> age_band(4), age_band(5), age_band(17), age_band(18), age_band(25), age_band(26)
    ('0 to 4', '5 to 10', '16 to 17', '18 to 25', '18 to 25', '26 or over')
    """
    for youngest, oldest in AGE_BANDS:
        if youngest <= age <= oldest:
            return f"{youngest} to {oldest}"
    return BEYOND_THE_SERVICE


def _label(choices, value: str) -> str:
    return choices(value).label if value in choices.values else NOT_RECORDED


@dataclass(frozen=True)
class Dimension:
    name: str
    categories: Callable  # (service) → the groups always shown, in order, zeros too
    group_of: Callable  # (person's row, day) → the group they are in on that day
    detail_of: str = ""  # the broader dimension this one divides, if any


DIMENSIONS = [
    Dimension("Ethnic group", lambda service: ETHNIC_GROUPS, lambda person, day: ethnic_group(person["ethnicity"])),
    Dimension(
        "Ethnic category",
        lambda service: EthnicCategory.labels,
        lambda person, day: _label(EthnicCategory, person["ethnicity"]),
        detail_of="Ethnic group",
    ),
    Dimension("Sex", lambda service: Sex.labels, lambda person, day: _label(Sex, person["sex"])),
    Dimension(
        "Age band",
        lambda service: [age_band(youngest) for youngest, _ in AGE_BANDS],
        lambda person, day: age_band(age_on(person["date_of_birth"], day)),
    ),
    Dimension(
        "Local authority",
        lambda service: list(service.local_authorities),
        lambda person, day: person["local_authority"] or NOT_RECORDED,
    ),
]


Breakdowns = dict[str, dict[str, int]]


def breakdowns(people, service, counted) -> Breakdowns:
    """{dimension: {group: count}} of those `counted`, (person id, day) pairs, among `people`. Every group the
    dimension always shows comes first, zeros too; any other (a local authority the service does not
    list, someone 26 or over) follows only if someone is in it."""
    rows = {row["id"]: row for row in people.values("id", "ethnicity", "sex", "date_of_birth", "local_authority")}
    found = [(rows[person_id], day) for person_id, day in counted if person_id in rows]
    tables = {}
    for dimension in DIMENSIONS:
        counts = Counter(dimension.group_of(person, day) for person, day in found)
        tables[dimension.name] = dict.fromkeys(dimension.categories(service), 0) | counts
    return tables


# Each figure: (people, service, start, end) → {dimension: {group: count}}. Stocks are counted on
# `end`, ages too; events in the period by the day they happened, each person's age on that day.


def on_the_register(people, service, start: datetime.date, end: datetime.date) -> Breakdowns:
    on_register = register.on_register(register.people_rows(people), end)
    return breakdowns(people, service, [(row["id"], end) for row in on_register])


def receiving_keywork(people, service, start: datetime.date, end: datetime.date) -> Breakdowns:
    keyworked = set(register.keywork_allocations(people, end).values_list("person_id", flat=True))
    return breakdowns(people, service, [(person_id, end) for person_id in keyworked])


def admissions(people, service, start: datetime.date, end: datetime.date) -> Breakdowns:
    return breakdowns(people, service, ADMITTED.between(people, start, end).values_list("person_id", "admitted_on"))


def keywork_closed(people, service, start: datetime.date, end: datetime.date) -> Breakdowns:
    closed = CLOSED_WITH_OUTCOME.between(people, start, end).values_list("person_id", "closed_on")
    return breakdowns(people, service, closed)
