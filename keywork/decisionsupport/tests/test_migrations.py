"""The services set up before the tool existed get the default domains from its data migration."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from keywork.decisionsupport.rules import DEFAULT_DOMAINS

BEFORE = [("decisionsupport", "0001_domains_and_assessments")]

pytestmark = pytest.mark.django_db(transaction=True)


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    executor.loader.build_graph()
    return executor.loader.project_state(targets).apps


def test_a_service_that_existed_before_gets_the_default_domains(service, other_service):
    migrate(BEFORE)
    service.rating_domains.all().delete()  # as it was: no domains

    migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())

    assert [d.name for d in service.rating_domains.all()] == [d.name for d in DEFAULT_DOMAINS]
    assert other_service.rating_domains.count() == len(DEFAULT_DOMAINS)  # kept, not doubled
