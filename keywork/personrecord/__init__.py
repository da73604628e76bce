"""A person's record spans apps; this is how each app contributes its part.

Each app declares, in its own `person_record.py`, one `Part`: the sections it adds to the person's
page, its timeline entries, its sections of the subject access pack (saying what is for review
before release), its FHIR resources, the files it stores about the person, and the fields it
deliberately leaves out of the pack with the reason. The app registers the part from its
AppConfig.ready(), so the parts come in INSTALLED_APPS order (the order a reader follows the
person's story). The person page, the timeline, the pack, the FHIR Bundle and erasure iterate
over the parts; none of them imports an app's models.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.db.models.fields.files import FieldFile


@dataclass(frozen=True)
class StoredFile:
    """A file the service stores about a person (a C(E)TR report): copied into the subject access
    pack, and deleted from storage when the person's record is erased."""

    name: str  # its path inside the subject access ZIP, e.g. "reports/review-3-report.pdf"
    file: FieldFile
    review_reason: str  # why it is reviewed before release ("" if it is only about the person)


@dataclass(frozen=True)
class Part:
    app_label: str
    # (request, person) -> HTML, or "" to show nothing
    page_sections: tuple[Callable, ...] = ()
    # (request, person) -> list of register.timeline.Event
    timeline: tuple[Callable, ...] = ()
    # (person) -> list of pack.Section
    pack: Callable | None = None
    # (record: fhir.FhirRecord) -> None; adds the app's resources to the record
    fhir: Callable | None = None
    # (person) -> list of StoredFile
    files: Callable | None = None
    # "app.Model.field" -> why the pack leaves it out (checked against every field of every model
    # that holds something about a person, so a new field fails the test until it is placed)
    left_out: dict[str, str] = field(default_factory=dict)


_parts: dict[str, Part] = {}


def register(part: Part) -> None:
    _parts[part.app_label] = part


def parts() -> list[Part]:
    return list(_parts.values())


def page_sections(request, person) -> list[str]:
    return [html for part in parts() for section in part.page_sections if (html := section(request, person))]


def timeline_events(request, person) -> list:
    return [event for part in parts() for source in part.timeline for event in source(request, person)]


def pack_sections(person) -> list:
    return [section for part in parts() if part.pack for section in part.pack(person)]


def stored_files(person) -> list[StoredFile]:
    return [stored for part in parts() if part.files for stored in part.files(person)]


def left_out() -> dict[str, str]:
    return {name: reason for part in parts() for name, reason in part.left_out.items()}
