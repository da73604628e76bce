from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db.models import Q
from tqdm import tqdm

from keywork import audit
from keywork.accounts.models import User
from keywork.accounts.permissions import Permission, has_permission
from keywork.imports import columns, importing, refused
from keywork.imports.files import UnreadableFile
from keywork.imports.models import SavedMapping
from keywork.services.models import Service

PROBLEMS_PRINTED = 50


class Command(BaseCommand):
    help = (
        "Import a DSR spreadsheet (XLSX or CSV) into a service's register: every row is checked first and "
        "reported; the import is all or nothing; importing the same file again changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--service", required=True, help="The service's slug or name")
        parser.add_argument("--user", help="Who is importing (default: the service's first DSR coordinator)")
        parser.add_argument("--mapping", help="A column mapping saved in the app (default: guessed from the headings)")
        parser.add_argument("--dry-run", action="store_true", help="Check and report only; change nothing")
        parser.add_argument("--accept-refused", action="store_true", help="Import the other rows if some are refused")
        parser.add_argument("--problems", type=Path, help="Also write every refused row to this CSV file")

    def handle(self, *args, file, service, user, mapping, dry_run, accept_refused, problems, **options):
        target = Service.objects.filter(Q(slug=service) | Q(name=service)).first()
        if target is None:
            raise CommandError(f"No service {service!r}: give its slug or name")
        actor = audit.Actor(self._importer(target, user), target, system_process="manage.py import_dsr")
        if not file.is_file():
            raise CommandError(f"No file at {file}")
        try:
            run = importing.upload(actor, file.name, file.read_bytes())
            chosen = self._mapping(target, mapping, importing.table_of(run).headings)
            result = importing.check_run(actor, run, chosen)
        except (UnreadableFile, importing.ImportRefused) as error:
            raise CommandError(str(error)) from error
        self._report(run, problems)
        if dry_run:
            run.remove_file()  # nothing will come of this upload: the file is not kept
            self.stdout.write("Dry run: nothing was changed")
            return
        with tqdm(total=result.count("new") + result.count("updated"), desc="Importing", unit="rows") as bar:
            try:
                done = importing.import_run(actor, run, accept_refused=accept_refused, progress=bar.update)
            except importing.ImportRefused as refusal:
                raise CommandError(f"{refusal}; nothing was changed (--accept-refused imports the others)") from None
        self.stdout.write(f"Imported {done.count('new')} new and {done.count('updated')} updated people")

    def _importer(self, service, username) -> User:
        users = User.objects.filter(Q(service=service) | Q(other_services=service), is_active=True).distinct()
        found = users.filter(username=username).first() if username else users.filter(role="coordinator").first()
        if found is None:
            raise CommandError(f"No {'user ' + repr(username) if username else 'DSR coordinator'} in {service}")
        if not has_permission(found, Permission.IMPORT_REGISTER):
            raise CommandError(f"{found.username}'s role may not import into the register")
        return found

    def _mapping(self, service, name, headings) -> dict:
        if not name:
            return columns.guess(headings)
        saved = SavedMapping.objects.filter(service=service, name=name).first()
        if saved is None:
            raise CommandError(f"No saved mapping {name!r} in {service}")
        return {heading: key for heading, key in saved.columns.items() if heading in headings}

    def _report(self, run, problems_file) -> None:
        summary = run.summary
        self.stdout.write(
            f"{summary['rows']} rows: {summary['new']} new, {summary['updated']} updated, "
            f"{summary['unchanged']} unchanged, {summary['refused']} refused"
        )
        for number, heading, message in run.problems[:PROBLEMS_PRINTED]:
            self.stdout.write(f"  row {number}, {heading}: {message}")
        if len(run.problems) > PROBLEMS_PRINTED:
            self.stdout.write(f"  … and {len(run.problems) - PROBLEMS_PRINTED} more (--problems FILE writes them all)")
        if problems_file:
            with problems_file.open("w", newline="", encoding="utf-8") as handle:
                refused.write_csv(handle, run.problems)
