"""Every role against every page: the permission named on each view decides, and nothing else."""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from keywork.accounts.models import Role
from keywork.accounts.permissions import ROLE_PERMISSIONS, Permission, has_permission

# Pages open to anyone logged in (or to everyone), on purpose. Every other page must name a permission.
OPEN_PAGES = {"login", "logout", "health", "choose_service"}


def named_pages():
    """(name, view) of every page route, walking the URL configuration (the API is tested apart)."""

    def walk(patterns, namespace=""):
        for entry in patterns:
            if isinstance(entry, URLResolver):
                if entry.pattern.describe().startswith("'api/"):
                    continue
                yield from walk(entry.url_patterns, f"{namespace}{entry.namespace}:" if entry.namespace else namespace)
            elif isinstance(entry, URLPattern) and entry.name:
                yield f"{namespace}{entry.name}", entry.callback

    return sorted(set(walk(get_resolver().url_patterns)))


def test_every_page_is_guarded_by_a_named_permission_or_is_listed_as_open():
    pages = named_pages()
    assert {"home", "register:list", "register:person", "register:rating", "audit:search"} <= {n for n, _ in pages}
    unguarded = [name for name, view in pages if not hasattr(view, "required_permission")]
    assert sorted(unguarded) == sorted(OPEN_PAGES)


def url_for(name, person):
    return (
        reverse(name, args=[person.pk])
        if name.startswith("register:") and name not in ("register:list", "register:add")
        else reverse(name)
    )


@pytest.mark.parametrize("role", Role.values)
def test_each_role_reaches_exactly_the_pages_its_permissions_allow(role, service, as_role, add_person, make_user):
    person = add_person(service, make_user(service, Role.COORDINATOR))
    user = as_role(role)
    for name, view in named_pages():
        if name in OPEN_PAGES:
            continue
        response = user.http.get(url_for(name, person))
        allowed = has_permission(user.user, view.required_permission)
        assert response.status_code == (200 if allowed else 403), f"{role} on {name}: {response.status_code}"


def test_a_commissioner_sees_no_names_or_nhs_numbers_anywhere_they_can_go(service, as_role, add_person, make_user):
    person = add_person(service, make_user(service, Role.COORDINATOR))
    commissioner = as_role(Role.COMMISSIONER)
    for name, view in named_pages():
        if name in OPEN_PAGES or not has_permission(commissioner.user, view.required_permission):
            continue
        body = commissioner.http.get(url_for(name, person)).content.decode()
        assert person.family_name not in body and person.nhs_number[:3] + " " + person.nhs_number[3:6] not in body


def test_a_commissioner_may_see_only_aggregates():
    assert ROLE_PERMISSIONS[Role.COMMISSIONER] == {Permission.VIEW_AGGREGATES}


def test_pages_need_a_login(client, db):
    response = client.get(reverse("register:list"))
    assert response.status_code == 302 and response.url.startswith(reverse("login"))


def test_another_services_person_is_not_found_on_any_person_page(
    service, other_service, as_role, add_person, make_user
):
    stranger = add_person(other_service, make_user(other_service, Role.COORDINATOR))
    admin = as_role(Role.ADMIN)
    for name, _ in named_pages():
        if name.startswith("register:") and name not in ("register:list", "register:add"):
            assert admin.http.get(reverse(name, args=[stranger.pk])).status_code == 404, name
            assert admin.http.post(reverse(name, args=[stranger.pk]), {}).status_code == 404, name


def test_another_services_people_never_appear_in_the_register_or_search(
    service, other_service, as_role, add_person, make_user
):
    stranger = add_person(other_service, make_user(other_service, Role.COORDINATOR))
    manager = as_role(Role.MANAGER)
    for query in ("", f"?q={stranger.family_name}", f"?q={stranger.nhs_number}", "?status=all"):
        body = manager.http.get(reverse("register:list") + query).content.decode()
        assert stranger.nhs_number[:3] + " " + stranger.nhs_number[3:6] not in body
