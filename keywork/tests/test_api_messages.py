"""The JSON API answers a value a model refuses in words written for the field, never Django's own."""

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
