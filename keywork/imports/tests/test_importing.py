import datetime

import pytest

from keywork import audit
from keywork.audit.models import AuditEntry, Operation
from keywork.imports import columns, importing, synthetic
from keywork.imports.files import read_table
from keywork.imports.models import ImportRun, ImportStatus
from keywork.register.choices import Rating
from keywork.register.models import Consent, Person, RatingChange
from keywork.testing.dates import TODAY, days_ago
from keywork.testing.factories import admit


@pytest.fixture
def actor(coordinator, service):
    return audit.Actor(coordinator.user, service)


def checked(actor, data: bytes, name="dsr.xlsx") -> ImportRun:
    run = importing.upload(actor, name, data)
    importing.check_run(actor, run, columns.guess(read_table(data).headings))
    run.refresh_from_db()
    return run


def test_a_generated_spreadsheet_with_mistakes_in_known_rows_refuses_exactly_those_rows(actor, service):
    rows = synthetic.spreadsheet_rows(service, 10_000, today=TODAY)
    mistakes = {
        17: "check_digit",
        2_000: "unreadable_date",
        4_321: "unknown_rating",
        8_888: "too_old",
        9_999: "duplicate",
    }
    synthetic.add_mistakes(rows, mistakes)
    run = checked(actor, synthetic.as_xlsx(rows))
    # Spreadsheet row numbers: the heading is row 1, so data row i is row i + 2. Both rows of the
    # duplicated NHS number are refused: which one is right is for the service to say.
    refused = {(row, heading) for row, heading, _message in run.problems}
    expected = {(index + 2, synthetic.MISTAKES[kind]) for index, kind in mistakes.items()} | {(10_000, "NHS No")}
    assert refused == expected
    assert run.summary == {"new": 9_994, "updated": 0, "unchanged": 0, "refused": 6, "rows": 10_000}
    messages = {row: message for row, _heading, message in run.problems}
    assert "check digit" in messages[19]
    assert "not a date we can read" in messages[2_002]
    assert "'Purple' is not a rating we know: use Red, Amber, Green or Blue" in messages[4_323]
    assert "Age outside 0 to 25" in messages[8_890]
    assert (messages[10_000], messages[10_001]) == ("Same NHS number as row 10001", "Same NHS number as row 10000")
    assert Person.objects.count() == 0, "checking writes nothing"


def test_the_import_adds_every_accepted_row_with_its_rating_history_and_one_audited_import(actor, service):
    rows = synthetic.spreadsheet_rows(service, 30, today=TODAY)
    data = synthetic.as_csv(rows)
    run = checked(actor, data, "dsr.csv")
    result = importing.import_run(actor, run)
    assert result.count("new") == 30
    assert Person.objects.filter(service=service).count() == 30
    first = Person.objects.get(nhs_number=rows[0][0].replace(" ", ""))
    assert (first.given_name, first.family_name, first.local_authority) == (rows[0][1], rows[0][2], rows[0][4])
    assert first.date_of_birth.strftime("%d/%m/%Y") == rows[0][3]
    (change,) = first.rating_changes.all()
    assert change.rating == rows[0][6].lower() and change.effective_on.strftime("%d/%m/%Y") == rows[0][7]
    assert first.rating == change.rating and first.next_review_due is not None
    assert change.reason == "Imported from dsr.csv, row 2"
    run.refresh_from_db()
    assert run.status == ImportStatus.IMPORTED and run.table == {}
    entry = AuditEntry.objects.get(object_id=str(run.pk), changes__imported="dsr.csv")
    assert entry.changes["sha256"] == ImportRun.checksum(data) and entry.changes["new"] == 30
    assert AuditEntry.objects.filter(person_id=first.pk, operation=Operation.CREATE).exists()


