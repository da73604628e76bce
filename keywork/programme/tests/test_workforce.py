"""Headcount and whole-time equivalent by role on a date, vacancies, posts never filled beyond their
WTE, and assurance (registrations, DBS, training) lapsing within 60 days.

On 1 June 2026: Practice Consultant 1 was Ann's until 31 March and has been Bea's (1.0) since
1 April; Practice Consultant 2 is Cal's from 1 July, so empty on 1 June; the Behaviour Analyst
post (22.5 hours, 0.60 WTE) is Dee's; nobody has the Peer Associate post. So: Practice
Consultant 1 person, 1.00 WTE; Behaviour Team 1 person, 0.60 WTE; 2 people, 1.60 WTE; two vacancies.
"""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from keywork.accounts.models import Role
from keywork.assurance.models import Assurance
from keywork.assurance.rules import lapsing, workers_with_lapsed_registration
from keywork.audit.models import AuditEntry
from keywork.programme.models import Post, PostHolding
from keywork.programme.workforce import workforce_on
from keywork.testing.dates import TODAY
from keywork.testing.pages import date_parts

D = datetime.date
ON = D(2026, 6, 1)


@pytest.fixture
def team(service, make_post, hold):
    first = make_post(service, "Practice Consultant 1")
    second = make_post(service, "Practice Consultant 2")
    analyst = make_post(service, "Behaviour Analyst", role="Behaviour Team", hours="22.5")
    peer = make_post(service, "Peer Associate", role="Peer Associate")
    hold(first, "Ann", D(2025, 1, 1), D(2026, 3, 31))
    hold(first, "Bea", D(2026, 4, 1))
    hold(second, "Cal", D(2026, 7, 1))
    hold(analyst, "Dee", D(2025, 9, 1), wte="0.60")
    return {"first": first, "second": second, "analyst": analyst, "peer": peer}


def test_a_post_of_22_and_a_half_hours_is_0_6_whole_time_equivalent(service, make_post):
    assert make_post(service, hours="22.5").wte == Decimal("0.60")


def test_headcount_and_wte_are_given_by_role_on_the_date(service, team):
    summary = workforce_on(service, ON)
    assert summary["by_role"] == {
        "Behaviour Team": {"headcount": 1, "wte": Decimal("0.60")},
        "Practice Consultant": {"headcount": 1, "wte": Decimal("1.00")},
    }
    assert (summary["headcount"], summary["wte"]) == (2, Decimal("1.60"))


def test_posts_nobody_holds_on_the_date_are_vacancies(service, team):
    assert {post.title for post in workforce_on(service, ON)["vacancies"]} == {
        "Practice Consultant 2",
        "Peer Associate",
    }


def test_a_holding_counts_on_its_last_day(service, team):
    summary = workforce_on(service, D(2026, 3, 31))
    assert summary["by_role"]["Practice Consultant"] == {"headcount": 1, "wte": Decimal("1.00")}
    assert "Practice Consultant 1" not in {post.title for post in summary["vacancies"]}


def test_a_holding_that_starts_later_counts_from_its_first_day(service, team):
    summary = workforce_on(service, D(2026, 7, 1))
    assert summary["by_role"]["Practice Consultant"] == {"headcount": 2, "wte": Decimal("2.00")}
    assert [post.title for post in summary["vacancies"]] == ["Peer Associate"]


def test_one_worker_in_two_posts_is_one_head_with_both_fractions(service, make_post, hold, make_user):
    worker = make_user(service, Role.KEYWORKER)
    hold(make_post(service, "Practice Consultant 1"), "Eve", D(2026, 1, 1), wte="0.50", worker=worker)
    hold(make_post(service, "Practice Consultant 2"), "Eve", D(2026, 1, 1), wte="0.30", worker=worker)
    summary = workforce_on(service, ON)
    assert (summary["headcount"], summary["wte"]) == (1, Decimal("0.80"))


def test_another_services_posts_are_not_counted(service, other_service, team, make_post, hold):
    hold(make_post(other_service, "Their consultant"), "Zed", D(2025, 1, 1))
    make_post(other_service, "Their vacancy")
    summary = workforce_on(service, ON)
    assert summary["headcount"] == 2 and len(summary["vacancies"]) == 2


def test_the_workforce_page_shows_the_date_asked_for(as_role, team):
    response = as_role(Role.MANAGER).http.get(reverse("programme:workforce"), date_parts("on", ON))
    assert (response.context["day"], response.context["summary"]["wte"]) == (ON, Decimal("1.60"))


