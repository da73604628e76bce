from django.core.management import call_command

from keywork.accounts.models import Role
from keywork.audit.models import AuditEntry, Operation
from keywork.testing.twofactor import set_up_authenticator
from keywork.twofactor import devices


def test_resetting_a_users_second_factor_stops_their_codes_and_asks_them_to_set_up_again(service, make_user):
    user = make_user(service, Role.KEYWORKER)
    set_up_authenticator(user)
    call_command("reset_two_factor", user.username)
    assert devices.authenticator_for(user) is None and devices.recovery_codes_left(user) == 0
    entry = AuditEntry.objects.for_object(user).get(operation=Operation.UPDATE)
    assert entry.changes == {"two_factor": "reset"} and entry.system_process == "reset_two_factor"
