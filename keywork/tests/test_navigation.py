"""The header's sections and each section's own pages, per role (keywork/context_processors.py)."""

import re

import pytest
from django.urls import resolve, reverse

from keywork.accounts.models import Role
from keywork.accounts.permissions import has_permission
from keywork.context_processors import sections_for
from keywork.testing.factories import create_user
from keywork.testing.pages import logged_in

# The pages the menu listed before it had sections: each stays one click from the header for the
# roles that may open it. Adding a person and importing are actions, now buttons on the register.
EARLIER_MENU = [
    "home",
    "register:list",
    "keyworking:board",
    "keyworking:escalations",
    "inpatient:list",
    "figures:census",
    "reviews:actions",
    "keyworking:professionals",
    "programme:overview",
    "outcomes:blockers",
    "outcomes:blocker_figures",
    "outcomes:case_studies",
    "reporting:dashboard",
    "reporting:quarterly",
    "reporting:regional",
    "audit:search",
    "subjectaccess:list",
]
# Programme and return pages: keyworkers may open some by address, but their menu leaves them out.
PROGRAMME_AND_RETURNS = ["programme:overview", "reporting:quarterly", "outcomes:blocker_figures", "reporting:dashboard"]


def may_open(user, url_name) -> bool:
    return has_permission(user, resolve(reverse(url_name)).func.required_permission)


def linked(user) -> set[str]:
    return {page["href"] for _, pages in sections_for(user) for page in pages}


@pytest.fixture(params=list(Role))
def user(request, service):
    return create_user(service, request.param)


def test_each_role_has_at_most_seven_sections(user):
    assert 1 <= len(sections_for(user)) <= 7


def test_every_page_of_the_earlier_menu_is_in_a_section_for_each_role_that_may_open_it(user):
    hidden = PROGRAMME_AND_RETURNS if user.role == Role.KEYWORKER else []
    expected = {reverse(name) for name in EARLIER_MENU if may_open(user, name) and name not in hidden}
    assert expected <= linked(user)


def test_no_section_links_to_a_page_the_role_may_not_open(user):
    for _, pages in sections_for(user):
        for page in pages:
            assert has_permission(user, resolve(page["href"]).func.required_permission), page


def test_a_keyworker_sees_no_programme_or_return_pages(service):
    keyworker = create_user(service, Role.KEYWORKER)
    assert not linked(keyworker) & {reverse(name) for name in PROGRAMME_AND_RETURNS}
    header = logged_in(keyworker).http.get(reverse("register:list")).content.decode().split("</header>")[0]
    assert not any(f'href="{reverse(name)}"' in header for name in PROGRAMME_AND_RETURNS)


# A commissioner's fifth section is People, holding only DSR meetings (their minutes with initials).
@pytest.mark.parametrize("role, most", [(Role.COMMISSIONER, 5), (Role.REGIONAL, 4)])
def test_commissioners_and_regional_users_keep_short_menus(service, role, most):
    assert len(sections_for(create_user(service, role))) <= most


def test_the_referral_queue_and_the_board_are_one_section(service):
    sections = dict(sections_for(create_user(service, Role.MANAGER)))
    assert [page["href"] for page in sections["Referrals"]] == [
        reverse("keyworking:referrals"),
        reverse("keyworking:board"),
    ]


def subnavigation(html: str) -> str:
    match = re.search(r'<nav class="keywork-subnav" aria-label="([^"]+)">(.*?)</nav>', html, re.S)
    return match and (match.group(1), match.group(2))


def test_a_sections_pages_are_listed_under_the_header_with_the_current_one_marked(manager):
    label, links = subnavigation(manager.http.get(reverse("register:list")).content.decode())
    assert label == "People"
    assert f'href="{reverse("register:list")}" aria-current="page">Register<' in links
    assert f'href="{reverse("search:search")}">Find a person<' in links


def test_a_page_inside_a_section_marks_the_page_it_belongs_to(manager, service, add_person):
    person = add_person(service, manager.user)
    html = manager.http.get(person.get_absolute_url()).content.decode()
    label, links = subnavigation(html)
    assert label == "People" and f'href="{reverse("register:list")}" aria-current="true">Register<' in links
    assert re.search(r'href="/register/" aria-current="true"><strong[^>]*>People<', html)


def test_a_form_about_a_person_kept_by_another_app_is_in_the_register_section(manager, service, add_person):
    person = add_person(service, manager.user)
    label, links = subnavigation(manager.http.get(reverse("keyworking:add_contact", args=[person.pk])).content.decode())
    assert label == "People" and f'href="{reverse("register:list")}" aria-current="true">Register<' in links


def test_the_longest_matching_address_decides_the_current_page(manager):
    _, links = subnavigation(manager.http.get(reverse("outcomes:blocker_figures")).content.decode())
    assert 'aria-current="page">Blocker figures<' in links and "aria-current" not in links.split("Blocker figures")[1]


def test_a_section_of_one_page_has_no_list_under_the_header(manager):
    assert subnavigation(manager.http.get(reverse("home")).content.decode()) is None


@pytest.mark.parametrize(
    ("role", "shown"), [(Role.KEYWORKER, True), (Role.COORDINATOR, True), (Role.COMMISSIONER, False)]
)
def test_the_header_search_is_there_for_roles_that_may_see_people(service, role, shown):
    html = logged_in(create_user(service, role)).http.get(reverse("home")).content.decode()
    assert (f'action="{reverse("search:search")}"' in html) == shown
