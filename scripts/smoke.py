"""The production smoke test, run once by `make test` (scripts/test.sh): Keywork as it runs in
production, under gunicorn with DEBUG=false on PostgreSQL, its static files collected, used over
HTTP by a coordinator who logs in with their password and second factor, opens a person's record,
downloads files and calls the API. It fails on any answer of 500 or more, a missing security
header, a static file the page names that collectstatic did not collect, or a traceback in
gunicorn's log. Nothing else in the suite runs the app with production settings.

Usage: .venv/bin/python scripts/smoke.py postgres://user:password@127.0.0.1:5432/keywork
(the server's address as scripts/postgres.sh prints it; a database of its own is made and dropped).
"""

import functools
import os
import random
import re
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psycopg
import requests

ROOT = Path(__file__).resolve().parent.parent
# Run as a script from scripts/: the project's package is one folder up.
sys.path.insert(0, str(ROOT))
GUNICORN = ROOT / ".venv" / "bin" / "gunicorn"
# Seconds for one answer: the first request to a worker imports the whole app, on a busy CI machine.
ANSWER_SECONDS = 60
failures: list[str] = []


def check(condition: bool, failure: str) -> bool:
    if not condition:
        failures.append(failure)
    return condition


def production_environment(database_url: str, folder: Path) -> dict[str, str]:
    """docs/deployment.md's settings, changed only where plain HTTP on loopback needs it."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "keywork.settings",
        "DEBUG": "false",
        "KEYWORK_DEMO": "false",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": database_url,
        "STATIC_ROOT": str(folder / "static"),
        "PRIVATE_FILES_ROOT": str(folder / "private"),
        # Production sits behind a TLS proxy; this test speaks plain HTTP to 127.0.0.1, so it may not
        # be sent to https:// (SECURE_SSL_REDIRECT), and its cookies may not be Secure, which a
        # client keeps off plain HTTP: without them no login or form could work. Nothing else changes.
        "SECURE_SSL_REDIRECT": "false",
        "SESSION_COOKIE_SECURE": "false",
        "CSRF_COOKIE_SECURE": "false",
        # Unset, TWO_FACTOR_REQUIRED is on with DEBUG off: the test relies on that default.
        "TWO_FACTOR_REQUIRED": "",
    }


def manage(env: dict[str, str], *arguments: str) -> None:
    command = [sys.executable, "manage.py", *arguments, "--verbosity", "0"]
    subprocess.run(command, cwd=ROOT, env=env, check=True)  # noqa: S603 - the project's own manage.py


def synthetic_records():
    """A service, a coordinator with an authenticator app, a fictitious person, and an API token,
    made by the project's own test toolkit in this process (Django set up with the same settings)."""
    import django

    django.setup()
    from keywork.accounts.models import ApiToken, Role
    from keywork.services.models import Service
    from keywork.testing.factories import PASSWORD, add_person, create_user
    from keywork.testing.twofactor import code_now, set_up_authenticator

    service = Service.objects.create(slug="smoke", name="Smoke test service", icb="NHS Smoke ICB")
    coordinator = create_user(service, Role.COORDINATOR)
    device, _ = set_up_authenticator(coordinator)
    person = add_person(service, coordinator, random.Random(15))
    _, token = ApiToken.issue(coordinator, "smoke test")
    return {
        "username": coordinator.username,
        "password": PASSWORD,
        "code": lambda: code_now(device),
        "person_id": person.pk,
        "family_name": person.family_name,
        "token": token,
    }


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_up(base: str, server: subprocess.Popen) -> None:
    for _ in range(100):
        if server.poll() is not None:
            raise SystemExit("gunicorn stopped while starting")
        try:
            if requests.get(f"{base}/health/", timeout=ANSWER_SECONDS).status_code == 200:
                return
        except requests.ConnectionError:
            pass  # not listening yet
        time.sleep(0.3)
    raise SystemExit("gunicorn did not start listening within 30 s")


def check_headers(response, signed_in: bool) -> None:
    headers, where = response.headers, response.url
    policy = headers.get("Content-Security-Policy", "")
    check("default-src 'self'" in policy, f"{where}: Content-Security-Policy is {policy!r}")
    check("'unsafe-inline'" not in policy, f"{where}: the Content-Security-Policy allows inline script")
    check("camera=()" in headers.get("Permissions-Policy", ""), f"{where}: no Permissions-Policy")
    check(headers.get("X-Frame-Options") == "DENY", f"{where}: X-Frame-Options is {headers.get('X-Frame-Options')!r}")
    check(headers.get("X-Content-Type-Options") == "nosniff", f"{where}: no X-Content-Type-Options: nosniff")
    check(
        headers.get("Referrer-Policy") == "same-origin",
        f"{where}: Referrer-Policy is {headers.get('Referrer-Policy')!r}",
    )
    if signed_in:
        check(
            "no-store" in headers.get("Cache-Control", ""),
            f"{where}: Cache-Control is {headers.get('Cache-Control')!r}",
        )


def check_static_files(page, static_root: Path) -> None:
    """The reverse proxy serves /static/ from STATIC_ROOT (docs/deployment.md): every file the page
    names must be there, as collectstatic left it."""
    names = re.findall(r'(?:href|src)="/static/([^"?#]+)"', page.text)
    check(len(names) >= 3, f"{page.url}: only {names} from /static/")
    for name in names:
        check((static_root / name).is_file(), f"{page.url} names /static/{name}, which collectstatic did not collect")


