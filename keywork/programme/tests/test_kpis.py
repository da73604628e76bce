"""KPIs: a manual KPI's monthly figures as entered, on track by its direction; a computed KPI from
the records (people in hospital equals the inpatient census) and never entered by hand."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from keywork.accounts.models import Role
from keywork.audit import Actor
from keywork.audit.models import AuditEntry
from keywork.figures.census import monthly_census
from keywork.inpatient.models import Admission
from keywork.programme.kpi_series import kpi_series
from keywork.programme.models import KpiValue
from keywork.programme.tests.conftest import LAST_MONTH
from keywork.testing.dates import TODAY
from keywork.testing.factories import admit
from keywork.testing.pages import date_parts

D = datetime.date


def enter(kpi, user, month, value):
    return KpiValue.objects.create(kpi=kpi, month=month, value=Decimal(value), entered_by=user)


def test_a_manual_kpi_shows_each_months_figure_as_entered_and_nothing_for_a_month_left_blank(
    service, make_kpi, lead_user
):
    kpi = make_kpi(service)
    enter(kpi, lead_user, D(2026, 8, 1), "85")
    enter(kpi, lead_user, D(2026, 10, 1), "75")
    series = kpi_series(kpi, D(2026, 7, 1), D(2026, 10, 20), False)
    assert [(p.month, p.value) for p in series] == [
        (D(2026, 7, 1), None),
        (D(2026, 8, 1), Decimal("85")),
        (D(2026, 9, 1), None),
        (D(2026, 10, 1), Decimal("75")),
    ]


def test_when_higher_is_better_a_figure_at_or_above_target_is_on_track(service, make_kpi, lead_user):
    kpi = make_kpi(service, direction="higher", target="80")
    for month, value in ((D(2026, 8, 1), "85"), (D(2026, 9, 1), "80"), (D(2026, 10, 1), "79.99")):
        enter(kpi, lead_user, month, value)
    series = kpi_series(kpi, D(2026, 7, 1), D(2026, 10, 20), False)
    assert [p.on_track for p in series] == [None, True, True, False]


def test_when_lower_is_better_a_figure_at_or_below_target_is_on_track(service, make_kpi, lead_user):
    kpi = make_kpi(service, direction="lower", target="10", name="Days from referral to allocation")
    for month, value in ((D(2026, 8, 1), "12"), (D(2026, 9, 1), "10"), (D(2026, 10, 1), "8")):
        enter(kpi, lead_user, month, value)
    series = kpi_series(kpi, D(2026, 8, 1), D(2026, 10, 20), False)
    assert [p.on_track for p in series] == [False, True, True]


# People in hospital --------------------------------------------------------------------------------


@pytest.fixture
def admissions(service, other_service, make_user, add_person):
    """Kim: 5 Jan to 28 Feb 2026. Lee: 10 Feb to 15 Apr. Max: from 20 Mar. At each month end:
    Jan 1 (Kim), Feb 1 (Lee: Kim left on the 28th), Mar 2 (Lee, Max), Apr 1 (Max), May 1 (Max)."""
    coordinator = make_user(service, Role.COORDINATOR)

    def stay(service, name, admitted_on, discharged_on=None):
        person = add_person(service, coordinator, given_name=name, referral_date=D(2025, 6, 1))
        admit(Actor(coordinator, service), person, admitted_on, discharged_on)

    stay(service, "Kim", D(2026, 1, 5), D(2026, 2, 28))
    stay(service, "Lee", D(2026, 2, 10), D(2026, 4, 15))
    stay(service, "Max", D(2026, 3, 20))
    stay(other_service, "Ned", D(2026, 1, 1))


def test_the_people_in_hospital_kpi_counts_each_month_end_from_the_admissions(service, make_kpi, admissions, lead_user):
    kpi = make_kpi(service, computation="inpatients", direction="lower", target="1", name="People in hospital")
    series = kpi_series(kpi, D(2026, 1, 1), D(2026, 5, 20), False)
    assert [p.value for p in series] == [1, 1, 2, 1, 1]
    assert [p.on_track for p in series] == [True, True, False, True, True]


def test_the_people_in_hospital_kpi_equals_the_inpatient_census(service, make_kpi, admissions, lead_user):
    kpi = make_kpi(service, computation="inpatients", direction="lower", target="6", name="People in hospital")
    today = D(2026, 5, 20)
    census = monthly_census(service, D(2026, 1, 1), today, today)
    assert [p.value for p in kpi_series(kpi, D(2026, 1, 1), today, False)] == [m.count for m in census]


# Small numbers -------------------------------------------------------------------------------------


def test_a_commissioner_sees_small_computed_counts_hidden_and_the_lead_sees_them(
    service, make_kpi, admissions, lead_user, make_user
):
    kpi = make_kpi(service, computation="inpatients", direction="lower", target="1", name="People in hospital")
    hidden = kpi_series(kpi, D(2026, 1, 1), D(2026, 5, 20), True)
    assert [(p.value, p.on_track, p.suppressed) for p in hidden] == [(None, None, True)] * 5
    shown = kpi_series(kpi, D(2026, 1, 1), D(2026, 5, 20), False)
    assert [(p.value, p.suppressed) for p in shown] == [(v, False) for v in (1, 1, 2, 1, 1)]


def test_a_months_count_above_the_threshold_is_shown_to_a_commissioner(service, make_kpi, admissions, make_user):
    service.suppression_threshold = 1
    service.save()
    kpi = make_kpi(service, computation="inpatients", direction="lower", target="1", name="People in hospital")
    series = kpi_series(kpi, D(2026, 1, 1), D(2026, 5, 20), True)
    assert [p.value for p in series] == [None, None, 2, None, None]


def test_a_hand_entered_figure_is_shown_to_a_commissioner_as_entered(service, make_kpi, lead_user, make_user):
    kpi = make_kpi(service)
    enter(kpi, lead_user, D(2026, 8, 1), "3")
    series = kpi_series(kpi, D(2026, 8, 1), D(2026, 8, 20), True)
    assert [(p.value, p.suppressed) for p in series] == [(Decimal("3"), False)]


@pytest.fixture
def in_hospital_now(service, make_kpi, make_user, add_person):
    """Three people in hospital since last month: below the threshold of 7."""
    coordinator = make_user(service, Role.COORDINATOR)
    for name in ("Kim", "Lee", "Max"):
        person = add_person(service, coordinator, given_name=name, referral_date=D(2025, 6, 1))
        admit(Actor(coordinator, service), person, LAST_MONTH)
    return make_kpi(
        service, computation="inpatients", direction="lower", target="1", unit="people", name="People in hospital"
    )


def test_the_kpi_pages_and_api_hide_a_small_count_from_a_commissioner(in_hospital_now, as_role, api_for):
    kpi, commissioner = in_hospital_now, as_role(Role.COMMISSIONER)
    page = commissioner.http.get(reverse("programme:kpi", args=[kpi.pk])).content.decode()
    assert "3 people" not in page and "hidden to protect privacy" in page
    overview = commissioner.http.get(reverse("programme:overview")).content.decode()
    assert "3 people" not in overview and "hidden to protect privacy" in overview
    response = commissioner.http.get(
        f"/api/programme/kpis/{kpi.pk}/series?start={LAST_MONTH.isoformat()}", **api_for(commissioner.user)
    )
    assert [point["value"] for point in response.json()] == [None, None]
    assert [point["suppressed"] for point in response.json()] == [True, True]


def test_the_kpi_pages_and_api_show_the_count_to_the_lead(in_hospital_now, lead, api_for):
    kpi = in_hospital_now
    assert "3 people" in lead.http.get(reverse("programme:kpi", args=[kpi.pk])).content.decode()
    assert "3 people" in lead.http.get(reverse("programme:overview")).content.decode()
    response = lead.http.get(
        f"/api/programme/kpis/{kpi.pk}/series?start={LAST_MONTH.isoformat()}", **api_for(lead.user)
    )
    assert [point["value"] for point in response.json()] == ["3", "3"]


def test_the_on_time_rate_is_a_decimal_to_one_place_without_float_noise(service, make_kpi, lead_user, add_person):
    """One of three admissions in May 2026 had its C(E)TR on time: 33.3, not 33.29999..."""
    from keywork.reviews.models import Review
    from keywork.reviews.rules import post_admission_review_due

    kpi = make_kpi(service, computation="ctr_on_time", target="90", name="C(E)TRs on time")
    for index, name in enumerate(("Kim", "Lee", "Max")):
        person = add_person(service, lead_user, given_name=name, referral_date=D(2025, 6, 1))
        admitted_on = D(2026, 4, 20)
        Admission.objects.create(
            person=person, hospital="Fernbrook Hospital", unit="Willow", unit_type="picu",
            distance_miles=40, admitted_on=admitted_on, recorded_by=lead_user,
        )  # fmt: skip
        if not index:
            Review.objects.create(
                person=person, kind="post_admission", requested_on=admitted_on, held_on=admitted_on,
                recorded_by=lead_user,
            )  # fmt: skip
    due = post_admission_review_due(D(2026, 4, 20), service).replace(day=1)
    series = kpi_series(kpi, due, due.replace(day=20), False)
    assert [str(p.value) for p in series] == ["33.3"]


# Entering figures --------------------------------------------------------------------------------


def value_form(month, value) -> dict:
    return {"value": value, **date_parts("month", month)}


def test_a_figure_entered_on_the_page_is_kept_for_the_first_of_its_month(lead, make_kpi):
    kpi = make_kpi(lead.service)
    response = lead.http.post(
        reverse("programme:add_kpi_value", args=[kpi.pk]), value_form(LAST_MONTH.replace(day=17), "82")
    )
    assert response.status_code == 302 and response.url == reverse("programme:kpi", args=[kpi.pk])
    saved = KpiValue.objects.get()
    assert (saved.month, saved.value, saved.entered_by) == (LAST_MONTH, Decimal("82"), lead.user)


def test_last_months_figure_shows_on_the_kpis_page(lead, make_kpi):
    kpi = make_kpi(lead.service)
    enter(kpi, lead.user, LAST_MONTH, "82")
    series = lead.http.get(reverse("programme:kpi", args=[kpi.pk])).context["series"]
    assert [(p.month, p.value) for p in series if p.value is not None] == [(LAST_MONTH, Decimal("82"))]


def test_a_second_figure_for_the_same_month_on_the_page_replaces_the_first_as_through_the_api(lead, make_kpi):
    kpi = make_kpi(lead.service)
    enter(kpi, lead.user, LAST_MONTH, "70")
    response = lead.http.post(reverse("programme:add_kpi_value", args=[kpi.pk]), value_form(LAST_MONTH, "82"))
    assert response.status_code == 302
    assert [(v.month, v.value) for v in KpiValue.objects.all()] == [(LAST_MONTH, Decimal("82"))]


def test_a_figure_for_a_future_month_is_refused(lead, make_kpi):
    kpi = make_kpi(lead.service)
    next_month = (TODAY.replace(day=1) + datetime.timedelta(days=32)).replace(day=1)
    response = lead.http.post(reverse("programme:add_kpi_value", args=[kpi.pk]), value_form(next_month, "82"))
    assert response.context["form"].errors["month"] == ["The month must not be in the future"]
    assert not KpiValue.objects.exists()


def test_a_figure_for_a_computed_kpi_is_refused_on_the_page(lead, make_kpi):
    kpi = make_kpi(lead.service, computation="inpatients")
    response = lead.http.post(reverse("programme:add_kpi_value", args=[kpi.pk]), value_form(LAST_MONTH, "3"))
    assert response.status_code == 200
    assert response.context["form"].non_field_errors() == ["This KPI is computed from the records, not entered by hand"]
    assert not KpiValue.objects.exists() and not AuditEntry.objects.exists()


def test_a_figure_that_is_not_a_number_is_refused_on_the_page(lead, make_kpi):
    kpi = make_kpi(lead.service)
    response = lead.http.post(reverse("programme:add_kpi_value", args=[kpi.pk]), value_form(LAST_MONTH, "lots"))
    assert response.context["form"].errors["value"] and not KpiValue.objects.exists()


@pytest.fixture
def api_post(client, lead_user, api_for):
    headers = api_for(lead_user)
    return lambda kpi, body: client.post(
        f"/api/programme/kpis/{kpi.pk}/values", body, content_type="application/json", **headers
    )


def test_a_figure_for_a_computed_kpi_is_refused_by_the_api(service, make_kpi, api_post):
    kpi = make_kpi(service, computation="ctr_on_time")
    response = api_post(kpi, {"month": LAST_MONTH.isoformat(), "value": "90"})
    assert response.status_code == 422
    assert response.json() == {"errors": {"kpi": ["This KPI is computed from the records, not entered by hand"]}}
    assert not KpiValue.objects.exists() and not AuditEntry.objects.exists()


def test_a_figure_entered_through_the_api_says_whether_it_is_on_track(service, make_kpi, api_post):
    response = api_post(make_kpi(service, target="80"), {"month": LAST_MONTH.replace(day=9).isoformat(), "value": "79"})
    assert response.status_code == 201
    assert response.json() == {
        "month": LAST_MONTH.isoformat(),
        "value": "79",
        "on_track": False,
        "suppressed": False,
        "suppression_rule": None,
    }


def test_a_corrected_figure_through_the_api_replaces_the_months_and_both_are_audited(
    service, make_kpi, api_post, lead_user
):
    kpi = make_kpi(service)
    api_post(kpi, {"month": LAST_MONTH.isoformat(), "value": "70"})
    api_post(kpi, {"month": LAST_MONTH.isoformat(), "value": "82"})
    assert [(v.month, v.value) for v in KpiValue.objects.all()] == [(LAST_MONTH, Decimal("82"))]
    entries = AuditEntry.objects.filter(object_id=str(KpiValue.objects.get().pk), actor=lead_user)
    assert sorted(entries.values_list("operation", flat=True)) == ["create", "update"]


def test_the_series_through_the_api_starts_at_the_month_asked_for(service, make_kpi, lead_user, client, api_for):
    kpi = make_kpi(service)
    enter(kpi, lead_user, LAST_MONTH, "90")
    response = client.get(f"/api/programme/kpis/{kpi.pk}/series?start={LAST_MONTH.isoformat()}", **api_for(lead_user))
    assert response.json() == [
        {
            "month": LAST_MONTH.isoformat(),
            "value": "90.00",
            "on_track": True,
            "suppressed": False,
            "suppression_rule": None,
        },
        {
            "month": TODAY.replace(day=1).isoformat(),
            "value": None,
            "on_track": None,
            "suppressed": False,
            "suppression_rule": None,
        },
    ]
