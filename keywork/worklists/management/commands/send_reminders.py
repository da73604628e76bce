from django.core.management.base import BaseCommand

from keywork.presenters import plural
from keywork.worklists.reminders import send_reminders


class Command(BaseCommand):
    help = "Email each keyworker their overdue and due-this-week items (run daily, for example from cron)."

    def handle(self, *args, **options):
        sent = send_reminders()
        for user, count in sent:
            self.stdout.write(f"Sent {user.username} <{user.email}> {plural(count, 'item')}")
        self.stdout.write(f"Sent {plural(len(sent), 'reminder email')}")
