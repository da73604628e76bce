from django.core.management.base import BaseCommand
from django.utils import timezone

from keywork.records import private_files, retention


class Command(BaseCommand):
    help = (
        "List the DSR entries and uploaded spreadsheets that the retention rules (settings.RECORDS_RETENTION, "
        "and each service's own) would archive or erase; with --apply, archive and erase them. People under "
        "legal hold are listed and left alone. Private files no record points at are erased too."
    )

    def add_arguments(self, parser):
        parser.add_argument("--apply", action="store_true", help="Archive and erase; without it nothing changes.")

    def handle(self, *args, **options):
        plan = retention.plan(timezone.localdate())
        # Record ids, not names: this output ends up in cron mail and job logs.
        for heading, people in (
            ("Archive", plan.archive),
            ("Erase", plan.erase),
            ("Held (legal hold)", plan.held),
        ):
            self.stdout.write(f"{heading}: {len(people)}")
            for person in people:
                ended = retention.support_ended_on(person)
                self.stdout.write(f"  person {person.pk} ({person.service.slug}), support ended {ended}")
        self.stdout.write(f"Uploaded spreadsheets to erase: {len(plan.import_files)}")
        for run in plan.import_files:
            self.stdout.write(f"  import {run.pk} ({run.service.slug}), uploaded {run.uploaded_at:%Y-%m-%d}")
        # Files no record points at can no longer be found by person: every one goes (see check_private_files).
        orphans, _too_new = private_files.orphans()
        self.stdout.write(f"Private files with no record to erase: {len(orphans)}")
        if not options["apply"]:
            self.stdout.write("Dry run: nothing changed. Run with --apply to archive and erase.")
            return
        retention.apply(plan)
        private_files.delete(orphans)
        self.stdout.write(
            f"Archived {len(plan.archive)}, erased {len(plan.erase)}, "
            f"erased {len(plan.import_files)} uploaded spreadsheets and {len(orphans)} private files with no record."
        )
