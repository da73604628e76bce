"""Users, people and the records tests build around them. People come from the project's own
synthetic generator (fictitious, NHS numbers in the 999 test range) and are added through the
register's own operation, so each has the consent and first rating a real record has."""

import itertools

from keywork import audit
from keywork.accounts.models import Role, User, WorkerType
from keywork.education.models import Ehcp
from keywork.inpatient import operations as inpatient
from keywork.inpatient.models import Admission
from keywork.keyworking.models import Allocation, Escalation, Referral
from keywork.register import operations
from keywork.register.synthetic import build_consent, build_history, build_person

from .dates import TODAY, days_ago

PASSWORD = "a-long-test-password-1"  # noqa: S105 - every test user's password, for the login page
_user_numbers = itertools.count(1)


def create_user(service, role: str, username: str | None = None, worker_type: str | None = None) -> User:
    """A user of `role` in `service`; a keyworker is a Practice Consultant unless `worker_type` says."""
    if worker_type is None:
        worker_type = WorkerType.PRACTICE_CONSULTANT if role == Role.KEYWORKER else ""
    user = User(
        username=username or f"{role}-{service.slug}-{next(_user_numbers)}",
        service=service,
        role=role,
        worker_type=worker_type,
    )
    user.set_password(PASSWORD)
    user.save()
    return user


def keyworker_of(service, worker_type: str = WorkerType.PRACTICE_CONSULTANT) -> User:
    """A keyworker of `service` of the given worker type."""
    return create_user(service, Role.KEYWORKER, worker_type=worker_type)


def add_person(service, by, rng, rating: str | None = None, **details):
    """A saved person, consented and rated (`rating`, or the generator's), added by user `by`."""
    ehcp = details.pop("ehcp", None)
    person = build_person(service, rng, **details)
    (first,) = build_history(person, by, rng, today=person.referral_date)
    if rating:
        first.rating = rating
    operations.add_person(audit.Actor(by, service), person, build_consent(person, by, rng), first)
    if ehcp:
        Ehcp.objects.create(person=person, status=ehcp)  # `ehcp="yes"`: the person has a plan
    person.refresh_from_db()
    return person


def admit(actor, person, on, discharged_on=None) -> Admission:
    """An admission to a PICU on `on` (and a discharge home on `discharged_on`), recorded by `actor`
    through the inpatient operation, so the person is rated blue, then red, as the rule says."""
    admission = Admission(
        person=person,
        hospital="Fernbrook Hospital",
        unit="Willow",
        unit_type="picu",
        distance_miles=40,
        admitted_on=on,
        discharged_on=discharged_on,
        discharge_destination="Family home" if discharged_on else "",
    )
    admission.full_clean(exclude=["recorded_by"])
    admission = inpatient.record_admission(actor, admission, "s2")
    person.refresh_from_db()
    return admission


def refer(person, by, decision: str = "pending", received_on=None, decided_on=None, closed_on=None) -> Referral:
    """A referral for keywork, recorded by `by` and received `received_on` (the decision date, or 20
    days ago, unless given); decided by `by` on `decided_on`; closed, stepped down, on `closed_on`."""
    return Referral.objects.create(
        person=person,
        route="dsr",
        received_on=received_on or decided_on or days_ago(20),
        referrer_name="Sam Referrer",
        referrer_organisation="CAMHS",
        reason="At risk of admission",
        decision=decision,
        decided_on=decided_on,
        decided_by=by if decided_on else None,
        closed_on=closed_on,
        closing_reason="stepped_down" if closed_on else "",
        recorded_by=by,
    )


def accept_referral(person, by, decided_on=None, received_on=None, closed_on=None) -> Referral:
    """A referral accepted by `by` on `decided_on` (200 days ago unless given), so keywork is open."""
    decided_on = decided_on or days_ago(200)
    return refer(person, by, "accepted", received_on=received_on, decided_on=decided_on, closed_on=closed_on)


def allocate(person, worker, starts_on=None, by=None, ends_on=None, reason: str = "Designated keyworker"):
    """`worker` allocated to `person` from `starts_on` (their referral date unless given)."""
    return Allocation.objects.create(
        person=person,
        worker=worker,
        worker_type=worker.worker_type,
        starts_on=starts_on or person.referral_date,
        ends_on=ends_on,
        reason=reason,
        recorded_by=by or worker,
    )


def escalate(person, by) -> Escalation:
    """An escalation to the Trust raised by `by` three days ago, its response due today."""
    return Escalation.objects.create(
        person=person,
        issue="No OT",
        escalated_to="Trust",
        level="manager",
        escalated_on=days_ago(3),
        response_due_on=TODAY,
        raised_by=by,
    )
