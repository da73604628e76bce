"""A small-scale smoke of the benchmark: every timed page answers 200 and the figures are written."""

import json
from io import StringIO

from django.core.management import call_command

from keywork.accounts.models import Role
from keywork.benchmark.floor import captured_sql, floor_ms
from keywork.benchmark.measure import measure
from keywork.benchmark.scenarios import CASELOAD, cast, client_for


def test_the_benchmark_times_every_page_and_writes_its_figures(service, make_user, add_person, tmp_path):
    coordinator = make_user(service, Role.COORDINATOR)
    for _ in range(CASELOAD + 5):
        add_person(service, coordinator)
    out = StringIO()
    call_command("bench", repeat=2, json=str(tmp_path / "bench.json"), import_rows=50, stdout=out)
    results = json.loads((tmp_path / "bench.json").read_text())
    assert results["people"] == CASELOAD + 5
    assert len(results["pages"]) == 9 and all(page["status"] == 200 for page in results["pages"])
    assert all(page["queries"] > 0 and page["median_ms"] > 0 for page in results["pages"])
    assert "Register list" in out.getvalue() and "raw-SQL floor" in out.getvalue()
    assert results["import"]["new"] + results["import"]["updated"] == 50
    assert results["import"]["unchanged_on_recheck"] == 50
    assert results["import"]["updated_next_month"] == 50
    assert service.people.count() == CASELOAD + 5, "the timed import is rolled back"


def test_the_keyworker_in_the_benchmark_holds_a_full_caseload(service, make_user, add_person):
    coordinator = make_user(service, Role.COORDINATOR)
    for _ in range(CASELOAD + 2):
        add_person(service, coordinator)
    actors = cast(service.people.first().referral_date)
    home = client_for(actors.keyworker).get("/")
    assert home.context["work"].people.count == CASELOAD


def test_the_floor_replays_the_pages_own_sql_without_the_framework(service, make_user, add_person):
    coordinator = make_user(service, Role.COORDINATOR)
    add_person(service, coordinator)
    client = client_for(make_user(service, Role.MANAGER))
    statements = captured_sql(lambda: client.get("/register/"))
    assert any("register_person" in sql for sql, _ in statements)
    assert not any("django_session" in sql for sql, _ in statements)
    assert floor_ms(statements, repeat=2) >= 0


def test_a_measurement_counts_the_queries_of_one_request(service, make_user):
    client = client_for(make_user(service, Role.MANAGER))
    result = measure("register", lambda: client.get("/register/"), repeat=2)
    assert result.status == 200 and result.queries >= 2 and result.p95_ms >= result.median_ms > 0
