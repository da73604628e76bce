"""Synthetic C(E)TRs and actions for the demo: every name is made up."""

import datetime
import random

from django.utils import timezone

from keywork.reviews import operations
from keywork.reviews.models import Action, Review
from keywork.reviews.rules import post_admission_review_due

RECOMMENDATIONS = [
    ("Agree a discharge plan with a named community provider", "Integrated Care Board"),
    ("Complete the sensory assessment", "Occupational therapy"),
    ("Review medication with the family present", "Hospital consultant"),
    ("Convene a housing panel for a supported living placement", "Local authority housing"),
    ("Update the EHCP with the new provision", "Local authority SEND team"),
]


def seed_reviews(admissions, community_people, actor, rng: random.Random) -> None:
    """A post-admission C(E)TR for each current admission (one left outstanding, so it shows as
    overdue), and community C(E)TRs for some people at risk, each with actions, some overdue."""
    today = timezone.localdate()
    for index, admission in enumerate(admissions):
        due = post_admission_review_due(admission.admitted_on, admission.person.service)
        if index == 0 and due < today:
            continue  # left for the demo's overdue list
        held = min(due, today)
        _review(actor, admission.person, "post_admission", admission.admitted_on, held, rng)
    for person in community_people:
        requested = today - datetime.timedelta(days=rng.randint(20, 120))
        _review(actor, person, "community", requested, requested + datetime.timedelta(days=10), rng)


def _review(actor, person, kind, requested_on, held_on, rng):
    review = Review(
        person=person,
        kind=kind,
        includes_education=person.ehcp == "yes",
        requested_on=requested_on,
        scheduled_on=held_on,
        held_on=held_on,
        chair="ICB commissioner",
        clinical_expert="Consultant psychiatrist",
        expert_by_experience="Expert by experience (family carer)",
        outcome_summary="The panel agreed the person could be supported in the community with the actions below.",
    )
    operations.save_review(actor, review)
    for recommendation, owner in rng.sample(RECOMMENDATIONS, k=2):
        due = held_on + datetime.timedelta(days=rng.randint(7, 60))
        action = Action.raised_from(review, recommendation=recommendation, owner_organisation=owner, due_on=due)
        operations.save_action(actor, action)
