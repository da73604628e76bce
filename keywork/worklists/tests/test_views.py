"""The home pages and each work list's own page: who sees whose work, "See all", the keyworker
named and filtered by, and "Mark as done" from the list coming back to it."""

import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from keywork.accounts.models import Role
from keywork.audit.models import AuditEntry, Operation
from keywork.register.models import Person
from keywork.testing.dates import TODAY, days_ago
from keywork.testing.factories import create_user, refer
from keywork.testing.pages import logged_in
from keywork.worklists.tests.conftest import follow_up, turned


@pytest.fixture
def colleague(service):
    """A second keyworker, with a name to show."""
    return create_user(service, Role.KEYWORKER, username="robin")


def done_form(day=TODAY) -> dict:
    return {"done_on_0": day.day, "done_on_1": day.month, "done_on_2": day.year}


def follow_ups_on(response):
    return response.context["work"]["follow-ups-due"]


# The keyworker's home -----------------------------------------------------------------------------


def test_a_keyworkers_home_lists_follow_ups_due_this_week_as_well_as_overdue(keyworker, someone):
    person = someone(allocated_to=keyworker.user)
    follow_up(person, days_ago(2), keyworker.user, "Ring the SENCo")
    follow_up(person, days_ago(-6), keyworker.user, "Send the plan to CAMHS")

    home = keyworker.http.get(reverse("home"))

    assert [f.description for f in follow_ups_on(home)] == ["Ring the SENCo", "Send the plan to CAMHS"]
    assert "Send the plan to CAMHS" in home.content.decode()


def test_a_long_list_shows_its_first_rows_and_says_how_many_there_are_in_all(keyworker, someone):
    person = someone(allocated_to=keyworker.user)
    for day in range(12):
        follow_up(person, days_ago(day), keyworker.user)

    page = keyworker.http.get(reverse("home")).content.decode()

    assert len(follow_ups_on(keyworker.http.get(reverse("home"))).rows) == 5
    assert f'<a href="{reverse("worklists:follow-ups-due")}">See all 12 follow-ups</a>' in page


def test_a_short_list_has_no_see_all_link(keyworker, someone):
    follow_up(someone(allocated_to=keyworker.user), TODAY, keyworker.user)

    assert "See all" not in keyworker.http.get(reverse("home")).content.decode()


def test_each_lists_own_page_shows_all_of_it_paged(keyworker, someone):
    person = someone(allocated_to=keyworker.user)
    for _ in range(30):
        follow_up(person, TODAY, keyworker.user)

    first = keyworker.http.get(reverse("worklists:follow-ups-due"))
    second = keyworker.http.get(reverse("worklists:follow-ups-due"), {"page": 2})

    assert (first.context["page"].paginator.count, len(first.context["page"]), len(second.context["page"])) == (
        30,
        25,
        5,
    )
    assert "30 follow-ups" in first.content.decode()


def test_the_not_contacted_list_is_headed_with_the_services_gap(keyworker, someone, service):
    someone(allocated_to=keyworker.user, allocated_on=days_ago(20))

    page = keyworker.http.get(reverse("home")).content.decode()

    assert "Not contacted for more than 14 days" in page
    assert f"None since allocated on {days_ago(20).day} " in page


def test_a_keyworker_sees_only_their_own_work_and_no_keyworker_filter(keyworker, someone, colleague):
    follow_up(someone(allocated_to=colleague), TODAY, colleague, "Not mine")

    home = keyworker.http.get(reverse("home"))

    assert list(follow_ups_on(home)) == [] and home.context["filters"] is None
    assert (
        keyworker.http.get(reverse("worklists:follow-ups-due"), {"keyworker": colleague.pk})
        .context["page"]
        .paginator.count
        == 0
    )


def restricted(follow_up):
    follow_up.contact.restricted = True
    follow_up.contact.save()
    return follow_up


def test_a_follow_up_agreed_at_a_restricted_contact_is_hidden_as_its_notes_are(
    someone, keyworker, manager, service, as_role
):
    peer = create_user(service, Role.KEYWORKER, username="sky", worker_type="peer_associate")
    person = someone(allocated_to=peer)
    hidden = restricted(follow_up(person, TODAY, peer, "Ring the social worker"))
    shown = follow_up(person, TODAY, peer, "Book the swimming lesson")
    page = logged_in(peer).http.get(reverse("worklists:follow-ups-due"))
    assert list(page.context["page"]) == [shown] and "Ring the social worker" not in page.content.decode()
    coordinator = as_role(Role.COORDINATOR).http.get(reverse("worklists:follow-ups-due"))
    assert list(coordinator.context["page"]) == [shown]
    assert list(manager.http.get(reverse("home"), {"keyworker": peer.pk}).context["work"]["follow-ups-due"]) == [
        hidden,
        shown,
    ]


