from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from keywork.records import backup


class Command(BaseCommand):
    help = (
        "Replace the whole database with the backup in FILE (made by `manage.py backup`). Run "
        "`manage.py apply_retention --apply` straight after: the backup may hold records erased since."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--yes", action="store_true", help="Confirm: everything in the database now is replaced")

    def handle(self, *args, file, yes, **options):
        if not file.is_file():
            raise CommandError(f"No backup file at {file}")
        if not yes:
            raise CommandError("A restore replaces everything in the database: add --yes to go ahead")
        backup.restore(file)
        self.stdout.write(f"Restored the database from {file}. Now run `manage.py apply_retention --apply`.")
