"""What a search box entry means: a date of birth, an NHS number or a name, tried in that order
(a date typed as "05-10-2015" would otherwise read as digits)."""

import datetime
from dataclasses import dataclass

from django.db.models import Q, QuerySet

from keywork.register.models import fold_for_search
from keywork.register.rules import normalise_nhs_number

# The ways people write a date of birth: "5/10/2015", "05-10-2015", "5 October 2015", "2015-10-05".
DATE_FORMATS = ("%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%d %B %Y", "%d %b %Y", "%Y-%m-%d")
NHS_NUMBER_LENGTH = 10


@dataclass(frozen=True)
class Search:
    kind: str
    people: QuerySet
    # A whole NHS number names one person: the search opens their record instead of a list.
    is_whole_nhs_number: bool = False


def find(people: QuerySet, text: str) -> Search:
    """The people among `people` that `text` matches, and what kind of entry it was."""
    born = date_typed(text)
    if born is not None:
        return Search("date of birth", people.filter(date_of_birth=born))
    digits = normalise_nhs_number(text)
    if digits.isdigit():
        whole = len(digits) == NHS_NUMBER_LENGTH
        matches = people.filter(nhs_number=digits) if whole else people.filter(nhs_number__startswith=digits)
        return Search("NHS number", matches, is_whole_nhs_number=whole)
    # Every word must be part of one of the person's names, in any order.
    words = Q()
    for word in fold_for_search(text).split():
        words &= Q(search_name__contains=word)
    return Search("name", people.filter(words))


def date_typed(text: str) -> datetime.date | None:
    text = " ".join(text.split())
    for date_format in DATE_FORMATS:
        try:
            return datetime.datetime.strptime(text, date_format).date()
        except ValueError:
            continue
    return None
