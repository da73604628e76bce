"""The return's keywork and hospital sections, counted by hand from q3_register (conftest.py) with
the allocations and referrals below, for 2025/26 Q3 (1 October to 31 December 2025)."""

import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from keywork.accounts.models import Role, WorkerType
from keywork.figures.before_admission import NOT_REVIEWED, REVIEWED
from keywork.reporting.exports import return_sections
from keywork.reporting.quarterly import published_tables, quarterly_return
from keywork.reporting.return_checks import return_problems
from keywork.reporting.tests.conftest import Q3, D
from keywork.reviews.models import Review
from keywork.suppression import SUPPRESSED
from keywork.testing.factories import allocate, keyworker_of, refer

TODAY = D(2026, 11, 25)
NEW_TO_KEYWORK = {
    "Red": {"Kent": 1, "Medway": 0},  # admitted_and_discharged
    "Amber": {"Kent": 1, "Medway": 0},  # new_amber (green_then_amber only changed keyworker)
    "Green": {"Kent": 0, "Medway": 1},  # removed_after
    "Blue": {"Kent": 0, "Medway": 1},  # in_hospital_at_end
}
RECEIVING_AT_END = {
    "Red": {"Kent": 0, "Medway": 0},  # admitted_and_discharged's ended on 15 December
    "Amber": {"Kent": 2, "Medway": 0},  # new_amber, green_then_amber
    "Green": {"Kent": 0, "Medway": 1},  # removed_after
    "Blue": {"Kent": 0, "Medway": 1},  # in_hospital_at_end
}
WAITS = [14, 36, 30]  # new_amber, in_hospital_at_end, admitted_and_discharged: median 30
# Nights in the quarter: in_hospital_at_end 31 (1 to 31 December), admitted_and_discharged 31 (5
# October to 5 November), discharged_on_last_day 91 (all of it); stays ended: 31 and 121 nights.
BED_DAYS, AVERAGE_STAY = 31 + 31 + 91, (31 + 121) / 2


def accepted(person, by, received_on):
    return refer(person, by, "accepted", received_on=received_on, decided_on=received_on)


@pytest.fixture
def keywork(service, q3_register, coordinator_user):
    consultant, by = keyworker_of(service), coordinator_user
    people = q3_register
    accepted(people["new_amber"], by, D(2025, 11, 10))
    allocate(people["new_amber"], consultant, starts_on=D(2025, 11, 24))
    # Allocated before the quarter; a change of keyworker in it is not a start.
    accepted(people["green_then_amber"], by, D(2025, 7, 1))
    allocate(people["green_then_amber"], keyworker_of(service), starts_on=D(2025, 7, 20), ends_on=D(2025, 10, 31))
    allocate(people["green_then_amber"], consultant, starts_on=D(2025, 11, 1))
    accepted(people["in_hospital_at_end"], by, D(2025, 9, 1))
    allocate(people["in_hospital_at_end"], consultant, starts_on=D(2025, 10, 7))
    # No referral recorded: new to keywork, but no wait to count.
    allocate(people["removed_after"], consultant, starts_on=D(2025, 12, 1))
    # The Behaviour Team is not the designated keyworker.
    allocate(people["left_in_quarter"], keyworker_of(service, WorkerType.BEHAVIOUR_TEAM), starts_on=D(2025, 10, 10))
    accepted(people["admitted_and_discharged"], by, D(2025, 10, 1))
    allocate(people["admitted_and_discharged"], consultant, starts_on=D(2025, 10, 31), ends_on=D(2025, 12, 15))
    return people


@pytest.fixture
def threshold_2(service):
    """So that three allocations are shown and two stays ended are not."""
    service.suppression_threshold = 2
    service.save(update_fields=["suppression_threshold"])


def test_new_to_keywork_and_receiving_keywork_match_the_hand_count(service, keywork):
    report = quarterly_return(service, Q3, TODAY)
    assert report.keywork == {
        "New to keywork in the quarter": NEW_TO_KEYWORK,
        "Receiving keywork at the quarter's end": RECEIVING_AT_END,
    }


def test_the_days_to_allocation_match_the_hand_count(service, keywork):
    days = quarterly_return(service, Q3, TODAY).days_to_allocation
    assert sorted(days.waits) == sorted(WAITS) and days.median == 30 and days.unreferred == 1


def test_the_hospital_use_matches_the_hand_count(service, keywork):
    use = quarterly_return(service, Q3, TODAY).hospital_use
    assert (use.bed_days, use.people_in_hospital, use.discharges, use.average_stay) == (BED_DAYS, 3, 2, AVERAGE_STAY)


