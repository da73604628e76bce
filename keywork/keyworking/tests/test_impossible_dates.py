"""A contact or referral dated before the person was born, or centuries ago, is refused naming the
field: the date rules live on the models, so the API and the pages refuse them alike."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from keywork.keyworking.models import Allocation, Contact, Escalation, Referral
from keywork.testing.api import errors

from .test_api_support import contact_body, follow_up_body


def test_a_contact_dated_in_the_year_1_is_refused(api, person):
    response = api.post("/api/contacts", contact_body(person, occurred_at="0001-01-01T10:00:00Z"))
    assert errors(response) == {"occurred_at": ["The contact must be between 1 January 1900 and 31 December 2099"]}
    assert not Contact.objects.exists()


def test_a_contact_before_the_person_was_born_is_refused(api, person):
    day_before = person.date_of_birth - datetime.timedelta(days=1)
    response = api.post("/api/contacts", contact_body(person, occurred_at=f"{day_before.isoformat()}T12:00:00Z"))
    born = f"{person.date_of_birth.day} {person.date_of_birth:%B %Y}"
    assert errors(response) == {"occurred_at": [f"The contact must be on or after their date of birth, {born}"]}


def test_a_follow_up_due_in_the_year_9999_is_refused(api, person):
    body = contact_body(person, follow_ups=[follow_up_body(due_on="9999-12-31")])
    refused = errors(api.post("/api/contacts", body))
    assert "The follow-up's due date must be between 1 January 1900 and 31 December 2099" in str(refused)
    assert not Contact.objects.exists()


def test_a_referral_received_before_the_person_was_born_is_refused(person):
    referral = Referral(person=person, received_on=person.date_of_birth - datetime.timedelta(days=1))
    with pytest.raises(ValidationError) as refused:
        referral.clean()
    assert refused.value.message_dict["received_on"][0].startswith(
        "The date the referral was received must be on or after their date of birth"
    )


@pytest.mark.parametrize(
    ("record", "field"),
    [
        (lambda person, day: Allocation(person=person, starts_on=day), "starts_on"),
        (lambda person, day: Escalation(person=person, escalated_on=day, response_due_on=day), "escalated_on"),
    ],
    ids=["allocation", "escalation"],
)
def test_keywork_before_the_person_was_born_is_refused(person, record, field):
    with pytest.raises(ValidationError) as refused:
        record(person, person.date_of_birth - datetime.timedelta(days=1)).clean()
    assert "on or after their date of birth" in refused.value.message_dict[field][0]
