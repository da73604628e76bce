"""The check run before the return is downloaded: each inconsistency is listed with where to fix it,
and a consistent return lists none."""

from decimal import Decimal

import pytest
from django.urls import reverse

from keywork.accounts.models import Role
from keywork.inpatient.models import Admission
from keywork.programme.models import Post, PostHolding
from keywork.register.models import RatingChange
from keywork.reporting.models import QuarterNarrative
from keywork.reporting.quarterly import quarterly_return
from keywork.reporting.quarters import Quarter
from keywork.reporting.return_checks import return_problems
from keywork.reporting.tests.conftest import Q3, D

TODAY = D(2026, 11, 25)


@pytest.fixture(autouse=True)
def ods_code(service):
    """The service's ODS code is set, as it is once a service submits returns."""
    service.ods_code = "QKS"
    service.save(update_fields=["ods_code"])


@pytest.fixture
def written(service, coordinator_user):
    """The quarter's narrative, both parts written."""
    return QuarterNarrative.objects.create(
        service=service, quarter=Q3.code, improvement="Weekly huddles", challenges="Beds", written_by=coordinator_user
    )


@pytest.fixture
def clean_q3(q3_register, written):
    return q3_register


def problems(service, quarter=Q3, today=TODAY):
    return return_problems(quarterly_return(service, quarter, today))


def test_a_consistent_return_lists_no_problem(service, clean_q3):
    assert problems(service) == []


def test_a_service_without_an_ods_code_is_listed_first(service, clean_q3):
    service.ods_code = " "
    service.save(update_fields=["ods_code"])
    (problem,) = problems(service)
    assert problem.text.startswith("The service's ODS code is not set")
    assert problem.url == reverse("reporting:return_settings")


def test_a_quarter_not_yet_ended_is_listed_with_a_link_to_the_last_ended_one(service, clean_q3):
    problem, *narrative_not_written = problems(service, Quarter(2026, 3), TODAY)
    assert problem.text == (
        "2026/27 Q3 has not ended: its figures are as at 25 November 2026 and will change until 31 December 2026"
    )
    assert problem.url == reverse("reporting:quarterly") + "?quarter=2026-Q2"


def test_a_role_with_more_whole_time_equivalent_than_headcount_is_listed(service, clean_q3):
    post = Post.objects.create(
        service=service, title="Keyworker", role="Keyworker", hours_per_week=37.5, employer="Kent County Council"
    )
    for worker in range(5):
        # Five people filling 6.0 WTE: recorded before the form refused it, or imported.
        PostHolding.objects.create(post=post, worker_name=f"Worker {worker}", starts_on=D(2025, 4, 1), wte=1.2)
    (problem,) = problems(service)
    assert problem.text == "Workforce, Keyworker: the whole-time equivalent (6) is more than the headcount (5)"
    assert problem.url == reverse("programme:workforce") + "?on_0=31&on_1=12&on_2=2025"


def test_a_role_with_no_more_whole_time_equivalent_than_headcount_is_not_listed(service, clean_q3):
    post = Post.objects.create(
        service=service, title="Keyworker", role="Keyworker", hours_per_week=37.5, employer="Kent County Council"
    )
    PostHolding.objects.create(post=post, worker_name="Worker", starts_on=D(2025, 4, 1), wte=Decimal("1.00"))
    assert problems(service) == []


def test_someone_on_the_register_with_no_rating_at_the_quarters_end_is_listed(service, clean_q3):
    # Their first rating recorded as starting after the quarter, though they were referred before it.
    RatingChange.objects.filter(person=clean_q3["new_amber"]).update(effective_on=D(2026, 1, 5))
    (problem,) = problems(service)
    assert problem.text == "Some people on the register at the quarter's end had no rating on that day"
    assert problem.url == reverse("register:list")


def test_someone_in_hospital_without_a_blue_rating_is_listed_by_area(service, clean_q3, coordinator_user):
    # An admission recorded without the operation that rates the person blue (as an import would).
    Admission.objects.create(
        person=clean_q3["new_amber"],
        hospital="Fernbrook Hospital",
        unit="Willow",
        unit_type="picu",
        distance_miles=40,
        admitted_on=D(2025, 12, 10),
        recorded_by=coordinator_user,
    )
    (problem,) = problems(service)
    assert problem.text.startswith("Kent: the people rated Blue at the quarter's end are not the same number")
    assert problem.url == reverse("inpatient:list")


@pytest.mark.parametrize(
    ("improvement", "challenges", "listed"),
    [
        ("", "Beds", ["The continuous-improvement activity for 2025/26 Q3 is not written"]),
        ("Huddles", "  ", ["The challenges for 2025/26 Q3 are not written"]),
    ],
)
def test_a_narrative_part_not_written_is_listed(service, clean_q3, written, improvement, challenges, listed):
    written.improvement, written.challenges = improvement, challenges
    written.save()
    assert [problem.text for problem in problems(service)] == listed


def test_a_narrative_never_started_lists_both_parts_with_a_link_to_write_them(service, q3_register):
    listed = problems(service)
    assert [problem.text for problem in listed] == [
        "The continuous-improvement activity for 2025/26 Q3 is not written",
        "The challenges for 2025/26 Q3 are not written",
    ]
    assert {problem.url for problem in listed} == {reverse("reporting:narrative") + "?quarter=2025-Q3"}


def test_the_return_page_lists_the_problems_above_the_downloads_and_still_offers_them(as_role, q3_register):
    page = as_role(Role.LEAD).http.get(reverse("reporting:quarterly"), {"quarter": Q3.code}).content.decode()
    callout = page[page.index("Check the return before you download it") : page.index("Download (true counts)")]
    assert "The challenges for 2025/26 Q3 are not written" in callout
    assert f'href="{reverse("reporting:narrative")}?quarter=2025-Q3"' in callout


def test_a_problem_is_linked_only_for_those_who_may_fix_it(as_role, q3_register):
    page = as_role(Role.COMMISSIONER).http.get(reverse("reporting:quarterly"), {"quarter": Q3.code})
    text = page.content.decode()
    assert "The challenges for 2025/26 Q3 are not written" in text
    assert reverse("reporting:narrative") not in text


def test_a_consistent_return_shows_no_check_callout(as_role, clean_q3):
    page = as_role(Role.LEAD).http.get(reverse("reporting:quarterly"), {"quarter": Q3.code}).content.decode()
    assert "Check the return before you download it" not in page
