import datetime

import pytest
from django.core.exceptions import ValidationError

from keywork import audit
from keywork.accounts.models import Role
from keywork.locking import StaleRecordError
from keywork.register import operations
from keywork.register.models import Person, RatingChange
from keywork.testing.dates import TODAY, days_ago


@pytest.fixture
def recorder(service, make_user):
    return make_user(service, Role.COORDINATOR)


@pytest.fixture
def person(service, recorder, add_person):
    return add_person(service, recorder, rating="amber", referral_date=days_ago(100), date_of_birth=days_ago(5000))


def rate(person, by, rating, effective_on):
    change = RatingChange(person=person, rating=rating, effective_on=effective_on, reason="DSR meeting", decided_by=by)
    change.full_clean()
    operations.change_rating(audit.Actor(by, person.service), person, change)
    person.refresh_from_db()
    return change


def test_a_new_rating_becomes_current_and_sets_the_next_review(person, recorder):
    rate(person, recorder, "red", TODAY)
    assert person.rating == "red"
    assert person.next_review_due == TODAY + datetime.timedelta(days=7)


def test_a_rating_backdated_before_the_current_one_joins_the_history_without_replacing_it(person, recorder):
    rate(person, recorder, "red", days_ago(10))
    rate(person, recorder, "green", days_ago(50))
    assert person.rating == "red"
    history = list(person.rating_changes.values_list("rating", "effective_on"))
    assert history == [("red", days_ago(10)), ("green", days_ago(50)), ("amber", days_ago(100))]


def test_a_rating_backdated_after_the_current_one_becomes_current(person, recorder):
    rate(person, recorder, "green", days_ago(60))
    rate(person, recorder, "red", days_ago(80))
    assert (person.rating, person.rating_effective_on) == ("green", days_ago(60))


def test_a_review_that_keeps_the_rating_moves_the_next_review_on(person, recorder):
    rate(person, recorder, "amber", TODAY)
    assert person.rating == "amber"
    assert person.next_review_due == TODAY + datetime.timedelta(days=30)


def test_an_old_review_date_makes_the_review_overdue(person, recorder):
    rate(person, recorder, "red", days_ago(8))
    assert person.is_review_overdue
    rate(person, recorder, "red", days_ago(6))
    assert not person.is_review_overdue


def test_a_rating_dated_in_the_future_is_refused(person, recorder):
    change = RatingChange(person=person, rating="red", effective_on=TODAY + datetime.timedelta(days=1), reason="x")
    with pytest.raises(ValidationError) as error:
        change.full_clean(exclude=["decided_by"])
    assert "effective_on" in error.value.message_dict


def test_an_unknown_risk_factor_is_refused(person):
    change = RatingChange(person=person, rating="red", effective_on=TODAY, reason="x", risk_factors=["moon_phase"])
    with pytest.raises(ValidationError, match="moon_phase"):
        change.full_clean(exclude=["decided_by"])


def test_the_same_nhs_number_twice_in_one_service_is_refused(person, service):
    twin = Person(service=service, nhs_number=person.nhs_number)
    assert twin.duplicate() == person


def test_the_same_nhs_number_in_another_service_is_allowed(person, other_service):
    assert Person(service=other_service, nhs_number=person.nhs_number).duplicate() is None


def test_a_local_authority_outside_the_service_is_refused(person):
    person.local_authority = "Cambridgeshire"
    with pytest.raises(ValidationError) as error:
        person.full_clean()
    assert "Kent, Medway" in error.value.message_dict["local_authority"][0]


def test_a_save_from_a_stale_version_is_refused_and_changes_nothing(person):
    opened_at = person.version
    first = Person.objects.get(pk=person.pk)
    first.given_name = "First"
    first.save_if_unchanged_since(opened_at, ["given_name"])
    second = Person.objects.get(pk=person.pk)
    second.given_name = "Second"
    with pytest.raises(StaleRecordError):
        second.save_if_unchanged_since(opened_at, ["given_name"])
    person.refresh_from_db()
    assert (person.given_name, person.version) == ("First", opened_at + 1)


def test_removal_is_a_status_change_and_keeps_the_history(person, recorder):
    operations.end_registration(
        audit.Actor(recorder, person.service), person, person.version, "removed", "Moved", TODAY
    )
    person.refresh_from_db()
    assert person.status == "removed" and person.status_reason == "Moved"
    assert Person.objects.filter(pk=person.pk).exists()
    assert person.rating_changes.count() == 1
