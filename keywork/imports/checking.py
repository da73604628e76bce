"""Checking every row of a spreadsheet against the register before anything is written.

Each row ends up refused (with every problem: the row, the column and why), new (an NHS number the
service does not know), updated (details that differ, or a rating or consent the history does not
hold yet) or unchanged. Importing the same file twice finds every row unchanged the second time.
What the register holds on the people a file names is read in a few bulk queries, not per row.
"""

import datetime
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError

from keywork.education.choices import EhcpStatus
from keywork.education.models import Ehcp
from keywork.imports import looked_after as looked_after_statuses
from keywork.imports import values as cells
from keywork.imports.columns import BY_KEY
from keywork.imports.files import Table
from keywork.presenters import in_sentence
from keywork.register import rules
from keywork.register.choices import ConsentBasis, RatingCause, RegisterStatus
from keywork.register.models import Consent, Person, RatingChange

NEW, UPDATED, UNCHANGED, REFUSED = "new", "updated", "unchanged", "refused"
OUTCOMES = (NEW, UPDATED, UNCHANGED, REFUSED)
# Details a row can change on a known person; rating, its date and consent are history, not details,
# and the EHCP is the person's EHCP record (keywork.education), not a detail of theirs.
# Whether they are looked after is their safeguarding status history (keywork.safeguarding).
RECORDS = ("ehcp", "looked_after")
DETAILS = [key for key in BY_KEY if key not in ("rating", "rating_date", "consent", *RECORDS)]
# Used for a new person when the file has no such column: no guess is made about the person.
DEFAULTS = {
    "preferred_name": "",
    "postcode": "",
    "sex": "not_known",
    "ethnicity": "99",
    "referral_source": "other",
}
LOOKUP_CHUNK = 2000  # NHS numbers per query: well inside every database's limit on parameters
# Under 16, "consent: yes" is taken as given by someone with parental responsibility (domain.md).
OWN_CONSENT_AGE = 16


@dataclass
class Held:
    """What the register holds on a person the file names."""

    person: Person
    ratings: set = field(default_factory=set)  # (rating, effective_on) of every entry
    hospital: list = field(default_factory=list)  # admission and discharge entries, oldest first
    latest_rated_on: datetime.date | None = None
    consent: str | None = None  # the basis of the latest consent decision
    ehcp: str | None = None  # the status of their EHCP record, if they have one
    looked_after: bool = False  # a current looked-after status (keywork.safeguarding)

    def hospital_state_on(self, day: datetime.date):
        """As rules.hospital_state_on, from what was loaded."""
        return next((entry for entry in reversed(self.hospital) if entry.effective_on <= day), None)


@dataclass
class Row:
    number: int
    values: dict = field(default_factory=dict)
    problems: list[tuple[str, str]] = field(default_factory=list)  # (heading, message)
    outcome: str = ""
    held: Held | None = None
    rated_on: datetime.date | None = None
    changes: dict = field(default_factory=dict)  # field → [old, new] on a known person
    adds_rating: bool = False
    adds_consent: bool = False

    @property
    def person(self) -> Person | None:
        return self.held.person if self.held else None


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
            [row.number, row.person.nhs_number, row.person.full_name, describe_update(row)]
            for row in self.rows
            if row.outcome == UPDATED
        ]


def check(
    table: Table, mapping: dict[str, str], service, today: datetime.date, undated_on: datetime.date | None = None
) -> Check:
    """Read and check every row with `mapping` (heading → target key); nothing is written.

    A rating without a date column takes `undated_on`: the day this very file was first imported,
    so importing it again finds its ratings already held, or else today.
    """
    columns = [
        (index, heading, mapping[heading]) for index, heading in enumerate(table.headings) if mapping.get(heading)
    ]
    headings = {key: heading for _, heading, key in columns}
    rows = []
    for offset, row_cells in enumerate(table.rows):
        if all(cells.blank(cell) for cell in row_cells):
            continue  # a blank line in the middle of a register is not a person
        row = _read(Row(number=table.first_row_number + offset), row_cells, columns)
        row.rated_on = row.values.get("rating_date", undated_on or today)
        rows.append(row)
    held = _held(service, [row.values["nhs_number"] for row in rows if "nhs_number" in row.values])
    for row in rows:
        row.held = held.get(row.values.get("nhs_number"))
        _check_rules(row, headings, service, today)
    _refuse_duplicates(rows, headings)
    for row in rows:
        _compare(row, headings)
    return Check(rows=rows, today=today)


