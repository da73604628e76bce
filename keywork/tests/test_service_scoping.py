"""Service scoping is structural: a view or API module reaches a service's records only through
`register.access` (`scoped`, `people_for`, `person_for_request`, `record_for_request`), so no page or
route can forget the service filter. A direct `Model.objects` query, or `get_object_or_404(Model, …)`,
in a `views.py` (or `…_views.py`), `views/*.py` or `api.py` module fails here, naming file and line."""

import ast
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[2]
MANAGERS = {"objects", "_default_manager", "_base_manager"}
LOOKUPS = {"get_object_or_404", "get_list_or_404"}

# (module, name queried directly): why it is not a service's data. Keep this short.
ALLOWED = {
    ("keywork/audit/views.py", "AuditEntry"): "the audit log spans every service its reader manages, not one",
}


def view_and_api_modules():
    for path in sorted((PROJECT / "keywork").rglob("*.py")):
        parts = path.relative_to(PROJECT).parts
        # The test toolkit's api.py calls the API; it is not one.
        if "tests" in parts or "testing" in parts:
            continue
        if path.name.endswith("views.py") or path.name == "api.py" or path.parent.name == "views":
            yield path


def direct_queries(source: str):
    """(line, name) of each `Name.objects` (any manager) and `get_object_or_404(Name, …)`."""
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Attribute) and node.attr in MANAGERS and isinstance(node.value, ast.Name):
            yield node.lineno, node.value.id
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in LOOKUPS
            and node.args
            and isinstance(node.args[0], ast.Name)
        ):
            yield node.lineno, node.args[0].id


def unscoped_queries() -> list[str]:
    found = []
    for path in view_and_api_modules():
        module = str(path.relative_to(PROJECT))
        for line, name in direct_queries(path.read_text()):
            if (module, name) not in ALLOWED:
                found.append(f"{module}:{line}: {name} queried directly; use register.access.scoped(request, …)")
    return found


@pytest.mark.once
def test_no_view_or_api_module_queries_a_model_directly():
    found = unscoped_queries()
    assert not found, "\n".join(found)


@pytest.mark.once
def test_the_check_finds_a_direct_query_and_a_lookup_by_model():
    source = "def page(request, pk):\n    Person.objects.filter(pk=pk)\n    return get_object_or_404(Risk, pk=pk)\n"
    assert sorted(direct_queries(source)) == [(2, "Person"), (3, "Risk")]


@pytest.mark.once
def test_the_check_lets_a_scoped_query_through():
    source = "def page(request, pk):\n    return get_object_or_404(scoped(request, Risk), pk=pk)\n"
    assert list(direct_queries(source)) == []
