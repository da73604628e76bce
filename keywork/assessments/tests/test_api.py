"""Assessments through the JSON API: the pages' permission, rules, operation and audit."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from keywork.accounts.models import Role
from keywork.assessments.models import Assessment
from keywork.audit.models import AuditEntry, Operation
from keywork.reviews.models import Action
from keywork.testing.api import Api, created, errors, ok
from keywork.testing.dates import TODAY, days_ago

from .conftest import PDF

pytestmark = pytest.mark.django_db


def body(person, **fields) -> dict:
    values = {
        "person_id": person.pk,
        "kind": "occupational_therapy",
        "areas": ["daily_living", "equipment"],
        "assessed_on": str(days_ago(5)),
        "assessor_name": "Dr Ana Khan",
        "assessor_organisation": "Kent Community Health",
        "summary": "Needs a bath seat and a visual timetable for dressing.",
    }
    return values | fields


def test_a_manager_records_an_assessment_and_it_is_audited(child, manager):
    api = Api(manager)
    answer = created(api.post("/api/assessments", body(child)))
    assert (
        answer["areas"] == ["daily_living", "equipment"] and answer["assessor"] == "Dr Ana Khan (Kent Community Health)"
    )
    assert AuditEntry.objects.filter(actor=manager, operation=Operation.CREATE, object_id=str(answer["id"])).exists()
    assert ok(api.get("/api/assessments", person_id=child.pk))[0]["id"] == answer["id"]


def test_a_member_of_staff_may_be_the_assessor(child, manager):
    answer = created(
        Api(manager).post(
            "/api/assessments", body(child, assessor_name="", assessor_organisation="", assessor_staff_id=manager.pk)
        )
    )
    assert answer["assessor"] == manager.display_name


@pytest.mark.parametrize(
    "change, field",
    [
        ({"assessed_on": "2099-01-01"}, "assessed_on"),
        ({"kind": "communication"}, "areas"),
        ({"areas": []}, "areas"),
        ({"assessor_name": ""}, "assessor_staff"),
        ({"assessor_organisation": ""}, "assessor_organisation"),
        ({"summary": ""}, "summary"),
    ],
)
def test_bad_input_is_refused_and_nothing_saved(child, manager, change, field):
    assert field in errors(Api(manager).post("/api/assessments", body(child, **change)))
    assert not Assessment.objects.exists()


def test_an_unknown_kind_or_area_is_refused(child, manager):
    api = Api(manager)
    assert api.post("/api/assessments", body(child, kind="astrology")).status_code == 422
    assert api.post("/api/assessments", body(child, areas=["juggling"])).status_code == 422
    assert not Assessment.objects.exists()


def test_an_assessor_from_another_service_is_not_found(child, manager, other_service, make_user):
    stranger = make_user(other_service, Role.MANAGER)
    answer = Api(manager).post(
        "/api/assessments", body(child, assessor_name="", assessor_organisation="", assessor_staff_id=stranger.pk)
    )
    assert answer.status_code == 404 and not Assessment.objects.exists()


def test_an_assessment_is_changed_with_its_version_and_a_stale_change_refused(child, manager, assessment_of):
    assessment = assessment_of(child)
    api = Api(manager)
    url = f"/api/assessments/{assessment.pk}"
    changed = ok(api.put(url, body(child, summary="Updated", version=1)))
    assert changed["summary"] == "Updated" and changed["version"] == 2
    assert api.put(url, body(child, summary="Late", version=1)).status_code == 409
    assessment.refresh_from_db()
    assert assessment.summary == "Updated"


def test_a_coordinator_may_read_but_not_record_assessments(child, api, assessment_of):
    assessment_of(child)
    assert len(ok(api.get("/api/assessments", person_id=child.pk))) == 1
    assert api.post("/api/assessments", body(child)).status_code == 403


def test_a_commissioner_is_refused(child, api_as):
    commissioner = api_as(Role.COMMISSIONER)
    assert commissioner.get("/api/assessments").status_code == 403
    assert commissioner.post("/api/assessments", body(child)).status_code == 403


def test_another_services_person_and_assessments_are_not_found(child, assessment_of, other_service, make_user):
    assessment = assessment_of(child)
    stranger = Api(make_user(other_service, Role.ADMIN))
    assert stranger.post("/api/assessments", body(child)).status_code == 404
    assert stranger.put(f"/api/assessments/{assessment.pk}", body(child, version=1)).status_code == 404
    assert ok(stranger.get("/api/assessments")) == []
    assert stranger.post(f"/api/assessments/{assessment.pk}/actions", {}).status_code in (404, 422)


def test_a_report_is_uploaded_and_checked_by_its_content(child, manager, assessment_of, settings):
    assessment = assessment_of(child)
    api = Api(manager)
    url = f"/api/assessments/{assessment.pk}/report"
    refused = api.upload(url, {"report": SimpleUploadedFile("report.pdf", b"<html>not a pdf</html>")})
    assert refused.status_code == 422
    assert not [path for path in settings.PRIVATE_FILES_ROOT.rglob("*") if path.is_file()]
    accepted = api.upload(url, {"report": SimpleUploadedFile("ot-report.pdf", PDF)})
    assert accepted.status_code == 200 and accepted.json()["has_report"] is True
    assessment.refresh_from_db()
    assert assessment.report_name == "ot-report.pdf"
    assert str(settings.PRIVATE_FILES_ROOT / "assessment-reports") in assessment.report.path


def test_a_recommendation_becomes_an_action_due_no_earlier_than_the_assessment(child, manager, assessment_of):
    assessment = assessment_of(child, assessed_on=days_ago(10))
    api = Api(manager)
    url = f"/api/assessments/{assessment.pk}/actions"
    early = {"recommendation": "Order a weighted blanket", "due_on": str(days_ago(20)), "owner_organisation": "OT"}
    assert "due_on" in errors(api.post(url, early))
    assert not Action.objects.exists()
    action = created(api.post(url, early | {"due_on": str(TODAY)}))
    assert action["source"] == {
        "kind": "assessments.assessment",
        "id": assessment.pk,
        "label": str(assessment),
    }
