"""The people routes of the JSON API: listing, adding, reading and editing, scoped to the coordinator_user's
service, with the model's rules reported as JSON that names the field."""

import datetime
import itertools

import pytest
from django.utils import timezone

from keywork.accounts.models import Role
from keywork.audit.models import AuditEntry, Operation
from keywork.register.models import Consent, Person, RatingChange
from keywork.register.rules import nhs_number_check_digit
from keywork.testing.dates import TODAY, days_ago

_nhs_numbers = itertools.count(1)


def valid_nhs_number() -> str:
    """A fresh synthetic NHS number: 999, six digits, and a valid check digit."""
    while True:
        first_nine = f"999{next(_nhs_numbers):06d}"
        check = nhs_number_check_digit(first_nine)
        if check is not None:
            return f"{first_nine}{check}"


def person_body(**changes) -> dict:
    """A valid POST /api/people body; `changes` replace its top-level fields."""
    today = TODAY.isoformat()
    body = {
        "nhs_number": valid_nhs_number(),
        "given_name": "Robin",
        "family_name": "Testcase",
        "date_of_birth": "2012-03-27",
        "sex": "female",
        "ethnicity": "A",
        "postcode": "ME14 1XX",
        "local_authority": "Medway",
        "condition": "autism",
        "referral_source": "family",
        "referral_date": today,
        "consent": {"basis": "parental_responsibility", "given_by": "Alex Testcase", "decided_on": today},
        "rating": {"rating": "amber", "reason": "Placement under strain", "risk_factors": ["placement_breakdown"]},
    }
    body.update(changes)
    return body


def row_counts() -> dict[str, int]:
    """Rows of each record and audit entry, but for refused requests (audited too)."""
    rows = {model.__name__: model.objects.count() for model in (Person, RatingChange, Consent)}
    return rows | {"audit entries": AuditEntry.objects.exclude(operation=Operation.REFUSED).count()}


@pytest.fixture
def other_caller(other_service, make_user):
    return make_user(other_service, Role.COORDINATOR)


# Listing ------------------------------------------------------------------------------------------


def listed_ids(response) -> set[int]:
    assert response.status_code == 200, response.content
    return {item["id"] for item in response.json()["items"]}


def test_the_list_holds_only_the_people_of_the_callers_service(
    api, service, other_service, coordinator_user, other_caller, add_person
):
    ours = {add_person(service, coordinator_user).pk for _ in range(3)}
    theirs = add_person(other_service, other_caller, given_name="Outsider")

    response = api.get("/api/people")

    assert listed_ids(response) == ours
    assert response.json()["count"] == 3
    assert b"Outsider" not in response.content and theirs.nhs_number.encode() not in response.content


def test_a_search_never_finds_people_of_another_service(api, other_service, other_caller, add_person):
    theirs = add_person(other_service, other_caller, given_name="Outsider")

    assert listed_ids(api.get("/api/people", q="Outsider")) == set()
    assert listed_ids(api.get("/api/people", q=theirs.nhs_number)) == set()


def test_the_list_filters_by_rating(api, service, coordinator_user, add_person):
    red = add_person(service, coordinator_user, rating="red")
    add_person(service, coordinator_user, rating="green")
    add_person(service, coordinator_user, rating="amber")

    assert listed_ids(api.get("/api/people", rating="red")) == {red.pk}


def test_the_list_refuses_an_unknown_rating_filter_naming_the_field(api):
    response = api.get("/api/people", rating="purple")

    assert response.status_code == 422
    assert list(response.json()["errors"]) == ["rating"]


def test_the_list_finds_people_by_name(api, service, coordinator_user, add_person):
    found = add_person(service, coordinator_user, given_name="Zebedee", family_name="Quillfeather")
    add_person(service, coordinator_user, given_name="Robin", family_name="Smith")

    assert listed_ids(api.get("/api/people", q="quillfeather")) == {found.pk}
    assert listed_ids(api.get("/api/people", q="zebedee QUILL")) == {found.pk}


def test_the_list_finds_people_by_the_start_of_their_nhs_number_typed_with_spaces(
    api, service, coordinator_user, add_person
):
    found = add_person(service, coordinator_user, nhs_number="9991234578")
    add_person(service, coordinator_user, nhs_number="9992234571")
    assert nhs_number_check_digit("999123457") == 8 and nhs_number_check_digit("999223457") == 1

    assert listed_ids(api.get("/api/people", q="999 123")) == {found.pk}


