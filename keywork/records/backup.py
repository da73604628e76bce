"""Backup and restore of the whole database: SQLite through sqlite3's online backup API,
PostgreSQL through pg_dump/pg_restore's custom format.

The backup API copies a consistent snapshot page by page while the app keeps running, which a
plain file copy of a live SQLite database (and its WAL) does not guarantee.
"""

import contextlib
import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

from django.core.management.base import CommandError
from django.db import connection


def backup(path: Path) -> None:
    settings = connection.settings_dict
    if connection.vendor == "sqlite" and Path(path).resolve() == Path(settings["NAME"]).resolve():
        raise CommandError("That is the live database itself: give a backup file elsewhere")
    _dispatch(path, sqlite_backup, postgres_backup)


def restore(path: Path) -> None:
    if not Path(path).is_file():
        raise CommandError(f"No backup file at {path}")
    _dispatch(path, sqlite_restore, postgres_restore)


def _dispatch(path, on_sqlite, on_postgres) -> None:
    settings = connection.settings_dict
    if connection.vendor == "sqlite":
        if connection.is_in_memory_db():
            raise CommandError("The database is in memory; there is no file to back up or restore")
        # Django's own connection may hold the file open mid-transaction; close it so the copy
        # sees (and, on restore, replaces) committed data only.
        connection.close()
        on_sqlite(settings["NAME"], path)
    elif connection.vendor == "postgresql":
        connection.close()
        on_postgres(settings, path)
    else:
        raise CommandError(f"Backup is not supported on {connection.vendor}")


@contextlib.contextmanager
def _owner_only(path: str | Path):
    """Special-category data: a backup is readable by its owner only, from the moment it exists
    (the umask covers the file pg_dump or sqlite3 creates; the chmod one that was already there)."""
    previous = os.umask(0o077)
    try:
        yield
    finally:
        os.umask(previous)
    if Path(path).exists():
        Path(path).chmod(0o600)


def sqlite_backup(database: str | Path, path: str | Path) -> None:
    with _owner_only(path):
        _sqlite_copy(database, path)


def sqlite_restore(database: str | Path, path: str | Path) -> None:
    # The same API in the other direction replaces every page of the live database, so tables
    # and rows that are not in the backup do not survive the restore: so the backup is checked first.
    _check_sqlite_backup(path)
    _sqlite_copy(path, database)


def _check_sqlite_backup(path: str | Path) -> None:
    """Refuse what is not a whole Keywork database: an empty or damaged file would wipe the live one."""
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
            healthy = db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            migrated = db.execute(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'django_migrations'"
            ).fetchone()[0]
        db.close()
    except sqlite3.DatabaseError as error:
        raise CommandError(f"{path} is not a SQLite database: nothing was restored") from error
    if not healthy:
        raise CommandError(f"{path} is damaged (integrity check failed): nothing was restored")
    if not migrated:
        raise CommandError(f"{path} is not a Keywork backup (it has no migrations table): nothing was restored")


def _sqlite_copy(source: str | Path, target: str | Path) -> None:
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    # `with` on a sqlite3 connection commits but does not close it.
    src.close()
    dst.close()


def postgres_backup(settings: dict, path: str | Path) -> None:
    command = [_tool("pg_dump"), "--format=custom", f"--file={path}", *_pg_connection_args(settings)]
    with _owner_only(path):
        _run(command, settings)


def postgres_restore(settings: dict, path: str | Path) -> None:
    command = [
        _tool("pg_restore"),
        # All or nothing: a restore that fails half-way leaves the database as it was.
        "--single-transaction",
        "--exit-on-error",
        "--clean",
        "--if-exists",
        "--no-owner",
        f"--dbname={settings['NAME']}",
        *_pg_connection_args(settings, with_dbname=False),
        str(path),
    ]
    _run(command, settings)


def _pg_connection_args(settings: dict, with_dbname: bool = True) -> list[str]:
    args = []
    if settings.get("HOST"):
        args.append(f"--host={settings['HOST']}")
    if settings.get("PORT"):
        args.append(f"--port={settings['PORT']}")
    if settings.get("USER"):
        args.append(f"--username={settings['USER']}")
    if with_dbname:
        args.append(f"--dbname={settings['NAME']}")
    return args


def _pg_environment(settings: dict) -> dict:
    # The password goes in the environment: a command line is visible to every user in `ps`.
    environment = dict(os.environ)
    if settings.get("PASSWORD"):
        environment["PGPASSWORD"] = settings["PASSWORD"]
    return environment


def _tool(name: str) -> str:
    found = shutil.which(name)
    if not found:
        raise CommandError(f"{name} was not found on the PATH; install PostgreSQL's client tools (postgresql-client)")
    return found


def _run(command: list[str], settings: dict) -> None:
    # No shell, a list of arguments, and the tool's full path from shutil.which: nothing to inject.
    result = subprocess.run(  # noqa: S603
        command, env=_pg_environment(settings), capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise CommandError(f"{Path(command[0]).name} failed: {result.stderr.strip()}")
