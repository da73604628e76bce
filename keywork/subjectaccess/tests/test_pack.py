import datetime
import io
import json
import zipfile

import pytest
from django.core.files.base import ContentFile
from django.db import models
from django.db.models.options import Options
from django.utils import timezone
from pypdf import PdfReader

from conftest import logged_in
from keywork import audit, personrecord
from keywork.accounts.models import Role
from keywork.keyworking.models import Contact, Referral
from keywork.personrecord.pack import FOR_REVIEW, LEFT_OUT_EVERYWHERE
from keywork.presenters import uk_date
from keywork.register import operations as register_operations
from keywork.register.models import FamilyContact, Person, RatingChange
from keywork.reviews.models import Review
from keywork.subjectaccess.contents import person_sections
from keywork.subjectaccess.pack import pack_pdf, pack_zip
from keywork.subjectaccess.tests.factories import make_request
from keywork.testing.pdf import page_texts, reader, structure_tags


def pdf_text(body: bytes) -> str:
    return " ".join(" ".join(page.extract_text() for page in PdfReader(io.BytesIO(body)).pages).split())


@pytest.fixture
def record(service, make_user, add_person):
    """A person with a rating history, a restricted note, a family contact, a review report and a viewer."""
    manager = make_user(service, Role.MANAGER)
    viewer = make_user(service, Role.LEAD)
    viewer.first_name, viewer.last_name = "Lee", "Reader"
    viewer.save()
    person = add_person(service, manager)
    register_operations.change_rating(
        audit.Actor(manager, service),
        person,
        RatingChange(rating="amber", effective_on=timezone.localdate(), reason="Placement under strain"),
    )
    Contact.objects.create(
        person=person,
        occurred_at=timezone.now() - datetime.timedelta(days=1),
        contact_type="call",
        duration_minutes=20,
        notes="Safeguarding concern raised by a neighbour",
        restricted=True,
        recorded_by=manager,
    )
    FamilyContact.objects.create(person=person, name="Jo Familymember", relationship="Aunt", phone="01632 960001")
    review = Review.objects.create(
        person=person, kind="community", requested_on=timezone.localdate(), recorded_by=manager
    )
    review.report.save("report.pdf", ContentFile(b"%PDF-1.4 synthetic review report"))
    logged_in(viewer).http.get(person.get_absolute_url())  # a viewer, in the audit log
    return person, manager, review


def test_the_pdf_holds_the_person_their_rating_history_and_who_viewed_their_record(record):
    person, manager, _ = record
    text = pdf_text(pack_pdf(make_request(person, manager)))
    assert person.full_name in text
    assert "rating history" in text and "Placement under strain" in text
    assert "Who has seen and changed this record" in text
    assert "Lee Reader (Programme lead) Viewed person" in text


def test_the_pdf_marks_restricted_notes_and_family_contacts_for_review_before_release(record):
    person, manager, _ = record
    text = pdf_text(pack_pdf(make_request(person, manager)))
    assert "Safeguarding concern raised by a neighbour" in text
    assert "1 restricted note(s), marked in their row" in text
    assert f"Yes – {FOR_REVIEW}" in text
    # The heading, not its line in the contents, then the note at once.
    family = text[text.index(f"Family and carers {FOR_REVIEW}") :]
    assert family.startswith(f"Family and carers {FOR_REVIEW} – the whole section: other people's contact details")
    assert "Jo Familymember" in family


def test_a_section_with_nothing_restricted_or_about_others_is_not_marked(record):
    person, manager, _ = record
    sections = {part.title: part for part in person_sections(person)}
    assert not sections["Behaviours of concern"].for_review
    assert sections["Contacts with or about the person"].review_rows == {0}


def test_the_zip_holds_the_pdf_the_record_as_json_and_the_review_report(record):
    person, manager, review = record
    access_request = make_request(person, manager)
    with zipfile.ZipFile(io.BytesIO(pack_zip(access_request))) as archive:
        names = archive.namelist()
        pdf_name = f"subject-access-{person.pk}-{access_request.pk}.pdf"
        assert pdf_name in names
        assert person.full_name in pdf_text(archive.read(pdf_name))
        record_json = json.loads(archive.read("record.json"))
        fhir = json.loads(archive.read("record-fhir.json"))
        (report,) = [name for name in names if name.startswith("reports/")]
        assert archive.read(report) == b"%PDF-1.4 synthetic review report"
    contacts = next(s for s in record_json["sections"] if s["title"] == "Contacts with or about the person")
    assert contacts["for_review_before_release"]["rows"] == [0]
    assert contacts["rows"][0]["Notes"] == "Safeguarding concern raised by a neighbour"
    assert fhir["resourceType"] == "Bundle"