def test_importing_the_same_file_twice_changes_nothing_the_second_time(actor, service):
    data = synthetic.as_xlsx(synthetic.spreadsheet_rows(service, 25, today=TODAY))
    importing.import_run(actor, checked(actor, data))
    before = (
        Person.objects.count(),
        RatingChange.objects.count(),
        list(Person.objects.values_list("version", flat=True)),
    )
    second = checked(actor, data)
    assert second.summary == {"new": 0, "updated": 0, "unchanged": 25, "refused": 0, "rows": 25}
    assert second.imports_of_same_file().last() is not None
    importing.import_run(actor, second)
    after = (
        Person.objects.count(),
        RatingChange.objects.count(),
        list(Person.objects.values_list("version", flat=True)),
    )
    assert after == before


def test_a_later_file_with_a_new_rating_adds_to_the_history_with_the_files_date(actor, service):
    rows = synthetic.spreadsheet_rows(service, 3, today=TODAY - datetime.timedelta(days=60))
    for row in rows:
        row[6], row[7] = "Green", (TODAY - datetime.timedelta(days=50)).strftime("%d/%m/%Y")
    importing.import_run(actor, checked(actor, synthetic.as_xlsx(rows)))
    rows[1][6], rows[1][7] = "Red", (TODAY - datetime.timedelta(days=3)).strftime("%d/%m/%Y")
    rows[2][2] = "Newname"
    later = checked(actor, synthetic.as_xlsx(rows))
    assert later.summary == {"new": 0, "updated": 2, "unchanged": 1, "refused": 0, "rows": 3}
    importing.import_run(actor, later)
    person = Person.objects.get(nhs_number=rows[1][0].replace(" ", ""))
    history = list(person.rating_changes.values_list("rating", "effective_on"))
    assert history == [("red", TODAY - datetime.timedelta(days=3)), ("green", TODAY - datetime.timedelta(days=50))]
    assert person.rating == Rating.RED
    renamed = Person.objects.get(nhs_number=rows[2][0].replace(" ", ""))
    assert renamed.family_name == "Newname" and renamed.version == 2
    update = AuditEntry.objects.get(person_id=renamed.pk, operation=Operation.UPDATE)
    assert update.changes == {"import": later.pk, "family_name": "Newname"}


def test_an_older_rating_from_a_file_slots_into_the_history_without_changing_the_current_one(
    actor, service, add_person, coordinator
):
    person = add_person(service, coordinator.user, rating="red")
    headings = [
        "NHS number",
        "Given name",
        "Family name",
        "Date of birth",
        "Local authority",
        "LD or autism",
        "RAG",
        "Date of last review",
    ]
    older = person.rating_effective_on - datetime.timedelta(days=1)
    row = [
        person.nhs_number,
        person.given_name,
        person.family_name,
        person.date_of_birth,
        person.local_authority,
        person.condition,
        "Green",
        older,
    ]
    importing.import_run(actor, checked(actor, synthetic.as_xlsx([row], headings)))
    person.refresh_from_db()
    assert person.rating == "red"
    assert list(person.rating_changes.values_list("rating", flat=True)) == ["red", "green"]


def test_an_undated_rating_is_added_only_when_it_differs_from_the_current_one(actor, service, add_person, coordinator):
    person = add_person(service, coordinator.user, rating="amber")
    headings = ["NHS number", "Given name", "Family name", "DOB", "LA", "Diagnosis", "RAG"]
    row = [
        person.nhs_number,
        person.given_name,
        person.family_name,
        person.date_of_birth,
        person.local_authority,
        "both" if person.condition == "both" else person.get_condition_display(),
        "Amber",
    ]
    assert checked(actor, synthetic.as_csv([row], headings)).summary["unchanged"] == 1
    row[6] = "R"
    run = checked(actor, synthetic.as_csv([row], headings))
    assert run.summary["updated"] == 1
    importing.import_run(actor, run)
    person.refresh_from_db()
    assert person.rating == "red" and person.rating_effective_on == TODAY


