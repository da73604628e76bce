"""The demo's transition plans keep the plan's rules, go only to people aged 14 or over, and leave
some prompts for the work lists; run again, the demo adds nothing."""

from django.utils import timezone

from keywork.accounts.models import Role
from keywork.transition import rules
from keywork.transition.models import TransitionPlan
from keywork.transition.synthetic import seed_transition


def test_the_demo_plans_keep_the_rules_and_go_to_people_aged_14_or_over(
    service, coordinator_user, make_user, add_person
):
    for _ in range(30):
        add_person(service, coordinator_user)
    users = {"coordinator": make_user(service, Role.COORDINATOR)}
    seed_transition(service, users, seed=0)
    plans = list(TransitionPlan.objects.select_related("person"))

    assert plans
    for plan in plans:
        plan.full_clean(exclude=["recorded_by"])
        assert rules.has_reached(plan.person.date_of_birth, rules.TRANSITION_PLAN_FROM, timezone.localdate())
    seed_transition(service, users, seed=0)
    assert TransitionPlan.objects.count() == len(plans)
