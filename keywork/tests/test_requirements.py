"""Production installs requirements.txt alone (docs/deployment.md), so it must bring the server and
none of the test or lint tools, which belong in requirements-dev.txt."""

import re
from pathlib import Path

REQUIREMENTS = Path(__file__).resolve().parents[2] / "requirements.txt"
TEST_TOOLS = {"pytest", "playwright", "ruff", "import-linter", "time-machine"}


def production_packages() -> set[str]:
    names = set()
    for line in REQUIREMENTS.read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            name = re.split(r"[\[=<>!~;\s]", line, maxsplit=1)[0]
            # Compared in PEP 503's normal form, so "Time_Machine" is "time-machine".
            names.add(re.sub(r"[-_.]+", "-", name).lower())
    return names


def test_production_requirements_hold_no_test_or_lint_tools():
    packages = production_packages()
    assert packages & TEST_TOOLS == set()
    assert not {name for name in packages if name.startswith("pytest-")}


def test_production_requirements_bring_gunicorn_to_serve_the_app():
    assert "gunicorn" in production_packages()