def test_a_run_with_refused_rows_is_refused_unless_they_are_accepted_and_changes_nothing(actor, service):
    rows = synthetic.spreadsheet_rows(service, 5, today=TODAY)
    synthetic.add_mistakes(rows, {3: "unknown_rating"})
    run = checked(actor, synthetic.as_xlsx(rows))
    with pytest.raises(importing.ImportRefused, match="1 row was refused"):
        importing.import_run(actor, run)
    assert Person.objects.count() == 0
    run.refresh_from_db()
    assert run.status == ImportStatus.CHECKED
    importing.import_run(actor, run, accept_refused=True)
    assert Person.objects.count() == 4


def test_an_import_that_fails_part_way_leaves_nothing_behind(actor, service, monkeypatch):
    run = checked(actor, synthetic.as_xlsx(synthetic.spreadsheet_rows(service, 2_500, today=TODAY)))
    calls = []

    def fail_on_third_batch(count):
        calls.append(count)
        if len(calls) == 3:
            raise RuntimeError("the disk filled up")

    with pytest.raises(RuntimeError):
        importing.import_run(actor, run, progress=fail_on_third_batch)
    assert Person.objects.count() == 0 and RatingChange.objects.count() == 0
    run.refresh_from_db()
    assert run.status == ImportStatus.CHECKED and run.table


def test_an_import_cannot_be_run_twice_or_before_it_is_checked(actor, service):
    data = synthetic.as_csv(synthetic.spreadsheet_rows(service, 2, today=TODAY))
    unchecked = importing.upload(actor, "a.csv", data)
    with pytest.raises(importing.ImportRefused, match="check the file"):
        importing.import_run(actor, unchecked)
    run = checked(actor, data)
    importing.import_run(actor, run)
    with pytest.raises(importing.ImportRefused, match="already been imported"):
        importing.import_run(actor, run)


def test_a_mapping_without_a_required_column_is_refused(actor, service):
    data = synthetic.as_csv(synthetic.spreadsheet_rows(service, 2, today=TODAY))
    run = importing.upload(actor, "a.csv", data)
    mapping = columns.guess(read_table(data).headings)
    del mapping["RAG"]
    mapping["Notes"] = "nhs_number"
    with pytest.raises(importing.ImportRefused) as refused:
        importing.check_run(actor, run, mapping)
    assert "Choose the column that holds the DSR rating" in str(refused.value)
    assert "Only one column can hold the NHS number" in str(refused.value)


def test_consent_and_defaults_for_columns_the_file_does_not_have(actor, service):
    headings = ["NHS number", "First name", "Surname", "DOB", "Area", "Condition", "Rating", "Consent"]
    row = ["9990000018", "Ada", "Example", "01/02/2012", service.local_authorities[0].upper(), "ASC", "amber", "Parent"]
    importing.import_run(actor, checked(actor, synthetic.as_csv([row], headings)))
    person = Person.objects.get(nhs_number="9990000018")
    ehcp = person.ehcp_record.status
    assert (person.sex, person.ethnicity, ehcp, person.postcode) == ("not_known", "99", "not_known", "")
    assert person.local_authority == service.local_authorities[0] and person.condition == "autism"
    assert person.referral_date == TODAY
    assert Consent.objects.get(person=person).basis == "parental_responsibility"


def test_the_ehcp_column_creates_the_persons_ehcp_record_and_a_later_file_changes_it(actor, service):
    headings = ["NHS number", "First name", "Surname", "DOB", "Area", "Condition", "Rating", "EHCP"]
    row = ["9990000018", "Ada", "Example", "01/02/2012", service.local_authorities[0], "ASC", "amber", "Yes"]
    importing.import_run(actor, checked(actor, synthetic.as_csv([row], headings)))
    person = Person.objects.get(nhs_number="9990000018")
    assert person.ehcp_record.status == "yes"

    importing.import_run(actor, checked(actor, synthetic.as_csv([[*row[:-1], "in assessment"]], headings)))
    person.ehcp_record.refresh_from_db()
    assert (person.ehcp_record.status, person.ehcp_record.version) == ("in_assessment", 2)


