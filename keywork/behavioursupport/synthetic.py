"""Demo behaviour support records: made up, like every demo record, and each passes the models' own
rules. Everyone the Behaviour Team works with has a PBS plan (a second version for some, after a
review; a few overdue for review) and incidents from a little before the team's involvement,
becoming rarer and less restrictive as the plan takes hold."""

import datetime
import random

from django.utils import timezone

from keywork import audit
from keywork.accounts.models import WorkerType
from keywork.behavioursupport import operations
from keywork.behavioursupport.choices import Injury, Practice, Setting
from keywork.behavioursupport.models import Incident, PbsPlan, RestrictivePractice
from keywork.keyworking.models import Allocation

PLAN = {
    "behaviour_settings": "Mostly at home in the evenings and at school during unstructured times (break, lunch).",
    "triggers": "Sudden changes to routine, loud noise, being told 'no' without a reason, hunger.",
    "functions": "To escape demands and noise (sensory overload), and to get an adult's attention when anxious.",
    "proactive_strategies": "Visual timetable each morning; warnings five minutes before changes; ear defenders; "
    "a quiet space agreed at home and school; snacks at set times.",
    "early_warning_signs": "Pacing, humming loudly, covering ears, repeating the same question.",
    "reactive_strategies": "Reduce demands and noise; offer the quiet space and a favourite object; few words; "
    "keep others safe; holding only as a last resort, as trained.",
    "post_incident_support": "Time to calm without questions; a drink and snack; talk it through later with "
    "pictures; staff debrief and the family told the same day.",
    "written_by": "Bea Behaviour, behaviour technician, with the Behaviour Team's analyst",
    "agreed_with": "The young person, their parents, the school SENCo and the community LD nurse",
}
ACCOUNTS = [
    ("Asked to turn off the tablet at bedtime", "Threw the tablet and kicked the bedroom door", "Left alone to calm"),
    ("Fire alarm test at school", "Ran out of the classroom and hit a teaching assistant", "Two staff held them"),
    ("Bus was late and a different driver came", "Screamed and bit their own hand", "Mum sat with them"),
    ("Busy supermarket at the weekend", "Dropped to the floor and hit out at a shopper", "Taken to the car to calm"),
]


def seed_behaviour_support(service, users: dict, seed: int = 0) -> None:
    """Does nothing if the service's people already have PBS plans, so the demo can run again."""
    if PbsPlan.objects.filter(person__service=service).exists():
        return
    rng = random.Random(f"behaviour-support-{service.slug}-{seed}")
    today = timezone.localdate()
    actor = audit.Actor(users["behaviour"], service, system_process="demo")
    allocations = Allocation.objects.current().filter(person__service=service, worker_type=WorkerType.BEHAVIOUR_TEAM)
    for index, allocation in enumerate(allocations.select_related("person").order_by("starts_on", "id")):
        person, involved_on = allocation.person, allocation.starts_on
        plans = _plans(actor, person, involved_on, today, overdue=index % 4 == 3)
        _incidents(actor, person, involved_on, plans[0].agreed_on, today, rng)


def _plans(actor, person, involved_on, today, overdue: bool) -> list[PbsPlan]:
    """The first plan three weeks into the team's work; an overdue one was due for review yesterday."""
    if overdue:
        agreed = min(today - datetime.timedelta(days=30), involved_on + datetime.timedelta(days=21))
        return [_plan(actor, person, agreed, today - datetime.timedelta(days=1), 0)]
    agreed = min(today, involved_on + datetime.timedelta(days=21))
    plans = [_plan(actor, person, agreed, agreed + datetime.timedelta(days=182), 0)]
    second = agreed + datetime.timedelta(days=90)
    if second <= today:
        later = {"triggers": PLAN["triggers"] + " New: being rushed in the mornings."}
        plans.append(_plan(actor, person, second, second + datetime.timedelta(days=182), 1, **later))
    return plans


def _plan(actor, person, agreed_on, review_on, version: int, **changes) -> PbsPlan:
    plan = PbsPlan(person=person, agreed_on=agreed_on, review_on=review_on, **(PLAN | changes))
    plan.full_clean(exclude=["saved_by", "version"])
    return operations.save_plan(actor, person, plan, version)


def _incidents(actor, person, involved_on, plan_on, today, rng) -> None:
    """About two a week before the plan, falling to one every two or three weeks after it."""
    day = max(person.date_of_birth, involved_on - datetime.timedelta(days=28))
    while day < today:
        before_plan = day < plan_on
        if rng.random() < (0.3 if before_plan else 0.06):
            _incident(actor, person, day, before_plan, rng)
        day += datetime.timedelta(days=1)


def _incident(actor, person, day, before_plan: bool, rng) -> None:
    antecedent, behaviour, consequence = rng.choice(ACCOUNTS)
    at = timezone.make_aware(datetime.datetime.combine(day, datetime.time(rng.randint(8, 20), rng.choice([0, 30]))))
    hurt = rng.random() < 0.15
    incident = Incident(
        person=person,
        occurred_at=at,
        setting=rng.choice([Setting.HOME, Setting.SCHOOL, Setting.COMMUNITY]),
        antecedent=antecedent,
        behaviour=behaviour,
        consequence=consequence,
        severity=rng.randint(3, 5) if before_plan else rng.randint(1, 3),
        injury=Injury.OTHERS if hurt else Injury.NONE,
        injury_details="A member of staff was scratched on the arm; first aid given." if hurt else "",
    )
    practices = []
    if "held" in consequence and rng.random() < (0.7 if before_plan else 0.3):
        practices.append(RestrictivePractice(practice=Practice.PHYSICAL, minutes=rng.randint(2, 10)))
    if before_plan and rng.random() < 0.1:
        incident.prn_given = True
        practices.append(RestrictivePractice(practice=Practice.CHEMICAL, minutes=rng.randint(60, 180)))
    incident.full_clean(exclude=["recorded_by"])
    incident.check_practices(practices)
    operations.record_incident(actor, incident, practices)