def test_the_list_shows_only_overdue_reviews_when_asked(api, service, coordinator_user, add_person):
    # A red rating is reviewed weekly: rated red 30 days ago is overdue; rated today is not.
    overdue = add_person(
        service, coordinator_user, rating="red", referral_date=days_ago(30), date_of_birth=days_ago(5000)
    )
    add_person(service, coordinator_user, rating="red", referral_date=days_ago(0), date_of_birth=days_ago(5000))

    assert listed_ids(api.get("/api/people", overdue="true")) == {overdue.pk}
    assert len(listed_ids(api.get("/api/people"))) == 2


def test_the_list_pages_with_limit_and_offset_and_counts_everyone(api, service, coordinator_user, add_person):
    everyone = {add_person(service, coordinator_user).pk for _ in range(5)}

    pages = [api.get("/api/people", limit=2, offset=offset, sort="name").json() for offset in (0, 2, 4)]

    assert [page["count"] for page in pages] == [5, 5, 5]
    assert [len(page["items"]) for page in pages] == [2, 2, 1]
    assert {item["id"] for page in pages for item in page["items"]} == everyone


# Adding -------------------------------------------------------------------------------------------


def test_adding_a_person_records_them_with_consent_and_first_rating(api, service, coordinator_user):
    response = api.post("/api/people", person_body(given_name="Alexa"))

    assert response.status_code == 201, response.content
    person = Person.objects.get()
    assert response.json()["id"] == person.pk
    assert (person.service, person.given_name, person.rating, person.version) == (service, "Alexa", "amber", 1)
    assert person.rating_effective_on == person.referral_date == timezone.localdate()
    assert person.next_review_due == person.referral_date + datetime.timedelta(days=service.review_days_amber)
    consent = Consent.objects.get()
    assert (consent.person, consent.basis, consent.recorded_by) == (person, "parental_responsibility", coordinator_user)
    rating = RatingChange.objects.get()
    assert (rating.person, rating.rating, rating.decided_by) == (person, "amber", coordinator_user)
    assert (rating.effective_on, rating.risk_factors) == (person.referral_date, ["placement_breakdown"])


def test_adding_a_person_is_audited_as_the_caller(api, service, coordinator_user):
    response = api.post("/api/people", person_body())

    person_id = response.json()["id"]
    entries = AuditEntry.objects.filter(person_id=person_id)
    assert {(entry.actor, entry.operation, entry.service) for entry in entries} == {
        (coordinator_user, "create", service)
    }
    assert sorted(entry.content_type.model for entry in entries) == ["consent", "person", "ratingchange"]


def test_the_created_person_is_returned_as_stored(api):
    body = person_body()

    created = api.post("/api/people", body).json()

    assert {name: created[name] for name in ("nhs_number", "given_name", "family_name", "date_of_birth")} == {
        name: body[name] for name in ("nhs_number", "given_name", "family_name", "date_of_birth")
    }
    assert (created["rating"], created["status"], created["version"]) == ("amber", "active", 1)


def test_names_are_stored_without_the_spaces_around_them(api):
    created = api.post("/api/people", person_body(given_name="  Alexa ", family_name="\tMorgan\n")).json()

    person = Person.objects.get(pk=created["id"])
    assert (person.given_name, person.family_name, person.search_name) == ("Alexa", "Morgan", "alexa morgan")


def test_a_name_of_only_spaces_is_refused_as_missing(api):
    response = api.post("/api/people", person_body(given_name="   "))

    assert response.status_code == 422
    assert list(response.json()["errors"]) == ["given_name"]
    assert not Person.objects.exists()


def test_an_nhs_number_typed_with_spaces_is_stored_as_ten_digits(api):
    digits = valid_nhs_number()
    spaced = f"{digits[:3]} {digits[3:6]} {digits[6:]}"

    response = api.post("/api/people", person_body(nhs_number=spaced))

    assert response.status_code == 201, response.content
    assert Person.objects.get().nhs_number == digits == response.json()["nhs_number"]


def test_a_postcode_is_stored_in_capitals_with_one_space(api):
    response = api.post("/api/people", person_body(postcode="me14 1xx"))

    assert response.status_code == 201, response.content
    assert Person.objects.get().postcode == "ME14 1XX" == response.json()["postcode"]


def _without(body: dict, name: str) -> dict:
    return {key: value for key, value in body.items() if key != name}


def _too_old_on_referral() -> str:
    today = timezone.localdate()
    return today.replace(year=today.year - 27, day=1).isoformat()


