"""Synthetic uses of the decision support tool for the demo: every story is made up.

Some people on the register were rated with the tool in the last nine months, once or twice; the
answers lean towards their rating, and about one in four ratings differs from the suggestion, with
a reason, so the lead's report has something to show."""

import contextlib
import datetime
import random

from django.core.exceptions import ValidationError
from django.utils import timezone

from keywork import audit
from keywork.decisionsupport import operations
from keywork.decisionsupport.choices import Level
from keywork.decisionsupport.models import RatingAssessment
from keywork.register.choices import Rating

# The levels each rating's answers are drawn from: a red person's answers run higher.
LEVELS = {
    Rating.RED: [Level.MODERATE, Level.HIGH, Level.HIGH, Level.LOW],
    Rating.AMBER: [Level.LOW, Level.MODERATE, Level.NONE, Level.MODERATE],
    Rating.GREEN: [Level.NONE, Level.NONE, Level.LOW],
}
EVIDENCE = [
    "Reported by mum at the home visit",
    "School attendance log and the SENCo's email",
    "Two police call-outs recorded by the social worker",
    "Seen at A&E; discharge letter on file",
    "Care provider's incident reports for the month",
    "Said by the young person at the keywork session",
]
OVERRIDES = {
    "higher": [
        "Placement notice given yesterday: the score does not yet show it",
        "Family say they cannot keep everyone safe this week",
    ],
    "lower": [
        "New care package starts on Monday and the crisis plan is in place",
        "Risks are long-standing and well managed by the current team",
    ],
}
ONE_STEP = {
    "higher": {Rating.GREEN: Rating.AMBER, Rating.AMBER: Rating.RED},
    "lower": {Rating.RED: Rating.AMBER, Rating.AMBER: Rating.GREEN},
}


def seed_decision_support(service, users: dict, seed: int = 0, people: int = 14) -> None:
    """Does nothing if the service already has assessments, so the demo can run again."""
    if RatingAssessment.objects.filter(person__service=service).exists():
        return
    rng = random.Random(f"decisionsupport-{service.slug}-{seed}")
    actor = audit.Actor(users["coordinator"], service, system_process="demo")
    domains = list(service.rating_domains.filter(active=True))
    today = timezone.localdate()
    rated = service.people.filter(rating__in=list(LEVELS)).order_by("pk")[:people]
    for person in rated:
        for days in sorted(rng.sample(range(10, 270), rng.choice([1, 2])), reverse=True):
            on = max(today - datetime.timedelta(days=days), person.referral_date)
            _assess(actor, person, domains, on, rng)


def _assess(actor, person, domains, on, rng) -> None:
    answers = []
    for domain in domains:
        level = rng.choice(LEVELS[Rating(person.rating)])
        answers.append(operations.Answer(domain, level, "" if level == Level.NONE else rng.choice(EVIDENCE)))
    suggestion = operations.scored(person, answers, on).suggested_rating
    chosen, reason = suggestion, ""
    way = rng.choice(["higher", "lower"]) if rng.random() < 0.25 else ""
    if suggestion and way and suggestion in ONE_STEP[way]:
        chosen, reason = ONE_STEP[way][suggestion], rng.choice(OVERRIDES[way])
    # A rating the register refuses on that date (just discharged) is left out: no use of the tool then.
    with contextlib.suppress(ValidationError):
        operations.record_assessment(actor, person, answers, chosen or Rating.BLUE, reason, on=on)
