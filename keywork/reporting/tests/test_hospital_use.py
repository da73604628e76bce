"""The hospital use page and the bed-day cost it estimates with, with the clock at 25 November 2026."""

import datetime

import pytest

from keywork.accounts.models import Role
from keywork.audit.models import AuditEntry, Operation
from keywork.figures.hospital import HospitalUse, Period
from keywork.outcomes.models import ClosingOutcome
from keywork.reporting.hospital_use import protect_months
from keywork.suppression import SUPPRESSED, rule_in_words
from keywork.testing.factories import accept_referral

D = datetime.date


@pytest.fixture
def history(service, coordinator_user, add_person, admit):
    """Three stays over the year to 25 November, 3, 32 and 0 days long (35/3 on average), and two
    pieces of keywork closed in October 2026 that avoided an admission, one that did not."""

    def person():
        return add_person(service, coordinator_user, rating="amber", referral_date=D(2026, 1, 5))

    admit(person(), D(2026, 8, 30), discharged_on=D(2026, 9, 2))
    admit(person(), D(2026, 9, 29), discharged_on=D(2026, 10, 31))
    admit(person(), D(2026, 10, 10), discharged_on=D(2026, 10, 10))
    for avoided in ("yes", "yes", "no"):
        referral = accept_referral(person(), coordinator_user, decided_on=D(2026, 2, 1), closed_on=D(2026, 10, 20))
        ClosingOutcome.objects.create(
            referral=referral, admission_avoided=avoided, admission_rationale="Crisis plan", breakdown_prevented="no"
        )


def october(response):
    (month,) = [use for use in response.context["figures"].months if use.period.label == "October 2026"]
    return month


def this_quarter(response):
    return response.context["figures"].quarters[0]


def test_the_lead_sees_october_s_bed_days_and_average_stay(as_role, history):
    response = as_role(Role.LEAD).http.get("/reporting/hospital-use/")
    assert response.status_code == 200
    assert (october(response).bed_days, october(response).average_stay) == (30, 16)


def test_without_a_bed_day_cost_the_page_asks_for_one_and_estimates_no_cost(as_role, history):
    response = as_role(Role.LEAD).http.get("/reporting/hospital-use/")
    use, estimate = this_quarter(response)
    assert (estimate.admissions_avoided, estimate.bed_days_avoided, estimate.cost_avoided_pence) == (2, 23, None)
    page = response.content.decode()
    assert "Set the bed-day cost</a>" in page and "Not set" in page and "£" not in page


def test_with_a_bed_day_cost_the_cost_avoided_is_estimated_and_labelled_so(service, as_role, history):
    service.bed_day_cost_pence = 75000
    service.save()
    page = as_role(Role.LEAD).http.get("/reporting/hospital-use/").content.decode()
    # 2 admissions avoided × 35/3 days × £750.
    assert "£17,500" in page
    assert "Cost avoided (estimate)" in page and "it is not a count of anything that happened" in page


def test_a_commissioner_sees_figures_about_a_few_people_hidden(as_role, history):
    commissioner = as_role(Role.COMMISSIONER)
    response = commissioner.http.get("/reporting/hospital-use/")
    use, estimate = this_quarter(response)
    assert (october(response).bed_days, october(response).average_stay) == ("*", "*")
    assert (use.bed_days, estimate.admissions_avoided, estimate.bed_days_avoided) == ("*", "*", "*")
    assert rule_in_words(commissioner.service.suppression_threshold) in response.content.decode()


def test_a_manager_is_told_who_may_set_the_bed_day_cost(as_role, history):
    page = as_role(Role.MANAGER).http.get("/reporting/hospital-use/").content.decode()
    assert "the programme lead or an administrator can" in page and "/bed-day-cost/" not in page


def test_the_lead_sets_the_bed_day_cost_in_pounds(service, as_role):
    response = as_role(Role.LEAD).http.post("/reporting/hospital-use/bed-day-cost/", {"bed_day_cost": "£750.50"})
    assert response.status_code == 302
    service.refresh_from_db()
    assert service.bed_day_cost_pence == 75050


def test_changing_the_bed_day_cost_is_audited_and_saving_it_unchanged_is_not(service, as_role):
    lead = as_role(Role.LEAD)
    lead.http.post("/reporting/hospital-use/bed-day-cost/", {"bed_day_cost": "750"})
    lead.http.post("/reporting/hospital-use/bed-day-cost/", {"bed_day_cost": "£750.00"})
    (entry,) = AuditEntry.objects.for_object(service).filter(operation=Operation.UPDATE)
    assert (entry.actor, entry.changes) == (lead.user, {"bed_day_cost_pence": 75000})


def test_emptying_the_bed_day_cost_stops_the_estimate(service, as_role):
    service.bed_day_cost_pence = 75000
    service.save()
    as_role(Role.LEAD).http.post("/reporting/hospital-use/bed-day-cost/", {"bed_day_cost": ""})
    service.refresh_from_db()
    assert service.bed_day_cost_pence is None


@pytest.mark.parametrize(
    ("typed", "error"),
    [
        ("0", "Enter a cost of more than £0 and up to £100,000.00"),
        ("75000000", "Enter a cost of more than £0 and up to £100,000.00"),
        ("seven hundred", "Enter an amount in pounds, like 1,250.00"),
    ],
)
def test_a_bed_day_cost_that_is_not_a_cost_is_refused_in_words(service, as_role, typed, error):
    response = as_role(Role.LEAD).http.post("/reporting/hospital-use/bed-day-cost/", {"bed_day_cost": typed})
    assert response.status_code == 200 and error in response.content.decode()
    service.refresh_from_db()
    assert service.bed_day_cost_pence is None


def test_a_months_hidden_bed_days_cannot_be_worked_out_from_its_quarter():
    def use(label, start, end, people, bed_days, discharges=0):
        period = Period(label, start, end)
        return HospitalUse(period, bed_days, people, discharges, None)

    months = [
        use("October 2026", D(2026, 10, 1), D(2026, 10, 31), SUPPRESSED, SUPPRESSED),
        use("November 2026", D(2026, 11, 1), D(2026, 11, 30), 9, 200),
        use("December 2026", D(2026, 12, 1), D(2026, 12, 31), 8, 180),
    ]
    protect_months(months, use("2026/27 Q3", D(2026, 10, 1), D(2026, 12, 31), 12, 400))
    # The quarter's 400 less November's 200 and December's 180 would give October's 20.
    assert [(month.people_in_hospital, month.bed_days) for month in months] == [
        (SUPPRESSED, SUPPRESSED),
        (9, 200),
        (SUPPRESSED, SUPPRESSED),
    ]