# The manager's home -------------------------------------------------------------------------------


def test_the_managers_home_names_the_keyworker_on_each_row(manager, someone, colleague):
    colleague.first_name, colleague.last_name = "Robin", "Ash"
    colleague.save()
    follow_up(someone(allocated_to=colleague), TODAY, colleague, "Book the C(E)TR")
    follow_up(someone(), TODAY, manager.user, "Find a keyworker")

    page = manager.http.get(reverse("home")).content.decode()

    assert "Robin Ash" in page and "Not allocated" in page
    assert ">Keyworker</th>" in page


def test_the_manager_filters_the_teams_work_by_keyworker_in_the_url(manager, someone, colleague, keyworker):
    robins = follow_up(someone(allocated_to=colleague), TODAY, colleague)
    follow_up(someone(allocated_to=keyworker.user), TODAY, keyworker.user)

    everyone = manager.http.get(reverse("home"))
    robin = manager.http.get(reverse("home"), {"keyworker": colleague.pk})

    assert len(follow_ups_on(everyone)) == 2
    assert list(follow_ups_on(robin)) == [robins]
    assert "robin&#39;s work" in robin.content.decode()


def test_the_filter_is_kept_on_see_all_links_and_the_lists_own_page(manager, someone, colleague):
    person = someone(allocated_to=colleague)
    for _ in range(7):
        follow_up(person, TODAY, colleague)

    page = manager.http.get(reverse("home"), {"keyworker": colleague.pk}).content.decode()
    listed = manager.http.get(reverse("worklists:follow-ups-due"), {"keyworker": colleague.pk})

    assert f'{reverse("worklists:follow-ups-due")}?keyworker={colleague.pk}">See all 7 follow-ups' in page
    assert listed.context["page"].paginator.count == 7 and listed.context["worker"] == colleague


def test_a_keyworker_of_another_service_is_not_a_filter_choice(manager, someone, other_service, keyworker):
    stranger = create_user(other_service, Role.KEYWORKER)
    follow_up(someone(allocated_to=keyworker.user), TODAY, keyworker.user)

    response = manager.http.get(reverse("home"), {"keyworker": stranger.pk})

    assert response.context["worker"] is None and len(follow_ups_on(response)) == 1


def test_the_managers_home_counts_what_waits_on_the_team(manager, someone, admit, keyworker):
    refer(someone(), manager.user)
    refer(someone(), manager.user, "accepted", decided_on=days_ago(2))
    with_keyworker = someone(allocated_to=keyworker.user)
    admit(with_keyworker, days_ago(3))
    admit(someone(), days_ago(3))
    Person.objects.update(next_review_due=days_ago(-5))
    someone(review_due=days_ago(1))

    counts = {c.label: c.count for c in manager.http.get(reverse("home")).context["counts"]}

    assert counts == {
        "Referrals to decide": 1,
        "Referrals to allocate": 1,
        "Overdue reviews": 1,
        "Inpatients": 2,
        "Inpatients without a keyworker": 1,
    }


def test_the_referrals_to_allocate_count_leads_to_the_allocation_queue(manager, someone):
    refer(someone(), manager.user, "accepted", decided_on=days_ago(2))
    home = manager.http.get(reverse("home"))
    count = next(c for c in home.context["counts"] if c.label == "Referrals to allocate")

    queues = manager.http.get(count.href.partition("#")[0])

    assert count.href == reverse("keyworking:referrals") + "#allocation"
    assert '<h2 id="allocation">Waiting for a keyworker (1)</h2>' in queues.content.decode()


def test_the_counts_are_of_the_managers_own_service(manager, other_service, add_person, coordinator_user):
    stranger = add_person(other_service, create_user(other_service, Role.COORDINATOR), rating="red")
    refer(stranger, coordinator_user)

    counts = manager.http.get(reverse("home")).context["counts"]

    assert [c.count for c in counts] == [0, 0, 0, 0, 0]


def test_a_commissioner_keeps_the_suppressed_figures_and_no_work_lists(as_role, someone):
    someone()

    home = as_role(Role.COMMISSIONER).http.get(reverse("home"))

    assert home.templates[0].template.name == "reporting/home.jinja" and "work" not in home.context
    assert home.context["figures"]["suppressed"]


@pytest.mark.parametrize(("role", "status"), [(Role.COMMISSIONER, 403), (Role.REGIONAL, 403), (Role.COORDINATOR, 200)])
def test_a_lists_own_page_is_for_roles_that_may_see_people(as_role, role, status):
    assert as_role(role).http.get(reverse("worklists:reviews-due")).status_code == status


# Mark as done -------------------------------------------------------------------------------------


