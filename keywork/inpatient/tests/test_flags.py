"""What is missing for an inpatient, flagged in words: a keyworker, and a community C(E)TR or LAEP
meeting before the admission."""

import datetime

import pytest
from django.urls import reverse

from keywork.accounts.models import Role
from keywork.inpatient.schedule import without_keyworker_url
from keywork.register.record_pages import person_url
from keywork.reviews.models import Review
from keywork.testing.dates import TODAY
from keywork.testing.factories import allocate, keyworker_of

NO_REVIEW = "No community C(E)TR or LAEP before admission"


@pytest.fixture
def manager(as_role):
    return as_role(Role.MANAGER)


def laep(person, on, by):
    Review.objects.create(person=person, kind="laep", requested_on=on, held_on=on, recorded_by=by)


def test_an_inpatient_with_no_keyworker_and_no_review_before_admission_is_flagged_in_words(manager, someone, admit):
    admit(someone(1), TODAY - datetime.timedelta(days=3))
    page = manager.http.get(reverse("inpatient:list"))
    (row,) = page.context["rows"]
    assert not row.has_keyworker and not row.reviewed_before_admission
    html = page.content.decode()
    assert "No keyworker" in html and NO_REVIEW in html


def test_an_inpatient_with_a_keyworker_and_an_laep_meeting_is_not_flagged(
    manager, service, someone, admit, coordinator_user
):
    person = someone(1)
    allocate(person, keyworker_of(service))
    laep(person, TODAY - datetime.timedelta(days=3), coordinator_user)
    admit(person, TODAY - datetime.timedelta(days=3))
    page = manager.http.get(reverse("inpatient:list"))
    (row,) = page.context["rows"]
    assert row.has_keyworker and row.reviewed_before_admission
    html = page.content.decode()
    assert "No keyworker" not in html and NO_REVIEW not in html


def test_an_ended_or_behaviour_team_allocation_is_no_keyworker(manager, service, someone, admit):
    person = someone(1)
    allocate(person, keyworker_of(service), ends_on=TODAY - datetime.timedelta(days=1))
    allocate(person, keyworker_of(service, "behaviour_team"))
    admit(person, TODAY - datetime.timedelta(days=3))
    (row,) = manager.http.get(reverse("inpatient:list")).context["rows"]
    assert not row.has_keyworker


def test_the_admission_on_the_persons_record_is_flagged_without_a_review_before_it(manager, someone, admit):
    person = someone(1)
    admit(person, TODAY - datetime.timedelta(days=60), TODAY - datetime.timedelta(days=30))
    admit(person, TODAY - datetime.timedelta(days=3))
    html = manager.http.get(person_url(person, "inpatient")).content.decode()
    assert html.count(NO_REVIEW) == 2


def test_the_api_lists_the_same_flags(api, someone, admit, coordinator_user):
    person = someone(1)
    laep(person, TODAY - datetime.timedelta(days=3), coordinator_user)
    admit(person, TODAY - datetime.timedelta(days=3))
    (row,) = api.get("/api/inpatients").json()
    assert (row["has_keyworker"], row["reviewed_before_admission"]) == (False, True)


def test_the_list_of_inpatients_without_a_keyworker_leaves_out_those_with_one(manager, service, someone, admit):
    keyworked, alone = someone(1), someone(2)
    allocate(keyworked, keyworker_of(service))
    for person in (keyworked, alone):
        admit(person, TODAY - datetime.timedelta(days=3))
    page = manager.http.get(without_keyworker_url())
    assert [row.admission.person for row in page.context["rows"]] == [alone]
    assert "1 person in hospital without a keyworker" in page.content.decode()
    assert len(manager.http.get(reverse("inpatient:list")).context["rows"]) == 2


def test_the_managers_home_count_of_inpatients_without_a_keyworker_leads_to_them(manager, someone, admit):
    admit(someone(1), TODAY - datetime.timedelta(days=3))
    counts = manager.http.get(reverse("home")).context["counts"]
    count = next(count for count in counts if count.label == "Inpatients without a keyworker")
    assert (count.count, count.href) == (1, without_keyworker_url())
