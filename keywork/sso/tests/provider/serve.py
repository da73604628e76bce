"""Runs the test's OpenID provider: `python -m keywork.sso.tests.provider.serve`, with
PROVIDER_DATABASE (an SQLite file) and KEYWORK_CALLBACK (the client's redirect URI) set.

It listens on 127.0.0.2 (cookies ignore ports, so the provider's and Keywork's sessions would mix on
one address), on a port the system chooses, creates its database, signing key, client and people,
then prints its address and serves until stopped."""

import io
import os
from wsgiref.simple_server import WSGIRequestHandler, make_server

HOST = "127.0.0.2"


class QuietRequestHandler(WSGIRequestHandler):
    def log_message(self, format, *args):
        pass


def set_up(callback: str) -> None:
    from django.contrib.auth.models import User
    from django.core.management import call_command
    from oidc_provider.models import Client, ResponseType

    from keywork.sso.tests.provider.people import CLIENT_ID, CLIENT_SECRET, PASSWORD, PEOPLE

    call_command("migrate", run_syncdb=True, verbosity=0)
    call_command("creatersakey", stdout=io.StringIO())
    client = Client(
        name="Keywork",
        client_type="confidential",
        client_id=CLIENT_ID,
        client_secret=CLIENT_SECRET,
        jwt_alg="RS256",
        require_consent=True,
        reuse_consent=False,
    )
    client.redirect_uris = [callback]
    client.save()
    # The row django-oidc-provider's own migrations would have added.
    client.response_types.add(ResponseType.objects.create(value="code", description="code (Authorization Code Flow)"))
    for username in PEOPLE:
        User.objects.create_user(username, password=PASSWORD)


def main() -> None:
    application = None
    server = make_server(
        HOST, 0, lambda environ, start_response: application(environ, start_response), handler_class=QuietRequestHandler
    )
    os.environ["PROVIDER_URL"] = f"http://{HOST}:{server.server_port}"
    os.environ["DJANGO_SETTINGS_MODULE"] = "keywork.sso.tests.provider.settings"
    from django.core.wsgi import get_wsgi_application

    application = get_wsgi_application()
    set_up(os.environ["KEYWORK_CALLBACK"])
    print(os.environ["PROVIDER_URL"], flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
