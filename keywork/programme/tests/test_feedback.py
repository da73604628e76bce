"""Complaints, compliments and Freedom of Information requests: deadlines in working days that skip
weekends and England and Wales bank holidays, overdue flags, and response dates that make sense.

FOI due dates, counted by hand (20 working days; the day received is not counted):
  Fri 19 Dec 2025: 22-24 Dec (3), Christmas and Boxing Day skipped, 29-31 Dec (6), New Year's Day
  skipped, 2 Jan (7), 5-9 Jan (12), 12-16 Jan (17), 19-21 Jan (20): due Wed 21 Jan 2026.
  Thu 2 Apr 2026: Good Friday 3 Apr and Easter Monday 6 Apr skipped, 7-10 Apr (4), 13-17 (9),
  20-24 (14), 27 Apr-1 May (19), early May bank holiday 4 May skipped, 5 May (20): due Tue 5 May.
  Thu 23 Dec 2027: 24 Dec (1), Christmas and Boxing Day fall at the weekend so Mon 27 and Tue 28
  are skipped, 29-31 Dec (4), New Year's Day is a Saturday so Mon 3 Jan is skipped, 4-7 Jan (8),
  10-14 (13), 17-21 (18), 24-25 Jan (20): due Tue 25 Jan 2028.
"""

import datetime

import pytest
from django.urls import reverse

from keywork.accounts.models import Role
from keywork.audit.models import AuditEntry
from keywork.programme.models import Feedback, FoiRequest
from keywork.testing.dates import TODAY
from keywork.testing.pages import date_parts

D = datetime.date


@pytest.mark.parametrize(
    ("received_on", "due_on"),
    [
        (D(2025, 12, 19), D(2026, 1, 21)),
        (D(2026, 4, 2), D(2026, 5, 5)),
        (D(2026, 4, 4), D(2026, 5, 5)),  # Easter Saturday: the count starts on Tuesday as from Thursday
        (D(2027, 12, 23), D(2028, 1, 25)),
        (D(2026, 6, 10), D(2026, 7, 8)),  # no bank holiday: four weeks
    ],
)
def test_an_foi_request_is_due_20_working_days_after_it_was_received(service, make_foi, received_on, due_on):
    assert make_foi(service, received_on=received_on).due_on == due_on


def test_an_foi_request_past_its_due_date_without_a_response_is_overdue(service, make_foi):
    assert make_foi(service, received_on=D(2025, 12, 19)).is_overdue


def test_an_answered_foi_request_is_not_overdue(service, make_foi):
    assert not make_foi(service, received_on=D(2025, 12, 19), responded_on=D(2026, 1, 20)).is_overdue


def test_an_foi_request_received_today_is_not_overdue(service, make_foi):
    assert not make_foi(service, received_on=TODAY).is_overdue


def test_a_complaint_is_due_the_services_number_of_working_days_after_it_was_received(service, make_feedback):
    service.complaint_response_working_days = 10
    service.save()
    # 7-10 Apr (4, after Easter), 13-17 (9), 20 Apr (10)
    assert make_feedback(service, received_on=D(2026, 4, 2)).response_due_on == D(2026, 4, 20)


def test_by_default_a_complaint_is_due_in_25_working_days(service, make_feedback):
    # From 2 Apr 2026: 5 May is the 20th (as for FOI), then 6-8 May (23), 11-12 May (25)
    assert make_feedback(service, received_on=D(2026, 4, 2)).response_due_on == D(2026, 5, 12)


def test_a_complaint_past_its_due_date_without_a_response_is_overdue(service, make_feedback):
    assert make_feedback(service, received_on=D(2026, 4, 2)).is_overdue


def test_an_answered_complaint_is_not_overdue(service, make_feedback):
    assert not make_feedback(service, received_on=D(2026, 4, 2), responded_on=D(2026, 4, 30)).is_overdue


def test_a_compliment_has_no_response_deadline_and_is_never_overdue(service, make_feedback):
    compliment = make_feedback(service, kind="compliment", received_on=D(2025, 1, 6))
    assert (compliment.response_due_on, compliment.is_overdue) == (None, False)


# Through the pages -------------------------------------------------------------------------------


@pytest.fixture
def manager(as_role):
    return as_role(Role.MANAGER)


def feedback_form(**changes) -> dict:
    return {
        "kind": "complaint",
        "from_whom": "A parent",
        "about": "Keyworker visits",
        "summary": "Visits cancelled at short notice",
        **date_parts("received_on", D(2026, 4, 2)),
        **changes,
    }


def foi_form(**changes) -> dict:
    return {
        "requester": "A journalist",
        "subject": "Out-of-area placements",
        **date_parts("received_on", D(2026, 4, 2)),
        **changes,
    }


