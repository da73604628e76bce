"""The subject access pack: a PDF of everything held, and a ZIP of that PDF, the record as JSON and
the files the apps store about the person (C(E)TR reports). Built from contents.person_sections, so
the two never disagree."""

import io
import json
import logging
import zipfile

from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone

from keywork import pdf, personrecord
from keywork.fhir.bundle import person_bundle
from keywork.personrecord.pack import FOR_REVIEW, OTHER_PEOPLE, Section
from keywork.presenters import uk_long_date, uk_long_datetime
from keywork.subjectaccess.contents import person_sections

# The FHIR file is about other people too; record.json marks its own sections, and each stored file
# says why it is for review.
FHIR_FOR_REVIEW = {"record-fhir.json": "the whole record as FHIR, unmarked: it names staff, professionals and family"}

logger = logging.getLogger(__name__)


def file_stem(access_request) -> str:
    return f"subject-access-{access_request.person_id}-{access_request.pk}"


def pack_pdf(access_request, sections: list[Section] | None = None) -> bytes:
    person = access_request.person
    sections = person_sections(person) if sections is None else sections
    parts = [
        (f"section-{number}", part.title, _review_note(part), _table(part) if part.rows else None)
        for number, part in enumerate(sections, start=1)
    ]
    return pdf.render(
        "subjectaccess/pack_pdf.jinja",
        {
            "title": f"Subject access: the record of {person.full_name}",
            "author": person.service.name,
            "cover_line": _cover_line(access_request),
            "for_review": FOR_REVIEW,
            "sections": parts,
            "contents_entries": [(anchor, title) for anchor, title, _, _ in parts],
        },
    )


def _cover_line(access_request) -> str:
    return (
        f"{access_request.person.service.name}. Request received {uk_long_date(access_request.received_on)} from "
        f"{access_request.requester_name} ({access_request.get_relationship_display().lower()}); "
        f"pack made {uk_long_datetime(timezone.now())}."
    )


def _review_note(part: Section) -> str:
    reasons = []
    if part.review_reason:
        reasons.append(f"the whole section: {part.review_reason}")
    marked = [column.label for column in part.columns if column.about_others]
    if marked and not part.review_reason:
        reasons.append(f"the columns {', '.join(marked)}: {OTHER_PEOPLE}")
    if part.review_rows:
        reasons.append(f"{len(part.review_rows)} restricted note(s), marked in their row")
    return f"{FOR_REVIEW} – {'; '.join(reasons)}." if reasons else ""


def _table(part: Section) -> pdf.Table:
    """Shaded where it is for review: a column about other people (every column, if the whole
    section is), and each restricted note's row."""
    shaded = {i for i, column in enumerate(part.columns) if column.about_others or part.review_reason}
    header = [column.label for column in part.columns]
    return pdf.table([header, *part.rows], review_columns=shaded, review_rows=part.review_rows)


def record_json(access_request, sections: list[Section] | None = None) -> dict:
    """The same sections as the PDF, as data, with what is for review said in each."""
    person = access_request.person
    sections = person_sections(person) if sections is None else sections
    return {
        "subject_access_request": {
            "received_on": access_request.received_on,
            "requester_name": access_request.requester_name,
            "relationship": access_request.relationship,
        },
        "made_at": timezone.now(),
        "note": f"{FOR_REVIEW}: anything listed under for_review_before_release is redacted before release, "
        "and so are the files listed under files_for_review_before_release.",
        "files_for_review_before_release": _files_for_review(personrecord.stored_files(person)),
        "sections": [
            {
                "title": part.title,
                "for_review_before_release": {
                    "whole_section": part.review_reason,
                    "columns": [column.label for column in part.columns if column.about_others],
                    "rows": sorted(part.review_rows),
                },
                "rows": [dict(zip([c.label for c in part.columns], row, strict=True)) for row in part.rows],
            }
            for part in sections
        ],
    }


def pack_zip(access_request) -> bytes:
    """A README, the PDF, the record as JSON (and as a FHIR R4 Bundle), and every file stored about
    the person. A file missing from storage (a database restored without its files) is listed in the
    README rather than failing the whole pack."""
    person = access_request.person
    sections = person_sections(person)
    stem = file_stem(access_request)
    stored = personrecord.stored_files(person)
    contents, missing = _read_stored(stored)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("README.txt", _readme(access_request, stem, stored, missing))
        archive.writestr(f"{stem}.pdf", pack_pdf(access_request, sections))
        archive.writestr("record.json", _json(record_json(access_request, sections)))
        archive.writestr("record-fhir.json", _json(person_bundle(person)))
        for name, content in contents.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def _read_stored(stored: list[personrecord.StoredFile]) -> tuple[dict[str, bytes], list[str]]:
    contents, missing = {}, []
    for item in stored:
        try:
            with item.file.open("rb") as handle:
                contents[item.name] = handle.read()
        except FileNotFoundError:
            logger.warning("Subject access pack: %s (%s) is missing from storage", item.name, item.file.name)
            missing.append(item.name)
    return contents, missing


def _files_for_review(stored: list[personrecord.StoredFile]) -> dict[str, str]:
    return FHIR_FOR_REVIEW | {item.name: item.review_reason for item in stored if item.review_reason}


def _readme(access_request, stem: str, stored: list[personrecord.StoredFile], missing: list[str]) -> str:
    lines = [
        f"Subject access pack for {access_request.person.full_name}, made {uk_long_datetime(timezone.now())}.",
        "",
        f"{stem}.pdf: everything held; its shaded and marked parts name or describe other people, or are",
        "  restricted notes, and are reviewed and redacted before release.",
        "record.json: the same record as data; what is for review is listed in it under for_review_before_release.",
        "",
        f"{FOR_REVIEW}: these files are reviewed, and redacted or withheld, before the pack is released:",
        *[f"  {name}: {reason}" for name, reason in _files_for_review(stored).items()],
    ]
    if missing:
        lines += ["", "Files recorded but not found in the file store (not in this ZIP):"]
        lines += [f"  {name}: missing from storage" for name in missing]
    return "\n".join(lines) + "\n"


def _json(data) -> str:
    return json.dumps(data, cls=DjangoJSONEncoder, indent=2, ensure_ascii=False)
