from django.urls import reverse

from keywork.accounts.models import Role, WorkerType
from keywork.audit.models import AuditEntry, Operation
from keywork.register.record_pages import person_url
from keywork.safeguarding.models import SafeguardingConcern, SafeguardingStatus
from keywork.testing.dates import TODAY, days_ago
from keywork.testing.factories import allocate, create_user
from keywork.testing.pages import date_parts, logged_in


def _concern_form(**extra) -> dict:
    return {
        **date_parts("raised_on", TODAY),
        "category": "criminal_exploitation",
        "what_happened": "Said older boys pay them to carry parcels",
        "referred_to": "front_door",
    } | extra


def test_the_allocated_keyworker_raises_a_concern_and_reads_it_back(child, keyworker):
    client = logged_in(keyworker).http
    response = client.post(reverse("safeguarding:raise_concern", args=[child.pk]), _concern_form())
    assert response.status_code == 302 and response.url == person_url(child, "safeguarding", "concerns")
    concern = SafeguardingConcern.objects.get(person=child)
    assert concern.raised_by == keyworker
    assert AuditEntry.objects.filter(object_id=str(concern.pk), operation=Operation.CREATE).exists()
    page = client.get(person_url(child, "safeguarding")).content.decode()
    assert "Said older boys pay them to carry parcels" in page and "Safeguarding concern" in page


def test_a_concern_is_hidden_from_those_who_may_not_read_restricted_notes(service, child, keyworker, concern_of):
    concern_of(child, keyworker, what_happened="Bruises on both arms")
    peer = create_user(service, Role.KEYWORKER, worker_type=WorkerType.PEER_ASSOCIATE)
    allocate(child, peer)
    for user in (create_user(service, Role.COORDINATOR), peer):
        page = logged_in(user).http.get(person_url(child, "safeguarding")).content.decode()
        assert "Bruises on both arms" not in page
        assert "visible only to the person&#39;s own workers and managers" in page
        assert "Safeguarding concern</strong>" not in page  # no alert tag either


def test_a_manager_reads_every_concern_and_the_reading_is_audited(service, child, keyworker, concern_of):
    concern_of(child, keyworker, what_happened="Bruises on both arms")
    manager = create_user(service, Role.MANAGER)
    page = logged_in(manager).http.get(person_url(child, "safeguarding")).content.decode()
    assert "Bruises on both arms" in page
    read = AuditEntry.objects.filter(actor=manager, operation=Operation.LIST, content_type__model="safeguardingconcern")
    assert read.filter(changes__list="safeguarding concerns").exists()


def test_the_outcome_page_of_a_hidden_concern_is_not_found(service, child, keyworker, concern_of):
    concern = concern_of(child, keyworker)
    unallocated = create_user(service, Role.KEYWORKER)
    service.keyworkers_see_whole_service = True
    service.save()
    response = logged_in(unallocated).http.get(reverse("safeguarding:record_outcome", args=[concern.pk]))
    assert response.status_code == 404


def test_recording_an_outcome_and_follow_up(child, keyworker, concern_of):
    concern = concern_of(child, keyworker, raised_on=days_ago(10))
    client = logged_in(keyworker).http
    url = reverse("safeguarding:record_outcome", args=[concern.pk])
    form = client.get(url).context["form"]
    data = {
        "version": concern.version,
        "opened_values": form.initial["opened_values"],
        "outcome": "Strategy discussion held",
        **date_parts("outcome_on", days_ago(2)),
        "follow_up": "Check in with the social worker",
        **date_parts("follow_up_due_on", TODAY),
    }
    assert client.post(url, data).status_code == 302
    concern.refresh_from_db()
    assert concern.outcome == "Strategy discussion held" and concern.follow_up_due_on == TODAY and concern.is_open


def test_bad_input_is_refused_with_an_error_summary_and_nothing_saved(child, keyworker):
    client = logged_in(keyworker).http
    response = client.post(
        reverse("safeguarding:raise_concern", args=[child.pk]), _concern_form(referred_to="none", what_happened="")
    )
    page = response.content.decode()
    assert response.status_code == 200 and "There is a problem" in page
    assert "Enter why the concern was not referred" in page and "Enter what happened" in page
    assert not SafeguardingConcern.objects.exists()


def test_adding_a_looked_after_status_shows_its_alert_to_everyone(service, child, coordinator):
    data = {
        "version": 0,
        "kind": "looked_after",
        "legal_basis": "s31",
        **date_parts("starts_on", days_ago(30)),
        "local_authority": "Kent",
        "social_worker": "Jo Bennett",
    }
    response = coordinator.http.post(reverse("safeguarding:add_status", args=[child.pk]), data)
    assert response.status_code == 302, response.context["form"].errors
    status = SafeguardingStatus.objects.get(person=child)
    assert status.recorded_by == coordinator.user and status.legal_basis == "s31"
    page = coordinator.http.get(person_url(child, "details")).content.decode()
    assert "Looked-after child" in page


def test_adult_safeguarding_for_a_child_is_refused_on_the_page(child, coordinator):
    data = {"version": 0, "kind": "adult_safeguarding", **date_parts("starts_on", days_ago(3)), "local_authority": "K"}
    response = coordinator.http.post(reverse("safeguarding:add_status", args=[child.pk]), data)
    assert "Adult safeguarding is for people aged 18 or over" in response.content.decode()
    assert not SafeguardingStatus.objects.exists()


def test_editing_a_status_to_end_it(child, coordinator, status_of):
    status = status_of(child, kind="child_protection_plan")
    url = reverse("safeguarding:edit_status", args=[status.pk])
    form = coordinator.http.get(url).context["form"]
    data = {
        "version": status.version,
        "opened_values": form.initial["opened_values"],
        "kind": "child_protection_plan",
        **date_parts("starts_on", status.starts_on),
        **date_parts("ends_on", days_ago(1)),
        "local_authority": "Kent",
    }
    assert coordinator.http.post(url, data).status_code == 302
    status.refresh_from_db()
    assert status.ends_on == days_ago(1) and not status.is_current


def test_a_coordinator_who_meets_a_concern_raises_it_but_still_cannot_read_concerns(service, child):
    coordinator = create_user(service, Role.COORDINATOR)
    client = logged_in(coordinator).http
    response = client.post(reverse("safeguarding:raise_concern", args=[child.pk]), _concern_form())
    assert response.status_code == 302
    concern = SafeguardingConcern.objects.get(person=child, raised_by=coordinator)
    assert AuditEntry.objects.filter(actor=coordinator, operation=Operation.CREATE, object_id=str(concern.pk)).exists()
    page = client.get(person_url(child, "safeguarding")).content.decode()
    assert "Said older boys pay them to carry parcels" not in page and "Raise a safeguarding concern" in page
    assert reverse("safeguarding:record_outcome", args=[concern.pk]) not in page
