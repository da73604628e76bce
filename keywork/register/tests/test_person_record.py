"""The person's record as sub-pages: the summary on each, the sub-navigation, who may open them,
the audit of each read, the timeline's filters and pages, and where a save comes back to."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from keywork.accounts.models import Role
from keywork.audit.models import AuditEntry, Operation
from keywork.keyworking.models import Contact
from keywork.personrecord import TABS
from keywork.presenters import format_nhs_number, uk_long_date
from keywork.register.models import Consent
from keywork.register.record_pages import person_url
from keywork.register.timeline import PAGE_SIZE
from keywork.reviews.models import Review
from keywork.safeguarding.models import SafeguardingStatus
from keywork.testing import factories
from keywork.testing.dates import TODAY, days_ago
from keywork.testing.pages import date_parts, logged_in

# A heading each sub-page holds, from the part of the record that puts it there.
SECTIONS = {
    "details": "Family and carers",
    "keywork": "Recent contacts",
    "plans": "Support and crisis plan",
    "reviews": "Care and Treatment Reviews",
    "inpatient": "Inpatient care",
    "safeguarding": "Safeguarding concerns",
    "education": "Living situation",
    "outcomes": "Closing outcomes",
    "records": "Timeline",
}


@pytest.fixture
def person(service, coordinator_user, add_person):
    return add_person(service, coordinator_user, rating="amber")


def page(client, person, tab="details", **query) -> str:
    response = client.http.get(person_url(person, tab), query)
    assert response.status_code == 200
    return response.content.decode()


def test_every_sub_page_holds_its_own_sections_and_not_the_others(manager, person):
    assert [tab.slug for tab in TABS] == list(SECTIONS)
    for tab, heading in SECTIONS.items():
        body = page(manager, person, tab)
        assert heading in body, tab
        assert [other for other, h in SECTIONS.items() if other != tab and f">{h}</h" in body] == [], tab


def test_each_sub_page_opens_with_the_summary_and_marks_itself_in_the_sub_navigation(
    service, manager, person, make_user
):
    worker = make_user(service, Role.KEYWORKER)
    worker.first_name, worker.last_name = "Robin", "Keyworker"
    worker.save()
    factories.allocate(person, worker, days_ago(10))
    for tab in SECTIONS:
        body = page(manager, person, tab)
        assert f'<h1 class="nhsuk-heading-l nhsuk-u-margin-bottom-3">{person.full_name}' in body
        assert f"NHS number {format_nhs_number(person.nhs_number)}" in body
        assert f"{person.age} (born {uk_long_date(person.date_of_birth)})" in body
        rating = f"At risk of admission without support soon, since {uk_long_date(person.rating_effective_on)}"
        assert ">Amber<" in re.sub(r"\s+", "", body) and rating in body
        assert "Robin Keyworker (Practice Consultant)" in body
        assert uk_long_date(person.next_review_due) in body
        current = re.findall(r'<li class="nhsuk-contents-list__item" aria-current="page">\s*<span[^>]*>([^<]+)<', body)
        assert current == [next(t.label for t in TABS if t.slug == tab)]


def test_the_summary_shows_an_alert_for_each_thing_keywork_holds_today(manager, person, admit, coordinator_user):
    admit(person, days_ago(3))
    SafeguardingStatus.objects.create(
        person=person,
        kind="looked_after",
        legal_basis="s20",
        starts_on=days_ago(30),
        local_authority="Kent",
        recorded_by=coordinator_user,
    )
    person.legal_hold, person.legal_hold_since = True, TODAY
    person.legal_hold_reason = "Claim"
    person.save()
    Consent.objects.create(
        person=person, basis="withdrawn", given_by="Parent", decided_on=TODAY, recorded_by=coordinator_user
    )
    for tab in ("details", "outcomes"):
        alerts = re.search(
            r'<ul class="nhsuk-list keywork-alerts" aria-label="Alerts">(.*?)</ul>', page(manager, person, tab), re.S
        )
        texts = re.findall(r'<strong class="nhsuk-tag[^"]*">\s*([^<]+?)\s*</strong>', alerts.group(1))
        assert texts == ["Consent withdrawn", "Inpatient", "Looked-after child", "Legal hold"]


def test_a_person_with_nothing_to_alert_has_no_alerts(manager, person):
    assert "keywork-alerts" not in page(manager, person)


def test_every_sub_page_of_another_services_person_is_not_found(manager, other_service, add_person, make_user):
    stranger = add_person(other_service, make_user(other_service, Role.COORDINATOR))
    for tab in SECTIONS:
        assert manager.http.get(person_url(stranger, tab)).status_code == 404
    tried = AuditEntry.objects.filter(person_id=stranger.pk, actor=manager.user)
    assert list(tried.values_list("operation", flat=True)) == [Operation.REFUSED] * len(SECTIONS)


def test_a_role_that_may_not_see_people_is_refused_every_sub_page(as_role, person):
    commissioner = as_role(Role.COMMISSIONER)
    for tab in SECTIONS:
        assert commissioner.http.get(person_url(person, tab)).status_code == 403


def test_each_sub_page_view_is_one_audited_read_of_the_person(manager, person):
    for tab in SECTIONS:
        before = AuditEntry.objects.filter(operation=Operation.VIEW, person_id=person.pk).count()
        page(manager, person, tab)
        views = AuditEntry.objects.filter(operation=Operation.VIEW, person_id=person.pk)
        assert views.count() == before + 1, tab
        assert (views.first().actor, views.first().object_id) == (manager.user, str(person.pk))


def contacts(person, by, count: int) -> None:
    for day in range(count):
        Contact.objects.create(
            person=person,
            occurred_at=timezone.now() - datetime.timedelta(days=day + 1),
            contact_type="call",
            duration_minutes=10,
            notes=f"Call number {day + 1}",
            recorded_by=by,
        )


def test_the_timeline_is_filtered_by_kind(manager, person):
    contacts(person, manager.user, 2)
    body = page(manager, person, "records", kind="Contacts")
    assert "Call number 1" in body and "Call number 2" in body
    assert "2 events, newest first" in body and "Referred to the register" not in body
    assert '<option value="Contacts" selected>' in body


def test_the_timeline_is_filtered_by_a_date_range(manager, person):
    contacts(person, manager.user, 5)
    # Contacts 1 to 5 days ago: from 4 days ago to 2 days ago holds calls 2, 3 and 4.
    body = page(
        manager,
        person,
        "records",
        kind="Contacts",
        **date_parts("after", days_ago(4)),
        **date_parts("before", days_ago(2)),
    )
    assert [int(n) for n in re.findall(r"Call number (\d+)", body)] == [2, 3, 4]


def test_a_date_range_that_ends_before_it_starts_is_refused_with_its_message(manager, person):
    body = page(manager, person, "records", **date_parts("after", days_ago(1)), **date_parts("before", days_ago(9)))
    assert "The last date must be the same as or after the first date" in body


def test_the_timeline_is_paged_newest_first(manager, person):
    contacts(person, manager.user, PAGE_SIZE + 3)
    first = page(manager, person, "records", kind="Contacts")
    second = page(manager, person, "records", kind="Contacts", page=2)
    assert re.findall(r"Call number (\d+)\s*<", first) == [str(n) for n in range(1, PAGE_SIZE + 1)]
    assert re.findall(r"Call number (\d+)\s*<", second) == [str(n) for n in range(PAGE_SIZE + 1, PAGE_SIZE + 4)]
    assert "kind=Contacts&amp;page=2" in first


def contact_form(on: datetime.date) -> dict:
    return {
        "contact_type": "home_visit",
        "duration_minutes": 45,
        "notes": "Talked through the new school timetable",
        "contact_time": "10:30",
        **date_parts("contact_date", on),
    }


def test_a_recorded_contact_returns_to_the_keywork_sub_page_with_a_banner_naming_it(
    service, person, make_user, manager
):
    keyworker = logged_in(make_user(service, Role.KEYWORKER))
    factories.allocate(person, keyworker.user, days_ago(30), by=manager.user)
    response = keyworker.http.post(reverse("keyworking:add_contact", args=[person.pk]), contact_form(days_ago(2)))
    assert response.status_code == 302
    assert response.url == reverse("register:person_keywork", args=[person.pk]) + "#contacts"
    body = keyworker.http.get(response.url).content.decode()
    assert f"Contact on {uk_long_date(days_ago(2))} recorded" in body
    recent = body[body.index('id="contacts"') :]
    assert recent.index("Talked through the new school timetable") < recent.index('id="follow-ups"')


@pytest.mark.parametrize(
    ("route", "data", "tab", "section", "banner"),
    [
        (
            "register:rating",
            {"rating": "green", "reason": "Settled at home", **date_parts("effective_on", TODAY)},
            "details",
            "register",
            f"Rating of green from {uk_long_date(TODAY)} recorded",
        ),
        (
            "register:family",
            {"name": "Alex Example", "relationship": "Mother", "has_parental_responsibility": "on"},
            "details",
            "family",
            "Alex Example added as a family or carer contact",
        ),
        (
            "keyworking:edit_plan",
            {
                "what_helps": "Quiet room",
                "triggers": "Noise",
                "early_warning_signs": "Pacing",
                "who_to_call": "Mum",
                "agreed_responses": "Step back",
                "based_on_version": 0,
            },
            "plans",
            "plan",
            "Support plan saved as a new version",
        ),
        (
            "outcomes:add_goal",
            {"description": "Sleep through", "set_with": "Mum", **date_parts("set_on", TODAY)},
            "outcomes",
            "goals",
            "Goal added",
        ),
        (
            "records:legal_hold",
            {"hold": "place", "reason": "A county court claim"},
            "records",
            "legal-hold",
            "Legal hold placed",
        ),
    ],
)
def test_a_save_returns_to_the_sub_page_and_section_it_belongs_to_with_its_banner(
    manager, person, route, data, tab, section, banner
):
    response = manager.http.post(reverse(route, args=[person.pk]), data)
    assert response.status_code == 302 and response.url == person_url(person, tab, section)
    body = manager.http.get(response.url).content.decode()
    assert banner in body and f'id="{section}"' in body


def test_an_admission_returns_to_the_inpatient_sub_page(manager, person):
    data = {
        "hospital": "Fernbrook Hospital",
        "unit": "Willow",
        "unit_type": "picu",
        "distance_miles": 40,
        "legal_status": "s2",
        **date_parts("admitted_on", TODAY),
    }
    response = manager.http.post(reverse("inpatient:admit", args=[person.pk]), data)
    assert response.url == person_url(person, "inpatient", "inpatient")
    assert "Inpatient" in manager.http.get(response.url).content.decode()


def test_the_crisis_plan_prints_for_the_family_with_a_print_button_and_is_audited(manager, person):
    url = reverse("keyworking:crisis_plan", args=[person.pk])
    assert "No support and crisis plan has been written yet" in manager.http.get(url).content.decode()
    manager.http.post(
        reverse("keyworking:edit_plan", args=[person.pk]),
        {
            "what_helps": "Quiet room",
            "triggers": "Noise",
            "early_warning_signs": "Pacing",
            "who_to_call": "Mum on 01632 960001",
            "agreed_responses": "Step back",
            "based_on_version": 0,
        },
    )
    before = AuditEntry.objects.filter(operation=Operation.VIEW, person_id=person.pk).count()
    body = manager.http.get(url).content.decode()
    assert "Mum on 01632 960001" in body and "data-keywork-print" in body
    assert AuditEntry.objects.filter(operation=Operation.VIEW, person_id=person.pk).count() == before + 1
    assert url in page(manager, person, "plans")


def test_the_record_links_the_print_stylesheet_for_print_only(manager, person):
    body = page(manager, person)
    assert re.search(r'<link rel="stylesheet" href="/static/print\.css" media="print">', body)


def test_the_latest_three_reviews_show_in_full_and_earlier_ones_are_folded(manager, person, coordinator_user):
    for months in range(5):
        Review.objects.create(
            person=person, kind="community", requested_on=days_ago(90 * months + 1), recorded_by=coordinator_user
        )
    body = page(manager, person, "reviews")
    shown, folded = body.split('id="earlier-reviews"')
    assert shown.count('<h3 id="review-') == 3 and folded.count('<h3 id="review-') == 2
    assert "2 earlier C(E)TRs" in folded and uk_long_date(days_ago(1)) in shown


def test_a_forms_back_link_leads_where_saving_would(manager, person):
    body = manager.http.get(reverse("outcomes:add_goal", args=[person.pk])).content.decode()
    assert f'href="{person_url(person, "outcomes", "goals")}"' in body
