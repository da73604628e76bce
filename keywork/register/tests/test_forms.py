"""The register's forms in a person's words: the NHS number's example, and a duplicate NHS number
linked to only for someone who may open the existing record."""

import re

from django.urls import reverse

from keywork.accounts.models import Role
from keywork.register import rules
from keywork.register.forms import EXAMPLE_NHS_NUMBER, PersonDetailsForm
from keywork.register.models import Person
from keywork.testing import factories
from keywork.testing.pages import date_parts, logged_in


def test_the_nhs_number_example_passes_the_check_digit():
    digits = rules.normalise_nhs_number(EXAMPLE_NHS_NUMBER)
    rules.validate_nhs_number(digits)
    assert digits.startswith("999")
    assert EXAMPLE_NHS_NUMBER in PersonDetailsForm.base_fields["nhs_number"].hint


def details(person, **changes) -> dict:
    data = {
        "nhs_number": person.nhs_number,
        "given_name": person.given_name,
        "family_name": person.family_name,
        "sex": person.sex,
        "ethnicity": person.ethnicity,
        "postcode": person.postcode,
        "local_authority": person.local_authority,
        "condition": person.condition,
        "referral_source": person.referral_source,
        "version": person.version,
        **date_parts("date_of_birth", person.date_of_birth),
        **date_parts("referral_date", person.referral_date),
    }
    return data | changes


def test_a_duplicate_nhs_number_is_linked_only_from_a_form_of_someone_who_may_open_it(
    service, coordinator_user, add_person
):
    existing = add_person(service, by=coordinator_user)
    other = add_person(service, by=coordinator_user)
    data = details(other, nhs_number=existing.nhs_number)

    for people, linked in [
        (Person.objects.filter(service=service), existing),
        (Person.objects.none(), None),
        (None, None),
    ]:
        form = PersonDetailsForm(data, service=service, people=people, instance=other)
        assert not form.is_valid()
        assert form.errors["nhs_number"] == ["A person with this NHS number is already on this service's register"]
        assert form.duplicate == linked


def test_a_keyworker_who_cannot_see_the_existing_record_is_told_without_a_link(service, coordinator_user, add_person):
    existing = add_person(service, by=coordinator_user)
    theirs = add_person(service, by=coordinator_user)
    keyworker = factories.keyworker_of(service)
    factories.allocate(theirs, keyworker)

    response = logged_in(keyworker).http.post(
        reverse("register:edit", args=[theirs.pk]), details(theirs, nhs_number=existing.nhs_number)
    )

    body = response.content.decode()
    assert response.status_code == 200 and "already on this service&#39;s register" in body
    assert not re.search(rf'href="[^"]*/{existing.pk}/"', body)
    assert existing.given_name not in body


def test_a_manager_is_linked_to_the_existing_record(service, coordinator_user, add_person, make_user):
    existing = add_person(service, by=coordinator_user)
    theirs = add_person(service, by=coordinator_user)
    manager = logged_in(make_user(service, Role.MANAGER))

    response = manager.http.post(
        reverse("register:edit", args=[theirs.pk]), details(theirs, nhs_number=existing.nhs_number)
    )

    assert f'href="{existing.get_absolute_url()}"' in response.content.decode()
