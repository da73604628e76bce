from django.core.management.base import BaseCommand, CommandError

from keywork.accounts.models import ApiToken, hash_token
from keywork.presenters import uk_long_datetime


class Command(BaseCommand):
    help = "Revoke an API token, named by its number or its first characters (as the API tokens page shows them)."

    def add_arguments(self, parser):
        parser.add_argument("token", help="The token's number, its first characters (kw_…) or the whole token")

    def handle(self, *args, token, **options):
        found = self.find(token)
        described = f"Token {found.pk} ({found.name!r}, of {found.user.username})"
        if not found.revoke(process="revoke_api_token"):
            self.stdout.write(f"{described} was already revoked on {uk_long_datetime(found.revoked_at)}.")
            return
        self.stdout.write(f"{described} is revoked: it no longer works.")

    def find(self, given: str) -> ApiToken:
        tokens = ApiToken.objects.select_related("user")
        if given.isdigit():
            matches = list(tokens.filter(pk=int(given)))
        else:
            matches = list(tokens.filter(token_hash=hash_token(given))) or list(tokens.filter(prefix=given))
        if not matches:
            raise CommandError(f"No API token is numbered or starts {given!r}")
        if len(matches) > 1:
            numbers = ", ".join(str(token.pk) for token in matches)
            raise CommandError(f"More than one API token starts {given!r}: give its number ({numbers})")
        return matches[0]
