"""Every page names the permission it needs, and another service's records are not found on any
page. What each role gets on each page is written out as a table in keywork/tests/test_role_pages.py."""

import datetime
from types import SimpleNamespace

from django.core.files.base import ContentFile
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from keywork import audit
from keywork.accounts.models import ApiToken, Role
from keywork.accounts.permissions import ROLE_PERMISSIONS, Permission, has_permission
from keywork.assessments.models import Assessment
from keywork.coproduction.models import Engagement
from keywork.decisionsupport.models import RatingAssessment
from keywork.education.models import EducationEvent, EducationSetting
from keywork.imports import columns, importing
from keywork.imports import synthetic as synthetic_spreadsheet
from keywork.inpatient.models import Admission
from keywork.keyworking.models import Allocation, Contact, Escalation, FollowUp, Professional, Referral
from keywork.meetings.models import AgendaItem, Meeting
from keywork.outcomes.models import CaseStudy, Goal, SystemBlocker
from keywork.placements.models import Placement, PlacementBreakdown
from keywork.programme.models import Feedback, FoiRequest, Kpi, Milestone, Post, Risk
from keywork.reviews.models import Action, Review
from keywork.safeguarding.models import SafeguardingConcern, SafeguardingStatus
from keywork.signposting.models import Signposting
from keywork.subjectaccess.models import SubjectAccessRequest
from keywork.testing.dates import TODAY

# Pages open to anyone logged in (or to everyone), on purpose. Every other page must name a permission.
OPEN_PAGES = {
    "login",
    "logout",
    "health",
    "choose_service",
    # Forgotten your password?, and the pages every footer links to: for people not logged in too.
    "password_reset",
    "password_reset_done",
    "password_reset_confirm",
    "password_reset_complete",
    "siteinfo:accessibility",
    "siteinfo:privacy",
    "siteinfo:help",
    # The second step of logging in (keywork/twofactor/): any signed-in user's own second factor.
    "twofactor:security_code",
    "twofactor:recovery_code",
    "twofactor:set_up",
    "twofactor:qr_code",
    "twofactor:new_recovery_codes",
    # "Stay signed in" of the idle timeout's warning: any signed-in user's own session.
    "keep_alive",
}


def named_pages():
    """(name, pattern, view) of every page route, walking the URL configuration (the API is tested apart)."""

    def walk(patterns, namespace=""):
        for entry in patterns:
            if isinstance(entry, URLResolver):
                if entry.pattern.describe().startswith("'api/"):
                    continue
                yield from walk(entry.url_patterns, f"{namespace}{entry.namespace}:" if entry.namespace else namespace)
            elif isinstance(entry, URLPattern) and entry.name:
                yield f"{namespace}{entry.name}", entry.pattern, entry.callback

    return sorted(walk(get_resolver().url_patterns), key=lambda page: page[0])


def records_of(service, make_user, add_person) -> SimpleNamespace:
    """One record of every kind a page can be about, all in `service`."""
    manager = make_user(service, Role.MANAGER)
    person = add_person(service, make_user(service, Role.COORDINATOR))
    referral = Referral.objects.create(
        person=person,
        route="dsr",
        received_on=TODAY,
        referrer_name="A",
        referrer_organisation="B",
        reason="C",
        recorded_by=manager,
    )
    worker = make_user(service, Role.KEYWORKER)
    allocation = Allocation.objects.create(
        person=person, worker=worker, worker_type=worker.worker_type, starts_on=TODAY, reason="r", recorded_by=manager
    )
    contact = Contact.objects.create(
        person=person,
        occurred_at=timezone.now(),
        contact_type="call",
        duration_minutes=5,
        notes="n",
        recorded_by=manager,
    )
    due = TODAY + datetime.timedelta(days=3)
    follow_up = FollowUp.objects.create(contact=contact, person=person, description="d", owner=manager, due_on=due)
    escalation = Escalation.objects.create(
        person=person,
        issue="i",
        escalated_to="o",
        level="manager",
        escalated_on=TODAY,
        response_due_on=due,
        raised_by=manager,
    )
    professional = Professional.objects.create(
        service=service, name="P", role="GP", organisation="S", agency_type="primary_care"
    )
    review = Review.objects.create(person=person, kind="community", requested_on=TODAY, recorded_by=manager)
    review.report.save("report.pdf", ContentFile(b"%PDF-1.4 synthetic report"))
    action = Action.objects.create(source=review, person=person, recommendation="r", owner_organisation="o", due_on=due)
    admission = Admission.objects.create(
        person=person,
        hospital="H",
        unit="U",
        unit_type="picu",
        distance_miles=3,
        admitted_on=TODAY,
        recorded_by=manager,
    )
    # Identity checked, so its pack downloads are pages every permitted role reaches.
    access_request = SubjectAccessRequest.objects.create(
        person=person,
        received_on=TODAY,
        requester_name="R",
        relationship="self",
        identity_checked_on=TODAY,
        recorded_by=manager,
    )
    return SimpleNamespace(
        person=person,
        ids={
            "person_id": person.pk,
            "referral_id": referral.pk,
            "allocation_id": allocation.pk,
            "follow_up_id": follow_up.pk,
            "escalation_id": escalation.pk,
            "professional_id": professional.pk,
            "review_id": review.pk,
            "action_id": action.pk,
            "admission_id": admission.pk,
            "subject_access_request_id": access_request.pk,
        }
        | programme_records(service)
        | outcome_records(service, person)
        | education_records(person)
        | safeguarding_records(person, manager)
        | decision_support_records(person, manager)
        | {"run_id": checked_import(service, manager).pk, "token_id": ApiToken.issue(manager, "t")[0].pk}
        | {"meeting_id": dsr_meeting(service, manager, person).pk}
        | {"specialist_assessment_id": assessment_of(person, manager).pk}
        | {"engagement_id": coproduction_event(service, manager).pk}
        | {"signposting_id": signposting(person).pk},
    )


