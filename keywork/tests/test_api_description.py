"""The API's description declares every answer an operation gives, errors included (keywork/openapi.py),
and an address under /api/ that names no route answers as the API does, not with the HTML page."""

from keywork.accounts.models import Role
from keywork.testing.api import Api


def test_every_operation_declares_the_errors_it_may_answer(service, make_user):
    paths = Api(make_user(service, Role.ADMIN)).get("/api/openapi.json").json()["paths"]

    for path, operations in paths.items():
        for method, operation in operations.items():
            declared = set(operation["responses"])
            assert {"401", "403", "422"} <= declared, (method, path)
            assert "{" not in path or "404" in declared, (method, path)
            assert "requestBody" not in operation or "400" in declared, (method, path)


def test_a_stale_version_is_declared_where_a_version_is_sent(service, make_user):
    paths = Api(make_user(service, Role.ADMIN)).get("/api/openapi.json").json()["paths"]
    assert "409" in paths["/api/plans"]["post"]["responses"]


def test_an_api_address_naming_no_route_answers_in_json(service, make_user):
    response = Api(make_user(service, Role.ADMIN)).get("/api/people/not-a-number")
    assert (response.status_code, response["Content-Type"], response.json()) == (
        404,
        "application/json; charset=utf-8",
        {"detail": "Not found"},
    )


def test_a_fhir_address_naming_no_route_answers_an_operation_outcome(service, make_user):
    response = Api(make_user(service, Role.ADMIN)).get("/api/fhir/Patient/not-a-number/$everything")
    assert response.status_code == 404 and response["Content-Type"].startswith("application/fhir+json")
    assert response.json()["resourceType"] == "OperationOutcome"
