from types import SimpleNamespace

from keywork.dbrouter import REPLICA, ReportingReplicaRouter, reporting_reads
from keywork.register.models import Person


def test_reporting_reads_go_to_the_replica_when_one_is_configured(monkeypatch):
    # Stands in for settings with REPLICA_DATABASE_URL set (a second real database is not needed to route).
    monkeypatch.setattr("keywork.dbrouter.settings", SimpleNamespace(DATABASES={"default": {}, REPLICA: {}}))
    router = ReportingReplicaRouter()
    assert router.db_for_read(Person) is None
    with reporting_reads():
        assert router.db_for_read(Person) == REPLICA
        assert router.db_for_write(Person) == "default"
    assert router.db_for_read(Person) is None


def test_without_a_replica_every_read_stays_on_the_primary():
    with reporting_reads():
        assert ReportingReplicaRouter().db_for_read(Person) is None


def test_migrations_run_on_the_primary_only():
    router = ReportingReplicaRouter()
    assert router.allow_migrate("default", "register") and not router.allow_migrate(REPLICA, "register")