def models_about_a_person() -> set:
    """Every model whose rows are about a person: linked to Person, or to such a model, by a
    foreign key or a many-to-many field (the audit log is the pack's own last section)."""
    found, frontier = {Person}, [Person]
    while frontier:
        for relation in frontier.pop()._meta.related_objects:
            model = relation.related_model
            if model not in found and model._meta.label != "audit.AuditEntry":
                found.add(model)
                frontier.append(model)
    return found


def fields_held(model) -> set[str]:
    fields = [
        field for field in model._meta.get_fields() if field.concrete or (field.many_to_many and not field.auto_created)
    ]
    return {f"{model._meta.label}.{field.name}" for field in fields if field.name not in LEFT_OUT_EVERYWHERE}


def test_every_field_held_about_a_person_is_in_the_pack_or_left_out_with_a_reason(record):
    """A field added later to any model about a person fails here until its app's person_record
    module shows it in a pack section or lists it, with the reason, as left out."""
    shown = {name for part in person_sections(record[0]) for name in part.covered_fields}
    held = {name for model in models_about_a_person() for name in fields_held(model)}
    left_out = personrecord.left_out()
    assert sorted(held - shown - left_out.keys()) == []
    assert sorted(left_out.keys() - held) == [], "left out, but no such field"
    assert sorted(left_out.keys() & shown) == [], "left out, but shown in the pack"
    assert all(reason.strip() for reason in left_out.values())


def test_a_field_added_to_a_model_about_a_person_is_caught(record, monkeypatch):
    from keywork.outcomes.models import GoalRating

    field = models.TextField(blank=True)
    field.set_attributes_from_name("observer_notes")
    monkeypatch.setattr(GoalRating._meta, "get_fields", lambda **kwargs: [*Options.get_fields(GoalRating._meta), field])
    shown = {name for part in person_sections(record[0]) for name in part.covered_fields}
    missing = fields_held(GoalRating) - shown - personrecord.left_out().keys()
    assert missing == {"outcomes.GoalRating.observer_notes"}


def add_contact(person, by, notes: str) -> Contact:
    return Contact.objects.create(
        person=person,
        occurred_at=timezone.now() - datetime.timedelta(days=1),
        contact_type="visit",
        duration_minutes=30,
        notes=notes,
        recorded_by=by,
    )


def test_a_note_longer_than_a_page_flows_on_to_the_next_page(service, make_user, add_person):
    manager = make_user(service, Role.MANAGER)
    person = add_person(service, manager)
    add_contact(person, manager, "A long visit note. " * 1500 + "The last words of the note.")
    text = pdf_text(pack_pdf(make_request(person, manager)))
    assert "The last words of the note." in text


def test_a_note_holding_a_long_unbroken_url_wraps_in_the_pdf_and_the_zip(service, make_user, add_person):
    manager = make_user(service, Role.MANAGER)
    person = add_person(service, manager)
    add_contact(person, manager, "See https://example.org/" + "a" * 400 + "/end-of-link for the plan.")
    access_request = make_request(person, manager)
    assert "end-of-link" in pdf_text(pack_pdf(access_request)).replace(" ", "")
    with zipfile.ZipFile(io.BytesIO(pack_zip(access_request))) as archive:
        assert "record.json" in archive.namelist()


def test_a_name_outside_latin_1_prints_as_written(service, make_user, add_person):
    manager = make_user(service, Role.MANAGER)
    person = add_person(service, manager, given_name="Łukasz", family_name="Wójcik")
    add_contact(person, manager, "Visited Şükrü and Ğül at home; Welsh: ŵyr")
    text = pdf_text(pack_pdf(make_request(person, manager)))
    assert "Łukasz Wójcik" in text and "Visited Şükrü and Ğül at home; Welsh: ŵyr" in text


def test_a_notes_line_breaks_are_kept_in_the_pdf(service, make_user, add_person):
    manager = make_user(service, Role.MANAGER)
    person = add_person(service, manager)
    add_contact(person, manager, "First line of the note.\nSecond line of the note.")
    pages = PdfReader(io.BytesIO(pack_pdf(make_request(person, manager)))).pages
    lines = [line.strip() for page in pages for line in page.extract_text().splitlines()]
    # The row's other cells share the note's first line; the second line is a line of its own.
    assert any(line.endswith(" First line of the note.") for line in lines) and "Second line of the note." in lines


def test_the_zip_opens_with_a_readme_marking_the_fhir_record_and_the_reports_for_review(record):
    person, manager, review = record
    with zipfile.ZipFile(io.BytesIO(pack_zip(make_request(person, manager)))) as archive:
        assert archive.namelist()[0] == "README.txt"
        readme = archive.read("README.txt").decode()
        record_json = json.loads(archive.read("record.json"))
    assert FOR_REVIEW in readme and "record-fhir.json" in readme and "reports/" in readme
    assert f"reports/review-{review.pk}-report.pdf: the C(E)TR reports name the professionals" in readme
    files = record_json["files_for_review_before_release"]
    assert set(files) == {"record-fhir.json", f"reports/review-{review.pk}-report.pdf"}


