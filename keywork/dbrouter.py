"""Send the reporting pages' reads to a read replica, when one is configured (REPLICA_DATABASE_URL).

Reports read a lot and write nothing, so they can run on a replica and leave the primary to the
people doing casework. Only reads inside `reporting_reads()` go there; every write, and every
read elsewhere, stays on the primary, so nobody reads their own change back from a lagging copy.
"""

from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings

_reporting = ContextVar("reporting_reads", default=False)
REPLICA = "replica"


@contextmanager
def reporting_reads():
    token = _reporting.set(True)
    try:
        yield
    finally:
        _reporting.reset(token)


class ReportingReplicaRouter:
    def db_for_read(self, model, **hints):
        if _reporting.get() and REPLICA in settings.DATABASES:
            return REPLICA
        return None

    def db_for_write(self, model, **hints):
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        return True

    def allow_migrate(self, db, app_label, **hints):
        # The replica copies the primary's schema; migrations run on the primary only.
        return db == "default"