def _read(row: Row, row_cells: tuple, columns) -> Row:
    for index, heading, key in columns:
        cell = row_cells[index]
        target = BY_KEY[key]
        if cells.blank(cell):
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
            message = f"{cells.quoted(values.pop('local_authority'))} is not one of this service's areas: {areas}"
            row.problems.append((headings["local_authority"], message))
        else:
            values["local_authority"] = found
    for key in ("date_of_birth", "rating_date", "referral_date"):
        if key in values and values[key] > today:
            row.problems.append((headings[key], f"{BY_KEY[key].label} {values.pop(key):%d/%m/%Y} is in the future"))
    born = values.get("date_of_birth") or (row.person.date_of_birth if row.person else None)
    if born and "rating_date" in values and values["rating_date"] < born:
        row.problems.append((headings["rating_date"], "The rating is dated before the date of birth"))
    if born and "date_of_birth" in values:
        _check_age(row, headings, born)
    if "consent" in values:
        _check_consent(row, headings, born)


def _check_age(row: Row, headings: dict, born: datetime.date) -> None:
    # A known person keeps the referral date the register holds unless the file gives another.
    referred = row.values.get("referral_date") or (row.person.referral_date if row.person else row.rated_on)
    try:
        rules.validate_age_at_referral(born, referred)
    except ValidationError as error:
        row.problems.append((headings["date_of_birth"], f"Age outside 0 to 25: {error.messages[0]}"))


def _check_consent(row: Row, headings: dict, born: datetime.date | None) -> None:
    if row.values["consent"] == cells.CONSENT_GIVEN:
        young = born is not None and rules.age_on(born, row.rated_on) < OWN_CONSENT_AGE
        row.values["consent"] = ConsentBasis.PARENTAL_RESPONSIBILITY if young else ConsentBasis.PERSON
    if row.values["consent"] == ConsentBasis.WITHDRAWN and row.person is None:
        row.problems.append(
            (
                headings["consent"],
                "No consent: a person joins the register only with consent or a best-interests decision",
            )
        )


def _refuse_duplicates(rows: list[Row], headings: dict) -> None:
    """Every row of an NHS number the file holds twice is refused: which one is right is for the service."""
    by_number = {}
    for row in rows:
        if "nhs_number" in row.values:
            by_number.setdefault(row.values["nhs_number"], []).append(row)
    for same in by_number.values():
        for row in same if len(same) > 1 else ():
            others = ", ".join(str(other.number) for other in same if other is not row)
            row.problems.append((headings["nhs_number"], f"Same NHS number as row {others}"))


def _compare(row: Row, headings: dict) -> None:
    if row.problems:
        row.outcome = REFUSED
        return
    if row.held is None:
        row.outcome, row.adds_rating, row.adds_consent = NEW, True, "consent" in row.values
        return
    person = row.person
    row.changes = {
        key: [getattr(person, key), value]
        for key, value in row.values.items()
        if key in DETAILS and getattr(person, key) != value
    }
    if "ehcp" in row.values and row.values["ehcp"] != row.held.ehcp:
        row.changes["ehcp"] = [row.held.ehcp or "", row.values["ehcp"]]
    if "looked_after" in row.values and row.values["looked_after"] != row.held.looked_after:
        row.changes["looked_after"] = [row.held.looked_after, row.values["looked_after"]]
    row.adds_rating = _adds_rating(row, dated="rating_date" in headings)
    row.adds_consent = "consent" in row.values and row.values["consent"] != row.held.consent
    refusal = _rating_refusal(row) if row.adds_rating else None
    if refusal:
        row.problems.append((headings["rating"], refusal))
        row.outcome = REFUSED
    else:
        row.outcome = UPDATED if row.changes or row.adds_rating or row.adds_consent else UNCHANGED


