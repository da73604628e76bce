import pytest
from django.urls import reverse

from keywork.accounts.models import Role
from keywork.meetings.models import Meeting
from keywork.testing.dates import TODAY
from keywork.testing.pages import date_parts


@pytest.fixture
def chair(as_role):
    return as_role(Role.MANAGER)


@pytest.fixture
def person(service, chair, add_person):
    return add_person(service, chair.user, rating="red", given_name="Ada", family_name="Lovelace")


@pytest.fixture
def meeting(chair, person):
    response = chair.http.post(
        reverse("meetings:add"),
        {
            **date_parts("held_on", TODAY),
            "chair": chair.user.pk,
            "staff": [chair.user.pk],
            "outside": "Sam Patel, Kent County Council",
        },
    )
    assert response.status_code == 302
    return Meeting.objects.get()


def decide(client, meeting, person, **values):
    form = {"rating": "amber", "rating_reason": "Settled at home", "decision": "Step down to amber", **values}
    return client.http.post(reverse("meetings:decision", args=[meeting.pk, person.pk]), form)
