"""The search page: what it finds, for whom, what it never reveals, and what it records."""

import datetime
import re

import pytest
from django.urls import reverse

from keywork.accounts.models import Role
from keywork.audit.models import AuditEntry
from keywork.testing.factories import allocate, create_user
from keywork.testing.pages import logged_in


@pytest.fixture
def keyworker(service):
    return logged_in(create_user(service, Role.KEYWORKER))


@pytest.fixture
def theirs(service, keyworker, coordinator, add_person):
    """A person allocated to the keyworker."""
    person = add_person(
        service, coordinator.user, given_name="Zoë", family_name="Müller-Hart", date_of_birth=datetime.date(2015, 10, 5)
    )
    allocate(person, keyworker.user)
    return person


def search(client, text):
    return client.http.get(reverse("search:search"), {"q": text})


def found(response) -> list[str]:
    return [person.full_name for person in response.context["page"].object_list]


def spaced(nhs_number: str) -> str:
    return f"{nhs_number[:3]} {nhs_number[3:6]} {nhs_number[6:]}"


def test_a_whole_nhs_number_typed_with_spaces_opens_the_persons_record(keyworker, theirs):
    response = search(keyworker, spaced(theirs.nhs_number))
    assert response.status_code == 302 and response.url == theirs.get_absolute_url()


@pytest.mark.parametrize("text", ["zoe", "HART zoë", "müller", "muller hart", "Zo Mull"])
def test_a_name_is_found_from_part_words_in_any_order_ignoring_accents_and_case(keyworker, theirs, text):
    assert found(search(keyworker, text)) == ["Zoë Müller-Hart"]


@pytest.mark.parametrize("text", ["5/10/2015", "05-10-2015", "5 October 2015", "2015-10-05"])
def test_a_date_of_birth_is_found_however_it_is_typed(keyworker, theirs, text):
    assert found(search(keyworker, text)) == ["Zoë Müller-Hart"]


def test_every_word_must_match_one_of_the_names(keyworker, theirs):
    assert found(search(keyworker, "zoe smith")) == []


def page_without_nonce(response) -> str:
    """The page's HTML without its script nonce, which differs on every response by design."""
    return re.sub(r' nonce="[^"]*"', "", response.content.decode())


def out_of_reach_page(client, text, nobody_text):
    """The page for `text` with the words typed swapped for those of a search that matches nobody."""
    return page_without_nonce(search(client, text)).replace(text, nobody_text)


def test_no_match_says_so_and_points_to_a_manager(keyworker, theirs):
    page = search(keyworker, "Nobodyhere").content.decode()
    assert "No one found" in page and "ask a manager" in page


def test_someone_in_another_service_or_not_allocated_gives_the_same_page_as_nobody(
    service, other_service, keyworker, theirs, coordinator, add_person
):
    elsewhere = add_person(other_service, create_user(other_service, Role.COORDINATOR), family_name="Farawayson")
    unallocated = add_person(service, coordinator.user, family_name="Unallocatedson")
    nobody = page_without_nonce(search(keyworker, "Nobodyhere"))
    for person in (elsewhere, unallocated):
        assert out_of_reach_page(keyworker, person.family_name, "Nobodyhere") == nobody
        assert search(keyworker, spaced(person.nhs_number)).status_code == 200
        assert out_of_reach_page(keyworker, spaced(person.nhs_number), "999 000 0000") == out_of_reach_page(
            keyworker, "999 000 0000", "999 000 0000"
        )


def test_an_archived_entry_is_not_found(keyworker, theirs):
    type(theirs).objects.filter(pk=theirs.pk).update(archived_on=datetime.date(2026, 1, 1))
    assert found(search(keyworker, "zoe")) == []


def test_a_search_is_audited_with_its_kind_and_how_many_matched_and_nothing_else(keyworker, theirs):
    search(keyworker, "zoe")
    search(keyworker, "Nobodyhere")
    entries = AuditEntry.objects.filter(actor=keyworker.user).order_by("id")
    assert [entry.changes for entry in entries] == [
        {"list": "search", "people": 1, "search": "name", "matches": 1},
        {"list": "search", "people": 0, "search": "name", "matches": 0},
    ]
    assert all(entry.operation == "list" and entry.person_id is None for entry in entries)
    assert list(entries[0].people_shown.values_list("person_id", flat=True)) == [theirs.pk]


def test_a_role_that_may_not_see_people_cannot_search(as_role):
    assert search(as_role(Role.COMMISSIONER), "zoe").status_code == 403


def recent_names(client) -> list[str]:
    return [person.full_name for person in client.http.get(reverse("search:search")).context["recent"]]


def test_recently_viewed_lists_the_last_ten_people_opened_most_recent_first_once_each(
    service, manager, coordinator, add_person
):
    people = [add_person(service, coordinator.user, given_name=f"Person{n}") for n in range(12)]
    for person in [*people, people[3]]:
        manager.http.get(person.get_absolute_url())
    expected = [people[3], *reversed(people[4:]), people[2]][:10]
    assert recent_names(manager) == [person.full_name for person in expected]


def test_recently_viewed_leaves_out_people_no_longer_visible_and_other_users_views(
    service, keyworker, theirs, manager, coordinator, add_person
):
    other = add_person(service, coordinator.user)
    ended = allocate(other, keyworker.user)
    keyworker.http.get(other.get_absolute_url())
    keyworker.http.get(theirs.get_absolute_url())
    manager.http.get(other.get_absolute_url())
    assert recent_names(keyworker) == [theirs.full_name, other.full_name]
    ended.ends_on = datetime.date(2026, 1, 1)
    ended.save()
    assert recent_names(keyworker) == [theirs.full_name]
