"""The demo's outcomes: improving goals, falling behaviours, closing outcomes, and no repeats."""

from io import StringIO

from django.core.management import call_command
from django.db.models import Count
from django.urls import reverse

from keywork.demo.management.commands.demo import Command
from keywork.outcomes.models import BehaviourRecord, CaseStudy, ClosingOutcome, Goal, SystemBlocker
from keywork.services.models import Service


def test_the_demo_seeds_outcomes_once(db, settings, client):
    settings.DEMO = True
    call_command(Command(), stdout=StringIO())
    service = Service.objects.get(slug="kent-medway")
    goals = Goal.objects.filter(person__service=service).prefetch_related("ratings")
    assert goals.exists() and sum(goal.change > 0 for goal in goals) > len(goals) / 2
    assert ClosingOutcome.objects.filter(referral__person__service=service).exists()
    assert SystemBlocker.objects.filter(service=service).count() == 20
    studies = CaseStudy.objects.filter(service=service)
    assert studies.count() == 4 and sum(study.usable_in_return for study in studies) == 3
    person = BehaviourRecord.objects.filter(person__service=service).values("person").annotate(n=Count("id"))[0]
    weeks = list(BehaviourRecord.objects.filter(person_id=person["person"]).order_by("week_starting"))
    assert sum(r.frequency_per_week for r in weeks[:4]) > sum(r.frequency_per_week for r in weeks[-4:])
    client.force_login(service.users.get(username="manager"))
    page = client.get(reverse("register:person_outcomes", args=[person["person"]])).content.decode()
    assert "Keywork began" in page and "Behaviours of concern by week" in page
    counts = (Goal.objects.count(), BehaviourRecord.objects.count(), SystemBlocker.objects.count())
    call_command(Command(), stdout=StringIO())
    assert (Goal.objects.count(), BehaviourRecord.objects.count(), SystemBlocker.objects.count()) == counts
