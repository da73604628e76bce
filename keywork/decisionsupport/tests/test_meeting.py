"""What the DSR meeting screen shows: each person's latest suggestion against the rating chosen."""

import pytest

from keywork.decisionsupport.meeting import latest_suggestion, latest_suggestions
from keywork.decisionsupport.tests.conftest import answers_of
from keywork.register.choices import Rating

pytestmark = pytest.mark.django_db


def test_the_latest_suggestion_names_both_ratings_the_date_and_the_page(person, domains, assess):
    assess(person, answers_of(domains), Rating.GREEN)
    latest = assess(person, answers_of(domains), Rating.AMBER, reason="Exclusion from school")

    found = latest_suggestion(person)

    assert (found.suggested_rating, found.chosen_rating, found.differs) == ("green", "amber", True)
    assert found.assessed_on == latest.assessed_on and found.url == latest.get_absolute_url()


def test_someone_never_assessed_has_no_suggestion(person):
    assert latest_suggestion(person) is None


def test_an_agenda_gets_everyone_s_latest_in_one_query(
    service, coordinator_user, add_person, domains, assess, django_assert_num_queries
):
    first, second, never = (add_person(service, coordinator_user, rating="amber") for _ in range(3))
    assess(first, answers_of(domains), Rating.GREEN)
    assess(second, answers_of(domains), Rating.GREEN)
    newest = assess(second, answers_of(domains), Rating.RED, reason="Missing overnight")

    with django_assert_num_queries(1):
        found = latest_suggestions([first.pk, second.pk, never.pk])

    assert set(found) == {first.pk, second.pk}
    assert found[second.pk].url == newest.get_absolute_url() and found[second.pk].chosen_rating == "red"
