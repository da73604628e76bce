from django.core.management.base import BaseCommand

from keywork.worklists.reminders import send_reminders


class Command(BaseCommand):
    help = "E-mail each keyworker their overdue and due-this-week items (run daily, e.g. from cron)."

    def handle(self, *args, **options):
        sent = send_reminders()
        for user, count in sent:
            self.stdout.write(f"Sent {user.username} <{user.email}> {count} item(s)")
        self.stdout.write(f"Sent {len(sent)} reminder e-mail(s)")