@pytest.mark.parametrize(
    ("make_body", "field"),
    [
        pytest.param(lambda: person_body(nhs_number="9434765918"), "nhs_number", id="wrong-check-digit"),
        pytest.param(lambda: person_body(nhs_number="99912"), "nhs_number", id="too-few-digits"),
        pytest.param(
            lambda: person_body(date_of_birth=(timezone.localdate() + datetime.timedelta(days=3)).isoformat()),
            "date_of_birth",
            id="born-in-the-future",
        ),
        pytest.param(lambda: person_body(date_of_birth=_too_old_on_referral()), "date_of_birth", id="over-25"),
        pytest.param(
            lambda: person_body(rating={"rating": "purple", "reason": "Because"}), "rating.rating", id="unknown-rating"
        ),
        pytest.param(lambda: person_body(postcode="ME14"), "postcode", id="malformed-postcode"),
        pytest.param(lambda: person_body(local_authority="Cambridgeshire"), "local_authority", id="other-service-la"),
        pytest.param(lambda: _without(person_body(), "family_name"), "family_name", id="missing-family-name"),
        pytest.param(lambda: person_body(sex="unknown-value"), "sex", id="unknown-sex"),
        pytest.param(
            lambda: person_body(consent={"basis": "person", "decided_on": timezone.localdate().isoformat()}),
            "consent.given_by",
            id="missing-consent-given-by",
        ),
        pytest.param(
            lambda: person_body(
                consent={
                    "basis": "person",
                    "given_by": "Robin Testcase",
                    "decided_on": (timezone.localdate() + datetime.timedelta(days=1)).isoformat(),
                }
            ),
            "consent.decided_on",
            id="consent-decided-in-the-future",
        ),
    ],
)
def test_adding_a_person_with_bad_details_is_refused_naming_the_field_and_saves_nothing(api, make_body, field):
    before = row_counts()

    response = api.post("/api/people", make_body())

    assert response.status_code == 422, response.content
    errors = response.json()["errors"]
    assert list(errors) == [field]
    assert errors[field] and all(isinstance(message, str) and message for message in errors[field])
    assert row_counts() == before


def test_adding_a_second_person_with_the_same_nhs_number_in_the_service_is_refused(api):
    nhs_number = valid_nhs_number()
    assert api.post("/api/people", person_body(nhs_number=nhs_number)).status_code == 201
    before = row_counts()

    response = api.post("/api/people", person_body(nhs_number=nhs_number, given_name="Someone"))

    assert response.status_code == 422
    assert list(response.json()["errors"]) == ["nhs_number"]
    assert row_counts() == before


def test_a_duplicate_nhs_number_is_recognised_when_typed_with_spaces(api):
    nhs_number = valid_nhs_number()
    assert api.post("/api/people", person_body(nhs_number=nhs_number)).status_code == 201
    before = row_counts()

    response = api.post("/api/people", person_body(nhs_number=f"{nhs_number[:3]} {nhs_number[3:6]} {nhs_number[6:]}"))

    assert response.status_code == 422
    assert list(response.json()["errors"]) == ["nhs_number"]
    assert row_counts() == before


def test_the_same_nhs_number_may_be_on_another_services_register(api, service, other_service, other_caller, add_person):
    theirs = add_person(other_service, other_caller)

    response = api.post("/api/people", person_body(nhs_number=theirs.nhs_number))

    assert response.status_code == 201, response.content
    assert Person.objects.filter(nhs_number=theirs.nhs_number, service=service).count() == 1


# Reading ------------------------------------------------------------------------------------------


def test_reading_a_person_of_the_service_returns_their_record(api, service, coordinator_user, add_person):
    person = add_person(service, coordinator_user, rating="red")

    response = api.get(f"/api/people/{person.pk}")

    assert response.status_code == 200
    body = response.json()
    assert (body["id"], body["nhs_number"], body["rating"]) == (person.pk, person.nhs_number, "red")
    assert body["version"] == person.version


def test_reading_a_person_is_audited_as_a_view_by_the_caller(api, service, coordinator_user, add_person):
    person = add_person(service, coordinator_user)

    api.get(f"/api/people/{person.pk}")

    viewed = AuditEntry.objects.filter(operation="view", person_id=person.pk).get()
    assert (viewed.actor, viewed.service, viewed.object_id) == (coordinator_user, service, str(person.pk))
    assert viewed.content_type.model == "person"
    assert viewed.path == f"/api/people/{person.pk}"


