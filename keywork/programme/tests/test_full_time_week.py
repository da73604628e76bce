"""Each employer's full-time week: a post's WTE is its hours over its employer's week (37.5 until the
employer sets its own), set by the programme lead on one page, audited, and restating holdings."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from keywork.accounts.models import Role
from keywork.audit.models import AuditEntry
from keywork.programme.models import Employer, Post, PostHolding
from keywork.programme.models.workforce import FULL_TIME_HOURS, whole_time_equivalent
from keywork.programme.workforce import workforce_on

CHARITY = "Pathways Families Trust"
ON = datetime.date(2026, 6, 1)


@pytest.fixture
def charity_post(service):
    return Post.objects.create(
        service=service, title="Practice Consultant", role="Practice Consultant", hours_per_week=35, employer=CHARITY
    )


def test_an_employers_full_time_week_is_37_and_a_half_hours_until_it_sets_its_own(service, charity_post):
    assert Employer.objects.get(service=service, name=CHARITY).full_time_hours == FULL_TIME_HOURS == Decimal("37.5")
    assert charity_post.wte == Decimal("0.93")


def test_a_35_hour_post_at_an_employer_with_a_35_hour_week_is_one_whole_time_equivalent(service, charity_post):
    Employer.objects.filter(name=CHARITY).update(full_time_hours=35)
    assert Post.objects.get(pk=charity_post.pk).wte == Decimal("1.00")
    assert whole_time_equivalent(Decimal("35"), Decimal("35")) == Decimal("1.00")


def test_a_list_of_posts_reads_each_employers_week_in_the_same_query(service, charity_post, django_assert_num_queries):
    Post.objects.create(service=service, title="Lead", role="Lead", hours_per_week=37.5, employer="Council")
    Employer.objects.filter(name=CHARITY).update(full_time_hours=35)
    with django_assert_num_queries(1):
        assert {post.title: post.wte for post in Post.objects.with_full_time_hours()} == {
            "Practice Consultant": Decimal("1.00"),
            "Lead": Decimal("1.00"),
        }


def test_the_same_employer_name_in_another_service_keeps_its_own_week(service, other_service, charity_post):
    Post.objects.create(service=other_service, title="PC", role="PC", hours_per_week=35, employer=CHARITY)
    Employer.objects.filter(service=other_service).update(full_time_hours=35)
    assert Post.objects.get(pk=charity_post.pk).wte == Decimal("0.93")


def week_form(employer, hours) -> dict:
    return {"employer": employer.pk, "full_time_hours": hours}


def test_the_lead_sets_an_employers_week_and_the_change_is_audited(as_role, service, charity_post):
    lead = as_role(Role.LEAD)
    employer = Employer.objects.get(name=CHARITY)
    response = lead.http.post(reverse("programme:full_time_week"), week_form(employer, "35"))
    assert response.status_code == 302
    employer.refresh_from_db()
    assert employer.full_time_hours == Decimal("35")
    entry = AuditEntry.objects.get(object_id=str(employer.pk), content_type__model="employer")
    assert (entry.actor, entry.operation, entry.changes) == (lead.user, "update", {"full_time_hours": ["37.5", "35"]})


def test_changing_the_week_restates_the_wte_of_the_people_filling_its_posts(as_role, service, charity_post):
    PostHolding.objects.create(post=charity_post, worker_name="Bea", starts_on=ON, wte=charity_post.wte)
    lead = as_role(Role.LEAD)
    lead.http.post(reverse("programme:full_time_week"), week_form(Employer.objects.get(name=CHARITY), "35"))
    assert workforce_on(service, ON)["wte"] == Decimal("1.00")


@pytest.mark.parametrize(("hours", "message"), [("29.5", "from 30 to 48"), ("49", "from 30 to 48"), ("", "Enter")])
def test_a_week_outside_30_to_48_hours_is_refused_and_nothing_is_saved(as_role, service, charity_post, hours, message):
    lead = as_role(Role.LEAD)
    employer = Employer.objects.get(name=CHARITY)
    response = lead.http.post(reverse("programme:full_time_week"), week_form(employer, hours))
    assert message in response.context["form"].errors["full_time_hours"][0]
    employer.refresh_from_db()
    assert employer.full_time_hours == Decimal("37.5") and not AuditEntry.objects.filter(content_type__model="employer")


def test_another_services_employer_cannot_be_chosen(as_role, other_service):
    stranger = Post.objects.create(service=other_service, title="PC", role="PC", hours_per_week=35, employer=CHARITY)
    lead = as_role(Role.LEAD)
    employer = Employer.objects.get(service=stranger.service)
    response = lead.http.post(reverse("programme:full_time_week"), week_form(employer, "35"))
    assert "employer" in response.context["form"].errors
    employer.refresh_from_db()
    assert employer.full_time_hours == Decimal("37.5")


def test_a_team_manager_may_not_change_a_full_time_week(manager):
    assert manager.http.get(reverse("programme:full_time_week")).status_code == 403


def test_the_demo_charity_that_employs_cambridgeshires_keyworkers_has_a_35_hour_week(other_service, service, make_user):
    from keywork.programme.synthetic import CAMBS_CHARITY, seed_programme

    seed_programme(other_service, {}, make_user(other_service, Role.LEAD))
    seed_programme(service, {}, make_user(service, Role.LEAD))
    charity = Employer.objects.get(service=other_service, name=CAMBS_CHARITY)
    assert charity.full_time_hours == Decimal("35")
    keyworker_posts = Post.objects.filter(service=other_service, role="Practice Consultant")
    assert {(post.employer, post.wte) for post in keyworker_posts} == {(CAMBS_CHARITY, Decimal("1.00"))}
    assert set(Employer.objects.filter(service=service).values_list("full_time_hours", flat=True)) == {FULL_TIME_HOURS}
