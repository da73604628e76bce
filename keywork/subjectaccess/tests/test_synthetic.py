from keywork.accounts.models import Role
from keywork.subjectaccess.models import SubjectAccessRequest
from keywork.subjectaccess.synthetic import seed_subject_access


def test_the_demo_has_one_overdue_and_one_extended_request_and_seeding_again_adds_nothing(
    service, make_user, add_person
):
    manager = make_user(service, Role.MANAGER)
    for _ in range(3):
        add_person(service, manager)
    seed_subject_access(service, {"manager": manager})
    seed_subject_access(service, {"manager": manager})
    requests = list(SubjectAccessRequest.objects.filter(person__service=service).order_by("id"))
    assert len(requests) == 2
    assert requests[0].is_overdue and requests[0].extension_months == 0
    assert requests[1].extension_months == 2 and not requests[1].is_overdue
