import datetime

import pytest
from django.core.exceptions import ValidationError

from keywork import audit
from keywork.inpatient import operations
from keywork.register.models import RatingChange
from keywork.register.operations import change_rating
from keywork.testing.dates import TODAY, days_ago

D = datetime.date


def review_rating(person, rating, on, by):
    """A DSR review's rating, checked as the pages and the API check it, then recorded."""
    change = RatingChange(person=person, rating=rating, effective_on=on, reason="DSR meeting", decided_by=by)
    change.full_clean()
    change_rating(audit.Actor(by, person.service), person, change)
    person.refresh_from_db()
    return change


def test_recording_an_admission_rates_the_person_blue_and_says_why(young_person, admit):
    admit(young_person, days_ago(3))
    young_person.refresh_from_db()
    latest = young_person.rating_changes.first()
    assert (young_person.rating, latest.cause) == ("blue", "admission")
    assert "Fernbrook Hospital" in latest.reason


def test_recording_a_discharge_rates_the_person_red(young_person, admit, actor):
    admission = admit(young_person, days_ago(30))
    admission.discharged_on, admission.discharge_destination = days_ago(2), "Family home"
    operations.record_discharge(actor, admission)
    young_person.refresh_from_db()
    assert young_person.rating == "red"


def test_lowering_to_amber_within_14_days_of_discharge_is_refused(young_person, admit, coordinator_user):
    admit(young_person, days_ago(40), discharged_on=days_ago(10))
    with pytest.raises(ValidationError, match="stays red until at least") as error:
        review_rating(young_person, "amber", days_ago(1), coordinator_user)
    assert "rating" in error.value.message_dict


def test_lowering_14_days_after_discharge_is_accepted(young_person, admit, coordinator_user):
    admit(young_person, days_ago(40), discharged_on=days_ago(14))
    review_rating(young_person, "green", TODAY, coordinator_user)
    assert (young_person.rating, young_person.rating_effective_on) == ("green", TODAY)


def test_the_14_day_rule_follows_the_services_setting(young_person, admit, coordinator_user, service):
    service.red_days_after_discharge = 5
    service.save()
    young_person.service.refresh_from_db()
    admit(young_person, days_ago(40), discharged_on=days_ago(6))
    review_rating(young_person, "amber", TODAY, coordinator_user)
    assert (young_person.rating, young_person.rating_effective_on) == ("amber", TODAY)


def test_a_review_keeping_red_after_discharge_is_accepted(young_person, admit, coordinator_user):
    admit(young_person, days_ago(40), discharged_on=days_ago(3))
    review = review_rating(young_person, "red", TODAY, coordinator_user)
    assert (young_person.rating, young_person.rating_changes.first()) == ("red", review)


def test_an_inpatient_cannot_be_rated_anything_but_blue_by_a_review(young_person, admit, coordinator_user):
    admit(young_person, days_ago(10))
    with pytest.raises(ValidationError, match="record the discharge first"):
        review_rating(young_person, "red", TODAY, coordinator_user)


def test_a_back_dated_admission_and_discharge_slot_into_the_history_in_order(young_person, admit):
    admit(young_person, D(2020, 3, 2), discharged_on=D(2020, 9, 14))
    young_person.refresh_from_db()
    dated = list(young_person.rating_changes.order_by("effective_on").values_list("effective_on", "rating"))
    assert (D(2020, 3, 2), "blue") in dated and (D(2020, 9, 14), "red") in dated
    assert dated.index((D(2020, 3, 2), "blue")) + 1 == dated.index((D(2020, 9, 14), "red"))
    assert young_person.rating == young_person.rating_changes.first().rating


def test_overlapping_admissions_are_refused(young_person, admit):
    admit(young_person, days_ago(20))
    with pytest.raises(ValidationError, match="overlaps"):
        admit(young_person, days_ago(5))


def test_a_discharge_before_the_admission_is_refused(young_person, admit):
    with pytest.raises(ValidationError, match="on or after the admission date"):
        admit(young_person, days_ago(5), discharged_on=days_ago(6))


def test_every_change_is_audited(young_person, admit, actor):
    from keywork.audit.models import AuditEntry

    admit(young_person, days_ago(3))
    operations_logged = set(
        AuditEntry.objects.filter(person_id=young_person.pk).values_list("content_type__model", flat=True)
    )
    assert {"admission", "ratingchange"} <= operations_logged
