"""Schemathesis over the whole JSON API, once per `make test` (SQLite only): every operation, a fixed
number of seeded examples of valid and of invalid input, as an administrator, who reaches everything
in their service, and fewer as a keyworker, who reaches only the person allocated to them, with a
record of every kind for the examples to name. No answer may be a server error, and each answer's
status and content type must be declared in the API's description."""

import hypothesis
import pytest
import schemathesis
from django.core.wsgi import get_wsgi_application
from hypothesis import HealthCheck, Phase
from schemathesis import GenerationMode
from schemathesis.checks import content_type_conformance, not_a_server_error, status_code_conformance

from keywork.accounts.models import ApiToken, Role, User
from keywork.accounts.tests.test_permissions import records_of
from keywork.keyworking.models import Allocation
from keywork.programme.models import BudgetLine

# Per operation and per kind of input (valid, invalid), by caller: 20 and 5 examples took 130 s (74 s
# of CPU) on the shared 2-core test machine, inside the 3 minutes this test may take; 40 as an
# administrator alone took 4 minutes and found nothing more.
EXAMPLES = {Role.ADMIN: 20, Role.KEYWORKER: 5}
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance]


def example_settings(examples: int) -> hypothesis.settings:
    return hypothesis.settings(
        max_examples=examples,
        deadline=None,
        derandomize=True,  # the same examples every run: a failure here is reproducible, never flaky
        database=None,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )


def known_ids(service, make_user, add_person) -> dict[str, int]:
    """The id of a record of every kind in `service`, by the names the API's fields give them."""
    records = records_of(service, make_user, add_person)
    worker = Allocation.objects.get().worker_id
    line = BudgetLine.objects.create(
        service=service, financial_year=2026, name="Staff", category="staff", monthly_profile_pence=[100] * 12
    )
    return records.ids | {"worker_id": worker, "owner_staff_id": worker, "line_id": line.pk}


def naming_known_records(ids: dict[str, int]):
    """Valid input names records that exist, so the examples reach past "not found" to the rules."""

    def fill(case):
        for name, value in case.body.items() if isinstance(case.body, dict) else ():
            if name in ids and isinstance(value, int):
                case.body[name] = ids[name]
            elif name.endswith("_ids") and isinstance(value, list) and name[:-1] in ids:
                case.body[name] = [ids[name[:-1]]]
        return case

    return fill


def examples(operation, mode, ids, auth):
    if mode == GenerationMode.NEGATIVE:
        return operation.as_strategy(generation_mode=mode, headers=auth)
    path = {parameter.name: ids[parameter.name] for parameter in operation.path_parameters}
    return operation.as_strategy(generation_mode=mode, headers=auth, path_parameters=path).map(
        naming_known_records(ids)
    )


def bearer(user) -> dict[str, str]:
    return {"Authorization": f"Bearer {ApiToken.issue(user, 'schemathesis')[1]}"}


def failures_of(operation, strategy, examples: int) -> list[str]:
    @example_settings(examples)
    @hypothesis.given(case=strategy)
    def call(case):
        case.call_and_validate(checks=CHECKS)

    try:
        call()
    except hypothesis.errors.Unsatisfiable:  # no invalid input for an operation that takes none
        return []
    except (Exception, BaseExceptionGroup) as failure:  # one report of every operation's failures
        return [f"{operation.label} ({examples} examples): {failure}"]
    return []


@pytest.mark.once
@pytest.mark.django_db(transaction=True)  # the API is called through WSGI, outside the test's transaction
def test_no_api_operation_answers_a_server_error_or_anything_undeclared(service, make_user, add_person):
    ids = known_ids(service, make_user, add_person)
    # The keyworker is the one records_of allocates to the person every record is about.
    callers = {Role.ADMIN: make_user(service, Role.ADMIN), Role.KEYWORKER: User.objects.get(pk=ids["worker_id"])}
    tokens = {role: bearer(user) for role, user in callers.items()}
    # The description itself needs a token (API_SCHEMA_REQUIRES_LOGIN).
    schema = schemathesis.openapi.from_wsgi("/api/openapi.json", get_wsgi_application(), headers=tokens[Role.ADMIN])

    failures = [
        f"As {role.label}: {failure}"
        for role, auth in tokens.items()
        for result in schema.get_all_operations()
        for mode in GenerationMode
        for failure in failures_of(result.ok(), examples(result.ok(), mode, ids, auth), EXAMPLES[role])
    ]

    assert not failures, "\n\n".join(failures)
