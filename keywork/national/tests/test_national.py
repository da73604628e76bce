"""`manage.py seed_national`: the national-scale synthetic data set, built here at a tiny size."""

import datetime
import random
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from keywork.accounts.models import Role, User
from keywork.audit.models import AuditEntry
from keywork.inpatient.models import Admission
from keywork.keyworking.choices import ReferralDecision
from keywork.keyworking.models import Allocation, Contact, FollowUp, Referral
from keywork.national import areas, people
from keywork.outcomes.models import Goal, GoalRating
from keywork.register import rules
from keywork.register.choices import Rating, RatingCause
from keywork.register.models import Consent, Person, RatingChange
from keywork.reviews.models import Review
from keywork.services.models import Service

TINY = dict(areas=2, people=60, contacts=600, reviews=40)


def seed_scale(**sizes) -> str:
    out = StringIO()
    call_command("seed_national", **(TINY | sizes), stdout=out, stderr=StringIO())
    return out.getvalue()


@pytest.fixture
def national(db):
    seed_scale()
    return Service.objects.filter(slug__startswith="area-")


def test_builds_the_sizes_asked_for(national):
    assert sorted(national.values_list("name", flat=True)) == ["Area 01 Keyworker Service", "Area 02 Keyworker Service"]
    assert all(len(service.local_authorities) == 2 for service in national)
    assert Person.objects.count() == 60
    assert Contact.objects.count() == 600
    assert Review.objects.count() == 40
    assert Consent.objects.count() == 60
    assert RatingChange.objects.count() >= 60
    for review in Review.objects.prefetch_related("actions"):
        assert 1 <= len(review.actions.all()) <= 3
        assert all(action.person_id == review.person_id for action in review.actions.all())
    assert Referral.objects.filter(decision=ReferralDecision.ACCEPTED).exists()
    assert Allocation.objects.exists() and FollowUp.objects.exists()
    assert Goal.objects.exists() and GoalRating.objects.exists()
    assert AuditEntry.objects.filter(system_process="seed", person_id__isnull=False).count() == 60


def test_each_area_has_keyworkers_a_manager_and_a_coordinator_who_cannot_log_in(national):
    for service in national:
        users = list(User.objects.filter(service=service))
        roles = sorted(user.role for user in users)
        assert roles.count(Role.KEYWORKER) == areas.KEYWORKERS_PER_AREA
        assert Role.MANAGER in roles and Role.COORDINATOR in roles
        for user in users:
            assert not user.has_usable_password() and not user.is_demo
            user.full_clean()
    for allocation in Allocation.objects.select_related("worker", "person"):
        assert allocation.worker.role == Role.KEYWORKER
        assert allocation.worker.service_id == allocation.person.service_id
        assert allocation.worker_type == allocation.worker.worker_type


def test_nhs_numbers_are_valid_test_range_numbers_unique_in_each_area(national):
    for service in national:
        numbers = list(Person.objects.filter(service=service).values_list("nhs_number", flat=True))
        assert len(numbers) == len(set(numbers)) == 30
        for number in numbers:
            assert number.startswith(rules.SYNTHETIC_NHS_NUMBER_PREFIX)
            rules.validate_nhs_number(number)


def test_every_current_rating_is_the_latest_rating_change(national):
    for person in Person.objects.select_related("service"):
        person.full_clean()
        latest = person.rating_changes.first()
        assert (person.rating, person.rating_effective_on) == (latest.rating, latest.effective_on)
        assert person.next_review_due == rules.next_review_due(person.service, latest.rating, latest.effective_on)
        person.refresh_rating()  # the app's own rule agrees with the denormalised values
        assert person.rating == latest.rating


def test_every_admission_has_its_blue_and_red_rating_changes(national):
    admissions = list(Admission.objects.select_related("person"))
    assert Admission.objects.current().count() >= 2 * people.CURRENT_INPATIENTS_PER_AREA[0]
    for admission in admissions:
        changes = admission.person.rating_changes
        assert changes.filter(rating=Rating.BLUE, cause=RatingCause.ADMISSION, effective_on=admission.admitted_on)
        end = admission.discharged_on or timezone.localdate() + datetime.timedelta(days=1)
        assert not changes.filter(
            cause=RatingCause.REVIEW, effective_on__gte=admission.admitted_on, effective_on__lt=end
        )
        if admission.discharged_on:
            assert changes.filter(rating=Rating.RED, cause=RatingCause.DISCHARGE, effective_on=admission.discharged_on)
        else:
            assert admission.person.rating == Rating.BLUE
        assert admission.legal_status_changes.filter(effective_on=admission.admitted_on).exists()


def test_running_again_adds_nothing_and_says_so(national):
    before = (Person.objects.count(), Contact.objects.count(), Review.objects.count(), User.objects.count())
    output = seed_scale()
    assert "2 areas skipped" in output
    assert (Person.objects.count(), Contact.objects.count(), Review.objects.count(), User.objects.count()) == before


def test_more_areas_later_adds_only_the_new_ones(national):
    seed_scale(areas=3, people=90)
    assert Service.objects.filter(slug__startswith="area-").count() == 3
    assert Person.objects.filter(service__slug="area-03").count() == 30


def test_the_same_seed_gives_the_same_people():
    def numbers(seed):
        area = areas.Area(areas.new_service(1), "ZA", [], None, None)
        built = people.build_people(area, 50, 5, None, random.Random(seed), datetime.date(2025, 6, 1))
        return [(record.person.nhs_number, record.person.rating) for record in built]

    assert numbers("a") == numbers("a")
    assert numbers("a") != numbers("b")


@pytest.mark.parametrize(
    ("sizes", "message"),
    [
        ({"contacts": -1}, "--contacts must be 0 or more"),
        ({"reviews": -5}, "--reviews must be 0 or more"),
        ({"people": -10}, "--people must be 1 or more"),
        ({"areas": 0}, "--areas must be 1 or more"),
        ({"years": -1}, "--years must be 1 or more"),
        ({"areas": 5, "people": 3}, "at least --areas"),
    ],
)
def test_the_command_refuses_impossible_sizes(db, sizes, message):
    with pytest.raises(CommandError, match=message):
        seed_scale(**sizes)
    assert not Service.objects.exists()
