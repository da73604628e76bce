from django.core.management.base import BaseCommand, CommandError

from keywork.accounts.models import ApiToken, User


class Command(BaseCommand):
    help = "Create an API token for a user and print it once (only its hash is kept)."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--name", default="API token", help="What the token is for")

    def handle(self, *args, username, name, **options):
        user = User.objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No user called {username!r}")
        _, token = ApiToken.issue(user, name)
        self.stdout.write(token)