def test_a_date_that_does_not_exist_is_refused_in_words_and_today_counted(as_role, team):
    impossible = {"on_0": "31", "on_1": "2", "on_2": "2026"}
    response = as_role(Role.MANAGER).http.get(reverse("programme:workforce"), impossible)
    assert response.context["day"] == TODAY
    assert "Date to count on must be a real date" in response.content.decode()


@pytest.mark.parametrize("hours", ["0", "48.5"])
def test_hours_outside_half_an_hour_to_48_a_week_are_refused(service, hours):
    post = Post(service=service, title="PC", role="PC", hours_per_week=Decimal(hours), employer="KCC")
    with pytest.raises(ValidationError) as refused:
        post.full_clean()
    assert list(refused.value.message_dict) == ["hours_per_week"]


# Filling a post ----------------------------------------------------------------------------------


def holding_form(name, starts_on, wte, ends_on=None) -> dict:
    data = {"worker_name": name, "wte": wte, **date_parts("starts_on", starts_on)}
    return data | (date_parts("ends_on", ends_on) if ends_on else {})


@pytest.fixture
def manager(as_role):
    return as_role(Role.MANAGER)


def test_a_post_filled_on_the_page_counts_in_the_workforce(manager, make_post):
    post = make_post(manager.service)
    response = manager.http.post(reverse("programme:fill_post", args=[post.pk]), holding_form("Bea", ON, "1.0"))
    assert response.status_code == 302
    assert workforce_on(manager.service, ON)["wte"] == Decimal("1.00")


def test_two_people_filling_more_than_the_posts_wte_over_the_same_dates_is_refused(manager, make_post, hold):
    post = make_post(manager.service)
    hold(post, "Ann", D(2026, 1, 1), wte="0.60")
    response = manager.http.post(reverse("programme:fill_post", args=[post.pk]), holding_form("Bea", ON, "0.6"))
    assert "is already filled over these dates" in response.context["form"].errors["wte"][0]
    assert PostHolding.objects.count() == 1 and not AuditEntry.objects.exists()


def test_the_refusal_gives_the_wte_already_filled_and_left_to_two_places(manager, make_post, hold):
    post = make_post(manager.service)
    hold(post, "Ann", D(2026, 1, 1), wte="0.60")
    response = manager.http.post(reverse("programme:fill_post", args=[post.pk]), holding_form("Bea", ON, "0.6"))
    assert response.context["form"].errors["wte"] == [
        "The post is 1.00 WTE and 0.60 is already filled over these dates: at most 0.40 is left"
    ]


def test_two_part_timers_may_share_a_post_up_to_its_wte(manager, make_post, hold):
    post = make_post(manager.service)
    hold(post, "Ann", D(2026, 1, 1), wte="0.60")
    response = manager.http.post(reverse("programme:fill_post", args=[post.pk]), holding_form("Bea", ON, "0.4"))
    assert response.status_code == 302 and PostHolding.objects.count() == 2


def test_a_new_holder_may_start_the_day_after_the_last_one_ended(manager, make_post, hold):
    post = make_post(manager.service)
    hold(post, "Ann", D(2025, 1, 1), D(2026, 3, 31))
    response = manager.http.post(
        reverse("programme:fill_post", args=[post.pk]), holding_form("Bea", D(2026, 4, 1), "1.0")
    )
    assert response.status_code == 302


def test_a_holding_that_overlaps_the_last_day_of_another_is_refused(manager, make_post, hold):
    post = make_post(manager.service)
    hold(post, "Ann", D(2025, 1, 1), D(2026, 3, 31))
    response = manager.http.post(
        reverse("programme:fill_post", args=[post.pk]), holding_form("Bea", D(2026, 3, 31), "1.0")
    )
    assert "wte" in response.context["form"].errors and PostHolding.objects.count() == 1


def test_a_part_timer_across_two_successive_job_sharers_is_allowed_when_the_post_is_never_overfilled(
    manager, make_post, hold
):
    # Sam (0.6) until September then Kim (0.6) from October, with Alex (0.4) throughout: never more
    # than 1.0 on any day. Entered in the other order (Alex first) it is accepted today.
    post = make_post(manager.service)
    hold(post, "Sam", D(2025, 4, 1), D(2025, 9, 30), wte="0.60")
    hold(post, "Kim", D(2025, 10, 1), wte="0.60")
    response = manager.http.post(
        reverse("programme:fill_post", args=[post.pk]), holding_form("Alex", D(2025, 4, 1), "0.4")
    )
    assert response.status_code == 302 and PostHolding.objects.count() == 3


