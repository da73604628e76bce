import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from keywork.audit.models import AuditEntry, Operation
from keywork.keyworking.choices import ReferralDecision, ReferralRoute
from keywork.keyworking.models import Referral
from keywork.records import retention
from keywork.register.choices import RegisterStatus
from keywork.register.models import FamilyContact, Person, RatingChange
from keywork.testing.dates import TODAY  # noqa: E402


def ago(months: int, days: int = 0) -> datetime.date:
    return retention.add_months(TODAY, -months) - datetime.timedelta(days=days)


@pytest.fixture
def people(service, make_user, add_person):
    """Five people: one still on the register, one left 3 months ago, one 7 months ago, one 7 years
    ago, and one who left 7 years ago but whose keywork closed only 2 months ago."""
    manager = make_user(service, "manager")

    def left(months, *, closed_months=None, status=RegisterStatus.REMOVED):
        person = add_person(service, by=manager)
        Person.objects.filter(pk=person.pk).update(status=status, status_changed_on=ago(months))
        FamilyContact.objects.create(person=person, name="A parent", relationship="Mother")
        if closed_months is not None:
            Referral.objects.create(
                person=person,
                route=ReferralRoute.DSR,
                received_on=ago(100),
                referrer_name="A referrer",
                referrer_organisation="A school",
                reason="Risk of admission",
                decision=ReferralDecision.ACCEPTED,
                decided_on=ago(100),
                closed_on=ago(closed_months),
                recorded_by=manager,
            )
        person.refresh_from_db()
        return person

    return {
        "active": add_person(service, by=manager),
        "recent": left(3),
        "archive": left(7, status=RegisterStatus.TRANSFERRED_OUT),
        "erase": left(84, closed_months=90),
        "keywork_closed_late": left(84, closed_months=2),
    }


def test_support_ends_at_the_later_of_leaving_and_keywork_closing(people):
    plan = retention.plan(TODAY)
    assert plan.archive == [people["archive"]]
    assert plan.erase == [people["erase"]]
    assert people["keywork_closed_late"] not in plan.archive + plan.erase


def test_the_dry_run_changes_nothing(people):
    before = list(Person.objects.values_list("id", "archived_on"))
    out = StringIO()
    call_command("apply_retention", stdout=out)
    assert list(Person.objects.values_list("id", "archived_on")) == before
    assert "Dry run" in out.getvalue()
    assert f"person {people['erase'].pk} " in out.getvalue()
    assert not AuditEntry.objects.filter(operation=Operation.ERASE).exists()


def test_apply_archives_and_erases_exactly_the_people_due(people):
    call_command("apply_retention", "--apply", stdout=StringIO())
    archived = set(Person.objects.exclude(archived_on=None).values_list("pk", flat=True))
    assert archived == {people["archive"].pk}
    assert Person.objects.get(pk=people["archive"].pk).archived_on == TODAY
    erased = people["erase"]
    assert not Person.objects.filter(pk=erased.pk).exists()
    assert not RatingChange.objects.filter(person_id=erased.pk).exists()
    assert not FamilyContact.objects.filter(person_id=erased.pk).exists()
    assert not Referral.objects.filter(person_id=erased.pk).exists()
    remaining = {"active", "recent", "archive", "keywork_closed_late"}
    assert set(Person.objects.values_list("pk", flat=True)) == {people[key].pk for key in remaining}


def test_a_second_run_does_not_archive_again(people):
    call_command("apply_retention", "--apply", stdout=StringIO())
    assert retention.plan(TODAY + datetime.timedelta(days=1)).archive == []


def test_legal_hold_stops_archiving_and_erasure(people):
    Person.objects.filter(pk__in=[people["archive"].pk, people["erase"].pk]).update(legal_hold=True)
    out = StringIO()
    call_command("apply_retention", "--apply", stdout=out)
    assert Person.objects.get(pk=people["archive"].pk).archived_on is None
    assert Person.objects.filter(pk=people["erase"].pk).exists()
    assert "Held (legal hold): 2" in out.getvalue()


def test_erasure_leaves_an_audit_entry_without_the_persons_details(people):
    erased = people["erase"]
    earlier_entries = AuditEntry.objects.filter(person_id=erased.pk).count()
    call_command("apply_retention", "--apply", stdout=StringIO())
    entry = AuditEntry.objects.get(person_id=erased.pk, operation=Operation.ERASE)
    assert entry.system_process == "retention"
    assert entry.service == erased.service
    assert entry.changes["rule"] == "person: erase 72 months after support ends"
    assert entry.changes["erased"] == "person record"
    text = str(entry.changes)
    for detail in (erased.given_name, erased.family_name, erased.nhs_number, erased.postcode):
        assert detail not in text
    # The trail of who saw and changed the record is kept (the log is append-only), but none of
    # its entries still holds what was recorded: the entry of the person's creation held it all.
    trail = AuditEntry.objects.filter(person_id=erased.pk)
    assert trail.count() == earlier_entries + 1
    whole_trail = str(list(trail.values_list("changes", flat=True)))
    for detail in (erased.given_name, erased.family_name, erased.nhs_number, erased.postcode):
        assert detail not in whole_trail
    assert trail.filter(operation=Operation.CREATE).first().changes == {"redacted": entry.changes["rule"]}
    others = AuditEntry.objects.exclude(person_id=erased.pk).filter(person_id__isnull=False)
    assert not others.filter(changes__redacted__isnull=False).exists(), "nobody else's trail is touched"


def test_redaction_is_the_only_change_the_audit_log_allows():
    from keywork.audit.models import AppendOnlyError

    with pytest.raises(AppendOnlyError):
        AuditEntry.objects.all().update(changes={})


