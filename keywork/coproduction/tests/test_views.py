from django.urls import reverse

from keywork.accounts.models import Role
from keywork.audit.models import AuditEntry, Operation
from keywork.coproduction.models import Engagement
from keywork.testing.dates import days_ago
from keywork.testing.pages import date_parts


def _form(**extra) -> dict:
    return {
        "kind": "focus_group",
        "title": "Young people's focus group",
        **date_parts("held_on", days_ago(3)),
        "young_people": "7",
        "professionals": "2",
        "what_we_heard": "Meet adult services before 18",
        "what_changed": "",
    } | extra


def test_the_lead_records_an_event_linked_to_a_milestone_and_a_risk(service, as_role, milestone_in, risk_in):
    milestone, risk = milestone_in(service), risk_in(service)
    lead = as_role(Role.LEAD)
    response = lead.http.post(reverse("coproduction:add"), _form(milestones=[milestone.pk], risks=[risk.pk]))
    engagement = Engagement.objects.get(service=service)
    assert response.status_code == 302 and response.url == engagement.get_absolute_url()
    assert (engagement.parents_carers, engagement.young_people, engagement.recorded_by) == (0, 7, lead.user)
    assert list(engagement.milestones.all()) == [milestone] and list(engagement.risks.all()) == [risk]
    entry = AuditEntry.objects.get(object_id=str(engagement.pk), content_type__model="engagement")
    assert entry.operation == Operation.CREATE and entry.changes["risks"] == [risk.pk]


def test_the_risk_page_lists_the_co_production_that_bears_on_it(service, as_role, risk_in, engagement_in):
    risk = risk_in(service)
    engagement_in(service, title="Forum on the grant").risks.add(risk)
    page = as_role(Role.LEAD).http.get(reverse("programme:risk", args=[risk.pk])).content.decode()
    assert "Forum on the grant" in page


def test_bad_input_is_refused_with_an_error_summary_and_nothing_saved(service, as_role):
    page = as_role(Role.LEAD).http.post(reverse("coproduction:add"), _form(young_people="", what_we_heard=""))
    body = page.content.decode()
    assert page.status_code == 200 and "There is a problem" in body
    assert "Enter how many parents and carers, or young people, took part" in body
    assert "Enter what we heard" in body
    assert not Engagement.objects.exists()


def test_another_services_milestone_cannot_be_linked(service, other_service, as_role, milestone_in):
    theirs = milestone_in(other_service)
    page = as_role(Role.LEAD).http.post(reverse("coproduction:add"), _form(milestones=[theirs.pk]))
    assert page.status_code == 200 and not Engagement.objects.exists()


def test_a_commissioner_sees_small_attendance_counts_hidden(service, as_role, engagement_in):
    engagement_in(service, parents_carers=12, young_people=3, professionals=4)
    page = as_role(Role.COMMISSIONER).http.get(reverse("coproduction:list")).content.decode()
    assert ">12<" in page.replace(" ", "") and ">3<" not in page.replace(" ", "")
    assert "Counts from 1 to" in page


def test_a_manager_sees_the_true_counts_with_a_link_to_the_published_ones(service, as_role, engagement_in):
    engagement = engagement_in(service, parents_carers=12, young_people=3, professionals=4)
    page = as_role(Role.MANAGER).http.get(engagement.get_absolute_url()).content.decode()
    assert "See them as they will be published" in page and ">3<" in page.replace(" ", "").replace("\n", "")


def test_a_keyworker_may_not_see_the_log_and_a_manager_may_not_change_an_event_of_another_service(
    service, other_service, as_role, engagement_in
):
    assert as_role(Role.KEYWORKER).http.get(reverse("coproduction:list")).status_code == 403
    theirs = engagement_in(other_service)
    manager = as_role(Role.MANAGER).http
    assert manager.get(reverse("coproduction:engagement", args=[theirs.pk])).status_code == 404
    assert manager.post(reverse("coproduction:edit", args=[theirs.pk]), _form()).status_code == 404
    assert Engagement.objects.get(pk=theirs.pk).title == "Parent Carer Forum"


def test_recording_what_changed_later_takes_the_overdue_tag_away(service, as_role, engagement_in):
    engagement = engagement_in(service, held_on=days_ago(120), what_changed="")
    lead = as_role(Role.LEAD).http
    assert "Not reported back" in lead.get(reverse("coproduction:list")).content.decode()
    form = _form(**date_parts("held_on", days_ago(120)), what_changed="Evening sessions added")
    assert lead.post(reverse("coproduction:edit", args=[engagement.pk]), form).status_code == 302
    assert "Not reported back" not in lead.get(reverse("coproduction:list")).content.decode()
