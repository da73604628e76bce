import datetime
import re

from django.urls import reverse

from keywork.accounts.models import Role
from keywork.audit import Actor
from keywork.decisionsupport.choices import Level
from keywork.decisionsupport.operations import Answer, record_assessment
from keywork.meetings.models import AgendaItem, Attendee, Decision, Meeting
from keywork.meetings.tests.conftest import decide
from keywork.register.models import RatingChange
from keywork.reviews.models import Action
from keywork.testing.dates import TODAY
from keywork.testing.pages import date_parts, logged_in


def test_setting_up_a_meeting_records_its_attendees_and_builds_its_agenda(meeting, person):
    assert [str(attendee) for attendee in Attendee.objects.filter(staff=None)] == ["Sam Patel (Kent County Council)"]
    assert Attendee.objects.exclude(staff=None).count() == 1
    (item,) = AgendaItem.objects.filter(meeting=meeting)
    assert item.person == person and "blue_or_red" in item.reasons


def test_an_outside_attendee_without_an_organisation_is_refused(chair):
    response = chair.http.post(
        reverse("meetings:add"), {**date_parts("held_on", TODAY), "chair": chair.user.pk, "outside": "Sam Patel"}
    )
    assert response.context["form"].errors["outside"] == ["Give the organisation of Sam Patel after a comma"]


def test_a_decision_changes_the_rating_through_the_register_with_the_meeting_as_its_source(chair, meeting, person):
    response = decide(chair, meeting, person)
    assert response.status_code == 302
    change = RatingChange.objects.filter(person=person).order_by("-id").first()
    assert (change.rating, change.source_label) == ("amber", str(meeting))
    assert change.source_url == reverse("meetings:decision", args=[meeting.pk, person.pk])
    person.refresh_from_db()
    assert person.rating == "amber"
    assert Decision.objects.get().rating_change == change


def test_an_action_agreed_is_an_action_on_the_owners_work_list(chair, meeting, person):
    decide(
        chair,
        meeting,
        person,
        recommendation="Book an OT assessment",
        owner_staff=chair.user.pk,
        **date_parts("due_on", TODAY),
    )
    (action,) = Action.objects.all()
    assert (action.owner_staff, action.source, action.source_label) == (
        chair.user,
        Decision.objects.get(),
        str(meeting),
    )


def test_an_action_without_an_owner_is_refused(chair, meeting, person):
    response = decide(chair, meeting, person, recommendation="Book an OT assessment", **date_parts("due_on", TODAY))
    assert "owner_staff" in response.context["form"].errors
    assert not Decision.objects.exists()


def test_the_chair_can_take_someone_off_the_agenda_and_put_them_back(chair, meeting, person):
    url = reverse("meetings:decision", args=[meeting.pk, person.pk])
    chair.http.post(url, {"agenda": "remove"})
    assert AgendaItem.objects.get().removed
    chair.http.post(url, {"agenda": "restore"})
    assert not AgendaItem.objects.get().removed


def test_the_chair_can_add_someone_keywork_did_not_list(service, chair, meeting, add_person):
    other = add_person(service, chair.user, rating="green")
    AgendaItem.objects.filter(person=other).delete()
    chair.http.post(reverse("meetings:add_person", args=[meeting.pk]), {"nhs_number": other.nhs_number})
    assert AgendaItem.objects.get(person=other).reasons[-1] == "added_by_chair"


def test_only_the_chair_closes_the_meeting_and_then_no_decision_is_saved(as_role, chair, meeting, person):
    other = as_role(Role.COORDINATOR)
    other.http.post(reverse("meetings:close", args=[meeting.pk]))
    assert Meeting.objects.get().is_open
    chair.http.post(reverse("meetings:close", args=[meeting.pk]))
    assert not Meeting.objects.get().is_open
    response = decide(chair, meeting, person)
    assert "closed" in response.context["form"].non_field_errors()[0]


