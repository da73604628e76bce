from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from keywork.accounts.models import TOKEN_DEFAULT_DAYS, TOKEN_MOST_DAYS, ApiToken, User
from keywork.presenters import uk_long_date


class Command(BaseCommand):
    help = "Create an API token for a user and print it once (only its hash is kept)."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--name", default="API token", help="What the token is for")
        parser.add_argument(
            "--days",
            type=int,
            default=TOKEN_DEFAULT_DAYS,
            help=f"Days until the token expires (default {TOKEN_DEFAULT_DAYS}, at most {TOKEN_MOST_DAYS})",
        )

    def handle(self, *args, username, name, days, **options):
        user = User.objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No user called {username!r}")
        try:
            issued, token = ApiToken.issue(user, name, days=days)
        except ValidationError as error:
            raise CommandError(error.messages[0]) from error
        self.stdout.write(token)
        self.stderr.write(f"It expires on {uk_long_date(timezone.localdate(issued.expires_at))}.")
