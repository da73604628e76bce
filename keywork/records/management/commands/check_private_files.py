from django.core.management.base import BaseCommand

from keywork.presenters import uk_long_date
from keywork.records import private_files


class Command(BaseCommand):
    help = (
        "List the files under PRIVATE_FILES_ROOT that no record points at (a replaced report kept by an older "
        "version, or a file left by a save that failed); with --delete, delete them. Files written in the last "
        "hour are left alone: their upload may still be saving."
    )

    def add_arguments(self, parser):
        parser.add_argument("--delete", action="store_true", help="Delete them; without it nothing changes.")

    def handle(self, *args, **options):
        found, too_new = private_files.orphans()
        self.stdout.write(f"Private files with no record: {len(found)}")
        for orphan in found:
            self.stdout.write(f"  {orphan.name} ({orphan.size:,} bytes, written {uk_long_date(orphan.modified)})")
        if too_new:
            self.stdout.write(f"Left alone, written in the last hour: {too_new}")
        if not options["delete"]:
            self.stdout.write("Dry run: nothing deleted. Run with --delete to delete them.")
            return
        private_files.delete(found)
        self.stdout.write(f"Deleted {len(found)} file{'s' if len(found) != 1 else ''} with no record.")