def test_a_person_of_another_service_is_not_found_and_nothing_leaks(api, other_service, other_caller, add_person):
    theirs = add_person(other_service, other_caller, given_name="Outsider")

    response = api.get(f"/api/people/{theirs.pk}")

    assert response.status_code == 404
    assert response.json() == {"detail": "Not found"}
    assert b"Outsider" not in response.content and theirs.nhs_number.encode() not in response.content
    assert not AuditEntry.objects.filter(operation="view", person_id=theirs.pk).exists()


def test_a_person_who_does_not_exist_is_not_found(api, service, coordinator_user, add_person):
    person = add_person(service, coordinator_user)

    response = api.get(f"/api/people/{person.pk + 1000}")

    assert response.status_code == 404
    assert response.json() == {"detail": "Not found"}


# Editing ------------------------------------------------------------------------------------------


def test_editing_with_the_current_version_saves_the_change_and_bumps_the_version(
    api, service, coordinator_user, add_person
):
    person = add_person(service, coordinator_user)

    response = api.patch(
        f"/api/people/{person.pk}", {"version": person.version, "given_name": "Renamed", "postcode": "ct1 2ab"}
    )

    assert response.status_code == 200, response.content
    assert (response.json()["given_name"], response.json()["version"]) == ("Renamed", person.version + 1)
    person.refresh_from_db()
    assert (person.given_name, person.postcode, person.version) == ("Renamed", "CT1 2AB", 2)


def test_editing_is_audited_with_the_changed_fields(api, service, coordinator_user, add_person):
    person = add_person(service, coordinator_user)

    api.patch(f"/api/people/{person.pk}", {"version": person.version, "given_name": "Renamed"})

    updated = AuditEntry.objects.filter(operation="update", person_id=person.pk).get()
    assert (updated.actor, updated.changes) == (coordinator_user, {"given_name": "Renamed"})


def test_editing_with_a_stale_version_is_refused_and_changes_nothing(api, service, coordinator_user, add_person):
    person = add_person(service, coordinator_user, given_name="Original")
    read_version = person.version
    assert api.patch(f"/api/people/{person.pk}", {"version": read_version, "family_name": "First"}).status_code == 200

    response = api.patch(f"/api/people/{person.pk}", {"version": read_version, "given_name": "Second"})

    assert response.status_code == 409
    assert list(response.json()["errors"]) == ["version"]
    person.refresh_from_db()
    assert (person.given_name, person.family_name, person.version) == ("Original", "First", read_version + 1)
    assert AuditEntry.objects.filter(operation="update", person_id=person.pk).count() == 1


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"postcode": "nonsense"}, "postcode"),
        ({"nhs_number": "9434765918"}, "nhs_number"),
        ({"local_authority": "Peterborough"}, "local_authority"),
        ({"date_of_birth": "2099-01-01"}, "date_of_birth"),
        ({"sex": "unknown-value"}, "sex"),
    ],
    ids=["malformed-postcode", "wrong-check-digit", "other-service-la", "born-in-the-future", "unknown-sex"],
)
def test_editing_with_an_invalid_field_is_refused_naming_it_and_changes_nothing(
    api, service, coordinator_user, add_person, change, field
):
    person = add_person(service, coordinator_user)
    before = Person.objects.values().get(pk=person.pk)

    response = api.patch(f"/api/people/{person.pk}", {"version": person.version, **change})

    assert response.status_code == 422, response.content
    assert list(response.json()["errors"]) == [field]
    assert Person.objects.values().get(pk=person.pk) == before
    assert not AuditEntry.objects.filter(operation="update", person_id=person.pk).exists()


def test_editing_to_another_persons_nhs_number_is_refused(api, service, coordinator_user, add_person):
    person, other = add_person(service, coordinator_user), add_person(service, coordinator_user)

    response = api.patch(f"/api/people/{person.pk}", {"version": person.version, "nhs_number": other.nhs_number})

    assert response.status_code == 422
    assert list(response.json()["errors"]) == ["nhs_number"]
    person.refresh_from_db()
    assert person.nhs_number != other.nhs_number


def test_a_person_of_another_service_cannot_be_edited(api, other_service, other_caller, add_person):
    theirs = add_person(other_service, other_caller, given_name="Outsider")

    response = api.patch(f"/api/people/{theirs.pk}", {"version": theirs.version, "given_name": "Hijacked"})

    assert response.status_code == 404
    theirs.refresh_from_db()
    assert (theirs.given_name, theirs.version) == ("Outsider", 1)