def test_a_report_missing_from_storage_is_left_out_and_listed_in_the_readme(record):
    person, manager, review = record
    review.report.storage.delete(review.report.name)
    with zipfile.ZipFile(io.BytesIO(pack_zip(make_request(person, manager)))) as archive:
        assert not [name for name in archive.namelist() if name.startswith("reports/")]
        readme = archive.read("README.txt").decode()
    assert f"reports/review-{review.pk}-report.pdf: missing from storage" in readme


def rows_of(person, title: str) -> list[dict]:
    part = next(part for part in person_sections(person) if part.title == title)
    return [dict(zip([c.label for c in part.columns], row, strict=True)) for row in part.rows]


def test_the_closing_outcomes_reasoning_and_notes_and_who_decided_the_referral_are_in_the_pack(record):
    from keywork.outcomes.models import ClosingOutcome
    from keywork.outcomes.tests.conftest import accept_referral

    person, manager, _ = record
    ClosingOutcome.objects.create(
        referral=accept_referral(person, manager, closed_on=timezone.localdate()),
        admission_avoided="yes",
        admission_rationale="Crisis plan used at home instead of admission",
        breakdown_prevented="no",
        notes="Family now linked with the local carers' group",
        recorded_by=manager,
    )
    (closing,) = rows_of(person, "How keywork closed")
    assert closing["Why admission was or was not avoided"] == "Crisis plan used at home instead of admission"
    assert closing["Notes"] == "Family now linked with the local carers' group"
    assert closing["Referral received"] == uk_date(Referral.objects.get(person=person).received_on)
    part = next(part for part in person_sections(person) if part.title == "Referrals to the keyworker service")
    (row,) = rows_of(person, part.title)
    assert row["Decided by"].startswith(manager.get_full_name() or manager.username)
    assert next(c for c in part.columns if c.label == "Decided by").about_others
    assert "Family now linked with the local" in pdf_text(pack_pdf(make_request(person, manager)))


def test_the_persons_status_archive_and_rating_dates_are_in_the_pack(record):
    person, _, _ = record
    changed, archived = timezone.localdate() - datetime.timedelta(days=3), timezone.localdate()
    Person.objects.filter(pk=person.pk).update(status_changed_on=changed, archived_on=archived)
    person.refresh_from_db()
    details = {row["Detail"]: row["Recorded"] for row in rows_of(person, "The person")}
    assert details["Register status changed"] == uk_date(changed) and details["Archived"] == uk_date(archived)
    assert details["Current rating took effect"] == uk_date(person.rating_effective_on) != ""


def test_whether_a_review_included_education_is_in_the_pack(record):
    person, _, review = record
    review.includes_education = True
    review.save()
    (row,) = rows_of(person, "Care (Education) and Treatment Reviews")
    assert row["C(E)TR (with Education)"] == "Yes"


def test_a_follow_up_from_a_restricted_note_is_marked_for_review_like_the_note(record):
    from keywork.keyworking.models import FollowUp

    person, manager, _ = record
    restricted = Contact.objects.get(person=person, restricted=True)
    open_contact = add_contact(person, manager, "An ordinary visit")
    for contact in (restricted, open_contact):
        FollowUp.objects.create(
            contact=contact, person=person, description="Call back", owner=manager, due_on=timezone.localdate()
        )
    follow_ups = next(part for part in person_sections(person) if part.title == "Follow-ups agreed at contacts")
    assert len(follow_ups.rows) == 2 and len(follow_ups.review_rows) == 1
    (marked,) = follow_ups.review_rows
    assert follow_ups.rows[marked][-1] == f"Yes – {FOR_REVIEW}"


def test_the_pdf_is_tagged_numbered_and_lists_its_sections(service, make_user, add_person):
    manager = make_user(service, Role.MANAGER)
    person = add_person(service, manager, given_name="Łukasz", family_name="Şükrü")
    body = pack_pdf(make_request(person, manager))
    pages = page_texts(body)
    assert "Subject access: the record of Łukasz Şükrü" in pages[0]
    assert reader(body).metadata.title == "Subject access: the record of Łukasz Şükrü"
    assert all(text.endswith(f"Page {n} of {len(pages)}") for n, text in enumerate(pages, start=1))
    assert "Contents" in pages[1] and "Who has seen and changed this record ." in " ".join(pages)
    assert {"/H1", "/H2", "/Table", "/TH", "/TD"} <= set(structure_tags(body))
