"""Synthetic C(E)TRs and actions for the demo: every name is made up."""

import datetime
import random

from django.utils import timezone

from keywork.education.models import has_ehcp
from keywork.reviews import operations
from keywork.reviews.choices import ActionStatus, ReviewKind
from keywork.reviews.models import Action, Review
from keywork.reviews.rules import add_months, post_admission_review_due

WEEK = datetime.timedelta(days=7)

RECOMMENDATIONS = [
    ("Agree a discharge plan with a named community provider", "Integrated Care Board"),
    ("Complete the sensory assessment", "Occupational therapy"),
    ("Review medication with the family present", "Hospital consultant"),
    ("Convene a housing panel for a supported living placement", "Local authority housing"),
    ("Update the EHCP with the new provision", "Local authority SEND team"),
]


def seed_reviews(admissions, community_people, actor, rng: random.Random) -> None:
    """C(E)TRs held on time for each current admission (the post-admission one, then one every few
    months, so none falls due in the week ahead), and a community C(E)TR for some people at risk;
    each with actions, done by their due date but for one left overdue."""
    today = timezone.localdate()
    for admission in admissions:
        _inpatient_reviews(actor, admission, today, rng)
    for number, person in enumerate(community_people):
        requested = today - datetime.timedelta(days=rng.randint(20, 120))
        held = requested + datetime.timedelta(days=10)
        _review(actor, person, ReviewKind.COMMUNITY, requested, held, rng, leave_overdue=number == 0)


def seed_before_admission(admissions, actor, rng: random.Random) -> None:
    """Most admissions follow a community C(E)TR or, when there was no time, an LAEP meeting; about
    one in four has neither, the finding the inpatient list flags and the return counts."""
    for admission in admissions:
        _before_admission(actor, admission, rng)


def _before_admission(actor, admission, rng):
    person, admitted_on = admission.person, admission.admitted_on
    chance = rng.random()
    if chance < 0.25:
        return
    if chance < 0.55:
        held = max(person.referral_date, admitted_on - datetime.timedelta(days=rng.randint(0, 2)))
        meeting = Review(
            person=person,
            kind=ReviewKind.LAEP,
            requested_on=held,
            held_on=held,
            other_attendees="Keyworker, social worker, community LD nurse, CAMHS crisis team, ICB commissioner",
            outcome_summary="No safe community option could be found in time; admission agreed, with a plan to "
            "keep it short.",
        )
        operations.save_review(actor, meeting)
        return
    held = max(person.referral_date, admitted_on - datetime.timedelta(days=rng.randint(20, 150)))
    requested = max(person.referral_date, held - datetime.timedelta(days=14))
    _review(actor, person, ReviewKind.COMMUNITY, requested, held, rng)


def _inpatient_reviews(actor, admission, today, rng):
    service = admission.person.service
    kind, last = ReviewKind.POST_ADMISSION, admission.admitted_on
    due = post_admission_review_due(admission.admitted_on, service)
    while due <= today + WEEK:
        # Held on or a few days before its due date, never before the last one nor after today.
        held = max(last, min(due - datetime.timedelta(days=rng.randint(0, 3)), today))
        requested = max(last, held - datetime.timedelta(days=14))
        _review(actor, admission.person, kind, requested, held, rng)
        kind, last, due = ReviewKind.INPATIENT, held, add_months(held, service.inpatient_review_months)


def _review(actor, person, kind, requested_on, held_on, rng, leave_overdue=False):
    review = Review(
        person=person,
        kind=kind,
        includes_education=has_ehcp(person),
        requested_on=requested_on,
        scheduled_on=held_on,
        held_on=held_on,
        chair="ICB commissioner",
        clinical_expert="Consultant psychiatrist",
        expert_by_experience="Expert by experience (family carer)",
        outcome_summary="The panel agreed the person could be supported in the community with the actions below.",
    )
    operations.save_review(actor, review)
    today = timezone.localdate()
    for number, (recommendation, owner) in enumerate(rng.sample(RECOMMENDATIONS, k=2)):
        due = held_on + datetime.timedelta(days=rng.randint(7, 60))
        overdue = leave_overdue and number == 0
        if overdue:
            due = max(held_on, min(due, today - datetime.timedelta(days=rng.randint(1, 6))))
        action = Action.raised_from(review, recommendation=recommendation, owner_organisation=owner, due_on=due)
        if due < today and not overdue:
            action.status, action.completed_on = ActionStatus.DONE, due - datetime.timedelta(days=rng.randint(0, 5))
            action.evidence = "Confirmed at the keyworker's review of the C(E)TR actions."
        operations.save_action(actor, action)
