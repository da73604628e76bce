"""The inpatient list on the JSON API: days in hospital, legal status and C(E)TR due dates in
working days. The census: figures/tests/test_census_api.py."""

import datetime

from django.utils import timezone

from keywork.reviews.models import Review
from keywork.reviews.rules import add_months
from keywork.testing.api import created
from keywork.testing.dates import days_ago
from keywork.workingdays import add_working_days, bank_holidays

from .test_api import admission_body, discharge_body

D = datetime.date
# A Thursday; Monday 31 August 2026 is the summer bank holiday.
BEFORE_THE_BANK_HOLIDAY = D(2026, 8, 27)


def listed(api) -> list[dict]:
    response = api.get("/api/inpatients")
    assert response.status_code == 200, response.content
    return response.json()


def hold_review(person, by, kind: str, held_on: datetime.date) -> Review:
    return Review.objects.create(
        person=person, kind=kind, requested_on=held_on, held_on=held_on, chair="Panel chair", recorded_by=by
    )


# The inpatient list -------------------------------------------------------------------------------


def test_the_list_shows_a_current_inpatient_with_days_in_hospital_and_legal_status(api, person):
    created(api.post("/api/admissions", admission_body(person, admitted_on=days_ago(12), legal_status="s3")))

    (row,) = listed(api)

    assert row["admission"]["person_id"] == person.pk
    assert row["days_in_hospital"] == 12
    assert row["legal_status"] == "s3"


def test_the_list_shows_the_latest_legal_status(api, person):
    admission = created(api.post("/api/admissions", admission_body(person, admitted_on=days_ago(12))))
    created(api.post(f"/api/admissions/{admission['id']}/legal-status", {"status": "s3", "effective_on": days_ago(5)}))

    assert listed(api)[0]["legal_status"] == "s3"


def test_a_discharged_person_is_not_listed(api, person):
    admission = created(api.post("/api/admissions", admission_body(person)))
    api.post(f"/api/admissions/{admission['id']}/discharge", discharge_body(discharged_on=days_ago(1)))

    assert listed(api) == []


def test_the_post_admission_ctr_falls_due_ten_working_days_after_admission(api, person):
    created(api.post("/api/admissions", admission_body(person, admitted_on=BEFORE_THE_BANK_HOLIDAY)))

    (row,) = listed(api)

    assert row["next_review_due"] == add_working_days(BEFORE_THE_BANK_HOLIDAY, 10).isoformat()


def test_the_post_admission_ctr_deadline_skips_the_august_bank_holiday(api, person):
    assert D(2026, 8, 31) in bank_holidays(2026)
    created(api.post("/api/admissions", admission_body(person, admitted_on=BEFORE_THE_BANK_HOLIDAY)))

    # Counted by hand: Fri 28 Aug (1); Mon 31 Aug is the bank holiday; Tue 1 to Fri 4 Sep (2-5);
    # Mon 7 to Fri 11 Sep (6-10).
    assert listed(api)[0]["next_review_due"] == "2026-09-11"


def test_a_post_admission_ctr_not_held_by_its_due_date_is_overdue(api, person):
    created(api.post("/api/admissions", admission_body(person, admitted_on=BEFORE_THE_BANK_HOLIDAY)))
    assert timezone.localdate() > D(2026, 9, 11)

    assert listed(api)[0]["review_overdue"] is True


def test_a_post_admission_ctr_not_yet_due_is_not_overdue(api, person):
    created(api.post("/api/admissions", admission_body(person, admitted_on=days_ago(0))))

    (row,) = listed(api)

    assert row["next_review_due"] == add_working_days(days_ago(0), 10).isoformat()
    assert row["review_overdue"] is False


def test_a_post_admission_ctr_held_sets_the_next_three_months_on(api, person, coordinator_user):
    created(api.post("/api/admissions", admission_body(person, admitted_on=BEFORE_THE_BANK_HOLIDAY)))
    hold_review(person, coordinator_user, "post_admission", D(2026, 9, 8))

    assert listed(api)[0]["next_review_due"] == add_months(D(2026, 9, 8), 3).isoformat() == "2026-12-08"


def test_a_community_ctr_does_not_count_as_the_post_admission_ctr(api, person, coordinator_user):
    created(api.post("/api/admissions", admission_body(person, admitted_on=BEFORE_THE_BANK_HOLIDAY)))
    hold_review(person, coordinator_user, "community", D(2026, 9, 8))

    assert listed(api)[0]["next_review_due"] == "2026-09-11"
