"""A spreadsheet's looked-after column starts and ends looked-after statuses (keywork.safeguarding),
the one place it is held, and a file saying what the history already holds changes nothing."""

import pytest

from keywork import audit
from keywork.audit.models import AuditEntry, Operation
from keywork.imports import columns, importing, synthetic
from keywork.imports.files import read_table
from keywork.register.models import Person
from keywork.safeguarding.models import SafeguardingStatus
from keywork.testing.dates import TODAY

HEADINGS = [*synthetic.HEADINGS, "LAC"]


@pytest.fixture
def actor(coordinator, service):
    return audit.Actor(coordinator.user, service)


@pytest.fixture
def rows(service):
    return synthetic.spreadsheet_rows(service, 2, today=TODAY)


def imported(actor, rows, answers: list[str], name="dsr.csv"):
    data = synthetic.as_csv([[*row, answer] for row, answer in zip(rows, answers, strict=True)], HEADINGS)
    run = importing.upload(actor, name, data)
    importing.check_run(actor, run, columns.guess(read_table(data).headings))
    run.refresh_from_db()
    return importing.import_run(actor, run)


def test_yes_starts_a_looked_after_status_on_the_referral_date_with_no_legal_basis_recorded(actor, rows):
    imported(actor, rows, ["Yes", "No"])
    status = SafeguardingStatus.objects.get()
    person = Person.objects.get(nhs_number=rows[0][0].replace(" ", ""))
    assert (status.person, status.kind, status.legal_basis) == (person, "looked_after", "not_recorded")
    assert (status.starts_on, status.ends_on, status.local_authority) == (person.referral_date, None, rows[0][4])
    assert AuditEntry.objects.filter(object_id=str(status.pk), operation=Operation.CREATE).exists()


def test_the_same_answer_again_changes_nothing(actor, rows):
    imported(actor, rows, ["Yes", "No"])
    again = imported(actor, rows, ["LAC", "no"], name="again.csv")
    assert again.count("unchanged") == 2
    assert SafeguardingStatus.objects.count() == 1


def test_no_ends_a_current_status_on_the_import_day_and_yes_starts_one_that_day(actor, rows):
    imported(actor, rows, ["Yes", "No"])
    later = imported(actor, rows, ["No", "Yes"], name="later.csv")
    assert later.count("updated") == 2
    ended = SafeguardingStatus.objects.get(person__nhs_number=rows[0][0].replace(" ", ""))
    started = SafeguardingStatus.objects.get(person__nhs_number=rows[1][0].replace(" ", ""))
    assert ended.ends_on == TODAY and (started.starts_on, started.ends_on) == (TODAY, None)
