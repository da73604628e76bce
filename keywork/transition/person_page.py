"""What the transition plan adds to a person's details: the plan, or, from 14, a prompt to record
one; and the milestones ahead (adult services referral, consent at 18, keywork ending at 26)."""

from django.template.loader import render_to_string
from django.utils import timezone

from keywork.accounts.permissions import Permission, has_permission
from keywork.register.timeline import Event
from keywork.transition import rules


def plan_of(person):
    return getattr(person, "transition_plan", None) if person.pk else None


def transition_section(request, person) -> str:
    today = timezone.localdate()
    if not plan_of(person) and not rules.has_reached(person.date_of_birth, rules.TRANSITION_PLAN_FROM, today):
        return ""
    context = {
        "person": person,
        "plan": plan_of(person),
        "milestones": milestones(person.date_of_birth),
        "today": today,
        "may_edit": has_permission(request.user, Permission.EDIT_PERSON),
    }
    return render_to_string("transition/person_section.jinja", context, request)


def milestones(date_of_birth) -> list[tuple[str, object]]:
    """The preparing-for-adulthood dates of this person, in the order they come."""
    return [
        ("Transition plan from", rules.reaches(date_of_birth, rules.TRANSITION_PLAN_FROM)),
        ("Adult services referral from", rules.reaches(date_of_birth, rules.ADULT_SERVICES_REFERRAL_FROM)),
        ("Consent re-checked at 18", rules.reaches(date_of_birth, rules.CONSENT_RECHECK_AT)),
        ("Ending proposed from", rules.reaches(date_of_birth, rules.ENDING_PROPOSED_FROM)),
        ("Keywork ends before", rules.reaches(date_of_birth, rules.KEYWORK_ENDS_AT)),
    ]


def timeline_events(request, person) -> list[Event]:
    plan = plan_of(person)
    if plan is None:
        return []
    events = [Event(plan.agreed_on, "Transition plan agreed", "", "", kind="Transition")]
    if plan.adult_services_referred_on:
        referred = f"Referred to {plan.adult_services_referred_to}"
        on = plan.adult_services_referred_on
        events.append(Event(on, "Adult services referral", referred, "", kind="Transition"))
    return events
