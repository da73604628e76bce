"""PBS plan reviews on the owner's work list: the current version's review, overdue or due within the
week, for the people a worker holds."""

import datetime

from django.urls import reverse

from keywork.behavioursupport.tests.conftest import plan_form
from keywork.testing.dates import TODAY, days_ago
from keywork.worklists.reminders import reminder_lines


def save_plan(client, person, version: int, review_on: datetime.date):
    form = plan_form(based_on_version=str(version), agreed_on_0="1", agreed_on_1="1", agreed_on_2=TODAY.year - 1)
    form |= {"review_on_0": review_on.day, "review_on_1": review_on.month, "review_on_2": review_on.year}
    assert client.http.post(reverse("behavioursupport:edit_plan", args=[person.pk]), form).status_code == 302


def test_an_overdue_plan_review_is_on_the_technicians_work_list(technician, person):
    save_plan(technician, person, 0, days_ago(2))
    page = technician.http.get(reverse("worklists:pbs-reviews-due")).content.decode()
    assert person.full_name in page and "Version 1" in page and "Overdue" in page
    assert f"PBS plan review overdue since {days_ago(2):%-d %B %Y}: {person.full_name}" in reminder_lines(
        technician.user
    )


def test_a_later_version_reviewed_later_takes_the_plan_off_the_list(technician, person):
    save_plan(technician, person, 0, days_ago(2))
    save_plan(technician, person, 1, TODAY + datetime.timedelta(days=90))
    page = technician.http.get(reverse("worklists:pbs-reviews-due")).content.decode()
    assert "0 PBS plan reviews" in page and person.full_name not in page.split("<main")[1]
