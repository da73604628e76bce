from django.urls import reverse

from keywork.accounts.models import Role
from keywork.audit.models import AuditEntry, Operation
from keywork.register.record_pages import person_url
from keywork.signposting.models import Signposting
from keywork.testing.dates import days_ago
from keywork.testing.factories import create_user
from keywork.testing.pages import date_parts, logged_in


def _form(**extra) -> dict:
    return {
        **date_parts("signposted_on", days_ago(5)),
        "organisation": "Medway Autism Youth Club",
        "kind": "community_group",
        "outcome": "waiting",
        "notes": "",
    } | extra


def test_a_peer_associate_records_signposting_and_finds_it_on_the_keywork_sub_page(child, peer):
    client = logged_in(peer).http
    response = client.post(reverse("signposting:add", args=[child.pk]), _form())
    assert response.status_code == 302 and response.url == person_url(child, "keywork", "signposting")
    signposting = Signposting.objects.get(person=child)
    assert (signposting.recorded_by, signposting.recorded_as) == (peer, "Peer Associate")
    assert AuditEntry.objects.filter(object_id=str(signposting.pk), operation=Operation.CREATE).exists()
    page = client.get(person_url(child, "keywork")).content.decode()
    assert "Signposting and community connections" in page and "Medway Autism Youth Club" in page


def test_the_outcome_is_recorded_later_and_shows_on_the_timeline(child, peer, signposting_of):
    signposting = signposting_of(child, peer, organisation="Swimming club")
    client = logged_in(peer).http
    form = _form(
        **date_parts("signposted_on", signposting.signposted_on),
        **date_parts("outcome_on", days_ago(2)),
        organisation="Swimming club",
        outcome="attended",
        version=signposting.version,
    )
    assert client.post(reverse("signposting:edit", args=[signposting.pk]), form).status_code == 302
    assert Signposting.objects.get(pk=signposting.pk).outcome == "attended"
    timeline = client.get(person_url(child, "records")).content.decode()
    assert "Attended: Swimming club" in timeline


def test_bad_input_is_refused_with_an_error_summary_and_nothing_saved(child, peer):
    response = logged_in(peer).http.post(reverse("signposting:add", args=[child.pk]), _form(outcome="attended"))
    body = response.content.decode()
    assert response.status_code == 200 and "There is a problem" in body and "Enter the date of the outcome" in body
    assert not Signposting.objects.exists()


def test_the_coordinator_sees_but_may_not_record_signposting(service, child, peer, signposting_of):
    signposting_of(child, peer, organisation="Youth club")
    coordinator = logged_in(create_user(service, Role.COORDINATOR)).http
    assert "Youth club" in coordinator.get(reverse("signposting:person", args=[child.pk])).content.decode()
    assert coordinator.post(reverse("signposting:add", args=[child.pk]), _form()).status_code == 403
    assert Signposting.objects.count() == 1


def test_another_services_person_and_signposting_are_not_found(other_service, child, peer, signposting_of, make_user):
    signposting = signposting_of(child, peer)
    stranger = logged_in(make_user(other_service, Role.MANAGER)).http
    assert stranger.get(reverse("signposting:person", args=[child.pk])).status_code == 404
    assert stranger.post(reverse("signposting:add", args=[child.pk]), _form()).status_code == 404
    assert stranger.post(reverse("signposting:edit", args=[signposting.pk]), _form()).status_code == 404
    assert Signposting.objects.count() == 1


def test_reading_a_persons_signposting_is_audited(service, child, peer, signposting_of):
    signposting_of(child, peer)
    manager = create_user(service, Role.MANAGER)
    logged_in(manager).http.get(reverse("signposting:person", args=[child.pk]))
    assert AuditEntry.objects.filter(actor=manager, operation=Operation.LIST, changes__list="signposting").exists()
