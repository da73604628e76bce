"""Demo assessments: for some of the people in keywork, an occupational therapy, educational psychology,
communication or functional behaviour assessment, by the service's own behaviour team or an outside
specialist (each made up), with a recommendation or two tracked as actions. No report files: the demo
has none for C(E)TRs either. Each record passes the models' own rules."""

import datetime
import random

from django.utils import timezone

from keywork import audit
from keywork.assessments import operations
from keywork.assessments.choices import AssessmentKind, OtArea
from keywork.assessments.models import Assessment
from keywork.reviews.models import Action
from keywork.reviews.operations import save_action

OUTSIDE = {
    AssessmentKind.OCCUPATIONAL_THERAPY: ("Dr Hannah Price", "Children's occupational therapy"),
    AssessmentKind.EDUCATIONAL_PSYCHOLOGY: ("Dr Marcus Webb", "Educational psychology service"),
    AssessmentKind.COMMUNICATION: ("Nadia Rahman", "Speech and language therapy"),
}
SUMMARIES = {
    AssessmentKind.OCCUPATIONAL_THERAPY: "Seeks deep pressure and movement; overwhelmed by noise in busy rooms. "
    "Needs prompts and a visual sequence to dress and wash.",
    AssessmentKind.EDUCATIONAL_PSYCHOLOGY: "Cognitive profile uneven: strong visual reasoning, slow processing of "
    "spoken language. Anxiety rises sharply at transitions in the school day.",
    AssessmentKind.COMMUNICATION: "Understands short sentences with visual support; uses Makaton and a few words. "
    "Distress is often a sign of not being understood.",
    AssessmentKind.BEHAVIOUR: "Behaviours of concern mostly serve escape from demands and noise, and are most "
    "likely late in the afternoon and when routines change without warning.",
}
RECOMMENDATIONS = {
    AssessmentKind.OCCUPATIONAL_THERAPY: ["Trial ear defenders and a quiet space at school", "Order a bath seat"],
    AssessmentKind.EDUCATIONAL_PSYCHOLOGY: ["Add a visual timetable and transition warnings to the EHCP"],
    AssessmentKind.COMMUNICATION: ["Share a communication passport with home, school and short breaks"],
    AssessmentKind.BEHAVIOUR: ["Write a positive behaviour support plan with the family"],
}


def seed_assessments(service, users: dict, seed: int = 0) -> None:
    """Does nothing if the service already has assessments, so the demo can run again."""
    if Assessment.objects.filter(person__service=service).exists():
        return
    rng = random.Random(f"assessments-{service.slug}-{seed}")
    actor = audit.Actor(users["manager"], service, system_process="demo")
    today = timezone.localdate()
    in_keywork = [person for person in service.people.order_by("id") if person.allocations.current().exists()]
    for person in in_keywork[::3]:
        kind = rng.choice(AssessmentKind.values)
        started = person.allocations.order_by("starts_on").first().starts_on
        assessed_on = min(today, started + datetime.timedelta(days=rng.randint(14, 120)))
        assessment = Assessment(
            person=person,
            kind=kind,
            areas=_areas(kind, rng),
            assessed_on=assessed_on,
            summary=SUMMARIES[kind],
        )
        if kind == AssessmentKind.BEHAVIOUR:
            assessment.assessor_staff = users["behaviour"]
        else:
            assessment.assessor_name, assessment.assessor_organisation = OUTSIDE[kind]
        assessment.full_clean(exclude=["recorded_by"])
        operations.save_assessment(actor, assessment)
        for recommendation in RECOMMENDATIONS[kind]:
            action = Action.raised_from(
                assessment,
                recommendation=recommendation,
                owner_staff=users["keyworker"],
                due_on=assessed_on + datetime.timedelta(days=rng.choice([28, 42, 56])),
            )
            action.full_clean()
            save_action(actor, action)


def _areas(kind: str, rng: random.Random) -> list[str]:
    if kind != AssessmentKind.OCCUPATIONAL_THERAPY:
        return []
    return sorted(rng.sample(OtArea.values, rng.randint(1, len(OtArea.values))))
