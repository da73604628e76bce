"""Reading one cell of a service's own spreadsheet: the words and date styles DSR spreadsheets use.

Each reader takes the raw cell (text, a number, or a date from an XLSX) and returns the value
Keywork stores, or raises ValueError with a message a coordinator can act on.
"""

import datetime
import re

from keywork import datebounds
from keywork.presenters import uk_long_date
from keywork.register import rules
from keywork.register.choices import EthnicCategory, ReferralSource


def blank(cell) -> bool:
    return cell is None or (isinstance(cell, str) and not cell.strip())


def text(cell) -> str:
    """The cell as tidy text: numbers without a trailing '.0', whitespace collapsed."""
    if cell is None:
        return ""
    if isinstance(cell, float) and cell.is_integer():
        cell = int(cell)
    if isinstance(cell, datetime.datetime):
        cell = cell.date()
    if isinstance(cell, datetime.date):
        return cell.isoformat()
    return " ".join(str(cell).split())


QUOTED_LENGTH = 60


def quoted(cell) -> str:
    """The cell as it appears in a message: quoted, and cut short, since reports are kept and a cell
    can hold a whole letter."""
    value = text(cell)
    return f"'{value[:QUOTED_LENGTH]}…'" if len(value) > QUOTED_LENGTH else f"'{value}'"


def key(cell) -> str:
    """Lower case letters and digits only, so 'L.D. & ASD' and 'ld/asd' compare equal."""
    return re.sub(r"[^a-z0-9]", "", text(cell).lower())


_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for name in names
}
_NUMERIC_DATE = re.compile(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2,4})$")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+)?$")
_WORDED_DATE = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?[\s\-/]+([a-z]+)[\s\-/,]+(\d{2,4})$", re.IGNORECASE)


def date(cell) -> datetime.date:
    """A date as UK spreadsheets hold it: a real date cell, 31/01/2026, 2026-01-31 or 31 Jan 2026.

    Two-digit years are refused: '01/02/10' could be a birth in 1910 or 2010.

    >>> date("31/01/2026"), date("2026-01-31"), date("3rd March 2019")
    (datetime.date(2026, 1, 31), datetime.date(2026, 1, 31), datetime.date(2019, 3, 3))
    """
    if isinstance(cell, datetime.datetime):
        return in_era(cell.date(), cell)
    if isinstance(cell, datetime.date):
        return in_era(cell, cell)
    value = text(cell)
    if match := _ISO_DATE.match(value):
        year, month, day = match.groups()
    elif match := _NUMERIC_DATE.match(value):
        day, month, year = match.groups()
    elif (match := _WORDED_DATE.match(value)) and match[2].lower() in _MONTHS:
        day, month, year = match[1], _MONTHS[match[2].lower()], match[3]
    else:
        raise ValueError(f"{quoted(value)} is not a date we can read: write it as day/month/year, like 31/01/2026")
    if len(str(year)) != 4:
        raise ValueError(f"{quoted(value)} has a two-digit year: write the year in full, like 31/01/2026")
    try:
        day = datetime.date(int(year), int(month), int(day))
    except ValueError:
        raise ValueError(f"{quoted(value)} is not a real date") from None
    return in_era(day, value)


def in_era(day: datetime.date, cell) -> datetime.date:
    """The same era every record keeps (keywork/datebounds.py): 01/01/0001 or 1880 is a typing slip.

    >>> in_era(datetime.date(1880, 1, 1), "01/01/1880")
    Traceback (most recent call last):
    ...
    ValueError: '01/01/1880' is outside the dates Keywork keeps: 1 January 1900 to 31 December 2099
    """
    if not datebounds.EARLIEST <= day <= datebounds.LATEST:
        shown = cell if isinstance(cell, str) else uk_long_date(day)
        raise ValueError(
            f"{quoted(shown)} is outside the dates Keywork keeps: "
            f"{uk_long_date(datebounds.EARLIEST)} to {uk_long_date(datebounds.LATEST)}"
        )
    return day


def nhs_number(cell) -> str:
    value = rules.normalise_nhs_number(text(cell))
    try:
        rules.validate_nhs_number(value)
    except Exception as error:  # ValidationError: its message is the one the register shows
        raise ValueError(f"{quoted(cell)}: {error.messages[0]}") from None
    return value


class _Choice:
    """Reads a cell into one of a fixed list, by any of the words services write for it."""

    def __init__(self, words: dict[str, str], what: str, advice: str):
        self.words, self.what, self.advice = words, what, advice

    def __call__(self, cell) -> str:
        found = self.words.get(key(cell))
        if found is None:
            raise ValueError(f"{quoted(cell)} is not a {self.what} we know: {self.advice}")
        return found


def _words(**synonyms: list[str]) -> dict[str, str]:
    return {key(word): value for value, words in synonyms.items() for word in words}


