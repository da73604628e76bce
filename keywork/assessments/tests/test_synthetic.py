from keywork.accounts.models import Role, WorkerType
from keywork.assessments.models import Assessment
from keywork.assessments.synthetic import seed_assessments
from keywork.reviews.models import Action
from keywork.testing.factories import allocate, create_user


def test_the_demo_assessments_keep_every_rule_and_are_not_added_twice(service, coordinator_user, add_person):
    users = {
        "manager": create_user(service, Role.MANAGER),
        "keyworker": create_user(service, Role.KEYWORKER),
        "behaviour": create_user(service, Role.KEYWORKER, worker_type=WorkerType.BEHAVIOUR_TEAM),
    }
    for _ in range(9):
        allocate(add_person(service, coordinator_user), users["keyworker"])

    seed_assessments(service, users)
    count = Assessment.objects.count()
    seed_assessments(service, users)

    assert count == 3 == Assessment.objects.count()
    for assessment in Assessment.objects.all():
        assessment.full_clean()
    assert Action.objects.count() >= 3
