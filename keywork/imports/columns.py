"""What a spreadsheet's columns can be mapped to, and the guesses made from their headings."""

from collections.abc import Callable
from dataclasses import dataclass

from keywork.imports import values
from keywork.presenters import in_sentence


@dataclass(frozen=True)
class Target:
    key: str
    label: str
    read: Callable
    headings: tuple[str, ...]
    required: bool = False
    hint: str = ""


TARGETS = [
    Target("nhs_number", "NHS number", values.nhs_number, ("nhs number", "nhs no", "nhs", "nhs num"), True),
    Target("given_name", "Given name", values.name, ("given name", "first name", "forename", "forenames"), True),
    Target("family_name", "Family name", values.name, ("family name", "surname", "last name"), True),
    Target("preferred_name", "Preferred name", values.name, ("preferred name", "known as")),
    Target("date_of_birth", "Date of birth", values.date, ("date of birth", "dob", "birth date", "birthdate"), True),
    Target("local_authority", "Local authority", values.text, ("local authority", "la", "council", "area"), True),
    Target(
        "condition",
        "Learning disability or autism",
        values.condition,
        ("ld or autism", "ld/asd", "ld asd", "diagnosis", "condition", "primary need", "ld/autism"),
        True,
    ),
    Target("rating", "DSR rating", values.rating, ("rag", "rating", "rag rating", "dsr rating", "rag status"), True),
    Target(
        "rating_date",
        "Date of the rating",
        values.date,
        ("date of last review", "last review", "last reviewed", "review date", "rag date", "date rated"),
        hint="The rating's effective date; without it, the date of the import",
    ),
    Target("postcode", "Postcode", values.postcode, ("postcode", "post code")),
    Target("sex", "Sex", values.sex, ("sex", "gender")),
    Target("ethnicity", "Ethnic category", values.ethnicity, ("ethnicity", "ethnic category", "ethnic group")),
    Target("ehcp", "EHCP", values.ehcp, ("ehcp", "ehc plan", "education health and care plan")),
    Target("looked_after", "Looked-after child", values.looked_after, ("looked after", "lac", "cla", "cic")),
    Target(
        "referral_date",
        "Referral date",
        values.date,
        ("referral date", "date of referral", "date referred", "date added", "date added to dsr"),
        hint="Without it, the date of the rating",
    ),
    Target("referral_source", "Referral source", values.referral_source, ("referral source", "referred by", "source")),
    Target("consent", "Consent", values.consent, ("consent", "consent given", "consent status")),
]
BY_KEY = {target.key: target for target in TARGETS}
REQUIRED = [target.key for target in TARGETS if target.required]


_GUESSES = {values.key(heading): target.key for target in TARGETS for heading in target.headings}


def guess(headings: list[str]) -> dict[str, str]:
    """Heading → target for the headings we recognise, each target used once (the first wins).

    >>> guess(["NHS No", "D.O.B.", "RAG", "Date of last review", "Notes"])
    {'NHS No': 'nhs_number', 'D.O.B.': 'date_of_birth', 'RAG': 'rating', 'Date of last review': 'rating_date'}
    """
    mapping, used = {}, set()
    for heading in headings:
        target = _GUESSES.get(values.key(heading))
        if target and target not in used:
            mapping[heading] = target
            used.add(target)
    return mapping


def mapping_problems(mapping: dict[str, str]) -> list[str]:
    """What is wrong with a heading → target mapping: a required target unmapped or one mapped twice."""
    chosen = [target for target in mapping.values() if target]
    problems = [
        f"Choose the column that holds the {in_sentence(BY_KEY[key].label)}" for key in REQUIRED if key not in chosen
    ]
    twice = sorted({key for key in chosen if chosen.count(key) > 1}, key=list(BY_KEY).index)
    problems += [f"Only one column can hold the {in_sentence(BY_KEY[key].label)}" for key in twice]
    return problems
