import sqlite3
import subprocess

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from keywork.records import backup


def rows(database, table: str) -> list[tuple]:
    with sqlite3.connect(database) as db:
        result = db.execute(f"SELECT * FROM {table} ORDER BY id").fetchall()  # noqa: S608 - fixed table names
    db.close()
    return result


@pytest.mark.skipif(connection.vendor != "sqlite", reason="the SQLite backup API needs a SQLite database")
def test_a_restore_into_an_empty_database_gives_every_person_and_rating_back(service, make_user, add_person, tmp_path):
    manager = make_user(service, "manager")
    for rating in ("red", "amber", "green"):
        add_person(service, by=manager, rating=rating)
    # The test database is in memory: copy it, schema and all, to a file to act as the live one.
    live, backup_file, empty = tmp_path / "live.sqlite3", tmp_path / "backup.sqlite3", tmp_path / "empty.sqlite3"
    # (A dump, not the backup API: the test's open transaction would keep the backup waiting.)
    connection.ensure_connection()
    with sqlite3.connect(live) as target:
        target.executescript("\n".join(connection.connection.iterdump()))
    target.close()

    backup.sqlite_backup(live, backup_file)
    sqlite3.connect(empty).close()
    backup.sqlite_restore(empty, backup_file)

    for table in ("register_person", "register_ratingchange", "register_consent", "audit_auditentry"):
        assert rows(empty, table) == rows(live, table)
    assert len(rows(empty, "register_person")) == 3
    assert len(rows(empty, "register_ratingchange")) >= 3


def test_a_restore_replaces_what_was_there(tmp_path):
    old, new = tmp_path / "old.sqlite3", tmp_path / "new.sqlite3"
    for path, value in ((old, "kept"), (new, "replaced")):
        with sqlite3.connect(path) as db:
            db.execute("CREATE TABLE django_migrations (id INTEGER PRIMARY KEY)")
            db.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, value TEXT)")
            db.execute("INSERT INTO t (value) VALUES (?)", (value,))
        db.close()
    backup.sqlite_restore(new, old)
    assert rows(new, "t") == [(1, "kept")]


def test_restore_refuses_a_missing_file(tmp_path):
    with pytest.raises(CommandError, match="No backup file"):
        call_command("restore", str(tmp_path / "nothing.dump"))


PG = {"NAME": "keywork", "USER": "keywork", "PASSWORD": "s3cret-pw", "HOST": "db.example", "PORT": "5433"}


@pytest.fixture
def ran(monkeypatch):
    """Stands in for pg_dump/pg_restore: the PostgreSQL path is tested by its arguments only."""
    calls = []
    monkeypatch.setattr(backup.shutil, "which", lambda name: f"/usr/bin/{name}")

    def run(command, env, **kwargs):
        calls.append((command, env))
        return subprocess.CompletedProcess(command, 0, "", "")

    monkeypatch.setattr(backup.subprocess, "run", run)
    return calls


def test_pg_dump_gets_the_connection_settings_and_the_password_only_in_the_environment(ran, tmp_path):
    backup.postgres_backup(PG, tmp_path / "k.dump")
    ((command, env),) = ran
    assert command[0] == "/usr/bin/pg_dump"
    assert "--format=custom" in command
    assert {"--host=db.example", "--port=5433", "--username=keywork", "--dbname=keywork"} <= set(command)
    assert f"--file={tmp_path / 'k.dump'}" in command
    assert env["PGPASSWORD"] == "s3cret-pw"
    assert not any("s3cret-pw" in argument for argument in command)


def test_pg_restore_cleans_and_ignores_ownership(ran, tmp_path):
    backup.postgres_restore(PG, tmp_path / "k.dump")
    ((command, env),) = ran
    assert command[0] == "/usr/bin/pg_restore"
    assert {"--clean", "--if-exists", "--no-owner", "--dbname=keywork"} <= set(command)
    assert {"--single-transaction", "--exit-on-error"} <= set(command)
    assert command[-1] == str(tmp_path / "k.dump")
    assert not any("s3cret-pw" in argument for argument in command)


