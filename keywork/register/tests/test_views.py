import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from keywork.accounts.models import Role
from keywork.audit.models import AuditEntry
from keywork.register.models import Consent, Person, RatingChange
from keywork.register.rules import nhs_number_check_digit
from keywork.testing.dates import TODAY
from keywork.testing.pages import date_parts


def valid_nhs_number(seed: int) -> str:
    for n in range(seed, seed + 100):
        first_nine = f"999{n:06d}"
        check = nhs_number_check_digit(first_nine)
        if check is not None:
            return f"{first_nine}{check}"
    raise AssertionError("no valid number")


def add_form(**changes) -> dict:
    data = {
        "nhs_number": valid_nhs_number(100),
        "given_name": "Robin",
        "family_name": "Testcase",
        "sex": "female",
        "ethnicity": "A",
        "postcode": "me14 1xx",
        "local_authority": "Medway",
        "condition": "autism",
        "referral_source": "family",
        "consent_basis": "parental_responsibility",
        "consent_given_by": "Alex Testcase",
        "rating": "amber",
        "rating_reason": "Placement under strain",
        **date_parts("date_of_birth", datetime.date(2012, 3, 27)),
        **date_parts("referral_date", TODAY),
        **date_parts("consent_date", TODAY),
    }
    data.update(changes)
    return data


@pytest.fixture
def coordinator_person(service, coordinator, add_person):
    return add_person(service, coordinator.user, rating="red")


def test_adding_a_person_records_them_with_consent_and_first_rating(coordinator):
    response = coordinator.http.post(reverse("register:add"), add_form())
    person = Person.objects.get()
    assert response.status_code == 302 and response.url == person.get_absolute_url()
    assert (person.postcode, person.rating, person.service) == ("ME14 1XX", "amber", coordinator.service)
    assert Consent.objects.get().basis == "parental_responsibility"
    assert RatingChange.objects.get().decided_by == coordinator.user
    assert AuditEntry.objects.filter(actor=coordinator.user, operation="create", person_id=person.pk).count() == 3


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"nhs_number": "9434765918"}, "nhs_number", "check digit"),
        (date_parts("date_of_birth", TODAY + datetime.timedelta(days=3)), "date_of_birth", "today or in the past"),
        (date_parts("date_of_birth", datetime.date(1990, 1, 1)), "date_of_birth", "the service is for ages 0 to 25"),
        ({"rating": "purple"}, "rating", "Choose the RAG rating from the options shown"),
        ({"postcode": "ME14"}, "postcode", "real UK postcode"),
        ({"date_of_birth_1": "13"}, "date_of_birth", "Date of birth must be a real date"),
        ({"given_name": ""}, "given_name", "Enter the given name"),
    ],
)
def test_bad_input_is_refused_with_a_message_naming_the_field_and_nothing_is_saved(
    coordinator, changes, field, message
):
    response = coordinator.http.post(reverse("register:add"), add_form(**changes))
    assert response.status_code == 200
    assert message in response.context["form"].errors[field][0]
    body = response.content.decode()
    assert "There is a problem" in body and f'href="#id_{field}' in body
    assert response.content.decode().count("<title>Error: ") == 1
    assert not Person.objects.exists() and not AuditEntry.objects.exists()


def test_a_duplicate_nhs_number_links_to_the_existing_record(coordinator, coordinator_person):
    response = coordinator.http.post(reverse("register:add"), add_form(nhs_number=coordinator_person.nhs_number))
    assert "already on this service" in response.context["form"].errors["nhs_number"][0]
    assert f'href="{coordinator_person.get_absolute_url()}"' in response.content.decode()
    assert Person.objects.count() == 1


def test_a_spaced_nhs_number_is_stored_as_ten_digits(coordinator):
    number = valid_nhs_number(200)
    coordinator.http.post(reverse("register:add"), add_form(nhs_number=f"{number[:3]} {number[3:6]} {number[6:]}"))
    assert Person.objects.get().nhs_number == number


def test_opening_a_person_is_audited_with_the_viewer_and_address(coordinator, coordinator_person):
    coordinator.http.get(coordinator_person.get_absolute_url(), REMOTE_ADDR="10.1.2.3")
    entry = AuditEntry.objects.filter(operation="view").get()
    assert (entry.actor, entry.person_id, entry.ip_address) == (coordinator.user, coordinator_person.pk, "10.1.2.3")


def test_a_manager_sees_the_audit_trail_on_the_records_sub_page_and_a_keyworker_does_not(
    service, as_role, coordinator_person
):
    heading = "Who has seen and changed this record"
    records = reverse("register:person_records", args=[coordinator_person.pk])
    assert heading in as_role(Role.MANAGER).http.get(records).content.decode()
    assert heading not in as_role(Role.KEYWORKER).http.get(records).content.decode()


def test_changing_the_rating_shows_on_the_person_page_with_its_text(coordinator, coordinator_person):
    url = reverse("register:rating", args=[coordinator_person.pk])
    data = {
        "rating": "green",
        "reason": "Settled at home",
        "risk_factors": ["health"],
        **date_parts("effective_on", TODAY),
    }
    response = coordinator.http.post(url, data, follow=True)
    assert "Green – needs and risks managed in the community" in response.content.decode()
    assert Person.objects.get().rating == "green"


