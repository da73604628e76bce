"""Synthetic subject access requests for the tests (the people come from the root conftest's add_person)."""

from django.utils import timezone

from keywork import audit
from keywork.subjectaccess import operations
from keywork.subjectaccess.models import Relationship, SubjectAccessRequest


def make_request(person, by, identity_checked: bool = True, **details) -> SubjectAccessRequest:
    today = timezone.localdate()
    values = {"received_on": today, "requester_name": "Robin Example", "relationship": Relationship.SELF} | details
    actor = audit.Actor(by, person.service)
    access_request = operations.record_request(actor, person, SubjectAccessRequest(**values))
    if identity_checked:
        access_request = operations.record_identity_check(actor, access_request, values["received_on"], "Passport")
    return access_request
