from django.urls import reverse

from keywork.accounts.models import Role
from keywork.suppression import SUPPRESSED, suppress_counts


def test_counts_from_one_to_the_threshold_are_hidden_and_zero_is_shown():
    table = suppress_counts({"red": 0, "amber": 3, "green": 20, "blue": 12}, threshold=7)
    assert table.cells["red"] == 0 and table.cells["amber"] == SUPPRESSED


def test_a_single_hidden_cell_hides_the_next_smallest_too():
    table = suppress_counts({"red": 0, "amber": 3, "green": 20, "blue": 12}, threshold=7)
    assert table.cells == {"red": 0, "amber": SUPPRESSED, "green": 20, "blue": SUPPRESSED}


def test_the_total_is_rounded_when_anything_is_hidden_so_no_cell_can_be_recovered():
    table = suppress_counts({"red": 2, "amber": 3, "green": 20, "blue": 12}, threshold=7)
    assert table.total == 35 and table.any_suppressed


def test_nothing_is_hidden_or_rounded_when_every_count_is_large():
    table = suppress_counts({"red": 8, "amber": 9, "green": 20, "blue": 12}, threshold=7)
    assert table.cells == {"red": 8, "amber": 9, "green": 20, "blue": 12} and table.total == 49


def test_a_small_total_is_itself_hidden():
    assert suppress_counts({"red": 1, "amber": 2}, threshold=7).total == SUPPRESSED


def test_a_commissioner_sees_suppressed_counts_on_the_home_page(service, as_role, make_user, add_person):
    coordinator = make_user(service, Role.COORDINATOR)
    people = [add_person(service, coordinator, rating="red") for _ in range(3)]
    response = as_role(Role.COMMISSIONER).http.get(reverse("home"))
    assert response.context["figures"]["cells"]["red"] == SUPPRESSED
    assert people[0].family_name not in response.content.decode()


def test_a_manager_sees_exact_counts_on_the_home_page(service, as_role, make_user, add_person):
    coordinator = make_user(service, Role.COORDINATOR)
    for _ in range(3):
        add_person(service, coordinator, rating="red")
    assert as_role(Role.MANAGER).http.get(reverse("home")).context["figures"]["cells"]["red"] == 3