def test_the_published_tables_hide_small_counts_and_what_rests_on_them(service, keywork):
    tables = published_tables(quarterly_return(service, Q3, TODAY))
    new = tables["keywork"]["New to keywork in the quarter"]
    assert new["cells"]["Red"]["Kent"] == SUPPRESSED and new["total"] == SUPPRESSED
    assert tables["days_to_allocation"] == {"allocations": SUPPRESSED, "median": SUPPRESSED}
    use = tables["hospital_use"]
    assert (use.bed_days, use.discharges, use.average_stay) == (SUPPRESSED, SUPPRESSED, SUPPRESSED)


def test_a_median_resting_on_more_allocations_than_the_threshold_is_shown(service, keywork, threshold_2):
    tables = published_tables(quarterly_return(service, Q3, TODAY))
    assert tables["days_to_allocation"] == {"allocations": 3, "median": 30}
    use = tables["hospital_use"]
    assert use.bed_days == BED_DAYS and use.average_stay == SUPPRESSED  # over 2 stays ended


def test_with_no_allocation_the_median_says_so(service, q3_register):
    sections = dict(sections_of(service))
    assert sections["Days from referral to keyworker allocation"][1:] == [
        ["Allocations following an accepted referral", 0],
        ["Median days from the referral's receipt to the allocation's start", "Not enough allocations"],
    ]


def sections_of(service):
    report = quarterly_return(service, Q3, TODAY)
    return return_sections(report, published_tables(report))


def test_an_allocation_with_no_referral_is_a_problem_to_check(service, keywork):
    problems = return_problems(quarterly_return(service, Q3, TODAY))
    assert any("no accepted referral recorded" in problem.text for problem in problems)


def test_the_return_page_shows_the_new_sections_with_small_numbers_hidden(as_role, keywork):
    page = as_role(Role.COMMISSIONER).http.get(reverse("reporting:quarterly"), {"quarter": Q3.code})
    html = page.content.decode()
    for title in (
        "New to keywork in the quarter",
        "Receiving keywork at the quarter&#39;s end",
        "Days from referral to keyworker allocation",
        "Hospital use in the quarter",
    ):
        assert f"<h2>{title}</h2>" in html
    hospital = dict(page.context["sections"])["Hospital use in the quarter"]
    assert ["Bed days in the quarter", SUPPRESSED] in hospital and str(BED_DAYS) not in html


def test_the_workbook_has_a_sheet_for_each_new_table_with_numbers_as_numbers(as_role, keywork, threshold_2):
    response = as_role(Role.COMMISSIONER).http.get(reverse("reporting:quarterly_xlsx"), {"quarter": Q3.code})
    workbook = load_workbook(io.BytesIO(response.content))
    for name in (
        "New to keywork in the quarter",
        "Receiving keywork",
        "Days to allocation",
        "Hospital use in the quarter",
    ):
        assert name in workbook.sheetnames
    days = {row[0].value: row[1] for row in workbook["Days to allocation"].iter_rows(min_row=3)}
    assert days["Allocations following an accepted referral"].value == 3
    median = days["Median days from the referral's receipt to the allocation's start"]
    assert median.value == 30 and median.data_type == "n"
    hospital = {row[0].value: row[1] for row in workbook["Hospital use in the quarter"].iter_rows(min_row=3)}
    assert hospital["Bed days in the quarter"].value == BED_DAYS
    assert hospital["Average length of stay of the stays ended, in days"].value is None  # hidden, with a comment
    cover = {row[0]: row[2] for row in workbook["Cover"].iter_rows(values_only=True) if row[0]}
    assert cover["Days to allocation"].startswith("For each accepted referral, the days from the day it was received")


def test_admissions_with_and_without_a_review_before_them_match_the_hand_count(service, keywork, coordinator_user):
    # admitted_and_discharged (5 October 2025) had an LAEP meeting the day before; in_hospital_at_end
    # (1 December 2025) had only a community C(E)TR requested, never held, so it is without one.
    laep_on = D(2025, 10, 4)
    Review.objects.create(
        person=keywork["admitted_and_discharged"],
        kind="laep",
        requested_on=laep_on,
        held_on=laep_on,
        recorded_by=coordinator_user,
    )
    Review.objects.create(
        person=keywork["in_hospital_at_end"],
        kind="community",
        requested_on=D(2025, 11, 1),
        recorded_by=coordinator_user,
    )
    report = quarterly_return(service, Q3, TODAY)
    assert report.admissions_before == {NOT_REVIEWED: 1, REVIEWED: 1}
    sections = dict(return_sections(report, published_tables(report, suppressed=False)))
    table = sections["Admissions in the quarter: community C(E)TR or LAEP before admission"]
    assert table == [["Admissions", "Count"], [NOT_REVIEWED, 1], [REVIEWED, 1], ["Total", 2]]
    published = dict(return_sections(report, published_tables(report)))
    assert [NOT_REVIEWED, SUPPRESSED] in published[
        "Admissions in the quarter: community C(E)TR or LAEP before admission"
    ]