@pytest.mark.parametrize(
    ("cell", "heading", "message"),
    [
        ("Nowhere", "Area", "'Nowhere' is not one of this service's areas"),
        ("", "Surname", "Empty: every row needs a family name"),
    ],
)
def test_row_problems_name_the_column_and_why(actor, service, cell, heading, message):
    headings = ["NHS number", "First name", "Surname", "DOB", "Area", "Condition", "Rating"]
    row = ["9990000018", "Ada", "Example", "01/02/2012", service.local_authorities[0], "LD", "red"]
    row[headings.index(heading)] = cell
    run = checked(actor, synthetic.as_csv([row], headings))
    assert [(number, column) for number, column, _ in run.problems] == [(2, heading)]
    assert message in run.problems[0][2]


def test_a_review_the_rules_refuse_is_refused_in_the_report(actor, service, add_person, coordinator):
    person = add_person(service, coordinator.user, rating="red")
    admit(actor, person, days_ago(2))
    headings = ["NHS number", "Given name", "Family name", "Date of birth", "Local authority", "LD or autism", "RAG"]
    row = [
        person.nhs_number,
        person.given_name,
        person.family_name,
        person.date_of_birth,
        person.local_authority,
        person.condition,
        "green",
    ]
    run = checked(actor, synthetic.as_xlsx([row], headings))
    assert run.summary["refused"] == 1 and "inpatient" in run.problems[0][2]


def test_real_date_cells_numeric_nhs_numbers_and_windows_csv_are_read(actor, service):
    headings = ["NHS number", "Given name", "Family name", "Date of birth", "Local authority", "LD or autism", "RAG"]
    born = datetime.datetime(2012, 2, 1)
    xlsx = synthetic.as_xlsx(
        [[9990000018, "Zoë", "Example", born, service.local_authorities[0], "LD", "Red"]], headings
    )
    importing.import_run(actor, checked(actor, xlsx))
    person = Person.objects.get(nhs_number="9990000018")
    assert (person.given_name, person.date_of_birth) == ("Zoë", born.date())
    windows = synthetic.as_csv(
        [["999 000 0026", "Siân", "Example", "1 Feb 2012", service.local_authorities[0], "ASD", "G"]], headings
    )
    importing.import_run(actor, checked(actor, windows.decode().encode("cp1252"), "dsr.csv"))
    assert Person.objects.get(nhs_number="9990000026").given_name == "Siân"


def test_someone_adding_a_person_mid_import_refuses_the_whole_import(
    actor, service, add_person, coordinator, monkeypatch
):
    from keywork.imports import checking

    rows = synthetic.spreadsheet_rows(service, 5, today=TODAY)
    run = checked(actor, synthetic.as_xlsx(rows))
    person = add_person(service, coordinator.user, nhs_number=rows[4][0].replace(" ", ""))
    # As if the other coordinator's person was saved after this import's check read the register.
    monkeypatch.setattr(checking, "_held", lambda service, numbers: {})
    with pytest.raises(importing.ImportRefused, match="register changed while the file was being imported"):
        importing.import_run(actor, run)
    assert list(Person.objects.values_list("pk", flat=True)) == [person.pk]


HEADINGS = ["NHS number", "Given name", "Family name", "Date of birth", "Local authority", "LD or autism", "RAG"]


def row_for(person, rating, *extra):
    details = [person.nhs_number, person.given_name, person.family_name, person.date_of_birth, person.local_authority]
    return [*details, person.condition, rating, *extra]


def test_an_undated_file_imported_again_after_a_newer_review_does_not_bring_its_old_rating_back(
    actor, service, add_person, coordinator
):
    from keywork.register import operations as register

    person = add_person(service, coordinator.user, rating="amber")
    data = synthetic.as_csv([row_for(person, "Red")], HEADINGS)
    importing.import_run(actor, checked(actor, data, "dsr.csv"))
    person.refresh_from_db()
    assert person.rating == "red"
    register.change_rating(actor, person, RatingChange(rating="amber", effective_on=TODAY, reason="Settled at home"))
    again = checked(actor, data, "dsr.csv")
    assert again.summary["unchanged"] == 1
    person.refresh_from_db()
    assert person.rating == "amber" and person.rating_changes.filter(rating="red").count() == 1