def test_a_missing_pg_dump_is_a_clear_error(monkeypatch, tmp_path):
    monkeypatch.setattr(backup.shutil, "which", lambda name: None)
    with pytest.raises(CommandError, match="pg_dump was not found"):
        backup.postgres_backup(PG, tmp_path / "k.dump")


def test_a_failing_pg_dump_reports_its_error(monkeypatch, tmp_path):
    monkeypatch.setattr(backup.shutil, "which", lambda name: f"/usr/bin/{name}")
    failed = subprocess.CompletedProcess([], 1, "", "connection refused")
    monkeypatch.setattr(backup.subprocess, "run", lambda command, **kwargs: failed)
    with pytest.raises(CommandError, match="pg_dump failed: connection refused"):
        backup.postgres_backup(PG, tmp_path / "k.dump")


TABLES = ("register_person", "register_ratingchange", "register_consent", "register_familycontact", "audit_auditentry")


def pg_rows(settings: dict, table: str) -> list[tuple]:
    import psycopg

    with psycopg.connect(
        dbname=settings["NAME"],
        user=settings["USER"],
        password=settings["PASSWORD"],
        host=settings["HOST"],
        port=settings["PORT"] or None,
    ) as db:
        return db.execute(f"SELECT * FROM {table} ORDER BY id").fetchall()  # noqa: S608 - fixed table names


@pytest.mark.skipif(connection.vendor != "postgresql", reason="pg_dump and pg_restore need a PostgreSQL server")
@pytest.mark.django_db(transaction=True)
def test_a_pg_restore_into_an_empty_database_gives_every_record_and_history_row_back(
    service, make_user, add_person, tmp_path
):
    """The real pg_dump and pg_restore: the test database is dumped, restored into a new empty
    database, and every row of the register, its history and the audit log compared."""
    manager = make_user(service, "manager")
    for rating in ("red", "amber", "green"):
        person = add_person(service, by=manager, rating=rating)
        person.family_contacts.create(name="A parent", relationship="Mother")
    live = dict(connection.settings_dict)
    empty = live | {"NAME": f"{live['NAME']}_restore"}
    dump = tmp_path / "keywork.dump"
    backup.postgres_backup(live, dump)
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{empty["NAME"]}"')
        cursor.execute(f'CREATE DATABASE "{empty["NAME"]}"')
    try:
        backup.postgres_restore(empty, dump)
        for table in TABLES:
            assert pg_rows(empty, table) == pg_rows(live, table), table
        assert len(pg_rows(empty, "register_person")) == 3
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{empty["NAME"]}"')


def test_a_restore_needs_confirming(tmp_path):
    dump = tmp_path / "k.dump"
    dump.write_bytes(b"x")
    with pytest.raises(CommandError, match="add --yes"):
        call_command("restore", str(dump))


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"", "not a Keywork backup"), (b"not a database at all" * 100, "not a SQLite database")],
)
def test_a_restore_refuses_a_file_that_is_not_a_whole_keywork_database(tmp_path, content, message):
    live, bad = tmp_path / "live.sqlite3", tmp_path / "bad.sqlite3"
    with sqlite3.connect(live) as db:
        db.execute("CREATE TABLE django_migrations (id INTEGER PRIMARY KEY)")
    db.close()
    bad.write_bytes(content)
    with pytest.raises(CommandError, match=message):
        backup.sqlite_restore(live, bad)
    assert rows(live, "django_migrations") == [], "the live database is untouched"


def test_a_backup_is_readable_by_its_owner_only(tmp_path):
    live, target = tmp_path / "live.sqlite3", tmp_path / "copy.sqlite3"
    sqlite3.connect(live).close()
    backup.sqlite_backup(live, target)
    assert target.stat().st_mode & 0o777 == 0o600


def test_a_backup_is_never_written_over_the_live_database(tmp_path, monkeypatch):
    from types import SimpleNamespace

    live = tmp_path / "live.sqlite3"
    sqlite3.connect(live).close()
    monkeypatch.setattr(backup, "connection", SimpleNamespace(vendor="sqlite", settings_dict={"NAME": str(live)}))
    with pytest.raises(CommandError, match="live database itself"):
        backup.backup(live)