def test_add_months_keeps_to_the_end_of_a_short_month():
    assert retention.add_months(datetime.date(2024, 8, 31), 6) == datetime.date(2025, 2, 28)
    assert retention.add_months(datetime.date(2024, 1, 15), -72) == datetime.date(2018, 1, 15)


def test_a_service_may_keep_its_records_longer_than_the_default(people, service):
    service.retention_overrides = {"person": {"erase_after_months": 120}}
    service.full_clean()
    service.save()
    plan = retention.plan(TODAY)
    assert plan.erase == [] and people["erase"] in plan.archive
    assert retention.rule_name(service, retention.PERSON, "erase") == "person: erase 120 months after support ends"


@pytest.mark.parametrize(
    "overrides",
    [
        {"people": {"erase_after_months": 1}},
        {"person": {"erase_after_days": 1}},
        {"person": {"erase_after_months": 0}},
        {"person": {"erase_after_months": 1_000_000}},
        {"person": {"erase_after_months": True}},
        {"person": {"erase_after_months": 2, "archive_after_months": 100}},
    ],
)
def test_a_retention_override_that_names_no_rule_is_refused(service, overrides):
    from django.core.exceptions import ValidationError

    service.retention_overrides = overrides
    with pytest.raises(ValidationError, match="retention_overrides"):
        service.full_clean()


def test_an_uploaded_spreadsheet_is_erased_a_month_after_upload_keeping_its_checksum(service, make_user):
    from keywork import audit
    from keywork.imports import columns, importing, synthetic
    from keywork.imports.files import read_table
    from keywork.imports.models import ImportRun

    user = make_user(service, "coordinator")
    actor = audit.Actor(user, service)
    data = synthetic.as_csv(synthetic.spreadsheet_rows(service, 3, today=TODAY))
    rows = synthetic.spreadsheet_rows(service, 3, today=TODAY)
    synthetic.add_mistakes(rows, {1: "unknown_rating"})
    old, recent = importing.upload(actor, "old.csv", synthetic.as_csv(rows)), importing.upload(actor, "new.csv", data)
    importing.check_run(actor, old, columns.guess(synthetic.HEADINGS))
    ImportRun.objects.filter(pk=old.pk).update(uploaded_at=timezone.now() - datetime.timedelta(days=40))
    plan = retention.plan(TODAY)
    assert [run.pk for run in plan.import_files] == [old.pk]
    out = StringIO()
    call_command("apply_retention", "--apply", stdout=out)
    assert f"import {old.pk} ({service.slug})" in out.getvalue()
    old.refresh_from_db()
    recent.refresh_from_db()
    assert old.table == {} and old.problems == [] and old.sha256 and old.summary["refused"] == 1
    assert recent.table == read_table(data).as_json()
    entry = AuditEntry.objects.get(operation=Operation.ERASE, object_id=str(old.pk))
    assert entry.changes["rule"] == "import_file: erase 1 month after upload"
    assert retention.plan(TODAY).import_files == []


def test_a_referral_awaiting_a_decision_or_an_unanswered_subject_access_request_keeps_a_record(people, make_user):
    from keywork.subjectaccess.models import SubjectAccessRequest

    manager = make_user(people["erase"].service, "manager")
    Referral.objects.create(
        person=people["erase"],
        route=ReferralRoute.DSR,
        received_on=TODAY,
        referrer_name="A referrer",
        referrer_organisation="A school",
        reason="Back in crisis",
        recorded_by=manager,
    )
    SubjectAccessRequest.objects.create(
        person=people["archive"], received_on=TODAY, requester_name="R", relationship="self", recorded_by=manager
    )
    plan = retention.plan(TODAY)
    assert plan.erase == [] and plan.archive == []


def test_a_shared_system_blocker_keeps_its_other_people_and_one_about_only_the_erased_person_goes(people):
    from keywork.outcomes.models import SystemBlocker

    erased, other = people["erase"], people["active"]
    only_theirs = SystemBlocker.objects.create(
        service=erased.service, category="housing", agency="A council", description="About them", raised_on=TODAY
    )
    only_theirs.people.add(erased)
    shared = SystemBlocker.objects.create(
        service=erased.service, category="housing", agency="A council", description="Several", raised_on=TODAY
    )
    shared.people.add(erased, other)
    call_command("apply_retention", "--apply", stdout=StringIO())
    assert list(SystemBlocker.objects.values_list("pk", flat=True)) == [shared.pk]
    assert list(shared.people.all()) == [other]


def test_archiving_is_audited_and_an_admission_brings_an_archived_person_back(people, make_user, service):
    from keywork import audit
    from keywork.inpatient import operations as inpatient
    from keywork.inpatient.models import Admission

    archived = people["archive"]
    call_command("apply_retention", "--apply", stdout=StringIO())
    entry = AuditEntry.objects.get(person_id=archived.pk, operation=Operation.UPDATE, system_process="retention")
    assert entry.changes["rule"] == "person: archive 6 months after support ends"
    admission = Admission(
        person=Person.objects.get(pk=archived.pk),
        hospital="A synthetic hospital",
        unit="Ward 1",
        unit_type="general_adolescent",
        distance_miles=10,
        admitted_on=TODAY,
    )
    inpatient.record_admission(audit.Actor(make_user(service, "manager"), service), admission, "informal")
    archived.refresh_from_db()
    assert (archived.status, archived.archived_on) == ("active", None)


def test_a_hold_placed_after_the_plan_was_made_is_not_counted_as_erased(people):
    plan = retention.plan(TODAY)
    Person.objects.filter(pk=people["erase"].pk).update(legal_hold=True)
    retention.apply(plan)
    assert plan.erase == [] and Person.objects.filter(pk=people["erase"].pk).exists()
