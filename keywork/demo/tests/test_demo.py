import datetime
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from keywork.accounts.models import User
from keywork.demo.management.commands.demo import DEMO_PASSWORD, USERS, Command
from keywork.demo.withdrawals import WITHDRAWALS
from keywork.figures.before_admission import NOT_REVIEWED, REVIEWED, before_admission
from keywork.register.withdrawal import withdrawn
from keywork.services.models import ConsentWithdrawnPolicy, Service

KEEP_MINIMAL, REMOVE = ConsentWithdrawnPolicy.KEEP_MINIMAL, ConsentWithdrawnPolicy.REMOVE


def run_demo() -> str:
    out = StringIO()
    call_command(Command(), stdout=out)
    return out.getvalue()


def test_the_demo_refuses_to_run_outside_demo_mode(db, settings):
    settings.DEMO = False
    with pytest.raises(CommandError, match="KEYWORK_DEMO"):
        run_demo()
    assert not User.objects.exists()


def test_the_demo_makes_two_services_with_their_own_users_and_people_and_prints_the_password(db, settings):
    settings.DEMO = True
    output = run_demo()
    assert f"password: {DEMO_PASSWORD}" in output
    first, second = Service.objects.order_by("id")
    assert first.users.get(username="keyworker").worker_type == "practice_consultant"
    assert {u.username for u in first.users.all()} == {spec[0] for spec in USERS}
    assert second.users.filter(username="cambs-manager").exists()
    assert first.people.count() > 0 and second.people.count() > 0
    assert User.objects.get(username="admin").check_password(DEMO_PASSWORD)


def test_the_demo_records_a_community_review_or_laep_before_most_admissions_but_not_all(db, settings):
    settings.DEMO = True
    run_demo()
    for service in Service.objects.all():
        counts = before_admission(service.people.all(), datetime.date(2000, 1, 1), timezone.localdate())
        assert counts[REVIEWED] > counts[NOT_REVIEWED] > 0, service
        assert service.people.filter(reviews__kind="laep").exists(), service


def test_each_demo_service_has_someone_who_withdrew_consent_under_its_own_policy(db, settings):
    settings.DEMO = True
    run_demo()
    kent, cambs = Service.objects.get(slug="kent-medway"), Service.objects.get(slug="cambs-peterborough")
    assert (kent.consent_withdrawn_policy, cambs.consent_withdrawn_policy) == (KEEP_MINIMAL, REMOVE)
    for service in (kent, cambs):
        assert withdrawn(service.people.all()).exists(), service
    run_demo()  # idempotent: nobody else withdraws when the demo runs again
    assert withdrawn(kent.people.all()).count() == WITHDRAWALS
