from pathlib import Path

from django.core.management.base import BaseCommand

from keywork.records import backup


class Command(BaseCommand):
    help = "Replace the whole database with the backup in FILE (made by `manage.py backup`)."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)

    def handle(self, *args, **options):
        backup.restore(options["file"])
        self.stdout.write(f"Restored the database from {options['file']}")