def test_a_complaint_recorded_on_the_page_gets_its_deadline_from_the_service(manager):
    manager.service.complaint_response_working_days = 10
    manager.service.save()
    response = manager.http.post(reverse("programme:add_feedback"), feedback_form())
    assert response.status_code == 302 and response.url == reverse("programme:feedback")
    complaint = Feedback.objects.get()
    assert (complaint.service, complaint.response_due_on) == (manager.service, D(2026, 4, 20))


def test_an_foi_request_recorded_on_the_page_is_due_in_20_working_days(manager):
    response = manager.http.post(reverse("programme:add_foi"), foi_form())
    assert response.status_code == 302
    assert FoiRequest.objects.get().due_on == D(2026, 5, 5)


def test_the_feedback_page_lists_only_this_services_records(manager, other_service, make_feedback, make_foi):
    ours = make_feedback(manager.service)
    make_feedback(other_service)
    make_foi(other_service)
    context = manager.http.get(reverse("programme:feedback")).context
    assert (list(context["feedback"]), list(context["foi_requests"])) == ([ours], [])


@pytest.mark.parametrize(("page", "form"), [("programme:add_feedback", feedback_form), ("programme:add_foi", foi_form)])
def test_a_response_before_the_date_received_is_refused_on_the_page(manager, page, form):
    response = manager.http.post(reverse(page), form(**date_parts("responded_on", D(2026, 4, 1))))
    assert response.context["form"].errors["responded_on"] == ["The response cannot be before the date received"]
    assert not Feedback.objects.exists() and not FoiRequest.objects.exists() and not AuditEntry.objects.exists()


@pytest.mark.parametrize(("page", "form"), [("programme:add_feedback", feedback_form), ("programme:add_foi", foi_form)])
def test_a_date_received_in_the_future_is_refused_on_the_page(manager, page, form):
    response = manager.http.post(reverse(page), form(**date_parts("received_on", TODAY + datetime.timedelta(days=1))))
    assert "today or in the past" in response.context["form"].errors["received_on"][0]
    assert not Feedback.objects.exists() and not FoiRequest.objects.exists()


def test_a_response_recorded_later_on_the_page_stops_the_complaint_being_overdue(manager, make_feedback):
    complaint = make_feedback(manager.service)
    data = feedback_form(**date_parts("responded_on", D(2026, 5, 1)), outcome="Apology and new visit plan")
    response = manager.http.post(reverse("programme:edit_feedback", args=[complaint.pk]), data)
    assert response.status_code == 302
    complaint.refresh_from_db()
    assert (complaint.responded_on, complaint.is_overdue) == (D(2026, 5, 1), False)


# Through the API ---------------------------------------------------------------------------------


@pytest.fixture
def post(client, service, make_user, api_for):
    headers = api_for(make_user(service, Role.MANAGER))
    return lambda path, body: client.post(path, body, content_type="application/json", **headers)


def api_feedback(**changes) -> dict:
    body = {"kind": "complaint", "received_on": "2026-04-02", "from_whom": "A parent", "about": "Visits"}
    return body | {"summary": "Cancelled at short notice"} | changes


def api_foi(**changes) -> dict:
    return {"received_on": "2026-04-02", "requester": "A journalist", "subject": "Placements"} | changes


def test_a_complaint_added_through_the_api_has_its_deadline_and_overdue_flag(post):
    response = post("/api/programme/feedback", api_feedback())
    assert response.status_code == 201
    assert (response.json()["response_due_on"], response.json()["is_overdue"]) == ("2026-05-12", True)


def test_an_foi_request_added_through_the_api_has_its_due_date(post):
    response = post("/api/programme/foi", api_foi(received_on="2025-12-19"))
    assert response.status_code == 201
    assert (response.json()["due_on"], response.json()["is_overdue"]) == ("2026-01-21", True)


@pytest.mark.parametrize(("path", "body"), [("/api/programme/feedback", api_feedback), ("/api/programme/foi", api_foi)])
def test_a_response_before_the_date_received_is_refused_by_the_api(post, path, body):
    response = post(path, body(responded_on="2026-04-01"))
    assert response.status_code == 422
    assert response.json() == {"errors": {"responded_on": ["The response cannot be before the date received"]}}
    assert not Feedback.objects.exists() and not FoiRequest.objects.exists() and not AuditEntry.objects.exists()


def test_a_kind_that_is_neither_complaint_nor_compliment_is_refused_by_the_api(post):
    response = post("/api/programme/feedback", api_feedback(kind="grumble"))
    assert response.status_code == 422 and list(response.json()["errors"]) == ["kind"]
    assert not Feedback.objects.exists()
