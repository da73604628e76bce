"""The daily reminder e-mail: each worker's overdue and due-this-week items."""

from django.conf import settings
from django.core.mail import send_mail

from keywork.accounts.models import Role, User
from keywork.presenters import uk_date
from keywork.register.models import Person
from keywork.worklists.work import work_for


def reminder_lines(user) -> list[str]:
    work = work_for(Person.objects.filter(service=user.service), worker=user)
    lines = [
        f"Review overdue: {p.full_name} (due {uk_date(p.next_review_due)})" for p in work.people if p.review_overdue
    ]
    lines += [f"Review due this week: {p.full_name} ({uk_date(p.next_review_due)})" for p in work.reviews_due_this_week]
    lines += [
        f"Follow-up overdue: {f.person.full_name}: {f.description} (due {uk_date(f.due_on)})"
        for f in work.overdue_follow_ups
    ]
    lines += [
        f"Escalation awaiting a response: {e.person.full_name}: {e.escalated_to} (due {uk_date(e.response_due_on)})"
        for e in work.escalations_awaiting_response
        if e.is_overdue or e.response_due_on <= work.today
    ]
    lines += [
        f"Action overdue: {a.person.full_name}: {a.recommendation} (from the {a.source_label})"
        for a in work.overdue_actions
    ]
    return lines


def send_reminders() -> list[tuple[User, int]]:
    """E-mail every active keyworker with something to do; return who was sent how many items."""
    sent = []
    for user in User.objects.filter(role=Role.KEYWORKER, is_active=True, service__isnull=False).exclude(email=""):
        lines = reminder_lines(user)
        if lines:
            body = "Your Keywork items today:\n\n" + "\n".join(f"- {line}" for line in lines)
            send_mail("Keywork: your reviews and actions", body, settings.DEFAULT_FROM_EMAIL, [user.email])
            sent.append((user, len(lines)))
    return sent