def _adds_rating(row: Row, dated: bool) -> bool:
    """A rating is new unless the history holds it on its date. An undated one is also not new while
    it matches the current rating, or every monthly file would add a review dated on its import day."""
    if (row.values["rating"], row.rated_on) in row.held.ratings:
        return False
    return dated or row.values["rating"] != row.person.rating


def _rating_refusal(row: Row) -> str | None:
    """The register's rules on ratings, for a rating the file would add to a known person's history."""
    rating, on, held = row.values["rating"], row.rated_on, row.held
    last = held.hospital_state_on(on)
    later = [entry for entry in held.hospital if entry.effective_on > on]
    if later:
        event = "admission" if later[-1].cause == RatingCause.ADMISSION else "discharge"
        return (
            f"The rating is dated {on:%d/%m/%Y}, before the {event} on {later[-1].effective_on:%d/%m/%Y} "
            "recorded in Keywork: give the date of the latest review"
        )
    return rules.rating_refusal_after(last, row.person, rating, on)


def describe_update(row: Row) -> str:
    """What the import changes on a known person, in words:
    "Family name: Smith → Smyth; new rating Red from 03/11/2026"."""
    parts = [f"{BY_KEY[key].label}: {_shown(key, old)} → {_shown(key, new)}" for key, (old, new) in row.changes.items()]
    if row.adds_rating:
        parts.append(f"new rating {_shown('rating', row.values['rating'])} from {row.rated_on:%d/%m/%Y}")
    if row.adds_consent:
        parts.append(f"consent: {_shown_consent(row.held.consent)} → {_shown_consent(row.values['consent'])}")
    described = "; ".join(parts)
    person = row.person
    if person.archived_on:
        return f"Archived on {person.archived_on:%d/%m/%Y}, not on the register. {described}"
    if person.status != RegisterStatus.ACTIVE:
        return f"{person.get_status_display()} on {person.status_changed_on:%d/%m/%Y}. {described}"
    return described


def _shown(key: str, value) -> str:
    if isinstance(value, datetime.date):
        return f"{value:%d/%m/%Y}"
    if isinstance(value, bool):
        return "yes" if value else "no"
    choices = EhcpStatus.choices if key == "ehcp" else Person._meta.get_field(key).choices
    label = dict(choices or []).get(value, value)
    return str(label).split(" – ")[0] or "blank"


def _shown_consent(basis: str | None) -> str:
    return ConsentBasis(basis).label if basis else "none recorded"


def _held(service, numbers: list[str]) -> dict[str, Held]:
    held = {}
    for start in range(0, len(numbers), LOOKUP_CHUNK):
        people = Person.objects.filter(service=service, nhs_number__in=numbers[start : start + LOOKUP_CHUNK])
        chunk = {person.pk: Held(person=person) for person in people.select_related("service")}
        _load_history(chunk)
        held |= {entry.person.nhs_number: entry for entry in chunk.values()}
    return held


def _load_history(chunk: dict[int, Held]) -> None:
    changes = RatingChange.objects.filter(person_id__in=chunk).order_by("effective_on", "recorded_at", "id")
    for change in changes.only("person_id", "rating", "effective_on", "cause", "recorded_at"):
        entry = chunk[change.person_id]
        entry.ratings.add((change.rating, change.effective_on))
        entry.latest_rated_on = change.effective_on
        if change.cause in (RatingCause.ADMISSION, RatingCause.DISCHARGE):
            entry.hospital.append(change)
    consents = Consent.objects.filter(person_id__in=chunk).order_by("decided_on", "recorded_at", "id")
    for person_id, basis in consents.values_list("person_id", "basis"):
        chunk[person_id].consent = basis
    for person_id, status in Ehcp.objects.filter(person_id__in=chunk).values_list("person_id", "status"):
        chunk[person_id].ehcp = status
    for person_id in looked_after_statuses.currently_looked_after(chunk):
        chunk[person_id].looked_after = True
