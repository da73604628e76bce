"""A person's record spans apps; this is how each app contributes its part.

Each app declares, in its own `person_record.py`, one `Part`: the sections it adds to the person's
record (each on one of its sub-pages, `TABS`), what it adds to the summary at the top of every
sub-page (the keyworker; alert tags such as "Inpatient" or "Legal hold"), its timeline entries,
its sections of the subject access pack (saying what is for review before release), its FHIR
resources, the files it stores about the person, and the fields it deliberately leaves out of the
pack with the reason. The app registers the part from its AppConfig.ready(), so the parts come in
INSTALLED_APPS order (the order a reader follows the person's story). The person's sub-pages, the
timeline, the pack, the FHIR Bundle and erasure iterate over the parts; none of them imports an
app's models.
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
class Tab:
    slug: str  # the sub-page's address: /register/<id>/<slug>/ (details is the record's own address)
    label: str


# The record's sub-pages, in the order of the sub-navigation.
TABS = (
    Tab("details", "Details"),
    Tab("keywork", "Keywork"),
    Tab("plans", "Plans"),
    Tab("reviews", "Reviews"),
    Tab("inpatient", "Inpatient care"),
    Tab("safeguarding", "Safeguarding"),
    # Its own sub-page so the details page still fits three screens on a busy record.
    Tab("education", "Education"),
    Tab("outcomes", "Outcomes"),
    Tab("records", "Records"),
)
TAB_SLUGS = tuple(tab.slug for tab in TABS)


@dataclass(frozen=True)
class PageSection:
    tab: str  # the slug of the sub-page it is on
    render: Callable  # (request, person) -> HTML, or "" to show nothing


@dataclass(frozen=True)
class Alert:
    """A tag in the person's summary that every sub-page shows (inpatient, legal hold, ...)."""

    text: str
    colour: str  # an NHS.UK tag colour: red, orange, yellow, blue, purple, grey, ...


@dataclass(frozen=True)
class SummaryItem:
    """A line of the person's summary (their keyworker, ...)."""

    key: str
    value: str


@dataclass(frozen=True)
class RiskPrompt:
    """Something on the record that is a risk factor when rating the person (a recent placement
    breakdown): the rating form ticks the factor and says why, so the register knows of it without
    importing the app that holds it."""

    factor: str  # a register.choices.RiskFactor value
    text: str  # why, in a sentence: "Their placement broke down on 5 October 2026"


@dataclass(frozen=True)
class Part:
    app_label: str
    page_sections: tuple[PageSection, ...] = ()
    # (request, person) -> list of SummaryItem
    summary: tuple[Callable, ...] = ()
    # (request, person) -> list of Alert; what every member of staff opening the record must see
    alerts: tuple[Callable, ...] = ()
    # (request, person) -> list of register.timeline.Event
    timeline: tuple[Callable, ...] = ()
    # (person, today) -> list of RiskPrompt
    risk_prompts: tuple[Callable, ...] = ()
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
    unknown = [section.tab for section in part.page_sections if section.tab not in TAB_SLUGS]
    if unknown:
        raise ValueError(f"{part.app_label} puts a section on a sub-page that does not exist: {unknown}")
    _parts[part.app_label] = part


def parts() -> list[Part]:
    return list(_parts.values())


def page_sections(request, person, tab: str) -> list[str]:
    sections = [section for part in parts() for section in part.page_sections if section.tab == tab]
    return [html for section in sections if (html := section.render(request, person))]


def summary_items(request, person) -> list[SummaryItem]:
    return [item for part in parts() for source in part.summary for item in source(request, person)]


def alerts(request, person) -> list[Alert]:
    return [alert for part in parts() for source in part.alerts for alert in source(request, person)]


def timeline_events(request, person) -> list:
    return [event for part in parts() for source in part.timeline for event in source(request, person)]


def risk_prompts(person, today) -> list[RiskPrompt]:
    return [prompt for part in parts() for source in part.risk_prompts for prompt in source(person, today)]


def pack_sections(person) -> list:
    return [section for part in parts() if part.pack for section in part.pack(person)]


def stored_files(person) -> list[StoredFile]:
    return [stored for part in parts() if part.files for stored in part.files(person)]


def left_out() -> dict[str, str]:
    return {name: reason for part in parts() for name, reason in part.left_out.items()}
