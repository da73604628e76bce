import pytest
from django.test import RequestFactory

from keywork.accounts.models import Role, User, WorkerType
from keywork.audit.models import AuditEntry, Operation
from keywork.sso.backends import SSOBackend
from keywork.sso.models import SSOIdentity
from keywork.sso.refusals import SignInRefused
from keywork.sso.tests.tokens import ISSUER, claims_of
from keywork.testing.factories import create_user


@pytest.fixture
def sign_in(single_sign_on):
    """sign_in(claims) → the account the backend signs these claims in as (or SignInRefused)."""
    request = RequestFactory().get("/sso/callback/")
    return lambda claims: SSOBackend().user_for_claims(request, claims)


def refusal_of(sign_in, claims) -> str:
    with pytest.raises(SignInRefused) as refused:
        sign_in(claims)
    return refused.value.reason


def test_a_first_sign_in_creates_an_account_with_the_mapped_role_and_service(sign_in, service):
    user = sign_in(claims_of())
    assert (user.role, user.service, user.get_full_name()) == (Role.MANAGER, service, "Kim Jones")
    assert user.username == "kim.jones@council.example"
    # Only the identity provider signs this account in: it has no password to guess.
    assert not user.has_usable_password()
    identity = SSOIdentity.objects.get(user=user)
    assert (identity.issuer, identity.subject) == (ISSUER, "f3Jk9-subject-of-kim")
    entry = AuditEntry.objects.get(operation=Operation.CREATE, object_id=str(identity.pk))
    assert entry.actor == user
    assert entry.changes["role"] == Role.MANAGER
    assert entry.changes["service"] == service.slug


def test_the_next_sign_in_is_the_same_account_with_the_role_the_claims_now_give(sign_in):
    first = sign_in(claims_of())
    again = sign_in(claims_of(roles=["Keywork.PeerAssociate"]))
    assert again.pk == first.pk
    again.refresh_from_db()
    assert (again.role, again.worker_type) == (Role.KEYWORKER, WorkerType.PEER_ASSOCIATE)
    assert User.objects.count() == 1
    change = AuditEntry.objects.filter(operation=Operation.UPDATE, actor=again).get()
    assert change.changes["role"] == Role.KEYWORKER


def test_the_same_subject_from_another_issuer_is_another_person(sign_in, single_sign_on):
    first = sign_in(claims_of())
    single_sign_on.OIDC_OP_ISSUER = "https://login.example/another-organisation/v2.0"
    other = sign_in(claims_of(iss="https://login.example/another-organisation/v2.0"))
    assert other.pk != first.pk
    assert other.username == "kim.jones@council.example-2"


def test_a_local_account_with_the_same_email_is_never_the_account_signed_in(sign_in, service):
    local = create_user(service, Role.ADMIN, username="kim.jones@council.example")
    local.email = "kim.jones@council.example"
    local.save()
    user = sign_in(claims_of())
    assert user.pk != local.pk
    local.refresh_from_db()
    assert local.role == Role.ADMIN
    assert not SSOIdentity.objects.filter(user=local).exists()


def test_claims_that_map_to_no_role_are_refused_and_no_account_is_made(sign_in):
    assert refusal_of(sign_in, claims_of(roles=["Payroll.Reader"])) == "no_role"
    assert not User.objects.exists()


def test_a_sign_in_without_a_second_factor_is_refused_when_one_is_required(sign_in, single_sign_on):
    assert refusal_of(sign_in, claims_of(amr=["pwd"])) == "no_second_factor"
    single_sign_on.SSO_REQUIRE_MFA = False
    assert sign_in(claims_of(amr=["pwd"])).role == Role.MANAGER


def test_a_service_slug_that_no_service_has_is_refused(sign_in, single_sign_on):
    single_sign_on.SSO_SERVICE_MAP = {claims_of()["tid"]: "no-such-service"}
    assert refusal_of(sign_in, claims_of()) == "unknown_service"


def test_an_account_switched_off_in_keywork_stays_off(sign_in):
    user = sign_in(claims_of())
    user.is_active = False
    user.save()
    with pytest.raises(SignInRefused) as refused:
        sign_in(claims_of())
    assert refused.value.reason == "account_off"
    assert refused.value.identity.user == user