def test_an_end_before_the_start_is_refused(manager, make_post):
    post = make_post(manager.service)
    data = holding_form("Bea", ON, "1.0", ends_on=ON - datetime.timedelta(days=1))
    response = manager.http.post(reverse("programme:fill_post", args=[post.pk]), data)
    assert "on or after the start date" in response.context["form"].errors["ends_on"][0]
    assert not PostHolding.objects.exists()


@pytest.mark.parametrize("wte", ["0", "-0.5"])
def test_a_whole_time_equivalent_of_zero_or_less_is_refused(manager, make_post, wte):
    post = make_post(manager.service)
    response = manager.http.post(reverse("programme:fill_post", args=[post.pk]), holding_form("Bea", ON, wte))
    assert response.context["form"].errors["wte"] == ["Enter a whole-time equivalent above 0"]
    assert not PostHolding.objects.exists()


def test_a_whole_time_equivalent_that_is_not_a_number_is_refused_with_a_message(manager, make_post):
    post = make_post(manager.service)
    response = manager.http.post(reverse("programme:fill_post", args=[post.pk]), holding_form("Bea", ON, "full"))
    assert response.status_code == 200 and response.context["form"].errors["wte"]
    assert not PostHolding.objects.exists()


def test_hours_that_are_not_a_number_are_refused_with_a_message(manager):
    data = {"title": "PC 3", "role": "Practice Consultant", "hours_per_week": "full time", "employer": "KCC"}
    response = manager.http.post(reverse("programme:add_post"), data)
    assert response.status_code == 200 and response.context["form"].errors["hours_per_week"]
    assert not Post.objects.exists()


# Assurance ---------------------------------------------------------------------------------------


@pytest.fixture
def worker(service, make_user):
    return make_user(service, Role.KEYWORKER)


def days(n: int) -> datetime.date:
    return TODAY + datetime.timedelta(days=n)


def test_assurance_lapsing_within_60_days_is_listed_soonest_first(service, worker, make_assurance):
    later = make_assurance(worker, "dbs", days(60))
    sooner = make_assurance(worker, "ig", days(10))
    make_assurance(worker, "mca", days(61))
    assert lapsing(service, TODAY) == [sooner, later]


def test_a_lapsed_registration_is_listed_as_lapsed(service, worker, make_assurance):
    lapsed = make_assurance(worker, "swe", days(-1))
    assert lapsing(service, TODAY) == [lapsed] and lapsed.is_lapsed
    assert workers_with_lapsed_registration(service, TODAY) == {worker.pk}


def test_a_renewal_replaces_the_lapsed_record_of_the_same_kind(service, worker, make_assurance):
    make_assurance(worker, "hcpc", days(-30))
    make_assurance(worker, "hcpc", days(700))
    assert lapsing(service, TODAY) == [] and workers_with_lapsed_registration(service, TODAY) == set()


def test_a_lapsed_dbs_check_is_not_a_lapsed_registration(service, worker, make_assurance):
    make_assurance(worker, "dbs", days(-5))
    assert len(lapsing(service, TODAY)) == 1 and workers_with_lapsed_registration(service, TODAY) == set()


def test_another_services_workers_are_not_listed(service, other_service, make_user, make_assurance):
    make_assurance(make_user(other_service, Role.KEYWORKER), "swe", days(-1))
    assert lapsing(service, TODAY) == []


def test_the_workforce_page_marks_a_lapsed_registration(manager, worker, make_assurance):
    make_assurance(worker, "swe", days(-1))
    response = manager.http.get(reverse("programme:workforce"))
    assert [item.what for item in response.context["lapsing"]] == ["Social Work England registration"]
    assert "Social Work England registration lapsed" in response.content.decode()


def test_a_registration_needs_its_register_number(manager, worker):
    data = {"worker": worker.pk, "kind": "hcpc", "reference": " ", **date_parts("completed_on", days(-1))}
    response = manager.http.post(reverse("programme:add_assurance"), data | date_parts("expires_on", days(300)))
    assert response.context["form"].errors["reference"] == ["Enter the register number"]
    assert not Assurance.objects.exists()


def test_assurance_cannot_be_recorded_for_another_services_worker(manager, other_service, make_user):
    stranger = make_user(other_service, Role.KEYWORKER)
    data = {"worker": stranger.pk, "kind": "dbs", **date_parts("completed_on", days(-1))}
    response = manager.http.post(reverse("programme:add_assurance"), data | date_parts("expires_on", days(300)))
    assert "worker" in response.context["form"].errors and not Assurance.objects.exists()
