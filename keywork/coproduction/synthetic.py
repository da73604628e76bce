"""Demo co-production: a year of forum meetings, surveys, focus groups and lived experience work
for each service, most with what changed, some linked to the programme's milestones and risks."""

import datetime
import random

from django.utils import timezone

from keywork.coproduction.models import Engagement

# days ago, kind, title, what we heard, what changed, linked milestone / risk titles (if the demo has them)
EVENTS = [
    (
        330,
        "parent_carer_forum",
        "{area} Parent Carer Forum: keywork for autistic young people",
        "Families did not know who their keyworker was or how to reach them out of hours.",
        "Every family now gets a keyworker introduction letter with a named contact and out-of-hours numbers.",
        "DSR live in every locality",
        "",
    ),
    (
        250,
        "survey",
        "Family experience survey",
        "Parents said C(E)TRs felt rushed and they saw the papers too late.",
        "Papers now go to families five working days before each C(E)TR.",
        "",
        "Disputes between agencies over funding",
    ),
    (
        170,
        "focus_group",
        "Young people's focus group on transition to adult services",
        "Young people wanted to meet adult services before they turned 18, not after.",
        "Transition planning starts at 14, with an adult services visit by 17.",
        "Transition protocol agreed with adult services",
        "",
    ),
    (
        95,
        "lived_experience",
        "Lived experience experts review the easy-read plan",
        "The easy-read plan used words like 'escalation' and had no pictures.",
        "The plan was rewritten with the lived experience experts, with pictures and shorter sentences.",
        "",
        "",
    ),
    (
        40,
        "parent_carer_forum",
        "{area} Parent Carer Forum: Peer Associates",
        "Parents valued meeting someone with lived experience and asked for more evening sessions.",
        "",
        "Peer Associate team at full strength",
        "Peer Associate grant ends before the programme",
    ),
    (
        12,
        "survey",
        "Young people's 'what matters to me' survey",
        "Young people most wanted help getting back to school or college and to clubs.",
        "",
        "",
        "",
    ),
]


def seed_coproduction(service, users: dict, seed: int = 0) -> None:
    """Does nothing if the service already has a co-production log, so the demo can run again."""
    if Engagement.objects.filter(service=service).exists():
        return
    rng = random.Random(f"coproduction-{service.slug}-{seed}")
    today = timezone.localdate()
    area = service.local_authorities[0] if service.local_authorities else service.name
    for days_ago, kind, title, heard, changed, milestone, risk in EVENTS:
        young = kind in ("focus_group", "lived_experience") or "Young" in title
        engagement = Engagement.objects.create(
            service=service,
            kind=kind,
            title=title.format(area=area),
            held_on=today - datetime.timedelta(days=days_ago),
            parents_carers=0 if young and kind != "lived_experience" else rng.randint(3, 40),
            young_people=rng.randint(2, 25) if young else 0,
            professionals=rng.randint(1, 8),
            what_we_heard=heard,
            what_changed=changed,
            recorded_by=users["lead"],
        )
        engagement.milestones.set(service.milestones.filter(title=milestone))
        engagement.risks.set(service.risks.filter(title=risk))
