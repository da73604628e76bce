"""The decision support tool's rules: the default domains, the weighted score, and the rating the
score suggests. Each is a named function; docs/decision-support-tool.md gives the reasons.

Every number here is TO BE AGREED LOCALLY by the service's clinical lead and DSR panel (the North
West's regional risk rating tool and Lincolnshire's 12-question tool informed the defaults): the
domains and weights are changed on the service's settings page, the thresholds here.
"""

import datetime
from dataclasses import dataclass

from keywork.decisionsupport.choices import Level
from keywork.presenters import in_sentence
from keywork.register import rules as register_rules
from keywork.register.choices import RATING_URGENCY, Rating, RatingCause


@dataclass(frozen=True)
class DefaultDomain:
    name: str
    guidance: str
    weight: int


# Weight 3 for what most often comes just before an admission (risk, placement breakdown, crises);
# 2 for what raises the risk through other services; 1 for what matters but rarely on its own.
DEFAULT_DOMAINS = (
    DefaultDomain(
        "Risk to self",
        "Self-injury, self-neglect, going missing, exploitation; how often, how severe, and how recent.",
        3,
    ),
    DefaultDomain(
        "Risk to others",
        "Harm or threats to family, carers, staff or the public, and behaviours that challenge.",
        3,
    ),
    DefaultDomain(
        "Placement and family stability",
        "Risk of the home, placement or care package breaking down (including 52-week residential "
        "placements), carer strain, changes in support staff.",
        3,
    ),
    DefaultDomain(
        "Mental health",
        "New or worsening mental health needs, distress, medication changes, admission history.",
        2,
    ),
    DefaultDomain(
        "Physical health",
        "Pain, illness, sleep, eating or epilepsy that may lie behind distress or behaviour.",
        1,
    ),
    DefaultDomain(
        "Police or forensic contact",
        "Arrests, police call-outs, youth offending or court involvement, risk of contact with "
        "the criminal justice system.",
        2,
    ),
    DefaultDomain(
        "Education or occupation",
        "Exclusion, part-time timetable, no school place, or loss of work or day activity.",
        1,
    ),
    DefaultDomain(
        "Recent crises and use of services",
        "A&E attendances, emergency social care, crisis team or blue-light reviews in the last "
        "three months; community options exhausted.",
        3,
    ),
)

# What each answer counts, times the domain's weight.
LEVEL_POINTS = {Level.NONE: 0, Level.LOW: 1, Level.MODERATE: 2, Level.HIGH: 3}
HIGHEST_POINTS = max(LEVEL_POINTS.values())

# The share of the highest possible score from which the tool suggests red, or amber: a share
# rather than a number, so a service that adds, removes or reweighs a domain keeps its meaning.
RED_FROM_PERCENT = 50
AMBER_FROM_PERCENT = 25


def weighted_score(answers) -> int:
    """The sum of each answer's points times its domain's weight; `answers` are (weight, level) pairs.

    >>> weighted_score([(3, "high"), (2, "low"), (1, "none")])
    11
    """
    return sum(weight * LEVEL_POINTS[Level(level)] for weight, level in answers)


def highest_score(weights) -> int:
    """The score if every domain were answered high.

    >>> highest_score([3, 3, 3, 2, 1, 2, 1, 3])
    54
    """
    return sum(weights) * HIGHEST_POINTS


def rating_for_score(score: int, highest: int) -> str:
    """Red from half the highest score, amber from a quarter, else green (thresholds above).

    >>> [str(rating_for_score(score, 54)) for score in (27, 26, 14, 13, 0)]
    ['red', 'amber', 'amber', 'green', 'green']
    """
    if highest <= 0:
        return Rating.GREEN
    # Whole numbers compared, so 13.5 of 54 is not rounded either way.
    percent_times_highest = score * 100
    if percent_times_highest >= RED_FROM_PERCENT * highest:
        return Rating.RED
    if percent_times_highest >= AMBER_FROM_PERCENT * highest:
        return Rating.AMBER
    return Rating.GREEN


def suggested_rating(person, score: int, highest: int, on: datetime.date) -> str:
    """The rating the tool suggests for `person` on `on`, or "" when it suggests none.

    Blue means in hospital and follows the admission (domain.md), so the tool never suggests it and,
    for someone in hospital, suggests nothing: their rating stays blue until discharge, and the
    score is kept for the discharge planning. Within the days after discharge when the register keeps
    someone red (14 by default), it suggests red whatever the score, as the register would refuse less.
    """
    last = register_rules.hospital_state_on(person, on)
    if last is not None and last.cause == RatingCause.ADMISSION:
        return ""
    suggestion = rating_for_score(score, highest)
    if register_rules.rating_refusal_after(last, person, suggestion, on):
        return Rating.RED
    return suggestion


def ratings_to_choose(suggestion: str) -> list[str]:
    """The ratings the practitioner may choose: blue alone for someone in hospital (no suggestion),
    else red, amber or green (blue follows an admission, never a review).

    >>> ratings_to_choose(""), ratings_to_choose("amber")
    (['blue'], ['red', 'amber', 'green'])
    """
    if not suggestion:
        return [Rating.BLUE.value]
    return [Rating.RED.value, Rating.AMBER.value, Rating.GREEN.value]


def evidence_refusal(level: str, evidence: str, domain_name: str) -> str | None:
    """An answer above none needs the evidence for it: what the rating rests on is on record.

    >>> evidence_refusal("none", "", "Risk to self"), evidence_refusal("low", " ", "Risk to self")
    (None, 'Enter the evidence for risk to self, as the answer is above none')
    """
    if level != Level.NONE and not (evidence or "").strip():
        return f"Enter the evidence for {in_sentence(domain_name)}, as the answer is above none"
    return None


def override_reason_refusal(suggestion: str, chosen: str, reason: str) -> str | None:
    """Choosing a rating other than the one suggested needs the reason why.

    >>> override_reason_refusal("amber", "amber", ""), override_reason_refusal("", "blue", "")
    (None, None)
    >>> override_reason_refusal("amber", "red", "")
    'Enter why you chose a rating other than the one suggested'
    """
    if suggestion and chosen != suggestion and not (reason or "").strip():
        return "Enter why you chose a rating other than the one suggested"
    return None


def direction(suggestion: str, chosen: str) -> str:
    """How the chosen rating compares with the suggestion: "same", "higher" (more urgent), "lower",
    or "" with no suggestion.

    >>> direction("amber", "red"), direction("amber", "green"), direction("red", "red"), direction("", "blue")
    ('higher', 'lower', 'same', '')
    """
    if not suggestion:
        return ""
    if chosen == suggestion:
        return "same"
    return "higher" if RATING_URGENCY[Rating(chosen)] < RATING_URGENCY[Rating(suggestion)] else "lower"