def links_on(page) -> set[str]:
    """The site's own pages a page links to (not its files, nor logging out)."""
    paths = re.findall(r'href="(/[^"#]*)"', page.text)
    return {path for path in paths if not path.startswith(("/static/", "/logout/")) and "." not in path}


def csrf_token(browser: requests.Session) -> str:
    return browser.cookies.get("csrftoken", "")


def journey(base: str, records: dict, static_root: Path) -> None:
    browser = requests.Session()
    browser.request = functools.partial(browser.request, timeout=ANSWER_SECONDS)
    answers = []
    browser.hooks["response"].append(lambda response, *args, **kwargs: answers.append(response))

    login = browser.get(f"{base}/login/?next=/register/")
    check_headers(login, signed_in=False)
    check_static_files(login, static_root)
    form = {
        "username": records["username"],
        "password": records["password"],
        "csrfmiddlewaretoken": csrf_token(browser),
    }
    second_step = browser.post(login.url, data=form, headers={"Referer": login.url})
    check(
        "/two-factor/" in second_step.url and "Enter your security code" in second_step.text,
        f"after the password the page was {second_step.url}, not the second step",
    )
    check("/two-factor/" in browser.get(f"{base}/register/").url, "the register opened before the second factor")

    signed_in = browser.post(
        second_step.url, data={"code": records["code"](), "csrfmiddlewaretoken": csrf_token(browser)}
    )
    check(signed_in.url.endswith("/register/"), f"after the security code the page was {signed_in.url}")

    person = browser.get(f"{base}/register/{records['person_id']}/")
    check(person.status_code == 200 and records["family_name"] in person.text, "the person's record did not open")
    check_headers(person, signed_in=True)
    check_static_files(person, static_root)
    # Every page the home page and the record link to: what this role may open.
    for path in sorted(links_on(browser.get(f"{base}/")) | links_on(person) | {"/api/docs"}):
        check_headers(browser.get(base + path), signed_in=True)
    for path, kind in (
        ("/reporting/register.csv", "text/csv"),
        (f"/fhir/people/{records['person_id']}/bundle.json", "application/fhir+json"),
        ("/reporting/return/return.pdf", "application/pdf"),
    ):
        download = browser.get(base + path)
        check(
            download.status_code == 200 and download.headers.get("Content-Type", "").startswith(kind),
            f"{path}: {download.status_code} {download.headers.get('Content-Type')}",
        )
        check("no-store" in download.headers.get("Cache-Control", ""), f"{path} may be stored by a cache")
    check(browser.get(f"{base}/no-such-page/").status_code == 404, "an unknown address did not answer 404")

    token = {"Authorization": f"Bearer {records['token']}"}
    api = requests.get(f"{base}/api/people", headers=token, timeout=ANSWER_SECONDS)
    answers.append(api)
    check(
        api.status_code == 200 and "no-store" in api.headers.get("Cache-Control", ""),
        f"the API answered {api.status_code}",
    )
    browser.post(f"{base}/logout/", data={"csrfmiddlewaretoken": csrf_token(browser)})
    check("/login/" in browser.get(f"{base}/register/").url, "the register opened after logging out")

    errors = [
        f"{answer.status_code} {answer.request.method} {answer.url}" for answer in answers if answer.status_code >= 500
    ]
    if check(not errors, "answers of 500 or more: " + ", ".join(errors)):
        print(f"{len(answers)} answers from gunicorn, none of them 500 or more")


def main(server_url: str) -> int:
    database = f"keywork_smoke_{os.getpid()}"
    with psycopg.connect(server_url, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{database}"')
    try:
        with tempfile.TemporaryDirectory(prefix="keywork-smoke-") as folder:
            run(server_url.rsplit("/", 1)[0] + f"/{database}", Path(folder))
    finally:
        from django.conf import settings
        from django.db import connections

        if settings.configured:
            connections.close_all()  # else PostgreSQL will not drop a database in use
        with psycopg.connect(server_url, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
    for failure in failures:
        print(f"FAIL: {failure}", file=sys.stderr)
    return 1 if failures else 0


def run(database_url: str, folder: Path) -> None:
    env = production_environment(database_url, folder)
    manage(env, "migrate")
    manage(env, "collectstatic", "--noinput")
    os.environ.update(env)
    records = synthetic_records()
    base = f"http://127.0.0.1:{free_port()}"
    log = folder / "gunicorn.log"
    with log.open("w") as log_file:
        server = subprocess.Popen(  # noqa: S603 - the project's own gunicorn and app
            [str(GUNICORN), "keywork.wsgi:application", "--bind", base.removeprefix("http://"), "--workers", "2"],
            cwd=ROOT,
            env=env,
            stdout=log_file,
            stderr=subprocess.STDOUT,
        )
        try:
            wait_until_up(base, server)
            journey(base, records, folder / "static")
        finally:
            server.send_signal(signal.SIGTERM)
            server.wait(timeout=30)
    output = log.read_text()
    if not check("Traceback" not in output, "gunicorn's log has a traceback"):
        print(output, file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