def test_a_later_save_of_details_from_a_stale_page_is_refused_and_nothing_is_lost(coordinator, coordinator_person):
    url = reverse("register:edit", args=[coordinator_person.pk])
    form = coordinator.http.get(url).context["form"]
    data = {name: value for name, value in form.initial.items() if value is not None}
    data.update(date_parts("date_of_birth", coordinator_person.date_of_birth))
    data.update(date_parts("referral_date", coordinator_person.referral_date))
    first = coordinator.http.post(url, {**data, "given_name": "First"})
    assert first.status_code == 302
    second = coordinator.http.post(url, {**data, "given_name": "Second"})
    assert "Someone else changed this record" in second.content.decode()
    assert Person.objects.get().given_name == "First"


def test_removing_a_person_keeps_them_with_the_reason(as_role, coordinator_person):
    manager = as_role(Role.MANAGER)
    url = reverse("register:remove", args=[coordinator_person.pk])
    manager.http.post(url, {"status": "removed", "reason": "Stepped down", "version": coordinator_person.version})
    person = Person.objects.get()
    assert (person.status, person.status_reason, person.status_changed_on) == ("removed", "Stepped down", TODAY)
    assert names_on(manager.http.get(reverse("register:list"))) == []
    assert len(names_on(manager.http.get(reverse("register:list") + "?status=all"))) == 1


def test_an_archived_entry_is_listed_only_under_archived(as_role, coordinator_person):
    manager = as_role(Role.MANAGER)
    Person.objects.filter(pk=coordinator_person.pk).update(status="removed", status_changed_on=TODAY, archived_on=TODAY)
    assert names_on(manager.http.get(reverse("register:list") + "?status=all")) == []
    archived = names_on(manager.http.get(reverse("register:list") + "?status=archived"))
    assert archived == [f"{coordinator_person.family_name}, {coordinator_person.given_name}"]
    page = manager.http.get(coordinator_person.get_absolute_url()).content.decode()
    assert "Archived on" in page


def test_removal_needs_a_reason(as_role, coordinator_person):
    url = reverse("register:remove", args=[coordinator_person.pk])
    response = as_role(Role.MANAGER).http.post(url, {"status": "removed", "reason": "", "version": 1})
    assert "reason" in response.context["form"].errors
    assert Person.objects.get().status == "active"


def test_consent_withdrawn_is_recorded_in_the_timeline(coordinator, coordinator_person):
    url = reverse("register:consent", args=[coordinator_person.pk])
    data = {"basis": "withdrawn", "given_by": "The young person", **date_parts("decided_on", TODAY)}
    response = coordinator.http.post(url, data, follow=True)
    assert "Consent withdrawn" in response.content.decode()


def test_a_family_contact_with_a_bad_email_is_refused(coordinator, coordinator_person):
    url = reverse("register:family", args=[coordinator_person.pk])
    response = coordinator.http.post(url, {"name": "Jo", "relationship": "Mother", "email": "not-an-email"})
    assert "email" in response.context["form"].errors
    assert not coordinator_person.family_contacts.exists()


def names_on(response) -> list[str]:
    return re.findall(r'<a href="/register/\d+/">([^<]+)</a>', response.content.decode())


def test_the_register_filters_by_rating_and_local_authority(service, coordinator, add_person):
    add_person(service, coordinator.user, rating="red", family_name="Redd", local_authority="Kent")
    add_person(service, coordinator.user, rating="green", family_name="Greene", local_authority="Kent")
    add_person(service, coordinator.user, rating="red", family_name="Medwayred", local_authority="Medway")
    response = coordinator.http.get(reverse("register:list") + "?rating=red&local_authority=Kent")
    assert [name.split(",")[0] for name in names_on(response)] == ["Redd"]


def test_the_register_sorts_the_most_urgent_first(service, coordinator, add_person):
    for rating in ("green", "amber", "blue", "red"):
        add_person(service, coordinator.user, rating=rating, family_name=rating.capitalize() + "son")
    response = coordinator.http.get(reverse("register:list"))
    assert [name.split(",")[0] for name in names_on(response)] == ["Blueson", "Redson", "Amberson", "Greenson"]


def test_the_register_finds_people_by_nhs_number_typed_with_spaces(service, coordinator, add_person):
    person = add_person(service, coordinator.user)
    add_person(service, coordinator.user)
    spaced = f"{person.nhs_number[:3]} {person.nhs_number[3:6]} {person.nhs_number[6:]}"
    response = coordinator.http.get(reverse("register:list"), {"q": spaced})
    assert len(names_on(response)) == 1 and person.family_name in names_on(response)[0]


def test_the_register_shows_only_overdue_reviews_when_asked(service, coordinator, add_person):
    add_person(
        service, coordinator.user, rating="red", family_name="Late", referral_date=TODAY - datetime.timedelta(days=30)
    )
    add_person(service, coordinator.user, rating="red", family_name="Ontime", referral_date=TODAY)
    response = coordinator.http.get(reverse("register:list") + "?overdue=on")
    assert [name.split(",")[0] for name in names_on(response)] == ["Late"]


def count_register_queries(user) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert user.http.get(reverse("register:list")).status_code == 200
    return len(queries)


def test_the_register_runs_the_same_number_of_queries_whatever_the_page_holds(service, coordinator, add_person):
    add_person(service, coordinator.user)
    with_one = count_register_queries(coordinator)
    for _ in range(30):
        add_person(service, coordinator.user)
    assert count_register_queries(coordinator) == with_one
    # Session, user, service, keyworker choices, count, page, current allocations; then the list's
    # audit entry and the people it names, two inserts however many are on the page.
    assert with_one <= 9
