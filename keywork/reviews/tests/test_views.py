import datetime
import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from keywork.accounts.models import Role
from keywork.audit.models import AuditEntry
from keywork.reviews.models import Action, Review
from keywork.testing.dates import TODAY
from keywork.testing.pages import date_parts


def docx_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<document/>")
    return buffer.getvalue()


@pytest.fixture
def coordinator_client(as_role):
    return as_role(Role.COORDINATOR)


@pytest.fixture
def person(service, coordinator_client, add_person):
    return add_person(service, coordinator_client.user, rating="red", ehcp="yes")


def post_review(client, person, report=None, **changes):
    data = {
        "kind": "community",
        **date_parts("requested_on", TODAY - datetime.timedelta(days=5)),
        **date_parts("held_on", TODAY),
        **changes,
    }
    if report is not None:
        data["report"] = report
    return client.http.post(reverse("reviews:add", args=[person.pk]), data)


def test_a_review_with_a_pdf_report_is_saved_as_a_cetr_for_a_person_with_an_ehcp(coordinator_client, person):
    response = post_review(coordinator_client, person, SimpleUploadedFile("panel.pdf", b"%PDF-1.4\n%synthetic\n"))
    assert response.status_code == 302
    review = Review.objects.get()
    assert review.includes_education and review.name == "C(E)TR" and review.report_name == "panel.pdf"


def test_a_word_document_is_accepted_as_a_report(coordinator_client, person):
    post_review(coordinator_client, person, SimpleUploadedFile("panel.docx", docx_bytes()))
    review = Review.objects.get()
    assert review.report_name == "panel.docx"
    with review.report.open("rb") as stored:
        assert stored.read() == docx_bytes()


def test_a_text_file_named_pdf_is_refused_and_nothing_is_saved(coordinator_client, person):
    response = post_review(coordinator_client, person, SimpleUploadedFile("panel.pdf", b"just some text"))
    assert "PDF (.pdf) or a Word document (.docx)" in response.context["form"].errors["report"][0]
    assert not Review.objects.exists()


def test_a_report_over_the_size_limit_is_refused(coordinator_client, person, settings):
    settings.REVIEW_REPORT_MAX_BYTES = 10
    response = post_review(coordinator_client, person, SimpleUploadedFile("panel.pdf", b"%PDF-1.4" + b"x" * 50))
    assert "smaller than" in response.context["form"].errors["report"][0]


def test_a_review_held_before_it_was_requested_is_refused(coordinator_client, person):
    response = post_review(coordinator_client, person, **date_parts("held_on", TODAY - datetime.timedelta(days=9)))
    assert "held before it was requested" in response.context["form"].errors["held_on"][0]


def test_downloading_a_report_is_audited_and_limited_to_people_who_may_see_the_person(
    coordinator_client, person, other_service, make_user
):
    post_review(coordinator_client, person, SimpleUploadedFile("panel.pdf", b"%PDF-1.4\n%synthetic\n"))
    url = reverse("reviews:report", args=[Review.objects.get().pk])
    response = coordinator_client.http.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert AuditEntry.objects.filter(operation="export", person_id=person.pk, actor=coordinator_client.user).exists()
    from keywork.testing.pages import logged_in

    assert logged_in(make_user(other_service, Role.ADMIN)).http.get(url).status_code == 404


def test_the_report_has_no_public_address(coordinator_client, person, settings):
    post_review(coordinator_client, person, SimpleUploadedFile("panel.pdf", b"%PDF-1.4\n"))
    review = Review.objects.get()
    assert str(settings.PRIVATE_FILES_ROOT) in review.report.path
    with pytest.raises(ValueError, match="no public address"):
        _ = review.report.url


def test_an_action_due_before_the_review_is_refused(coordinator_client, person):
    post_review(coordinator_client, person)
    review = Review.objects.get()
    response = coordinator_client.http.post(
        reverse("reviews:add_action", args=[review.pk]),
        {
            "recommendation": "Plan discharge",
            "owner_organisation": "ICB",
            **date_parts("due_on", TODAY - datetime.timedelta(days=1)),
        },
    )
    assert "cannot be due before the C(E)TR on" in response.context["form"].errors["due_on"][0]
    assert not Action.objects.exists()


def test_an_overdue_action_shows_on_the_team_list_and_the_keyworkers_home(
    coordinator_client, person, as_role, make_user, service
):
    post_review(
        coordinator_client,
        person,
        **date_parts("requested_on", TODAY - datetime.timedelta(days=30)),
        **date_parts("held_on", TODAY - datetime.timedelta(days=20)),
    )
    review = Review.objects.get()
    Action.objects.create(
        source=review,
        person=person,
        recommendation="Sensory assessment",
        owner_organisation="OT",
        due_on=TODAY - datetime.timedelta(days=2),
    )
    assert "Sensory assessment" in as_role(Role.MANAGER).http.get(reverse("reviews:actions")).content.decode()
    from keywork.keyworking.models import Allocation

    keyworker = as_role(Role.KEYWORKER)
    Allocation.objects.create(
        person=person,
        worker=keyworker.user,
        worker_type="practice_consultant",
        starts_on=TODAY,
        reason="r",
        recorded_by=keyworker.user,
    )
    home = keyworker.http.get(reverse("home"))
    assert [a.recommendation for a in home.context["work"].overdue_actions] == ["Sensory assessment"]


def test_an_action_marked_done_needs_evidence(coordinator_client, person):
    post_review(coordinator_client, person)
    action = Action.objects.create(
        source=Review.objects.get(), person=person, recommendation="r", owner_organisation="o", due_on=TODAY
    )
    response = coordinator_client.http.post(
        reverse("reviews:update_action", args=[action.pk]), {"version": action.version, "status": "done"}
    )
    assert "evidence" in response.context["form"].errors
    action.refresh_from_db()
    assert action.status == "open"
