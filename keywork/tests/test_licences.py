"""Every pinned dependency is under a licence that lets Keywork be released under the MIT License
(LICENSE; NOTICE and docs/licences.md say how each is used). Read from the installed packages'
metadata and package-lock.json, without the network. A new dependency under a licence not below
fails here until someone has checked it and added it, saying why."""

import importlib.metadata
import json
import re

import pytest
from django.conf import settings

# Each spelling packages use for an allowed licence (an SPDX identifier, a trove classifier's last
# part, or a short License field), with its SPDX identifier.
ALLOWED = {
    **dict.fromkeys(["MIT", "MIT License", "MIT-0", "MIT-CMU"], "MIT"),
    **dict.fromkeys(["BSD", "BSD License", "BSD license", "BSD-2-Clause", "BSD 2-Clause License"], "BSD"),
    "BSD-3-Clause": "BSD-3-Clause",
    **dict.fromkeys(["Apache-2.0", "Apache 2.0", "Apache Software License"], "Apache-2.0"),
    "PSF-2.0": "PSF-2.0",
    "ISC": "ISC",
    **dict.fromkeys(["Unlicense", "The Unlicense (Unlicense)"], "Unlicense"),
    # Weak copyleft, on the library's own files only: used unmodified as separate libraries.
    **dict.fromkeys(["MPL-2.0", "Mozilla Public License 2.0 (MPL 2.0)"], "MPL-2.0"),
    **dict.fromkeys(["LGPL-3.0-only", "GNU Lesser General Public License v2 or later (LGPLv2+)"], "LGPL"),
    # Not code: the PDFs' font, and the easy-read plan's pictograms (attributed, unmodified).
    "OFL-1.1": "OFL-1.1",
    "CC-BY-SA-4.0": "CC-BY-SA-4.0",
}
REQUIREMENTS = ("requirements.txt", "requirements-dev.txt")


def allowed(expression: str) -> bool:
    """Whether an SPDX expression is allowed: one of each OR's options, all of each AND's parts.

    >>> allowed("MIT"), allowed("Apache-2.0 OR BSD-3-Clause"), allowed("MIT AND GPL-3.0-only")
    (True, True, False)
    >>> allowed("(MIT AND OFL-1.1)"), allowed("GPL-3.0-or-later OR MIT")
    (True, True)
    """
    expression = expression.strip()
    if expression.startswith("(") and expression.endswith(")"):
        expression = expression[1:-1]
    if " OR " in expression:
        return any(allowed(option) for option in expression.split(" OR "))
    if " AND " in expression:
        return all(allowed(part) for part in expression.split(" AND "))
    return expression in ALLOWED


def python_licences(metadata) -> list[str]:
    """A package's licence in its own words: its SPDX expression, else its licence classifiers (any
    of which it may be used under), else its License field."""
    if metadata.get("License-Expression"):
        return [metadata["License-Expression"]]
    classifiers = [c.split("::")[-1].strip() for c in metadata.get_all("Classifier") or [] if c.startswith("License")]
    return classifiers or [(metadata.get("License") or "").strip()]


def pinned_python_packages() -> list[str]:
    names = []
    for requirements in REQUIREMENTS:
        for line in (settings.BASE_DIR / requirements).read_text().splitlines():
            line = line.split("#")[0].strip()
            if line and not line.startswith("-"):
                names.append(re.split(r"[=<>\[;]", line)[0].strip())
    return names


@pytest.mark.parametrize("name", pinned_python_packages())
def test_each_pinned_python_package_has_an_allowed_licence(name):
    try:
        metadata = importlib.metadata.metadata(name)
    except importlib.metadata.PackageNotFoundError:
        pytest.fail(f"{name} is pinned but not installed: install requirements-dev.txt")
    licences = python_licences(metadata)
    assert any(allowed(licence) for licence in licences), f"{name}: {licences} is not on the allow-list"


def test_each_locked_npm_package_has_an_allowed_licence():
    lock = json.loads((settings.BASE_DIR / "package-lock.json").read_text())
    packages = {path: entry for path, entry in lock["packages"].items() if path}
    refused = {path: entry.get("license") for path, entry in packages.items() if not allowed(entry.get("license", ""))}
    assert packages and not refused


def test_docs_licences_lists_every_pinned_package():
    listed = (settings.BASE_DIR / "docs" / "licences.md").read_text()
    lock = json.loads((settings.BASE_DIR / "package-lock.json").read_text())
    npm = [path.removeprefix("node_modules/") for path in lock["packages"] if path]
    missing = [name for name in pinned_python_packages() + npm if f"| {name} |" not in listed]
    assert not missing, "Add them to docs/licences.md"
