"""The tool over the JSON API: the domains read, an assessment created with the page's rules and
audit, bad input refused with nothing saved, commissioners refused, other services not found."""

import pytest

from keywork.accounts.models import Role
from keywork.audit.models import AuditEntry
from keywork.decisionsupport.models import RatingAssessment
from keywork.register.models import RatingChange
from keywork.testing.api import Api, Route, World, created, errors, ok, route_params

pytestmark = pytest.mark.django_db


@pytest.fixture
def person(service, coordinator_user, add_person):
    return add_person(service, coordinator_user, rating="amber")


def body(service, level="none", evidence="", **changes) -> dict:
    answers = [{"domain_id": d.pk, "level": level, "evidence": evidence} for d in service.rating_domains.all()]
    return {"answers": answers, "chosen_rating": "green", **changes}


def test_the_domains_are_read_and_an_assessment_created_listed_and_audited(api, service, person):
    domains = ok(api.get("/api/decision-support/domains"))
    assert [d["weight"] for d in domains] == [3, 3, 3, 2, 1, 2, 1, 3]

    added = created(api.post(f"/api/people/{person.pk}/rating-assessments", body(service)))

    assert (added["score"], added["suggested_rating"], added["chosen_rating"]) == (0, "green", "green")
    assert RatingChange.objects.get(pk=added["rating_change_id"]).source_url.endswith(f"/{added['id']}/")
    listed = ok(api.get(f"/api/people/{person.pk}/rating-assessments"))
    assert [row["id"] for row in listed] == [added["id"]] and len(listed[0]["answers"]) == 8
    kinds = AuditEntry.objects.about_person(person.pk).filter(content_type__model="ratingassessment")
    assert sorted(kinds.values_list("operation", flat=True)) == ["create", "list"]


def test_an_override_without_a_reason_is_refused_and_nothing_saved(api, service, person):
    answer = api.post(f"/api/people/{person.pk}/rating-assessments", body(service, chosen_rating="red"))
    assert "override_reason" in errors(answer)
    assert not RatingAssessment.objects.exists() and person.rating_changes.count() == 1


def test_bad_answers_are_refused_and_nothing_saved(api, service, person, other_service):
    url = f"/api/people/{person.pk}/rating-assessments"
    assert "answers.0.evidence" in errors(api.post(url, body(service, level="low")))  # no evidence
    assert "answers.0.level" in errors(api.post(url, body(service, level="extreme")))
    stranger = body(other_service)
    assert "answers" in errors(api.post(url, stranger))  # another service's domains
    short = body(service)
    short["answers"] = short["answers"][1:]
    assert "answers" in errors(api.post(url, short))
    assert not RatingAssessment.objects.exists()


ROUTES = [
    Route("read the domains", "get", "/api/decision-support/domains"),
    Route("list assessments", "get", "/api/people/{person}/rating-assessments"),
    Route(
        "add an assessment",
        "post",
        "/api/people/{person}/rating-assessments",
        body=lambda world: body(world.person.service),
    ),
]


@pytest.fixture
def world(person) -> World:
    return World(person=person)


@route_params(ROUTES)
def test_a_commissioner_is_refused_every_route(service, make_user, world, route):
    assert route.call(Api(make_user(service, Role.COMMISSIONER)), world).status_code == 403
    assert not RatingAssessment.objects.exists()


@route_params(ROUTES[1:])
def test_another_services_people_are_not_found(other_service, make_user, world, route):
    assert route.call(Api(make_user(other_service, Role.ADMIN)), world).status_code == 404
    assert not RatingAssessment.objects.exists()
