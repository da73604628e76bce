from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from keywork.accounts.models import Role
from keywork.register import rules
from keywork.register.models import Person


def test_seeding_adds_fictitious_people_with_valid_test_range_nhs_numbers(service, make_user):
    make_user(service, Role.COORDINATOR)
    call_command("seed", people=40, stdout=StringIO(), stderr=StringIO())
    people = Person.objects.filter(service=service)
    assert people.count() == 40
    for person in people:
        assert person.nhs_number.startswith(rules.SYNTHETIC_NHS_NUMBER_PREFIX)
        rules.validate_nhs_number(person.nhs_number)
        person.full_clean()
        assert person.rating == person.rating_changes.first().rating
        assert person.consents.exists()


def test_seeding_twice_never_repeats_an_nhs_number(service, make_user):
    make_user(service, Role.COORDINATOR)
    call_command("seed", people=30, stdout=StringIO(), stderr=StringIO())
    call_command("seed", people=30, stdout=StringIO(), stderr=StringIO())
    numbers = list(Person.objects.values_list("nhs_number", flat=True))
    assert len(numbers) == len(set(numbers)) == 60


def test_seeding_a_service_without_users_is_refused(service):
    with pytest.raises(CommandError, match="no users"):
        call_command("seed", people=5, stdout=StringIO(), stderr=StringIO())


def test_seeding_without_a_number_of_people_is_refused(service):
    with pytest.raises(CommandError, match="Give --people"):
        call_command("seed", stdout=StringIO(), stderr=StringIO())
