"""The floor: the SQL the ORM issued for a page, replayed straight through the database driver,
with no framework, so the page's own cost (ORM, Python, rendering) shows as the difference."""

import sqlite3

import psycopg
from django.db import connection

from keywork.benchmark.measure import recording, time_it

# Django's own session and user look-ups are not the page's work.
FRAMEWORK_TABLES = ("django_session", "accounts_user", "services_service")


def captured_sql(request) -> list[tuple[str, tuple]]:
    """The page's own statements with their parameters (Django's session and user look-ups left out)."""
    with recording() as statements:
        response = request()
        if response.streaming:
            for _ in response.streaming_content:
                pass
    return [(sql, params) for sql, params in statements if not any(t in sql for t in FRAMEWORK_TABLES)]


def raw_connection():
    settings = connection.settings_dict
    if connection.vendor == "sqlite" and connection.is_in_memory_db():
        # An in-memory database (the tests') can only be reached through the connection that holds it:
        # its driver-level connection, beneath Django's wrappers.
        connection.ensure_connection()
        return connection.connection
    if connection.vendor == "sqlite":
        return sqlite3.connect(settings["NAME"])
    return psycopg.connect(
        host=settings["HOST"],
        port=settings["PORT"] or 5432,
        dbname=settings["NAME"],
        user=settings["USER"],
        password=settings["PASSWORD"],
    )


def floor_ms(statements: list[tuple[str, tuple]], repeat: int) -> float:
    """Median milliseconds to run `statements` and fetch every row, straight through the driver."""
    raw = raw_connection()
    sqlite = connection.vendor == "sqlite"
    # Django writes placeholders as %s; the sqlite3 driver wants ?.
    prepared = [(sql.replace("%s", "?") if sqlite else sql, params or ()) for sql, params in statements]
    try:
        cursor = raw.cursor()

        def run():
            for sql, params in prepared:
                cursor.execute(sql, params)
                cursor.fetchall()

        return time_it(run, repeat)
    finally:
        if raw is not connection.connection:
            raw.close()
