import csv

import pytest
from django.core.management import CommandError, call_command

from keywork.accounts.models import Role
from keywork.imports import synthetic
from keywork.imports.models import ImportRun, SavedMapping
from keywork.register.models import Person, RatingChange
from keywork.testing.dates import TODAY


@pytest.fixture
def spreadsheet(tmp_path, service):
    def write(rows, name="dsr.xlsx", headings=synthetic.HEADINGS):
        path = tmp_path / name
        path.write_bytes(
            synthetic.as_xlsx(rows, headings) if name.endswith(".xlsx") else synthetic.as_csv(rows, headings)
        )
        return path

    return write


def run(*args) -> str:
    from io import StringIO

    out = StringIO()
    call_command("import_dsr", *map(str, args), stdout=out, stderr=StringIO())
    return out.getvalue()


def test_a_dry_run_reports_and_changes_nothing(spreadsheet, service, coordinator):
    rows = synthetic.spreadsheet_rows(service, 40, today=TODAY)
    synthetic.add_mistakes(rows, {9: "unknown_rating"})
    output = run(spreadsheet(rows), "--service", service.slug, "--dry-run")
    assert "40 rows: 39 new, 0 updated, 0 unchanged, 1 refused" in output
    assert "row 11, RAG: 'Purple' is not a rating" in output
    assert "Dry run: nothing was changed" in output
    assert Person.objects.count() == 0 and ImportRun.objects.get().table == {}


def test_refused_rows_stop_the_import_unless_accepted(spreadsheet, service, coordinator, tmp_path):
    rows = synthetic.spreadsheet_rows(service, 10, today=TODAY)
    synthetic.add_mistakes(rows, {2: "too_old"})
    path = spreadsheet(rows, "dsr.csv")
    with pytest.raises(CommandError, match="1 row was refused.*nothing was changed"):
        run(path, "--service", service.name)
    assert Person.objects.count() == 0
    problems = tmp_path / "refused.csv"
    output = run(path, "--service", service.name, "--accept-refused", "--problems", problems)
    assert "Imported 9 new and 0 updated people" in output and Person.objects.count() == 9
    assert list(csv.reader(problems.open()))[1][:2] == ["4", "D.O.B."]


def test_the_same_file_twice_changes_nothing(spreadsheet, service, coordinator):
    path = spreadsheet(synthetic.spreadsheet_rows(service, 15, today=TODAY))
    run(path, "--service", service.slug)
    counts = Person.objects.count(), RatingChange.objects.count()
    output = run(path, "--service", service.slug)
    assert "15 rows: 0 new, 0 updated, 15 unchanged, 0 refused" in output
    assert (Person.objects.count(), RatingChange.objects.count()) == counts


def test_a_saved_mapping_and_a_named_user(spreadsheet, service, make_user):
    manager = make_user(service, Role.MANAGER)
    headings = ["Ref", "Child", "Family", "Born", "Where", "Need", "Colour"]
    SavedMapping.objects.create(
        service=service,
        name="Ours",
        saved_by=manager,
        columns=dict(
            zip(
                headings,
                ["nhs_number", "given_name", "family_name", "date_of_birth", "local_authority", "condition", "rating"],
                strict=True,
            )
        ),
    )
    path = spreadsheet(
        [["9990000018", "Ada", "Example", "01/02/2012", service.local_authorities[0], "LD", "Red"]], "a.csv", headings
    )
    run(path, "--service", service.slug, "--mapping", "Ours", "--user", manager.username)
    assert Person.objects.get().rating_changes.get().decided_by == manager


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--service", "nowhere"], "No service 'nowhere'"),
        (["--service", "{slug}", "--user", "nobody"], "No user 'nobody'"),
        (["--service", "{slug}", "--mapping", "Missing"], "No saved mapping 'Missing'"),
        (["--service", "{slug}", "--user", "{keyworker}"], "may not import"),
    ],
)
def test_bad_arguments_are_refused(spreadsheet, service, coordinator, make_user, args, message):
    keyworker = make_user(service, Role.KEYWORKER)
    path = spreadsheet(synthetic.spreadsheet_rows(service, 2, today=TODAY))
    filled = [arg.format(slug=service.slug, keyworker=keyworker.username) for arg in args]
    with pytest.raises(CommandError, match=message):
        run(path, *filled)
    assert Person.objects.count() == 0


def test_an_unreadable_file_is_refused(tmp_path, service, coordinator):
    path = tmp_path / "notes.xlsx"
    path.write_bytes(b"%PDF-1.7 synthetic")
    with pytest.raises(CommandError, match="not a spreadsheet"):
        run(path, "--service", service.slug)
    with pytest.raises(CommandError, match="No file at"):
        run(tmp_path / "missing.xlsx", "--service", service.slug)
