"""`manage.py bench`: time Keywork's heaviest pages on this database, beside the raw-SQL floor,
the Django admin changelist and pandas; optionally a load test. Prints a table, writes JSON."""

import json
import platform
import time
import tracemalloc
from pathlib import Path

from django.core.management.base import BaseCommand
from django.db import connection
from django.utils import timezone

from keywork.benchmark import floor, peers
from keywork.benchmark.imports import ROWS, import_figures
from keywork.benchmark.load import load_test
from keywork.benchmark.measure import measure, time_it
from keywork.benchmark.scenarios import cast, client_for, pages
from keywork.figures.register import on_register, people_rows, ratings_on, service_people
from keywork.register.models import Person
from keywork.reporting import exports
from keywork.reporting.quarterly import by_rating_and_area, quarterly_return


class Command(BaseCommand):
    help = "Benchmark the heaviest pages against the floor and the peers; print a table and write JSON."

    def add_arguments(self, parser):
        parser.add_argument("--repeat", type=int, default=20, help="Timed requests per page")
        parser.add_argument("--json", default="bench/results.json", help="Where to write the figures")
        parser.add_argument("--load-seconds", type=int, default=0, help="Seconds of load test (0: none)")
        parser.add_argument("--users", type=int, default=20, help="Concurrent users in the load test")
        parser.add_argument("--import-rows", type=int, default=ROWS, help="Rows of the spreadsheet import timed")

    def handle(self, *args, repeat, json: str, load_seconds, users, import_rows, **options):
        today = timezone.localdate()
        actors = cast(today)
        results = {
            "database": connection.vendor,
            "python": platform.python_version(),
            "service": actors.service.name,
            "people": actors.service.people.count(),
            "everyone": Person.objects.count(),
            "pages": [],
        }
        for name, client, address in pages(actors):
            results["pages"].append(measure(name, lambda c=client, a=address: c.get(a), repeat).as_dict())
        results["comparisons"] = self._comparisons(actors, today, repeat)
        results["import"] = import_figures(actors.service, actors.manager, today, import_rows)
        if load_seconds:
            results["load"] = self._load(actors, load_seconds, users)
        Path(json).parent.mkdir(parents=True, exist_ok=True)
        Path(json).write_text(_json_dump(results))
        self.stdout.write(table(results))

    def _comparisons(self, actors, today, repeat) -> dict:
        manager = client_for(actors.manager)
        register = pages(actors)[0][2]
        register_ms = time_it(lambda: manager.get(register), repeat)
        out = {
            "register_ms": register_ms,
            "register_floor_ms": floor.floor_ms(floor.captured_sql(lambda: manager.get(register)), repeat),
        }
        admin = peers.admin_changelist_address()
        if admin:
            out["admin_changelist_ms"] = time_it(lambda: manager.get(admin), repeat)
        quarter_end = actors.quarter.end
        out["return_ms"] = time_it(lambda: quarterly_return(actors.service, actors.quarter, today), max(repeat // 4, 3))
        out["return_floor_ms"] = floor.floor_ms(
            floor.captured_sql(lambda: _as_response(quarterly_return(actors.service, actors.quarter, today))),
            max(repeat // 4, 3),
        )
        out["pandas_headline_ms"] = peers.pandas_headline_ms(actors.service, quarter_end, max(repeat // 4, 3))
        # Like for like with pandas: only the headline table, from the same two tables.
        out["return_headline_ms"] = time_it(lambda: headline(actors.service, quarter_end), max(repeat // 4, 3))
        out["csv_all_people_ms"], out["csv_all_people_peak_mib"] = _export_everyone()
        return out

    def _load(self, actors, seconds, users) -> dict | None:
        # Twenty sessions of the manager: every page in the mix is one the manager may open.
        keys = [client_for(actors.manager).cookies["sessionid"].value for _ in range(users)]
        addresses = [address for _, _, address in pages(actors) if "export" not in address and "xlsx" not in address]
        return load_test(addresses, keys, seconds, connections=users, workers=3)


def headline(service, day):
    """People on the register on `day` by rating and local authority, as the return computes it."""
    return by_rating_and_area(
        on_register(people_rows(service_people(service)), day),
        ratings_on(service_people(service), day),
        service.local_authorities,
    )


def _export_everyone() -> tuple[float, float]:
    """Stream every person of the installation as CSV: time, and peak memory (it should not grow with size)."""
    start = time.perf_counter()
    tracemalloc.start()
    for _ in exports.register_csv_stream(Person.objects.order_by("id")):
        pass
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return (time.perf_counter() - start) * 1000, peak / 2**20


class _Done:
    streaming = False


def _as_response(_):
    return _Done()


def _json_dump(results) -> str:
    return json.dumps(results, indent=2, default=str)


def table(results: dict) -> str:
    lines = [
        f"Keywork benchmark on {results['database']} ({results['people']:,} people in {results['service']})",
        f"{'page':<38} {'median ms':>10} {'p95 ms':>10} {'queries':>8} {'peak MiB':>9} {'status':>6}",
    ]
    for page in results["pages"]:
        lines.append(
            f"{page['name']:<38} {page['median_ms']:>10.1f} {page['p95_ms']:>10.1f} {page['queries']:>8} "
            f"{page['peak_mib']:>9.1f} {page['status']:>6}"
        )
    c = results["comparisons"]
    lines.append("")
    lines.append(
        f"Register list {c['register_ms']:.1f} ms; raw-SQL floor {c['register_floor_ms']:.1f} ms "
        f"(ratio {c['register_ms'] / max(c['register_floor_ms'], 0.001):.1f}x)"
    )
    if "admin_changelist_ms" in c:
        lines.append(
            f"Django admin changelist {c['admin_changelist_ms']:.1f} ms "
            f"(Keywork is {c['admin_changelist_ms'] / max(c['register_ms'], 0.001):.1f}x faster)"
        )
    lines.append(f"Quarterly return {c['return_ms']:.1f} ms; raw-SQL floor {c['return_floor_ms']:.1f} ms")
    lines.append(f"Return headline alone {c['return_headline_ms']:.1f} ms")
    lines.append(
        f"CSV of all {results['everyone']:,} people: {c['csv_all_people_ms']:.0f} ms, "
        f"peak {c['csv_all_people_peak_mib']:.1f} MiB"
    )
    if c.get("pandas_headline_ms") is not None:
        lines.append(
            f"pandas headline from CSV {c['pandas_headline_ms']:.1f} ms (Keywork's headline is "
            f"{c['pandas_headline_ms'] / max(c['return_headline_ms'], 0.001):.1f}x faster)"
        )
    imported = results["import"]
    lines.append(
        f"Import of {imported['rows']:,} spreadsheet rows ({imported['xlsx_bytes'] / 2**20:.1f} MiB XLSX): "
        f"check {imported['check_s']:.1f} s, import {imported['import_s']:.1f} s "
        f"({imported['rows_per_second']:,.0f} rows/s), the same file again {imported['recheck_s']:.1f} s "
        f"({imported['unchanged_on_recheck']:,} rows unchanged); next month's file, every rating changed: "
        f"check {imported['update_check_s']:.1f} s, import {imported['update_import_s']:.1f} s "
        f"({imported['updated_next_month']:,} people updated)"
    )
    load = results.get("load")
    if load:
        lines.append(
            f"Load: {load['connections']} users, {load['workers']} gunicorn workers, {load['seconds']:.0f} s: "
            f"{load['requests_per_second']:.1f} requests/s, p50 {load['p50_ms']:.0f} ms, "
            f"p95 {load['p95_ms']:.0f} ms, errors {load['errors']}"
        )
    return "\n".join(lines) + "\n"
