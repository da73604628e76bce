from pathlib import Path

from django.core.management.base import BaseCommand

from keywork.records import backup


class Command(BaseCommand):
    help = "Copy the whole database to FILE (SQLite backup API, or pg_dump's custom format on PostgreSQL)."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)

    def handle(self, *args, **options):
        backup.backup(options["file"])
        self.stdout.write(f"Backed up the database to {options['file']}")
