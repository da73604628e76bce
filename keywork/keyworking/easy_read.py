"""The easy-read one-page profile and crisis plan: the support plan's content, for the young person and
their family, in large type with one idea per line and a pictogram beside each part.

The fixed wording follows easy read guidance (NHS England's and GOV.UK's accessible communication
advice): short sentences, common words, "I" and "me" for the young person. tests/test_easy_read.py
holds it to a Flesch reading ease of at least 80 ("easy"). The pictograms are OpenMoji's
(CC BY-SA 4.0), copied into static_build/pictograms/ by `make assets` and attributed with
ATTRIBUTION wherever they are shown (NOTICE at the repository root records where they come from).
"""

import re
from dataclasses import dataclass

from django.utils import timezone

from keywork.presenters import uk_long_date

TITLE = "My plan"
INTRODUCTION = ("This plan is about me.", "It says what helps me.", "It says what to do when I get upset.")
NO_PLAN = "There is no plan yet."
NO_KEYWORKER = "I do not have a keyworker yet."
# (heading, OpenMoji hexcode, what the picture shows, the support plan's field): Makefile's PICTOGRAMS
# copies these files. The description is the PDF's alt text (a tagged PDF needs one for every image).
ABOUT_ME = ("About me", "1F642", "A smiling face")
PARTS = (
    ("What helps me", "1F44D", "A thumbs up", "what_helps"),
    ("Things that upset me", "1F623", "An upset face", "triggers"),
    ("Signs I am getting upset", "26A0", "A warning sign", "early_warning_signs"),
    ("What people will do to help", "1F91D", "Two hands shaking", "agreed_responses"),
    ("Who to call", "1F4DE", "A telephone", "who_to_call"),
)
PICTOGRAMS = (ABOUT_ME[1], *(code for _, code, _, _ in PARTS))
# CC BY-SA 4.0 asks for the creator, the licence and a link to it beside the work.
ATTRIBUTION = "Pictures by OpenMoji, the open-source emoji and icon project."
LICENCE = "CC BY-SA 4.0"
LICENCE_URL = "https://creativecommons.org/licenses/by-sa/4.0/"

# A sentence of at least three comma-separated parts this short is a list: one line each.
LIST_ITEM_WORDS = 6


@dataclass(frozen=True)
class Section:
    heading: str
    pictogram: str  # an OpenMoji hexcode: pictograms/<code>.svg
    shows: str  # what the pictogram shows, in words
    lines: list[str]


@dataclass(frozen=True)
class EasyReadPlan:
    sections: list[Section]
    version: int | None  # None: no support plan written yet
    made_on: str  # "We made this plan on 5 October 2026."

    title = TITLE
    introduction = INTRODUCTION
    no_plan = NO_PLAN


def easy_read_plan(person, plan, keyworker) -> EasyReadPlan:
    """The person's current support plan (or None) and designated keyworker (a user, or None) in easy read."""
    about = [f"My name is {person.full_name}."]
    if person.preferred_name:
        about.append(f"I like to be called {person.preferred_name}.")
    about.append(f"My keyworker is {keyworker.display_name}." if keyworker else NO_KEYWORKER)
    sections = [Section(*ABOUT_ME, about)]
    if plan is None:
        return EasyReadPlan(sections, None, "")
    sections += [Section(*part, one_idea_per_line(getattr(plan, field))) for *part, field in PARTS]
    made_on = f"We made this plan on {uk_long_date(timezone.localtime(plan.saved_at).date())}."
    return EasyReadPlan(sections, plan.version, made_on)


def one_idea_per_line(text: str) -> list[str]:
    """The plan's text as short lines: split at line breaks, semicolons and full stops, and a short
    list ("a, b, c") one item a line; each line starts with a capital letter.

    >>> one_idea_per_line("Mum first; then the keyworker; out of hours the crisis line.")
    ['Mum first', 'Then the keyworker', 'Out of hours the crisis line']
    >>> one_idea_per_line("Loud noise, unexpected changes to routine, crowded places.")
    ['Loud noise', 'Unexpected changes to routine', 'Crowded places']
    >>> one_idea_per_line("If I am upset, give me space.\\nSpeak slowly. Call Mum on 01632 960001.")
    ['If I am upset, give me space', 'Speak slowly', 'Call Mum on 01632 960001']
    """
    lines = []
    for sentence in re.split(r"[\n;]+|(?<=[.!?])\s+", text):
        parts = [part.strip() for part in sentence.split(",")]
        is_list = len(parts) >= 3 and all(len(part.split()) <= LIST_ITEM_WORDS for part in parts)
        for line in parts if is_list else [sentence]:
            line = line.strip().rstrip(".,;:").strip()
            if line:
                lines.append(line[0].upper() + line[1:])
    return lines
