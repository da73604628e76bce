"""Checking every row of a spreadsheet against the register before anything is written.

Each row ends up refused (with every problem: the row, the column and why), new (an NHS number the
service does not know), updated (details that differ, or a rating the history does not hold yet)
or unchanged. Importing the same file twice finds every row unchanged the second time.
"""

import datetime
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError

from keywork.imports.columns import BY_KEY
from keywork.imports.files import Table
from keywork.presenters import in_sentence
from keywork.register import rules
from keywork.register.models import Person, RatingChange

NEW, UPDATED, UNCHANGED, REFUSED = "new", "updated", "unchanged", "refused"
OUTCOMES = (NEW, UPDATED, UNCHANGED, REFUSED)
# Details a row can change on a known person; rating, its date and consent are history, not details.
DETAILS = [key for key in BY_KEY if key not in ("rating", "rating_date", "consent")]
# Used for a new person when the file has no such column: no guess is made about the person.
DEFAULTS = {
    "preferred_name": "",
    "postcode": "",
    "sex": "not_known",
    "ethnicity": "99",
    "ehcp": "not_known",
    "looked_after": False,
    "referral_source": "other",
}
LOOKUP_CHUNK = 2000  # NHS numbers per query: well inside every database's limit on parameters


@dataclass
class Row:
    number: int
    values: dict = field(default_factory=dict)
    problems: list[tuple[str, str]] = field(default_factory=list)  # (heading, message)
    outcome: str = ""
    person: Person | None = None
    changes: dict = field(default_factory=dict)  # field → [old, new] on a known person
    adds_rating: bool = False


@dataclass
class Check:
    rows: list[Row]
    today: datetime.date

    def count(self, outcome: str) -> int:
        return sum(row.outcome == outcome for row in self.rows)

    @property
    def summary(self) -> dict:
        return {outcome: self.count(outcome) for outcome in OUTCOMES} | {"rows": len(self.rows)}

    @property
    def problems(self) -> list[list]:
        return [[row.number, heading, message] for row in self.rows for heading, message in row.problems]

    @property
    def updates(self) -> list[list]:
        """[row number, NHS number, name, what changes] for each person already on the register."""
        return [
            [row.number, row.person.nhs_number, row.person.full_name, describe_update(row, self.today)]
            for row in self.rows
            if row.outcome == UPDATED
        ]


def check(table: Table, mapping: dict[str, str], service, today: datetime.date) -> Check:
    """Read and check every row with `mapping` (heading → target key); nothing is written."""
    columns = [
        (index, heading, mapping[heading]) for index, heading in enumerate(table.headings) if mapping.get(heading)
    ]
    headings = {key: heading for _, heading, key in columns}
    rows, first_seen = [], {}
    for offset, cells in enumerate(table.rows):
        if all(cell is None or str(cell).strip() == "" for cell in cells):
            continue  # a blank line in the middle of a register is not a person
        row = _read(Row(number=table.first_row_number + offset), cells, columns)
        _check_rules(row, headings, service, today)
        number = row.values.get("nhs_number")
        if number and number in first_seen:
            row.problems.append((headings["nhs_number"], f"Same NHS number as row {first_seen[number]}"))
        elif number:
            first_seen[number] = row.number
        rows.append(row)
    _compare_with_register(rows, headings, service, today)
    return Check(rows=rows, today=today)


def _read(row: Row, cells: tuple, columns) -> Row:
    for index, heading, key in columns:
        cell = cells[index]
        target = BY_KEY[key]
        if cell is None or str(cell).strip() == "":
            if target.required:
                row.problems.append((heading, f"Empty: every row needs a {in_sentence(target.label)}"))
            continue
        try:
            row.values[key] = target.read(cell)
        except ValueError as error:
            row.problems.append((heading, str(error)))
    return row


