"""The JSON API answers a value a model refuses in words written for the field, never Django's own."""

import re

import pytest

from keywork import api as api_module
from keywork.accounts.models import Role
from keywork.forms.tests.test_no_django_messages import DEFAULTS, _looks_like_default
from keywork.testing.api import Api
from keywork.testing.dates import days_ago


def referral(person, **changes) -> dict:
    body = {
        "person_id": person.pk,
        "route": "dsr",
        "received_on": days_ago(10).isoformat(),
        "referrer_name": "Cory Coordinator",
        "referrer_organisation": "Kent DSR",
        "reason": "Red on the register",
    }
    return body | changes


def test_a_blank_or_too_long_value_is_refused_in_words_for_its_field(api, service, coordinator_user, add_person):
    person = add_person(service, by=coordinator_user)

    response = api.post("/api/referrals", referral(person, referrer_name="", referrer_organisation="x" * 201))

    assert response.status_code == 422
    assert response.json()["errors"] == {
        "referrer_name": ["Enter the referrer name"],
        "referrer_organisation": ["Referrer organisation must be 200 characters or fewer"],
    }


def test_a_rule_of_keywork_keeps_its_own_words(api, service, coordinator_user, add_person):
    person = add_person(service, by=coordinator_user)

    response = api.post("/api/referrals", referral(person, received_on=days_ago(-5).isoformat()))

    assert response.status_code == 422
    assert response.json()["errors"] == {
        "received_on": ["The date the referral was received must be today or in the past"]
    }


def test_a_missing_or_malformed_value_is_refused_in_words_for_its_field(api, service, coordinator_user, add_person):
    person = add_person(service, by=coordinator_user)
    body = referral(person, received_on="5 October")
    del body["reason"]

    response = api.post("/api/referrals", body)

    assert response.status_code == 422
    assert response.json()["errors"] == {
        "received_on": ["Enter the date received as year-month-day, like 2026-10-05"],
        "reason": ["Enter the reason"],
    }


def _writing_routes():
    """Every POST and PATCH route of the API that takes a JSON body, its path ids filled with 1."""
    for prefix, router in api_module.api._routers:
        for path, view in router.path_operations.items():
            for operation in view.operations:
                body = [model for model in operation.models if model.__name__ == "BodyParams"]
                for method in set(operation.methods) & {"POST", "PATCH"}:
                    if body:
                        url = "/api" + prefix + re.sub(r"\{(\w+:)?\w+\}", "1", path)
                        yield pytest.param(method.lower(), url, _payload_fields(body[0]), id=f"{method} {url}")


def _payload_fields(body_model) -> list[str]:
    (payload,) = body_model.model_fields.values()
    return list(payload.annotation.model_fields)


# Pydantic's own words for a refused value ("Field required", "Input should be a valid integer").
PYDANTIC_OPENINGS = ("Field required", "Input should", "Value error", "String should", "List should")


@pytest.mark.parametrize(("method", "url", "fields"), list(_writing_routes()))
def test_no_api_route_answers_a_wrong_body_in_pydantics_or_djangos_words(admin_api, method, url, fields):
    for body in ({}, dict.fromkeys(fields, ["not", "a", "value"]), dict.fromkeys(fields, "not a value")):
        response = getattr(admin_api, method)(url, body)
        if response.status_code != 422:
            continue
        said = [message for messages in response.json()["errors"].values() for message in messages]
        assert not [m for m in said if m.startswith(PYDANTIC_OPENINGS)]
        assert not [m for m in said for default in DEFAULTS if _looks_like_default(m, default)]


@pytest.fixture
def admin_api(service, make_user):
    return Api(make_user(service, Role.ADMIN))
