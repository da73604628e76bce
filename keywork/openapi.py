"""The answers an operation of the JSON API may give besides success, declared once in its OpenAPI
description for every operation, so a client (and schemathesis, keywork/tests/test_api_fuzz.py)
knows each one: the error handlers in keywork/api.py answer them alike for every route."""

import ninja

_DETAIL = {"type": "object", "properties": {"detail": {"type": "string"}}, "required": ["detail"]}
_MESSAGES = {"type": "array", "items": {"type": "string"}}
_FIELD_ERRORS = {
    "type": "object",
    "properties": {"errors": {"type": "object", "additionalProperties": _MESSAGES}},
    "required": ["errors"],
}
_ANSWERS = {
    "400": ("The body could not be read as JSON or as a form", _DETAIL),
    "401": ("No valid API token: send Authorization: Bearer <token>", _DETAIL),
    "403": ("The caller's role does not allow this", _DETAIL),
    "404": ("No such record in the caller's service, or one they may not reach", _DETAIL),
    "409": ("Someone else changed the record since the version sent was read", _DETAIL),
    "422": ("A value is refused: errors names each field with its messages", _FIELD_ERRORS),
}


def _answers_of(path: str, operation: dict, components: dict) -> list[str]:
    statuses = ["401", "403", "422"]
    body = operation.get("requestBody")
    names = {parameter["name"] for parameter in operation.get("parameters", [])} | _body_fields(body, components)
    if "{" in path or any(name.endswith(("_id", "_ids")) for name in names):
        statuses.append("404")
    if body:
        statuses.append("400")
    if any(name == "version" or name.endswith("_version") for name in names):
        statuses.append("409")
    return statuses


def _body_fields(body: dict | None, components: dict) -> set[str]:
    fields = set()
    for media in (body or {}).get("content", {}).values():
        schema = media.get("schema", {})
        if "$ref" in schema:
            schema = components.get(schema["$ref"].rsplit("/", 1)[-1], {})
        fields |= set(schema.get("properties", {}))
    return fields


def _success_media_type(operation: dict) -> str:
    """A route answering in its own media type (FHIR's application/fhir+json) refuses a record in it too."""
    for status, answer in operation["responses"].items():
        if str(status).startswith("2"):
            return next(iter(answer.get("content", {})), "application/json")
    return "application/json"


def declare_error_answers(schema: dict) -> dict:
    components = schema.get("components", {}).get("schemas", {})
    for path, operations in schema["paths"].items():
        for operation in operations.values():
            own = _success_media_type(operation)
            for status in _answers_of(path, operation, components):
                description, body = _ANSWERS[status]
                media = own if status in ("403", "404") else "application/json"
                answer = {"description": description, "content": {media: {"schema": body}}}
                if status not in {str(declared) for declared in operation["responses"]}:
                    operation["responses"][status] = answer
    return schema


class NinjaAPI(ninja.NinjaAPI):
    """django-ninja's API, its OpenAPI description declaring the error answers (declare_error_answers)."""

    def get_openapi_schema(self, **options):
        return declare_error_answers(super().get_openapi_schema(**options))
