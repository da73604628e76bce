"""Who gets which minutes: the full version names the people the reader may see (staff with
VIEW_PEOPLE; a keyworker their own people), anyone else by initials; the version with initials names
nobody and is what a commissioner gets; people whose consent is withdrawn are in neither. Each
download is audited with its version and format, in PDF and Word alike."""

import io

import docx
import pytest
from django.urls import reverse

from keywork.accounts.models import Role
from keywork.audit.models import AuditEntry, Operation
from keywork.meetings.tests.conftest import decide
from keywork.register.models import Consent
from keywork.testing.dates import TODAY
from keywork.testing.factories import allocate
from keywork.testing.pages import date_parts, logged_in
from keywork.testing.pdf import page_texts


def pdf_text(client, name, meeting) -> str:
    response = client.http.get(reverse(name, args=[meeting.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    return "".join(page_texts(response.content))


def docx_text(client, name, meeting) -> str:
    response = client.http.get(reverse(name, args=[meeting.pk]))
    assert response.status_code == 200 and response["Content-Disposition"].endswith('.docx"')
    return "\n".join(paragraph.text for paragraph in docx.Document(io.BytesIO(response.content)).paragraphs)


@pytest.fixture
def decided(chair, meeting, person):
    action = {"recommendation": "Book an OT assessment", "owner_staff": chair.user.pk, **date_parts("due_on", TODAY)}
    decide(chair, meeting, person, **action)
    return meeting


@pytest.mark.parametrize("read", [pdf_text, docx_text])
def test_full_minutes_name_people_and_the_initials_version_does_not(chair, decided, read):
    full = read(chair, "meetings:minutes" if read is pdf_text else "meetings:minutes_docx", decided)
    short = read(chair, "meetings:minutes_initials" if read is pdf_text else "meetings:minutes_initials_docx", decided)
    assert "Ada Lovelace" in full and "Step down to amber" in full and "Sam Patel" in full
    assert "Book an OT assessment" in full
    assert "Lovelace" not in short and "A.L." in short and "Step down to amber" in short


def test_each_download_is_audited_with_its_version_and_format_and_against_each_person(chair, decided, person):
    for name in ("meetings:minutes", "meetings:minutes_initials_docx"):
        chair.http.get(reverse(name, args=[decided.pk]))
    downloads = AuditEntry.objects.filter(operation=Operation.EXPORT, content_type__model="meeting")
    assert sorted((entry.changes["minutes"], entry.changes["format"]) for entry in downloads) == [
        ("full", "pdf"),
        ("initials", "docx"),
    ]
    assert AuditEntry.objects.filter(operation=Operation.EXPORT, person_id=person.pk).count() == 2


def test_a_keyworkers_full_minutes_name_only_their_own_people(service, chair, decided, person, add_person, make_user):
    keyworker = make_user(service, Role.KEYWORKER)
    own = add_person(service, chair.user, rating="red", given_name="Grace", family_name="Hopper")
    allocate(own, keyworker)
    chair.http.post(reverse("meetings:add_person", args=[decided.pk]), {"nhs_number": own.nhs_number})
    text = pdf_text(logged_in(keyworker), "meetings:minutes", decided)
    assert "Grace Hopper" in text and "Lovelace" not in text and "A.L." in text
    assert "People whose records you may not see are shown by their initials" in text


def test_a_commissioner_gets_the_minutes_with_initials_and_never_the_full_ones(service, decided, make_user):
    commissioner = logged_in(make_user(service, Role.COMMISSIONER))
    assert "A.L." in pdf_text(commissioner, "meetings:minutes_initials", decided)
    assert "A.L." in docx_text(commissioner, "meetings:minutes_initials_docx", decided)
    for name in ("meetings:minutes", "meetings:minutes_docx", "meetings:meeting"):
        assert commissioner.http.get(reverse(name, args=[decided.pk])).status_code == 403
    listing = commissioner.http.get(reverse("meetings:list")).content.decode()
    assert reverse("meetings:minutes_initials", args=[decided.pk]) in listing
    assert f'href="{reverse("meetings:meeting", args=[decided.pk])}"' not in listing


def test_someone_whose_consent_is_withdrawn_is_left_out_of_both_versions(chair, decided, person):
    Consent.objects.create(
        person=person, basis="withdrawn", given_by="Parent", decided_on=TODAY, recorded_by=chair.user
    )
    for name in ("meetings:minutes", "meetings:minutes_initials"):
        text = pdf_text(chair, name, decided)
        assert "Lovelace" not in text and "A.L." not in text and "Step down to amber" not in text
        assert "Left out of these minutes: 1 person whose consent to sharing was withdrawn" in text
