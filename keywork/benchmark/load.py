"""A load test: the app under gunicorn on 127.0.0.1, driven by wrk with logged-in users over a mix
of pages. Loopback only, bounded in time; the server is stopped afterwards."""

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from django.conf import settings
from django.db import connection

PORT = 8765
LUA = """
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) bad = 0 end
-- Anything but 200 is an error here: a redirect would mean a lost session, not a page served.
function response(status, headers, body) if status ~= 200 then bad = bad + 1 end end
local paths = {%(paths)s}
local cookies = {%(cookies)s}
request = function()
  local path = paths[math.random(#paths)]
  local cookie = cookies[math.random(#cookies)]
  return wrk.format("GET", path, {["Cookie"] = "sessionid=" .. cookie, ["Host"] = "127.0.0.1"})
end
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  for _, thread in ipairs(threads) do errors = errors + thread:get("bad") end
  io.write(string.format('JSON{"requests": %%d, "seconds": %%.3f, "p50_ms": %%.2f, "p95_ms": %%.2f, "errors": %%d}\\n',
    summary.requests, summary.duration / 1e6, latency:percentile(50) / 1000, latency:percentile(95) / 1000, errors))
end
"""


def _database_url() -> str:
    s = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{s['NAME']}"
    return f"postgres://{s['USER']}:{s['PASSWORD']}@{s['HOST']}:{s['PORT'] or 5432}/{s['NAME']}"


def _wait_for(url: str, seconds: int = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2)  # noqa: S310 - our own server on loopback
            return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"gunicorn did not answer at {url}")


def load_test(paths: list[str], session_keys: list[str], seconds: int, connections: int, workers: int) -> dict | None:
    """Requests per second, p50/p95 latency and errors, or None when wrk or gunicorn is missing."""
    gunicorn, wrk = Path(sys.executable).with_name("gunicorn"), shutil.which("wrk")
    if not wrk or not gunicorn.exists():
        return None
    env = os.environ | {
        "DEBUG": "false",
        "KEYWORK_DEMO": "false",
        "SECRET_KEY": settings.SECRET_KEY,  # the sessions made here must be valid there
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "SESSION_COOKIE_SECURE": "false",
        "CSRF_COOKIE_SECURE": "false",
        "DATABASE_URL": _database_url(),
    }
    server = subprocess.Popen(  # noqa: S603 - fixed arguments
        [
            str(gunicorn),
            "keywork.wsgi:application",
            "--bind",
            f"127.0.0.1:{PORT}",
            "--workers",
            str(workers),
            "--chdir",
            str(settings.BASE_DIR),
            "--log-level",
            "warning",
        ],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        _wait_for(f"http://127.0.0.1:{PORT}/health/")
        with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
            script.write(
                LUA
                % {
                    "paths": ", ".join(json.dumps(p) for p in paths),
                    "cookies": ", ".join(json.dumps(k) for k in session_keys),
                }
            )
        result = subprocess.run(  # noqa: S603 - fixed arguments
            [
                wrk,
                "-t2",
                f"-c{connections}",
                f"-d{seconds}s",
                "--timeout",
                "10s",
                "-s",
                script.name,
                f"http://127.0.0.1:{PORT}",
            ],
            capture_output=True,
            text=True,
            timeout=seconds + 60,
            check=False,
        )
        Path(script.name).unlink()
        line = next((line for line in result.stdout.splitlines() if line.startswith("JSON")), None)
        if line is None:
            raise RuntimeError(f"wrk gave no summary: {result.stdout} {result.stderr}")
        figures = json.loads(line[4:])
        figures["requests_per_second"] = figures["requests"] / figures["seconds"]
        figures |= {"connections": connections, "workers": workers}
        return figures
    finally:
        server.terminate()
        server.wait(timeout=20)