def programme_records(service) -> dict:
    kpi = Kpi.objects.create(service=service, name="K", definition="d", unit="u", direction="lower", target=1)
    risk = Risk.objects.create(
        service=service,
        title="R",
        cause="c",
        effect="e",
        owner="o",
        likelihood=2,
        impact=3,
        target_score=4,
        review_due_on=TODAY,
    )
    feedback = Feedback.objects.create(
        service=service, kind="compliment", received_on=TODAY, from_whom="f", about="a", summary="s"
    )
    return {
        "kpi_id": kpi.pk,
        "milestone_id": Milestone.objects.create(service=service, title="M", due_on=TODAY, owner="o").pk,
        "risk_id": risk.pk,
        "post_id": Post.objects.create(service=service, title="P", role="r", hours_per_week=30, employer="e").pk,
        "feedback_id": feedback.pk,
        "foi_id": FoiRequest.objects.create(service=service, received_on=TODAY, requester="r", subject="s").pk,
    }


def outcome_records(service, person) -> dict:
    goal = Goal.objects.create(person=person, description="d", set_on=TODAY, set_with="w")
    blocker = SystemBlocker.objects.create(
        service=service, category="housing", agency="a", description="d", raised_on=TODAY
    )
    blocker.people.add(person)
    case_study = CaseStudy.objects.create(service=service, person=person, title="t", narrative="n", quarter_start=TODAY)
    return {"goal_id": goal.pk, "blocker_id": blocker.pk, "case_study_id": case_study.pk}


def safeguarding_records(person, manager) -> dict:
    status = SafeguardingStatus.objects.create(
        person=person, kind="child_in_need", starts_on=person.referral_date, local_authority="K", recorded_by=manager
    )
    concern = SafeguardingConcern.objects.create(
        person=person, raised_on=TODAY, raised_by=manager, category="neglect", what_happened="w", referred_to="police"
    )
    return {"status_id": status.pk, "concern_id": concern.pk}


def decision_support_records(person, manager) -> dict:
    assessment = RatingAssessment.objects.create(
        person=person,
        assessed_on=TODAY,
        score=0,
        highest_score=54,
        suggested_rating="green",
        chosen_rating="green",
        rating_change=person.rating_changes.first(),
        recorded_by=manager,
    )
    return {"rating_assessment_id": assessment.pk, "domain_id": person.service.rating_domains.first().pk}


def education_records(person) -> dict:
    setting = EducationSetting.objects.create(
        person=person, name="S", setting_type="special", area="in_area", starts_on=person.referral_date
    )
    event = EducationEvent.objects.create(person=person, kind="attendance_concern", starts_on=TODAY)
    placement = Placement.objects.create(person=person, kind="foster_care", area="in_area", starts_on=TODAY)
    breakdown = PlacementBreakdown.objects.create(person=person, occurred_on=TODAY, what_happened="w")
    ids = {"setting_id": setting.pk, "event_id": event.pk}
    return ids | {"placement_id": placement.pk, "breakdown_id": breakdown.pk}


def coproduction_event(service, manager):
    return Engagement.objects.create(
        service=service, kind="survey", title="S", held_on=TODAY, young_people=9, what_we_heard="h", recorded_by=manager
    )


def signposting(person):
    return Signposting.objects.create(person=person, signposted_on=TODAY, organisation="G", kind="other")


