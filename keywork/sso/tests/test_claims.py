import pytest
from django.core.exceptions import ImproperlyConfigured

from keywork.accounts.models import Role, WorkerType
from keywork.sso import claims as rules
from keywork.sso.refusals import SignInRefused
from keywork.sso.tests.tokens import claims_of


def refusal_of(check, claims) -> str:
    with pytest.raises(SignInRefused) as refused:
        check(claims)
    return refused.value.reason


def test_a_role_claim_gives_the_keywork_role_it_is_mapped_to(single_sign_on):
    assert rules.grant_from(claims_of()) == rules.Grant(Role.MANAGER)


def test_a_keyworker_role_claim_gives_the_worker_type_too(single_sign_on):
    grant = rules.grant_from(claims_of(roles=["Keywork.PeerAssociate", "Payroll.Reader"]))
    assert grant == rules.Grant(Role.KEYWORKER, WorkerType.PEER_ASSOCIATE)


def test_a_single_role_sent_as_a_string_counts(single_sign_on):
    assert rules.grant_from(claims_of(roles="Keywork.Manager")).role == Role.MANAGER


def test_role_claims_that_map_to_no_keywork_role_are_refused(single_sign_on):
    assert refusal_of(rules.grant_from, claims_of(roles=["Payroll.Reader"])) == "no_role"
    assert refusal_of(rules.grant_from, claims_of(roles=None)) == "no_role"


def test_role_claims_that_map_to_two_keywork_roles_are_refused_rather_than_one_chosen(single_sign_on):
    claims = claims_of(roles=["Keywork.Manager", "Keywork.PeerAssociate"])
    assert refusal_of(rules.grant_from, claims) == "several_roles"


def test_the_role_claim_is_the_one_settings_name(single_sign_on):
    single_sign_on.SSO_ROLE_CLAIM = "groups"
    assert refusal_of(rules.grant_from, claims_of()) == "no_role"
    assert rules.grant_from(claims_of(groups=["Keywork.Manager"])).role == Role.MANAGER


def test_the_service_claim_gives_the_service_it_is_mapped_to(single_sign_on, service):
    assert rules.service_slug_from(claims_of()) == service.slug
    assert refusal_of(rules.service_slug_from, claims_of(tid="another-tenant")) == "no_service"


@pytest.mark.parametrize(
    "role_map",
    [{"Keywork.Boss": "boss"}, {"Keywork.Keyworker": "keyworker"}, {"Keywork.Manager": "manager:peer_associate"}],
)
def test_a_role_map_naming_no_keywork_role_or_a_wrong_worker_type_stops_start_up(role_map):
    with pytest.raises(ImproperlyConfigured):
        rules.check_maps(role_map, {"tenant": "kent-medway"})


def test_a_token_issued_by_another_provider_or_to_another_client_is_refused(single_sign_on):
    rules.check_issued_to_us(claims_of())
    rules.check_issued_to_us(claims_of(aud=["another-client", "keywork-test-client"]))
    for changes in ({"iss": "https://login.example/another/v2.0"}, {"aud": "another-client"}, {"sub": ""}):
        assert refusal_of(rules.check_issued_to_us, claims_of(**changes)) == "unconfirmed"


def test_mfa_in_the_amr_claim_is_a_second_factor(single_sign_on):
    assert rules.gave_second_factor(claims_of())
    assert not rules.gave_second_factor(claims_of(amr=["pwd"]))
    assert not rules.gave_second_factor(claims_of(amr=None))


def test_an_acr_or_entra_acrs_value_counts_as_a_second_factor_only_when_settings_say_so(single_sign_on):
    claims = claims_of(amr=None, acr="c1", acrs=["c2"])
    assert not rules.gave_second_factor(claims)
    single_sign_on.SSO_MFA_ACR_VALUES = ["c2"]
    assert rules.gave_second_factor(claims)


def test_the_account_takes_its_name_from_the_claims_and_a_valid_email_only(single_sign_on, service):
    details = rules.account_details(claims_of(email="not an address"), rules.Grant(Role.MANAGER), service)
    assert (details["first_name"], details["last_name"], details["email"]) == ("Kim", "Jones", "")
