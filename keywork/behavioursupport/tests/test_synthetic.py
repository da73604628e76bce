from keywork.accounts.models import WorkerType
from keywork.behavioursupport.models import Incident, PbsPlan
from keywork.behavioursupport.synthetic import seed_behaviour_support
from keywork.testing.dates import days_ago
from keywork.testing.factories import allocate, keyworker_of


def test_the_demo_gives_the_behaviour_teams_people_plans_and_incidents_once(service, coordinator_user, add_person):
    technician = keyworker_of(service, WorkerType.BEHAVIOUR_TEAM)
    people = [add_person(service, coordinator_user) for _ in range(4)]
    for person in people:
        allocate(person, technician, starts_on=max(days_ago(200), person.referral_date))
    users = {"behaviour": technician}
    seed_behaviour_support(service, users)
    seed_behaviour_support(service, users)
    assert set(PbsPlan.objects.values_list("person", flat=True)) == {person.pk for person in people}
    assert Incident.objects.exists()
    assert sum(plan.review_overdue for plan in PbsPlan.objects.all()) == 1
