"""The demo's living situations keep every rule: one place at a time, dates after birth."""

from keywork.accounts.models import Role
from keywork.placements.models import Placement, PlacementBreakdown
from keywork.placements.synthetic import seed_placements


def test_the_demo_placements_keep_the_rules(service, coordinator_user, make_user, add_person):
    for _ in range(6):
        add_person(service, coordinator_user)
    seed_placements(service, {"coordinator": make_user(service, Role.COORDINATOR)}, seed=0)

    for record in [*Placement.objects.all(), *PlacementBreakdown.objects.all()]:
        record.full_clean(exclude=["recorded_by"])
    assert Placement.objects.filter(ends_on__isnull=True).count() == 6
