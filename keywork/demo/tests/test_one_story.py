"""The demo's history is one story: people are referred and rated before they are admitted, the
register's history covers the same years as the admissions, everyone in hospital is Blue on the
dashboard in those months, and the dashboard's current month is the home page's figures."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db.models import Min
from django.utils import timezone

from keywork.demo.management.commands.demo import Command
from keywork.figures.census import monthly_census
from keywork.figures.register import service_people
from keywork.inpatient.models import Admission
from keywork.register.choices import RatingCause, RegisterStatus
from keywork.register.models import RatingChange
from keywork.reporting.dashboard import dashboard
from keywork.reporting.overview import overview
from keywork.services.models import Service


@pytest.mark.once
def test_the_demo_tells_one_story_from_referral_to_the_dashboard(db, settings):
    settings.DEMO = True
    call_command(Command(), stdout=StringIO())
    today = timezone.localdate()
    for service in Service.objects.all():
        assert_the_register_history_starts_by_the_first_admission(service)
        assert_everyone_admitted_was_referred_and_rated_first(service)
        assert_no_rating_after_removal(service)
        board = dashboard(service, today)
        assert_blue_is_the_census_each_month(service, board, today)
        assert_the_current_month_is_the_home_page(service, board, today)


def assert_the_register_history_starts_by_the_first_admission(service):
    reviews = RatingChange.objects.filter(person__service=service, cause=RatingCause.REVIEW)
    first_rating = reviews.aggregate(first=Min("effective_on"))["first"]
    first_admission = Admission.objects.filter(person__service=service).aggregate(first=Min("admitted_on"))["first"]
    assert first_rating <= first_admission.replace(day=1), service
    assert service.people.aggregate(first=Min("referral_date"))["first"] <= first_admission.replace(day=1), service


def assert_everyone_admitted_was_referred_and_rated_first(service):
    for admission in Admission.objects.filter(person__service=service).select_related("person"):
        person = admission.person
        assert person.referral_date <= admission.admitted_on, admission
        rated = person.rating_changes.filter(cause=RatingCause.REVIEW, effective_on__lte=admission.admitted_on)
        assert rated.exists(), admission


def assert_no_rating_after_removal(service):
    for person in service.people.exclude(status=RegisterStatus.ACTIVE):
        assert not person.rating_changes.filter(effective_on__gt=person.status_changed_on).exists(), person


def assert_blue_is_the_census_each_month(service, board, today):
    # The dashboard's months: the last two years, to this one.
    census = monthly_census(service, today.replace(year=today.year - 2, day=1), today, today)
    in_hospital = [month.count for month in census]
    assert board["register"]["blue"] == in_hospital, service
    assert sum(in_hospital) > 0, service


def assert_the_current_month_is_the_home_page(service, board, today):
    home = overview(service_people(service), service, False, today)["cells"]
    assert {rating: counts[-1] for rating, counts in board["register"].items()} == home, service