def test_mark_as_done_from_the_home_page_returns_there_with_a_banner_and_is_audited(keyworker, someone):
    person = someone(allocated_to=keyworker.user)
    item = follow_up(person, TODAY, keyworker.user, "Ring the SENCo")
    url = reverse("keyworking:complete_follow_up", args=[item.pk]) + "?next=/%3Fpage%3D1"

    response = keyworker.http.post(url, done_form(), follow=True)

    assert response.redirect_chain == [("/?page=1", 302)]
    assert f"Follow-up for {person.full_name} marked as done: Ring the SENCo" in response.content.decode()
    assert list(follow_ups_on(response)) == []
    item.refresh_from_db()
    assert item.done_on == TODAY
    entry = AuditEntry.objects.get(operation=Operation.UPDATE, object_id=str(item.pk))
    assert (entry.actor, entry.person_id) == (keyworker.user, person.pk)


def test_the_home_page_form_says_where_to_come_back_to(keyworker, someone):
    item = follow_up(someone(allocated_to=keyworker.user), TODAY, keyworker.user)

    page = keyworker.http.get(reverse("home")).content.decode()

    assert f'action="{reverse("keyworking:complete_follow_up", args=[item.pk])}?next=/"' in page


@pytest.mark.parametrize(
    "next_url", [None, "https://elsewhere.example/", "//elsewhere.example/", "javascript:alert(1)"]
)
def test_mark_as_done_without_a_path_on_this_site_goes_back_to_the_person(keyworker, someone, next_url):
    person = someone(allocated_to=keyworker.user)
    item = follow_up(person, TODAY, keyworker.user)
    url = reverse("keyworking:complete_follow_up", args=[item.pk])

    response = keyworker.http.post(url, done_form(), QUERY_STRING=f"next={next_url}" if next_url else "")

    assert response.status_code == 302
    assert response.url.startswith(reverse("register:person", args=[person.pk]))


def test_a_follow_up_another_keyworker_may_not_reach_is_not_found(keyworker, someone, colleague):
    item = follow_up(someone(allocated_to=colleague), TODAY, colleague)
    url = reverse("keyworking:complete_follow_up", args=[item.pk]) + "?next=/"

    assert keyworker.http.post(url, done_form()).status_code == 404
    item.refresh_from_db()
    assert item.done_on is None


# Speed and the reminder ---------------------------------------------------------------------------


def fill_every_list(someone, worker, admit, n):
    for _ in range(n):
        person = someone(allocated_to=worker, review_due=TODAY, allocated_on=days_ago(40))
        follow_up(person, TODAY, worker)
        admit(person, days_ago(8))
        turned(person, 26, keywork_open_by=worker)  # on the preparing-for-adulthood lists too


@pytest.mark.parametrize("role", [Role.KEYWORKER, Role.MANAGER])
def test_a_home_page_runs_a_fixed_number_of_queries_whatever_the_caseload(
    role, service, keyworker, manager, someone, admit, django_assert_max_num_queries
):
    viewer = keyworker if role == Role.KEYWORKER else manager
    fill_every_list(someone, keyworker.user, admit, 1)
    with django_assert_max_num_queries(50) as few:  # 13 lists, each a query or two
        viewer.http.get(reverse("home"))
    fill_every_list(someone, keyworker.user, admit, 12)
    with django_assert_max_num_queries(len(few)) as many:
        viewer.http.get(reverse("home"))
    assert len(many) == len(few), f"{len(few)} queries with one of everything, {len(many)} with 13"


def test_the_daily_reminder_lists_what_is_due_this_week_as_the_home_page_does(keyworker, someone):
    keyworker.user.email = "worker@example.org"
    keyworker.user.save()
    person = someone(allocated_to=keyworker.user)
    follow_up(person, days_ago(2), keyworker.user, "Ring the SENCo")
    follow_up(person, days_ago(-7), keyworker.user, "Send the plan")
    follow_up(person, days_ago(-8), keyworker.user, "Next fortnight")

    out = io.StringIO()
    call_command("send_reminders", stdout=out)

    body = mail.outbox[0].body
    assert "Sent 1 reminder email" in out.getvalue() and mail.outbox[0].to == ["worker@example.org"]
    assert f"Follow-up overdue since {days_ago(2).day} " in body and "Ring the SENCo" in body
    assert "Send the plan" in body and "Next fortnight" not in body


def test_the_people_on_a_keyworkers_home_are_the_most_urgent_first(keyworker, someone):
    for rating in ("green", "blue", "amber", "red"):
        someone(rating=rating, allocated_to=keyworker.user)

    people = keyworker.http.get(reverse("home")).context["work"]["people"]

    assert [p.rating for p in people] == ["blue", "red", "amber", "green"]


def test_a_keyworker_with_nobody_allocated_is_told_so(keyworker):
    page = logged_in(keyworker.user).http.get(reverse("home")).content.decode()

    assert "Nobody is allocated yet." in page and "No follow-ups due this week." in page