def test_blue_from_a_file_needs_an_open_admission_in_keywork(actor, service, add_person, coordinator):
    from keywork.inpatient import operations as inpatient

    person = add_person(service, coordinator.user, rating="red")
    refused = checked(actor, synthetic.as_csv([row_for(person, "Blue")], HEADINGS))
    assert refused.summary["refused"] == 1 and "record the admission under Inpatients" in refused.problems[0][2]
    admission = admit(actor, person, days_ago(10))
    admission.discharged_on = TODAY - datetime.timedelta(days=3)
    inpatient.record_discharge(actor, admission)
    after_discharge = checked(actor, synthetic.as_csv([row_for(person, "Blue")], HEADINGS))
    assert after_discharge.summary["refused"] == 1, "still blue in the file after discharge"


def test_a_rating_dated_before_an_admission_recorded_in_keywork_is_refused(actor, service, add_person, coordinator):
    person = add_person(service, coordinator.user, rating="red")
    admit(actor, person, days_ago(10))
    old = (TODAY - datetime.timedelta(days=100)).strftime("%d/%m/%Y")
    run = checked(actor, synthetic.as_csv([row_for(person, "Red", old)], [*HEADINGS, "Date of last review"]))
    assert run.summary["refused"] == 1 and "before the admission on" in run.problems[0][2]


def test_a_refusal_found_only_at_import_time_is_kept_in_the_report(actor, service, add_person, coordinator):
    person = add_person(service, coordinator.user, rating="red")
    run = checked(actor, synthetic.as_csv([row_for(person, "Amber")], HEADINGS))
    assert run.summary["updated"] == 1
    admit(actor, person, days_ago(1))
    with pytest.raises(importing.ImportRefused, match="1 row was refused"):
        importing.import_run(actor, run)
    run.refresh_from_db()
    assert run.summary["refused"] == 1 and "inpatient" in run.problems[0][2]


def test_a_known_person_who_has_turned_26_is_not_refused_for_their_age(actor, service, add_person, coordinator):
    person = add_person(service, coordinator.user, rating="green")
    born = TODAY.replace(year=TODAY.year - 27) - datetime.timedelta(days=1)
    Person.objects.filter(pk=person.pk).update(date_of_birth=born, referral_date=TODAY.replace(year=TODAY.year - 3))
    person.refresh_from_db()
    run = checked(actor, synthetic.as_csv([row_for(person, "Green")], HEADINGS))
    assert run.summary["refused"] == 0


def test_consent_is_history_too_and_a_bare_yes_is_read_by_age(actor, service, add_person, coordinator):
    person = add_person(service, coordinator.user, rating="green")
    withdrawn = checked(actor, synthetic.as_csv([row_for(person, "Green", "Withdrawn")], [*HEADINGS, "Consent"]))
    assert withdrawn.summary["updated"] == 1 and "→ Consent withdrawn" in withdrawn.updates[0][3]
    importing.import_run(actor, withdrawn)
    assert person.consents.first().basis == "withdrawn"
    child = [
        "9990000018",
        "Ada",
        "Example",
        TODAY.replace(year=TODAY.year - 10),
        service.local_authorities[0],
        "LD",
        "Red",
        "Yes",
    ]
    adult = [
        "9990000026",
        "Ben",
        "Example",
        TODAY.replace(year=TODAY.year - 20),
        service.local_authorities[0],
        "LD",
        "Red",
        "Yes",
    ]
    newcomer = [
        "9990000034",
        "Cy",
        "Example",
        TODAY.replace(year=TODAY.year - 12),
        service.local_authorities[0],
        "LD",
        "Red",
        "No",
    ]
    run = checked(actor, synthetic.as_xlsx([child, adult, newcomer], [*HEADINGS, "Consent"]))
    assert [message for _row, _heading, message in run.problems] == [
        "No consent: a person joins the register only with consent or a best-interests decision"
    ]
    importing.import_run(actor, run, accept_refused=True)
    bases = dict(
        Consent.objects.filter(person__given_name__in=["Ada", "Ben"]).values_list("person__given_name", "basis")
    )
    assert bases == {"Ada": "parental_responsibility", "Ben": "person"}


