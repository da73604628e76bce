from django.core.management.base import BaseCommand

from keywork.datamodel.document import DOCUMENT, render


class Command(BaseCommand):
    help = "Write docs/data-model.md from the models: every Keywork app's models, fields and relations."
    # It reads model metadata only, so it need not load the URLs and views the system checks import.
    requires_system_checks = []

    def handle(self, *args, **options):
        DOCUMENT.write_text(render())
        self.stdout.write(f"Wrote {DOCUMENT}")
