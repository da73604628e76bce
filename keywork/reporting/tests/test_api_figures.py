from django.urls import reverse

from keywork.accounts.models import Role
from keywork.suppression import SUPPRESSED
from keywork.testing.api import Api, ok
from keywork.testing.factories import create_user


def test_the_api_gives_the_register_by_rating_as_the_home_page_shows_it(service, as_role, coordinator_user, add_person):
    for rating in ["red", "red", "amber"]:
        add_person(service, coordinator_user, rating=rating)
    home = as_role(Role.LEAD).http.get(reverse("home")).context["figures"]
    figures = ok(Api(create_user(service, Role.LEAD)).get("/api/figures/register"))
    assert figures["by_rating"] == home["cells"] == {"red": 2, "amber": 1, "green": 0, "blue": 0}
    assert figures["total"] == 3 and figures["suppressed"] is False
    assert figures["reviews_overdue"] == home["overdue"]


def test_a_commissioner_gets_the_same_hidden_counts_from_the_api_as_on_their_home_page(
    service, as_role, coordinator_user, add_person
):
    for rating in ["red", "red", "amber"]:
        add_person(service, coordinator_user, rating=rating)
    home = as_role(Role.COMMISSIONER).http.get(reverse("home")).context["figures"]
    figures = ok(Api(create_user(service, Role.COMMISSIONER)).get("/api/figures/register"))
    assert figures["by_rating"] == home["cells"] and figures["by_rating"]["red"] == SUPPRESSED
    assert figures["total"] == home["total"] and figures["reviews_overdue"] is None and figures["suppressed"] is True