def test_people_who_have_left_the_register_are_flagged_in_the_report(actor, service, add_person, coordinator):
    person = add_person(service, coordinator.user, rating="green")
    Person.objects.filter(pk=person.pk).update(status="removed", status_changed_on=TODAY)
    person.refresh_from_db()
    run = checked(actor, synthetic.as_csv([row_for(person, "Red")], HEADINGS))
    assert run.updates[0][3].startswith(f"Removed from the register on {TODAY:%d/%m/%Y}. new rating Red")


def test_updates_and_new_people_are_audited_with_the_import(actor, service, add_person, coordinator):
    person = add_person(service, coordinator.user, rating="green")
    newcomer = ["9990000018", "Ada", "Example", "01/02/2012", service.local_authorities[0], "LD", "Red"]
    run = checked(actor, synthetic.as_csv([row_for(person, "Red"), newcomer], HEADINGS))
    importing.import_run(actor, run)
    added = Person.objects.get(nhs_number="9990000018")
    entries = AuditEntry.objects.filter(changes__import=run.pk)
    assert set(entries.values_list("person_id", flat=True)) == {person.pk, added.pk}
    assert entries.filter(person_id=added.pk, content_type__model="ratingchange").exists()
    assert entries.filter(person_id=person.pk, content_type__model="ratingchange").get().changes["rating"] == "red"


def test_a_long_file_name_with_a_consent_column_imports(actor, service):
    row = ["9990000018", "Ada", "Example", "01/02/2012", service.local_authorities[0], "LD", "Red", "Parent"]
    name = "DSR " + "very long file name " * 12 + ".csv"
    importing.import_run(actor, checked(actor, synthetic.as_csv([row], [*HEADINGS, "Consent"]), name[:255]))
    assert Consent.objects.get().basis == "parental_responsibility"


def test_a_run_cannot_be_checked_again_once_imported(actor, service):
    data = synthetic.as_csv(synthetic.spreadsheet_rows(service, 2, today=TODAY))
    run = checked(actor, data)
    importing.import_run(actor, run)
    with pytest.raises(importing.ImportRefused, match="already been imported or removed"):
        importing.check_run(actor, run, columns.guess(synthetic.HEADINGS))
    run.refresh_from_db()
    with pytest.raises(importing.ImportRefused, match="no longer kept"):
        importing.check_run(actor, run, columns.guess(synthetic.HEADINGS))


def test_a_date_outside_the_era_is_refused_even_where_the_age_at_referral_fits(actor, service):
    rows = synthetic.spreadsheet_rows(service, 3, today=TODAY)
    heading = {name: index for index, name in enumerate(synthetic.HEADINGS)}
    # Born 1880 and referred (reviewed) 1900: 20 at referral, so only the era refuses it.
    rows[1][heading["D.O.B."]] = "01/01/1880"
    rows[2][heading["Date of last review"]] = "0001-01-01"
    run = checked(actor, synthetic.as_csv(rows), "dsr.csv")
    messages = {(row, column): message for row, column, message in run.problems}
    outside = "is outside the dates Keywork keeps: 1 January 1900 to 31 December 2099"
    assert messages[(3, "D.O.B.")] == f"'01/01/1880' {outside}"
    assert messages[(4, "Date of last review")] == f"'0001-01-01' {outside}"
    assert run.summary["refused"] == 2
