"""The subject access pack: a PDF of everything held, and a ZIP of that PDF, the record as JSON and
the files the apps store about the person (C(E)TR reports). Built from contents.person_sections, so
the two never disagree."""

import io
import json
import logging
import zipfile
from html import escape

from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone
from reportlab.lib import colors
from reportlab.platypus import Paragraph, Spacer, Table

from keywork import pdf, personrecord
from keywork.fhir.bundle import person_bundle
from keywork.personrecord.pack import FOR_REVIEW, OTHER_PEOPLE, Section
from keywork.presenters import uk_long_date, uk_long_datetime
from keywork.subjectaccess.contents import person_sections

REVIEW_SHADE = colors.HexColor("#fff9c4")
# The FHIR file is about other people too; record.json marks its own sections, and each stored file
# says why it is for review.
FHIR_FOR_REVIEW = {"record-fhir.json": "the whole record as FHIR, unmarked: it names staff, professionals and family"}

logger = logging.getLogger(__name__)


def file_stem(access_request) -> str:
    return f"subject-access-{access_request.person_id}-{access_request.pk}"


def pack_pdf(access_request, sections: list[Section] | None = None) -> bytes:
    person = access_request.person
    sections = person_sections(person) if sections is None else sections
    styles = pdf.styles()
    story = [
        Paragraph(escape(f"Subject access: the record of {person.full_name}"), styles["Title"]),
        Paragraph(escape(_cover_line(access_request)), styles["Normal"]),
        Paragraph(
            f"<b>{FOR_REVIEW}</b>: the shaded and marked sections, columns and rows name or describe other "
            "people, or are restricted notes. The manager reviews and redacts them before the pack is released.",
            styles["Normal"],
        ),
    ]
    for part in sections:
        story += [Spacer(1, 12), Paragraph(escape(part.title), styles["Heading2"])]
        story += _review_note(part, styles)
        story.append(_table(part, styles) if part.rows else Paragraph("None held.", styles["Normal"]))
    return pdf.build(story, title=f"Subject access: {person.full_name}")


def _cover_line(access_request) -> str:
    return (
        f"{access_request.person.service.name}. Request received {uk_long_date(access_request.received_on)} from "
        f"{access_request.requester_name} ({access_request.get_relationship_display().lower()}); "
        f"pack made {uk_long_datetime(timezone.now())}."
    )


def _review_note(part: Section, styles) -> list:
    reasons = []
    if part.review_reason:
        reasons.append(f"the whole section: {part.review_reason}")
    marked = [column.label for column in part.columns if column.about_others]
    if marked and not part.review_reason:
        reasons.append(f"the columns {', '.join(marked)}: {OTHER_PEOPLE}")
    if part.review_rows:
        reasons.append(f"{len(part.review_rows)} restricted note(s), marked in their row")
    if not reasons:
        return []
    return [Paragraph(escape(f"{FOR_REVIEW} – {'; '.join(reasons)}."), styles["Normal"]), Spacer(1, 4)]


def _table(part: Section, styles) -> Table:
    shaded = [
        ("BACKGROUND", (index, 1), (index, -1), REVIEW_SHADE)
        for index, column in enumerate(part.columns)
        if column.about_others or part.review_reason
    ]
    shaded += [("BACKGROUND", (0, row + 1), (-1, row + 1), REVIEW_SHADE) for row in part.review_rows]
    return pdf.table([[column.label for column in part.columns], *part.rows], styles, shaded)


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
