"""Each figure agrees wherever it appears: the lead's home, the dashboard's current month, the
census, the quarterly return and the all-services page, for the same records on the same day, read
from each page's context (what the page shows, before any formatting)."""

import pytest
from django.urls import reverse

from keywork import audit
from keywork.accounts.models import Role
from keywork.figures.inpatients import detained_or_informal, in_hospital
from keywork.figures.register import receiving_keywork
from keywork.register import operations
from keywork.register.choices import Rating
from keywork.register.models import Person, RatingChange
from keywork.reporting.quarters import Quarter
from keywork.reporting.rollup import IN_HOSPITAL
from keywork.testing.api import Api
from keywork.testing.dates import TODAY, days_ago
from keywork.testing.factories import allocate, keyworker_of, refer

EXPECTED = {"red": 2, "amber": 2, "green": 1, "blue": 1}
IN_HOSPITAL_TODAY = 1


def row(rating: str) -> str:
    """The return's row heading for a rating ("Red")."""
    return Rating(rating).label.split(" – ")[0]


@pytest.fixture
def records(service, coordinator_user, add_person, admit):
    """Red 2 (one of them discharged three weeks ago), amber 2, green 1, and one in hospital: blue,
    though their admission was caught up from paper after a later review rated them amber."""
    # Every count shown, on every page, so the pages can be compared cell by cell.
    service.suppression_threshold = 0
    service.save(update_fields=["suppression_threshold"])
    ratings = ["red", "red", "red", "amber", "amber", "green"]
    people = [add_person(service, coordinator_user, rating=r, referral_date=days_ago(120)) for r in ratings]
    review = RatingChange(rating="amber", effective_on=days_ago(5), reason="Settling at home")
    operations.change_rating(audit.Actor(coordinator_user, service), people[0], review)
    admit(people[0], days_ago(10))
    admit(people[1], days_ago(40), days_ago(20))
    allocate(people[0], keyworker_of(service), starts_on=days_ago(100))
    return people


@pytest.fixture
def current_quarter():
    return {"quarter": Quarter.containing(TODAY).code}


def test_on_the_register_by_rating_agrees_on_every_page(as_role, service, records, current_quarter):
    lead = as_role(Role.LEAD).http
    home = lead.get(reverse("home")).context["figures"]["cells"]
    dashboard = lead.get(reverse("reporting:dashboard")).context["f"]["register"]
    report = lead.get(reverse("reporting:quarterly"), current_quarter).context["report"]
    at_end = report.supported["On the register at the quarter's end"]
    regional = as_role(Role.REGIONAL).http.get(reverse("reporting:regional"), current_quarter).context["on_register"]
    for rating, count in EXPECTED.items():
        assert home[rating] == count, ("home", rating)
        assert dashboard[rating][-1] == count, ("dashboard's current month", rating)
        assert sum(at_end[row(rating)].values()) == count, ("return", rating)
        assert regional["cells"][row(rating)][service.name] == count, ("all services", rating)


def test_people_in_hospital_today_agree_on_every_page(as_role, service, records, current_quarter):
    lead = as_role(Role.LEAD).http
    counts = {count.label: count.count for count in lead.get(reverse("home")).context["counts"]}
    dashboard = lead.get(reverse("reporting:dashboard")).context["f"]
    census = lead.get(reverse("figures:census")).context["months"]
    report = lead.get(reverse("reporting:quarterly"), current_quarter).context["report"]
    regional = as_role(Role.REGIONAL).http.get(reverse("reporting:regional"), current_quarter).context["hospital"]
    assert counts["Inpatients"] == IN_HOSPITAL_TODAY
    assert dashboard["inpatient_counts"][-1] == IN_HOSPITAL_TODAY
    assert census[-1].count == IN_HOSPITAL_TODAY
    assert sum(report.inpatients_at_end.values()) == IN_HOSPITAL_TODAY
    assert regional["cells"][service.name][IN_HOSPITAL] == IN_HOSPITAL_TODAY
    # The one in hospital has a designated keyworker.
    assert counts["Inpatients without a keyworker"] == 0


def test_the_return_shows_receiving_keywork_detained_or_informal_and_referrals(
    as_role, service, records, coordinator_user, current_quarter
):
    refer(records[2], coordinator_user, "accepted", received_on=TODAY, decided_on=TODAY)
    response = as_role(Role.LEAD).http.get(reverse("reporting:quarterly"), current_quarter)
    sections = dict(response.context["sections"])
    people = Person.objects.filter(service=service)
    assert receiving_keywork(people, TODAY) == 1
    # By rating and local authority: the one receiving keywork is in hospital, so Blue.
    receiving = {line[0]: line[1:] for line in sections["Receiving keywork at the quarter's end"]}
    assert receiving[row("blue")][-1] == receiving["Total"][-1] == 1
    # The one in hospital was admitted under section 2.
    assert detained_or_informal(people, TODAY) == {"Detained": 1, "Informal": 0}
    assert ["Detained", 1] in sections["In hospital at the quarter's end: detained or informal"]
    assert sections["Referrals in the quarter"][1:] == [["Received", 1], ["Accepted", 1], ["Declined", 0]]


def test_the_censuss_latest_month_is_todays_in_hospital_and_detained_or_informal(as_role, service, records):
    census = as_role(Role.LEAD).http.get(reverse("figures:census")).context["months"]
    people = Person.objects.filter(service=service)
    latest = census[-1]
    assert latest.day == TODAY and latest.count == in_hospital(people, TODAY) == IN_HOSPITAL_TODAY
    counted = detained_or_informal(people, TODAY)
    assert {group: latest.by_legal_status[group] for group in counted} == counted == {"Detained": 1, "Informal": 0}


def test_bed_days_and_the_average_stay_agree_on_the_page_the_return_and_the_api(
    as_role, service, records, current_quarter
):
    lead = as_role(Role.LEAD)
    page = lead.http.get(reverse("reporting:hospital_use")).context["figures"].quarters[0][0]
    report = lead.http.get(reverse("reporting:quarterly"), current_quarter).context["report"].hospital_use
    api = Api(lead.user).get("/api/figures/hospital", **current_quarter).json()
    for name in ("bed_days", "people_in_hospital", "discharges", "average_stay"):
        assert getattr(page, name) == getattr(report, name) == api[name], name
