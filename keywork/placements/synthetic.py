"""Synthetic living situations for the demo: every story is made up.

Most people live at home throughout; some moved into foster care or a children's home (a few out
of area), and some of those moves followed a placement breakdown."""

import datetime
import random

from django.utils import timezone

from keywork.placements.choices import Area, LivingSituation
from keywork.placements.models import Placement, PlacementBreakdown

MOVES = [LivingSituation.FOSTER_CARE, LivingSituation.RESIDENTIAL_HOME, LivingSituation.SUPPORTED_LIVING]
BREAKDOWNS = [
    "Foster carers gave notice after repeated incidents at night",
    "Family could no longer keep everyone safe at home; emergency move arranged",
    "Residential home ended the placement after staff shortages",
]


def seed_placements(service, users: dict, seed: int = 0) -> None:
    """Does nothing if the service's people already have placements, so the demo can run again."""
    if Placement.objects.filter(person__service=service).exists():
        return
    rng = random.Random(f"placements-{service.slug}-{seed}")
    today = timezone.localdate()
    for person in service.people.all():
        for record in records_for(person, rng, today):
            record.recorded_by = users["coordinator"]
            record.save()


def records_for(person, rng, today) -> list:
    """Home from birth, and for a third of people a move (after a breakdown, for half of them)."""
    home = Placement(person=person, kind=LivingSituation.FAMILY_HOME, area=Area.IN_AREA, starts_on=person.date_of_birth)
    moved = today - datetime.timedelta(rng.randint(20, 500))
    if rng.random() > 0.33 or moved <= person.date_of_birth:
        return [home]
    home.ends_on = moved - datetime.timedelta(days=1)
    kind = rng.choice(MOVES)
    away = Area.OUT_OF_AREA if kind == LivingSituation.RESIDENTIAL_HOME and rng.random() < 0.5 else Area.IN_AREA
    records = [home, Placement(person=person, kind=kind, area=away, starts_on=moved)]
    if rng.random() < 0.5:
        what = rng.choice(BREAKDOWNS)
        records.append(PlacementBreakdown(person=person, occurred_on=home.ends_on, what_happened=what))
    return records
