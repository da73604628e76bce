"""The minutes as a Word document (python-docx, MIT licence), for partners who edit or file minutes
in Word: the same content as the PDF (minutes.Minutes), with real headings and lists so a screen
reader can move through it."""

import io

from docx import Document

from keywork.meetings.minutes import Minutes


def _labelled(document, label: str, text: str) -> None:
    paragraph = document.add_paragraph()
    paragraph.add_run(f"{label}: ").bold = True
    paragraph.add_run(text)


def render(minutes: Minutes, author: str) -> bytes:
    document = Document()
    document.core_properties.title = minutes.title
    document.core_properties.author = author
    document.add_heading(minutes.title, level=1)
    document.add_paragraph(minutes.about)
    for note in minutes.notes:
        document.add_paragraph(note)
    _labelled(document, "Chair", minutes.chair)
    _labelled(document, "Status", minutes.status)
    document.add_heading("Attending", level=2)
    for attendee in minutes.attendees or ["None recorded"]:
        document.add_paragraph(attendee, style="List Bullet")
    document.add_heading("People discussed", level=2)
    if not minutes.discussed:
        document.add_paragraph("Nobody was discussed.")
    for item in minutes.discussed:
        document.add_heading(item.who, level=3)
        _labelled(document, "Why listed", item.why)
        if item.rating:
            _labelled(document, "Rating", f"{item.rating}: {item.rating_reason}")
        _labelled(document, "Decision", item.decision)
        if item.actions:
            document.add_heading("Actions", level=4)
            for action, owner, due in item.actions:
                document.add_paragraph(f"{action} ({owner}, due {due})", style="List Bullet")
    body = io.BytesIO()
    document.save(body)
    return body.getvalue()
