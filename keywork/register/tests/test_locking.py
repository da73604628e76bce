"""A person's details edited by two people at once: the later save is refused, on the API without
reaching the database with a version no column can hold, and on the page naming what changed."""

import pytest
from django.urls import reverse

from keywork.testing.api import Api, errors
from keywork.testing.locking import save_again, save_from_a_stale_page
from keywork.testing.pages import date_parts


@pytest.fixture
def person(service, coordinator, add_person):
    return add_person(service, coordinator.user, rating="red")


def test_a_version_too_large_for_the_database_is_refused_naming_version(coordinator, person):
    response = Api(coordinator.user).patch(f"/api/people/{person.pk}", {"version": 2**70})
    assert "version" in errors(response)


def test_a_stale_details_page_keeps_what_was_typed_and_names_the_name_someone_else_changed(coordinator, person):
    url = reverse("register:edit", args=[person.pk])
    typed = {name: value for name, value in coordinator.http.get(url).context["form"].initial.items() if value}
    typed |= {"postcode": "CT1 2AB"}
    typed |= date_parts("date_of_birth", person.date_of_birth) | date_parts("referral_date", person.referral_date)
    api = Api(coordinator.user)
    someone_else = lambda: api.patch(f"/api/people/{person.pk}", {"version": 1, "given_name": "Renamed"})  # noqa: E731

    page, form = save_from_a_stale_page(coordinator.http, url, typed, someone_else)

    assert "Given name is now “Renamed”: someone else changed it while you were editing" in page
    assert "CT1 2AB" in page
    save_again(coordinator.http, url, form)
    person.refresh_from_db()
    assert (person.given_name, person.postcode, person.version) == (typed["given_name"], "CT1 2AB", 3)
