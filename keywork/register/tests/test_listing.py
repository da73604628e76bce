"""The register list's keyworker column and filter, sorting by any column, and its action buttons."""

import datetime
import re

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from keywork.accounts.models import Role
from keywork.testing.factories import allocate, create_user


def family_names(response) -> list[str]:
    return [person.family_name for person in response.context["page"].object_list]


def named_worker(service, first, last):
    worker = create_user(service, Role.KEYWORKER)
    get_user_model().objects.filter(pk=worker.pk).update(first_name=first, last_name=last)
    worker.refresh_from_db()
    return worker


@pytest.fixture
def team(service, coordinator, add_person):
    """Three people: Ash with Zara Young, Birch with Ann Bell (and Zara, ended), Cedar with nobody."""
    zara, ann = named_worker(service, "Zara", "Young"), named_worker(service, "Ann", "Bell")
    ash = add_person(service, coordinator.user, family_name="Ash", rating="green", local_authority="Medway")
    birch = add_person(service, coordinator.user, family_name="Birch", rating="red", local_authority="Kent")
    cedar = add_person(service, coordinator.user, family_name="Cedar", rating="amber", local_authority="Kent")
    allocate(ash, zara)
    allocate(birch, ann)
    allocate(birch, zara, ends_on=datetime.date(2026, 1, 1))
    return {"zara": zara, "ann": ann, "ash": ash, "birch": birch, "cedar": cedar}


def test_the_keyworker_column_names_each_persons_current_workers(coordinator, team):
    page = coordinator.http.get(reverse("register:list")).content.decode()
    rows = {name: row for name in ("Ash", "Birch", "Cedar") for row in page.split("<tr") if f">{name}, " in row}
    assert "Zara Young" in rows["Ash"]
    assert "Ann Bell" in rows["Birch"] and "Zara Young" not in rows["Birch"]
    assert re.search(r"Keyworker </span>Not allocated<", rows["Cedar"])


@pytest.mark.parametrize(("choice", "expected"), [("zara", ["Ash"]), ("ann", ["Birch"]), ("none", ["Cedar"])])
def test_the_keyworker_filter_lists_only_that_workers_people_or_those_with_nobody(coordinator, team, choice, expected):
    value = "none" if choice == "none" else team[choice].pk
    assert family_names(coordinator.http.get(reverse("register:list"), {"keyworker": value})) == expected


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("name", ["Ash", "Birch", "Cedar"]),
        ("-name", ["Cedar", "Birch", "Ash"]),
        ("local_authority", ["Birch", "Cedar", "Ash"]),
        ("keyworker", ["Birch", "Ash", "Cedar"]),
        ("-keyworker", ["Ash", "Birch", "Cedar"]),
        ("urgency", ["Birch", "Cedar", "Ash"]),
        ("-urgency", ["Ash", "Cedar", "Birch"]),
    ],
)
def test_the_register_sorts_by_a_column_either_way(coordinator, team, sort, expected):
    assert family_names(coordinator.http.get(reverse("register:list"), {"sort": sort})) == expected


def test_sorting_by_age_puts_the_youngest_first_and_by_nhs_number_in_number_order(coordinator, team):
    people = [team["ash"], team["birch"], team["cedar"]]
    youngest = [p.family_name for p in sorted(people, key=lambda p: p.date_of_birth, reverse=True)]
    by_number = [p.family_name for p in sorted(people, key=lambda p: p.nhs_number)]
    assert family_names(coordinator.http.get(reverse("register:list"), {"sort": "age"})) == youngest
    assert family_names(coordinator.http.get(reverse("register:list"), {"sort": "nhs_number"})) == by_number


def headings(response) -> dict[str, dict]:
    return {column["heading"]: column for column in response.context["filters"].columns()}


def test_the_sorted_heading_carries_aria_sort_and_links_to_the_other_way_round(coordinator, team):
    response = coordinator.http.get(reverse("register:list"), {"sort": "name", "rating": "red", "page": "1"})
    columns = headings(response)
    assert columns["Name"]["aria_sort"] == "ascending" and "sort=-name" in columns["Name"]["href"]
    assert columns["Age"]["aria_sort"] is None
    # Each heading keeps the filters and starts again from the first page.
    assert all("rating=red" in c["href"] and "page=" not in c["href"] for c in columns.values())
    assert 'aria-sort="ascending"' in response.content.decode()


def test_the_register_opens_sorted_by_rating_most_urgent_first(coordinator, team):
    assert headings(coordinator.http.get(reverse("register:list")))["Rating"]["aria_sort"] == "ascending"


def test_the_sort_and_filters_survive_paging(service, coordinator, add_person):
    for n in range(27):
        add_person(service, coordinator.user, rating="red", family_name=f"Person{n:02d}")
    response = coordinator.http.get(reverse("register:list"), {"sort": "-name", "rating": "red"})
    assert "sort=-name" in response.context["query"] and "rating=red" in response.context["query"]
    second = coordinator.http.get(reverse("register:list"), {"sort": "-name", "rating": "red", "page": 2})
    assert family_names(second) == ["Person01", "Person00"]
    assert re.search(r'<option value="-name"[^>]* selected', second.content.decode())


@pytest.mark.parametrize(
    ("role", "buttons"),
    [
        (Role.COORDINATOR, {"Add a person", "Import a spreadsheet"}),
        (Role.MANAGER, {"Add a person", "Import a spreadsheet"}),
        (Role.KEYWORKER, set()),
    ],
)
def test_adding_and_importing_are_buttons_on_the_register_for_the_roles_that_may(as_role, role, buttons):
    page = as_role(role).http.get(reverse("register:list")).content.decode()
    shown = set(re.findall(r'class="nhsuk-button[^"]*"[^>]*>\s*([^<]+?)\s*<', page))
    assert shown & {"Add a person", "Import a spreadsheet"} == buttons


def test_the_keyworker_column_adds_no_query_per_person(service, coordinator, add_person, team):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            coordinator.http.get(reverse("register:list"))
        return len(captured)

    before = queries()
    for n in range(10):
        allocate(add_person(service, coordinator.user), team["ann"] if n % 2 else team["zara"])
    assert queries() == before