def _check_rules(row: Row, headings: dict, service, today: datetime.date) -> None:
    values = row.values
    if "local_authority" in values:
        canonical = {name.lower(): name for name in service.local_authorities}
        found = canonical.get(values["local_authority"].lower())
        if found is None:
            areas = ", ".join(service.local_authorities)
            message = f"'{values.pop('local_authority')}' is not one of this service's areas: {areas}"
            row.problems.append((headings["local_authority"], message))
        else:
            values["local_authority"] = found
    for key in ("date_of_birth", "rating_date", "referral_date"):
        if key in values and values[key] > today:
            row.problems.append((headings[key], f"{BY_KEY[key].label} {values.pop(key):%d/%m/%Y} is in the future"))
    born = values.get("date_of_birth")
    if born and "rating_date" in values and values["rating_date"] < born:
        row.problems.append((headings["rating_date"], "The rating is dated before the date of birth"))
    if born:
        referred = values.get("referral_date") or values.get("rating_date") or today
        try:
            rules.validate_age_at_referral(born, referred)
        except ValidationError as error:
            row.problems.append((headings["date_of_birth"], f"Age outside 0 to 25: {error.messages[0]}"))


def _compare_with_register(rows: list[Row], headings: dict, service, today: datetime.date) -> None:
    known = _known_people(service, [row.values["nhs_number"] for row in rows if "nhs_number" in row.values])
    history = _rating_history(known.values())
    for row in rows:
        if row.problems:
            row.outcome = REFUSED
            continue
        row.person = known.get(row.values["nhs_number"])
        if row.person is None:
            row.outcome, row.adds_rating = NEW, True
            continue
        row.changes = {
            key: [getattr(row.person, key), value]
            for key, value in row.values.items()
            if key in DETAILS and getattr(row.person, key) != value
        }
        row.adds_rating = _adds_rating(row, history.get(row.person.pk, set()), "rating_date" in headings)
        refusal = row.adds_rating and rules.review_rating_refusal(
            row.person, row.values["rating"], rating_date(row, today)
        )
        if refusal:
            row.problems.append((headings["rating"], refusal))
            row.outcome = REFUSED
        else:
            row.outcome = UPDATED if row.changes or row.adds_rating else UNCHANGED


def describe_update(row: Row, today: datetime.date) -> str:
    """What the import changes on a known person, in words:
    "Family name: Smith → Smyth; new rating Red from 03/11/2026"."""
    parts = [f"{BY_KEY[key].label}: {_shown(key, old)} → {_shown(key, new)}" for key, (old, new) in row.changes.items()]
    if row.adds_rating:
        parts.append(f"new rating {_shown('rating', row.values['rating'])} from {rating_date(row, today):%d/%m/%Y}")
    return "; ".join(parts)


def _shown(key: str, value) -> str:
    if isinstance(value, datetime.date):
        return f"{value:%d/%m/%Y}"
    if isinstance(value, bool):
        return "yes" if value else "no"
    field = Person._meta.get_field(key)
    label = dict(field.choices or []).get(value, value)
    return str(label).split(" – ")[0] or "blank"


def rating_date(row: Row, today: datetime.date) -> datetime.date:
    return row.values.get("rating_date", today)


def _adds_rating(row: Row, held: set, dated: bool) -> bool:
    """A dated rating is new unless the history holds it on that date; an undated one only if it differs
    from the current rating (else every monthly re-import would add a review dated on its import day)."""
    if dated and "rating_date" in row.values:
        return (row.values["rating"], row.values["rating_date"]) not in held
    return row.values["rating"] != row.person.rating


def _known_people(service, numbers: list[str]) -> dict[str, Person]:
    known = {}
    for start in range(0, len(numbers), LOOKUP_CHUNK):
        chunk = numbers[start : start + LOOKUP_CHUNK]
        for person in Person.objects.filter(service=service, nhs_number__in=chunk).select_related("service"):
            known[person.nhs_number] = person
    return known


def _rating_history(people) -> dict[int, set]:
    ids, held = [person.pk for person in people], {}
    for start in range(0, len(ids), LOOKUP_CHUNK):
        changes = RatingChange.objects.filter(person_id__in=ids[start : start + LOOKUP_CHUNK])
        for person_id, rating, effective_on in changes.values_list("person_id", "rating", "effective_on"):
            held.setdefault(person_id, set()).add((rating, effective_on))
    return held