def test_another_services_meeting_is_not_found(other_service, meeting, make_user):
    outsider = logged_in(make_user(other_service, Role.MANAGER))
    for name in ("meetings:meeting", "meetings:minutes", "meetings:close"):
        assert outsider.http.get(reverse(name, args=[meeting.pk])).status_code == 404


def test_the_persons_timeline_says_the_rating_was_decided_at_the_meeting(chair, meeting, person):
    decide(chair, meeting, person)
    response = chair.http.get(reverse("register:person_records", args=[person.pk]))
    assert f"Rated amber at the {meeting}" in response.content.decode()


def test_a_closed_meetings_screen_shows_the_decision_without_a_form(chair, meeting, person):
    decide(chair, meeting, person)
    chair.http.post(reverse("meetings:close", args=[meeting.pk]))
    page = chair.http.get(reverse("meetings:decision", args=[meeting.pk, person.pk])).content.decode()
    assert "Step down to amber" in page and "Take off the agenda" not in page and 'name="decision"' not in page


def test_saving_the_same_decision_again_keeps_its_one_rating_history_entry(chair, meeting, person):
    decide(chair, meeting, person, risk_factors=["placement_breakdown"])
    first = Decision.objects.get().rating_change
    before = RatingChange.objects.filter(person=person).count()
    response = decide(chair, meeting, person, risk_factors=["placement_breakdown"], decision="Step down; OT first")
    assert response.status_code == 302
    decision = Decision.objects.get()
    assert decision.decision == "Step down; OT first" and decision.rating_change == first
    assert RatingChange.objects.filter(person=person).count() == before


def test_a_rating_changed_on_saving_again_is_a_new_history_entry_the_decision_points_at(chair, meeting, person):
    decide(chair, meeting, person)
    first = Decision.objects.get().rating_change
    decide(chair, meeting, person, rating="green", rating_reason="Stable for three months")
    decision = Decision.objects.get()
    assert decision.rating_change != first and decision.rating_change.rating == "green"
    assert RatingChange.objects.filter(pk=first.pk).exists()  # the history keeps the first
    person.refresh_from_db()
    assert person.rating == "green"


def test_the_agenda_shows_the_rating_it_was_built_with_and_todays_when_they_differ(chair, meeting, person):
    decide(chair, meeting, person)
    page = chair.http.get(reverse("meetings:meeting", args=[meeting.pk])).content.decode()
    assert "Rated red" in page and "Rated red or blue" not in page
    words = re.sub(r"<[^>]+>|\s+", " ", page)
    assert re.search(r"Red +when listed, +Amber +now", words)


def test_someone_in_hospital_can_have_blue_confirmed_at_the_meeting(chair, meeting, person, admit):
    admit(person, TODAY - datetime.timedelta(days=3))
    response = decide(chair, meeting, person, rating="blue", rating_reason="Still in hospital")
    assert response.status_code == 302
    assert Decision.objects.get().rating_change.rating == "blue"


def test_blue_is_not_offered_to_someone_not_in_hospital(chair, meeting, person):
    page = chair.http.get(reverse("meetings:decision", args=[meeting.pk, person.pk])).content.decode()
    assert 'value="blue"' not in page and 'value="red"' in page


def test_the_persons_screen_shows_the_decision_support_tools_suggestion_beside_the_rating_chosen(
    service, chair, meeting, person
):
    url = reverse("meetings:decision", args=[meeting.pk, person.pk])
    page = chair.http.get(url).content.decode()
    assert "Not used for them yet" in page and reverse("decisionsupport:rate", args=[person.pk]) in page

    domains = list(service.rating_domains.all())
    answers = [Answer(domain, Level.MODERATE, "Two crises this month") for domain in domains]
    assessment = record_assessment(Actor(chair.user, service), person, answers, "red", "The panel knows more")
    page = chair.http.get(url).content.decode()
    assert f"Suggested {assessment.suggested_rating.capitalize()}, rated Red" in page
    assert assessment.get_absolute_url() in page