rating = _Choice(
    _words(
        red=["red", "r", "rag red"],
        amber=["amber", "a", "orange", "yellow", "rag amber"],
        green=["green", "g", "rag green"],
        blue=["blue", "b", "inpatient", "in patient", "admitted"],
    ),
    "rating",
    "use Red, Amber, Green or Blue",
)

condition = _Choice(
    _words(
        ld=["ld", "learning disability", "learning disabilities", "learning difficulty"],
        autism=["autism", "asd", "asc", "autistic", "autism spectrum disorder", "autistic spectrum condition"],
        both=["both", "ld and asd", "ld & asd", "ld/asd", "asd/ld", "ld and autism", "ld & autism", "ld/autism"]
        + ["learning disability and autism", "autism and learning disability", "asd and ld", "asc and ld"],
    ),
    "learning disability or autism answer",
    "use LD, Autism or Both",
)

sex = _Choice(
    _words(
        female=["female", "f", "girl", "woman"],
        male=["male", "m", "boy", "man"],
        indeterminate=["indeterminate", "i"],
        not_known=["not known", "unknown", "not stated", "prefer not to say", "u"],
    ),
    "sex",
    "use Female, Male, Indeterminate or Not known",
)

ehcp = _Choice(
    _words(
        yes=["yes", "y", "ehcp", "has ehcp", "true"],
        no=["no", "n", "none", "false"],
        in_assessment=["in assessment", "assessment", "being assessed", "applied", "pending"],
        not_known=["not known", "unknown"],
    ),
    "EHCP answer",
    "use Yes, No, In assessment or Not known",
)

_yes_no = _Choice(
    _words(yes=["yes", "y", "true", "1", "lac", "cla", "looked after"], no=["no", "n", "false", "0"]),
    "yes or no answer",
    "use Yes or No",
)


def looked_after(cell) -> bool:
    return _yes_no(cell) == "yes"


# "Consent given", without saying by whom: resolved by age when the row is checked.
CONSENT_GIVEN = "given"
consent = _Choice(
    _words(
        # A bare "Yes" does not say who consented: checking.py decides by the person's age.
        given=["yes", "y", "consent", "consented", "given"],
        person=["self", "person", "the person", "young person", "by the person"],
        parental_responsibility=["parent", "parental", "parental consent", "parental responsibility", "carer"],
        best_interests=["best interests", "best interest", "best interests decision", "bi", "mca"],
        withdrawn=["withdrawn", "no", "n", "declined", "refused"],
    ),
    "consent answer",
    "use Yes, Person, Parent, Best interests or Withdrawn",
)

referral_source = _Choice(
    {
        **{key(label): value for value, label in ReferralSource.choices},
        **_words(
            self=["self"],
            family=["family", "parent", "carer", "parent carer"],
            social_care=["social care", "social services", "social worker", "childrens social care"],
            camhs=["camhs", "mental health", "nelft", "cypmhs"],
            education=["education", "school", "college", "senco"],
            gp=["gp", "primary care"],
            acute_hospital=["acute", "acute hospital", "a&e", "hospital", "paediatrics"],
            police=["police", "youth justice", "yot"],
            voluntary=["voluntary", "charity", "voluntary sector"],
            other=["other"],
        ),
    },
    "referral source",
    "use words like Family, School, GP, CAMHS, Social care or Other",
)


def postcode(cell) -> str:
    value = rules.normalise_postcode(text(cell))
    try:
        rules.validate_postcode(value)
    except Exception:
        raise ValueError(f"{quoted(cell)} is not a UK postcode") from None
    return value


def name(cell) -> str:
    if isinstance(cell, (bool, int, float, datetime.date)):
        raise ValueError(f"{quoted(cell)} is not a name")
    value = text(cell)
    if len(value) > 100:
        raise ValueError(f"{quoted(cell)} is longer than 100 characters")
    return value


def ethnicity(cell) -> str:
    """An NHS ethnic category by its code ('A') or its words ('White – British', 'White British')."""
    found = _ETHNICITY.get(key(cell))
    if found is None:
        raise ValueError(f"{quoted(cell)} is not an NHS ethnic category: use its letter (A to S, Z) or its name")
    return found


def _ethnicity_words() -> dict[str, str]:
    words = {}
    for code, label in EthnicCategory.choices:
        words[key(code)] = code
        group, _, detail = label.partition(" – ")
        words[key(label)] = code
        words[key(f"{group} {detail}")] = code
        if detail.startswith("Any other") or detail in ("British", "Irish"):
            continue
        words[key(detail)] = code  # 'Indian', 'Caribbean', 'Chinese' on their own
    words[key("not known")] = words[key("unknown")] = EthnicCategory.NOT_KNOWN
    return words


_ETHNICITY = _ethnicity_words()
