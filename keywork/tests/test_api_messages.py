"""The JSON API answers a value a model refuses in words written for the field, never Django's own."""

import re

import pytest
from django.apps import apps as django_apps
from django.core.exceptions import ValidationError
from django.db import models

from keywork import api as api_module
from keywork.accounts.models import Role
from keywork.forms import messages as messages_module
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


def _keywork_models():
    return [model for model in django_apps.get_models() if model.__module__.startswith("keywork.")]


def _wrong_value(field):
    if field.choices:
        return "not-a-choice"
    if isinstance(field, (models.CharField, models.TextField)):
        return "x" * ((field.max_length or 10) + 1)
    if isinstance(field, (models.IntegerField, models.DecimalField, models.FloatField)):
        return "lots"
    if isinstance(field, (models.DateField, models.TimeField)):
        return "not a date"
    return None


@pytest.mark.parametrize("model", _keywork_models(), ids=lambda model: model.__name__)
def test_a_models_field_errors_reach_the_api_in_words_for_the_field(model):
    """What the API answers when a model's own field checks refuse a value (too long, not a choice,
    not a number or date, left blank): never Django's default words."""
    concrete = [f for f in model._meta.concrete_fields if not f.primary_key and not f.is_relation]
    for fill in (lambda field: None if field.null else "", _wrong_value):
        instance = model()
        for field in concrete:
            value = fill(field)
            if value is not None or field.null:
                setattr(instance, field.attname, value)
        try:
            instance.clean_fields()
        except ValidationError as error:
            said = [m for messages in messages_module.model_errors(error).values() for m in messages]
            assert not [m for m in said for default in DEFAULTS if _looks_like_default(m, default)]