def assessment_of(person, manager):
    assessment = Assessment.objects.create(
        person=person, kind="communication", assessed_on=TODAY, assessor_staff=manager, summary="s", recorded_by=manager
    )
    assessment.report.save("report.pdf", ContentFile(b"%PDF-1.4 synthetic report"))
    return assessment


def dsr_meeting(service, chair, person):
    meeting = Meeting.objects.create(service=service, held_on=TODAY, chair=chair, recorded_by=chair)
    AgendaItem.objects.create(meeting=meeting, person=person, reasons=["added_by_chair"])
    return meeting


def checked_import(service, user):
    data = synthetic_spreadsheet.as_csv(synthetic_spreadsheet.spreadsheet_rows(service, 2))
    run = importing.upload(audit.Actor(user, service), "dsr.csv", data)
    importing.check_run(audit.Actor(user, service), run, columns.guess(synthetic_spreadsheet.HEADINGS))
    return run


def url_for(pattern, name, ids) -> str:
    return reverse(name, kwargs={key: ids[key] for key in pattern.converters})


def test_every_page_is_guarded_by_a_named_permission_or_is_listed_as_open():
    pages = named_pages()
    names = {name for name, _, _ in pages}
    assert {"home", "register:list", "register:person", "keyworking:board", "audit:search"} <= names
    unguarded = [name for name, _, view in pages if not hasattr(view, "required_permission")]
    assert sorted(unguarded) == sorted(OPEN_PAGES)


def test_a_commissioner_sees_no_names_or_nhs_numbers_anywhere_they_can_go(service, as_role, add_person, make_user):
    records = records_of(service, make_user, add_person)
    person = records.person
    commissioner = as_role(Role.COMMISSIONER)
    for name, pattern, view in named_pages():
        if name in OPEN_PAGES or not has_permission(commissioner.user, view.required_permission):
            continue
        # Pages and downloaded files alike (a PDF or XLSX is read as bytes, ignoring what is not text).
        body = commissioner.http.get(url_for(pattern, name, records.ids)).content.decode(errors="ignore")
        assert person.family_name not in body and person.nhs_number[:3] + " " + person.nhs_number[3:6] not in body


def test_a_commissioner_may_see_only_aggregates_and_the_programme():
    # And DSR meetings, whose minutes they get with initials only (meetings/minutes.py): no name.
    assert ROLE_PERMISSIONS[Role.COMMISSIONER] == {
        Permission.VIEW_AGGREGATES,
        Permission.VIEW_PROGRAMME,
        Permission.VIEW_MEETINGS,
    }


def test_pages_need_a_login(client, db):
    response = client.get(reverse("register:list"))
    assert response.status_code == 302 and response.url.startswith(reverse("login"))


def test_another_services_records_are_not_found_on_any_page(service, other_service, as_role, add_person, make_user):
    stranger = records_of(other_service, make_user, add_person)
    admin = as_role(Role.ADMIN)
    for name, pattern, _ in named_pages():
        if pattern.converters and name not in OPEN_PAGES:
            url = url_for(pattern, name, stranger.ids)
            assert admin.http.get(url).status_code == 404, name
            assert admin.http.post(url, {}).status_code == 404, name


def test_another_services_people_never_appear_in_the_register_or_search(
    service, other_service, as_role, add_person, make_user
):
    stranger = add_person(other_service, make_user(other_service, Role.COORDINATOR))
    manager = as_role(Role.MANAGER)
    for query in ("", f"?q={stranger.family_name}", f"?q={stranger.nhs_number}", "?status=all"):
        body = manager.http.get(reverse("register:list") + query).content.decode()
        assert stranger.nhs_number[:3] + " " + stranger.nhs_number[3:6] not in body


def test_a_keyworker_reaches_only_the_people_allocated_to_them(service, as_role, add_person, make_user):
    records = records_of(service, make_user, add_person)
    keyworker = as_role(Role.KEYWORKER)
    assert keyworker.http.get(records.person.get_absolute_url()).status_code == 404
    Allocation.objects.create(
        person=records.person,
        worker=keyworker.user,
        worker_type="behaviour_team",
        starts_on=TODAY,
        reason="r",
        recorded_by=keyworker.user,
    )
    assert keyworker.http.get(records.person.get_absolute_url()).status_code == 200


def test_a_service_may_let_keyworkers_see_its_whole_register(service, as_role, add_person, make_user):
    records = records_of(service, make_user, add_person)
    service.keyworkers_see_whole_service = True
    service.save()
    assert as_role(Role.KEYWORKER).http.get(records.person.get_absolute_url()).status_code == 200
