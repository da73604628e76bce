import datetime

import pytest

from keywork.accounts.models import WorkerType
from keywork.testing.dates import TODAY, days_ago
from keywork.testing.factories import allocate, keyworker_of
from keywork.testing.pages import date_parts, logged_in


@pytest.fixture
def person(service, coordinator_user, add_person):
    return add_person(service, coordinator_user)


@pytest.fixture
def technician(service, person):
    """A behaviour technician (a keyworker of the Behaviour Team) allocated to the person."""
    worker = keyworker_of(service, WorkerType.BEHAVIOUR_TEAM)
    allocate(person, worker, starts_on=days_ago(60))
    return logged_in(worker)


def plan_body(**changes) -> dict:
    """A PBS plan as the API takes it."""
    text = {
        name: f"{name.replace('_', ' ').capitalize()} as agreed"
        for name in (
            "behaviour_settings",
            "triggers",
            "functions",
            "proactive_strategies",
            "early_warning_signs",
            "reactive_strategies",
            "post_incident_support",
        )
    }
    agreement = {"written_by": "Sam Lee, behaviour analyst", "agreed_with": "Mum, school SENCo"}
    dates = {"agreed_on": days_ago(3).isoformat(), "review_on": (TODAY + datetime.timedelta(days=180)).isoformat()}
    return text | agreement | dates | {"based_on_version": 0} | changes


def plan_form(**changes) -> dict:
    """The same plan as the page's form posts it."""
    body = plan_body()
    dates = date_parts("agreed_on", days_ago(3)) | date_parts("review_on", TODAY + datetime.timedelta(days=180))
    text = {key: value for key, value in body.items() if key not in ("agreed_on", "review_on")}
    return text | dates | changes


def incident_body(**changes) -> dict:
    """An incident as the API takes it: physical restraint for 5 minutes."""
    body = {
        "occurred_at": f"{days_ago(1).isoformat()}T15:30:00+00:00",
        "setting": "school",
        "antecedent": "Asked to stop a game and go in from the playground",
        "behaviour": "Hit out at a teaching assistant and ran towards the gate",
        "consequence": "Held by two staff until calm, then quiet time in the sensory room",
        "severity": 4,
        "injury": "none",
        "restrictive_practices": [{"practice": "physical", "minutes": 5}],
    }
    return body | changes


def incident_form(**changes) -> dict:
    """The same incident as the page's form posts it."""
    body = incident_body()
    form = {key: body[key] for key in ("setting", "antecedent", "behaviour", "consequence", "severity", "injury")}
    form |= date_parts("occurred_on", days_ago(1)) | {"occurred_time": "15:30"}
    form |= {"practices": ["physical"], "physical_minutes": "5"}
    return form | changes
