from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from keywork import audit
from keywork.audit.models import Operation
from keywork.twofactor import devices


class Command(BaseCommand):
    help = (
        "Reset a user's two-factor sign-in (a lost or replaced phone): their authenticator app and "
        "recovery codes stop working, and they set up an app again at their next login. Audited."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No user called {username!r}")
        devices.forget(user)
        actor = audit.Actor.system("reset_two_factor", user.service)
        audit.record(actor, Operation.UPDATE, user, changes={"two_factor": "reset"})
        self.stdout.write(f"{username} will set up two-factor sign-in again at their next login.")
