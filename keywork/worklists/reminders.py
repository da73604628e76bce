"""The daily reminder e-mail: each worker's work lists, as their home page defines them (overdue, or
due within the week), less their caseload itself."""

from django.conf import settings
from django.core.mail import send_mail

from keywork.accounts.models import Role, User
from keywork.presenters import uk_long_date
from keywork.register.models import Person
from keywork.worklists.work import work_for


def _due(day, today) -> str:
    return f"overdue since {uk_long_date(day)}" if day < today else f"due {uk_long_date(day)}"


def reminder_lines(user) -> list[str]:
    work = work_for(Person.objects.filter(service=user.service), worker=user)
    today = work.scope.today
    lines = [f"DSR review {_due(p.next_review_due, today)}: {p.full_name}" for p in work.reviews_due]
    lines += [f"C(E)TR {_due(row.schedule.next_due, today)}: {row.admission.person.full_name}" for row in work.ctrs_due]
    lines += [
        f"EHCP annual review {_due(plan.next_annual_review_due, today)}: {plan.person.full_name}"
        for plan in work.ehcp_reviews_due
    ]
    lines += [
        f"PBS plan review {_due(plan.review_on, today)}: {plan.person.full_name}" for plan in work.pbs_reviews_due
    ]
    lines += [f"Follow-up {_due(f.due_on, today)}: {f.person.full_name}: {f.description}" for f in work.follow_ups_due]
    lines += [
        f"{work.not_contacted.title}: {p.full_name} (last contact {uk_long_date(p.last_contact_on) or 'none'})"
        for p in work.not_contacted
    ]
    lines += [
        f"Escalation awaiting a response, {_due(e.response_due_on, today)}: {e.person.full_name}: {e.escalated_to}"
        for e in work.escalations
    ]
    lines += [
        f"Action overdue: {a.person.full_name}: {a.recommendation} (from the {a.source_label})"
        for a in work.overdue_actions
    ]
    lines += [
        f"Transition plan to record (aged 14 from {uk_long_date(r.on)}): {r.person.full_name}"
        for r in work.transition_plans_due
    ]
    lines += [
        f"Adult services referral due from {uk_long_date(r.on)}: {r.person.full_name}" for r in work.adult_referrals_due
    ]
    lines += [
        f"Consent to re-check (turned 18 on {uk_long_date(r.on)}): {r.person.full_name}" for r in work.consent_recheck
    ]
    lines += [f"Keywork ending, turns 26 on {uk_long_date(r.on)}: {r.person.full_name}" for r in work.ending_soon]
    lines += [
        f"Overdue to close, turned 26 on {uk_long_date(r.on)}: {r.person.full_name}" for r in work.overdue_to_close
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
