"""The activity report: signposting in a period by type of worker and by provider (the employer of
the post the worker held that day), counts suppressed for those who see no records."""

import datetime
from decimal import Decimal

from django.urls import reverse

from keywork.accounts.models import Role, WorkerType
from keywork.programme.models import Post, PostHolding
from keywork.signposting.activity import activity
from keywork.testing.dates import TODAY, days_ago
from keywork.testing.factories import allocate, create_user
from keywork.testing.pages import date_parts, logged_in


def _employed(user, employer: str, starts_on=None, ends_on=None):
    post = Post.objects.create(
        service=user.service, title="Post", role="r", hours_per_week=Decimal("30"), employer=employer
    )
    starts_on = starts_on or days_ago(400)
    PostHolding.objects.create(post=post, worker=user, worker_name="W", starts_on=starts_on, ends_on=ends_on, wte=1)


def test_activity_counts_by_worker_type_and_by_the_employer_of_the_day(service, child, peer, signposting_of):
    keyworker = create_user(service, Role.KEYWORKER, worker_type=WorkerType.PRACTICE_CONSULTANT)
    allocate(child, keyworker)
    _employed(peer, "Kent County Council", days_ago(400), days_ago(31))
    _employed(peer, "Partner charity", days_ago(30))
    _employed(keyworker, "Kent County Council")
    signposting_of(child, peer, signposted_on=days_ago(40))
    signposting_of(child, peer, signposted_on=days_ago(10), outcome="attended", outcome_on=days_ago(5))
    signposting_of(child, keyworker, signposted_on=days_ago(10))
    signposting_of(child, keyworker, signposted_on=days_ago(200))  # before the period

    report = activity(service, days_ago(60), TODAY)

    assert report.by_worker_type["row_totals"] == {"Peer Associate": 2, "Practice Consultant": 1}
    assert report.by_provider["cells"]["Partner charity"] == {"Attended": 1, "Not taken up": 0, "Waiting": 0}
    assert report.by_provider["row_totals"] == {"Kent County Council": 2, "Partner charity": 1}
    assert report.people == 1


def test_a_worker_with_no_post_is_counted_as_employer_not_recorded(service, child, peer, signposting_of):
    signposting_of(child, peer)
    assert list(activity(service, days_ago(30), TODAY).by_provider["cells"]) == ["Employer not recorded"]


def test_a_commissioner_sees_the_report_with_small_numbers_hidden(service, child, peer, signposting_of, as_role):
    signposting_of(child, peer)
    page = as_role(Role.COMMISSIONER).http.get(reverse("signposting:report")).content.decode()
    assert "Peer Associate" in page and "Counts from 1 to" in page
    assert child.family_name not in page


def test_the_lead_sees_the_true_counts_for_a_chosen_period(service, child, peer, signposting_of):
    signposting_of(child, peer, signposted_on=days_ago(100))
    lead = logged_in(create_user(service, Role.LEAD)).http
    query = date_parts("start", days_ago(120)) | date_parts("end", days_ago(90))
    page = lead.get(reverse("signposting:report"), query).content.decode()
    assert "See them as they will be published" in page and ">1<" in page.replace(" ", "").replace("\n", "")


def test_a_period_ending_before_it_starts_is_refused_with_an_error_summary(service, as_role):
    query = date_parts("start", days_ago(1)) | date_parts("end", days_ago(10))
    page = as_role(Role.LEAD).http.get(reverse("signposting:report"), query).content.decode()
    assert "There is a problem" in page and "The last day must be on or after the first day" in page


def test_the_default_period_is_the_quarter_so_far():
    from keywork.signposting.views import quarter_so_far

    assert quarter_so_far(datetime.date(2026, 12, 2)) == (datetime.date(2026, 10, 1), datetime.date(2026, 12, 2))
    assert quarter_so_far(datetime.date(2026, 3, 31))[0] == datetime.date(2026, 1, 1)
