from keywork.accounts.models import Role
from keywork.coproduction.models import Engagement
from keywork.coproduction.synthetic import seed_coproduction
from keywork.testing.factories import create_user


def test_the_demo_log_keeps_every_rule_links_the_milestones_and_is_not_added_twice(service, milestone_in, risk_in):
    milestone_in(service, "Transition protocol agreed with adult services")
    risk_in(service, "Peer Associate grant ends before the programme")
    users = {"lead": create_user(service, Role.LEAD)}

    seed_coproduction(service, users)
    count = Engagement.objects.count()
    seed_coproduction(service, users)

    assert count >= 5 and Engagement.objects.count() == count
    for engagement in Engagement.objects.all():
        engagement.full_clean()
    assert Engagement.objects.filter(milestones__isnull=False).exists()
    assert Engagement.objects.filter(risks__isnull=False).exists()
    assert Engagement.objects.filter(what_changed="").exists(), "some events still await what changed"
