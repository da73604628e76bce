"""A C(E)TR or an action dated centuries away, or before the person was born, is refused naming the
field (keywork/datebounds.py): the rules are on the models, so pages and API refuse them alike."""

import datetime

import pytest

from keywork.presenters import uk_long_date
from keywork.reviews.models import Action, Review
from keywork.testing.api import errors

from .test_api import action_body, review_body

ERA = "must be between 1 January 1900 and 31 December 2099"


@pytest.mark.parametrize(
    ("dates", "field", "message"),
    [
        ({"requested_on": "0001-01-01", "held_on": None}, "requested_on", f"The request date {ERA}"),
        ({"scheduled_on": "9999-12-31"}, "scheduled_on", f"The date scheduled {ERA}"),
    ],
    ids=["requested in the year 1", "scheduled in the year 9999"],
)
def test_a_review_dated_outside_the_era_is_refused(api, person, dates, field, message):
    assert errors(api.post("/api/reviews", review_body(person, **dates))) == {field: [message]}
    assert not Review.objects.exists()


def test_a_review_requested_before_the_person_was_born_is_refused(api, person):
    day_before = person.date_of_birth - datetime.timedelta(days=1)

    refused = errors(api.post("/api/reviews", review_body(person, requested_on=day_before.isoformat(), held_on=None)))

    born = uk_long_date(person.date_of_birth)
    assert refused == {"requested_on": [f"The request date must be on or after their date of birth, {born}"]}


def test_an_action_due_in_the_year_9999_is_refused(api, person):
    review = api.post("/api/reviews", review_body(person)).json()

    refused = errors(api.post(f"/api/reviews/{review['id']}/actions", action_body(due_on="9999-12-31")))

    assert refused == {"due_on": [f"The due date {ERA}"]}
    assert not Action.objects.exists()
