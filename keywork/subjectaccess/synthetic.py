"""Demo subject access requests: one overdue, one extended. Fictitious, like every demo record."""

import datetime

from django.utils import timezone

from keywork import audit
from keywork.subjectaccess import operations
from keywork.subjectaccess.models import Relationship, SubjectAccessRequest


def seed_subject_access(service, users: dict) -> None:
    """Does nothing if the service already has requests, so the demo can run again."""
    if SubjectAccessRequest.objects.filter(person__service=service).exists():
        return
    people = list(service.people.order_by("id")[:2])
    if len(people) < 2:
        return
    today = timezone.localdate()
    actor = audit.Actor(users["manager"], service, system_process="demo")
    overdue, extended = people
    received = today - datetime.timedelta(days=45)
    record = operations.record_request(
        actor,
        overdue,
        SubjectAccessRequest(received_on=received, requester_name=overdue.full_name, relationship=Relationship.SELF),
    )
    operations.record_identity_check(actor, record, received, "Known to the service; confirmed at a home visit")
    # Extended within its first month, as the rules require, so it is not yet overdue.
    received = today - datetime.timedelta(days=25)
    record = operations.record_request(
        actor,
        extended,
        SubjectAccessRequest(
            received_on=received, requester_name="A. Advocate (demo)", relationship=Relationship.REPRESENTATIVE
        ),
    )
    operations.record_identity_check(actor, record, received, "Signed authority from the person, and ID seen")
    operations.extend(actor, record, 2, "Complex: records held across several years and agencies")
