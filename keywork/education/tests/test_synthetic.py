"""The demo's education records keep every rule, and everyone has their EHCP status recorded."""

from keywork.accounts.models import Role
from keywork.education.models import EducationEvent, EducationSetting, Ehcp
from keywork.education.synthetic import seed_education


def test_the_demo_education_records_keep_the_rules(service, coordinator_user, make_user, add_person):
    people = [add_person(service, coordinator_user) for _ in range(8)]
    seed_education(service, {"coordinator": make_user(service, Role.COORDINATOR)}, seed=0)

    records = [*Ehcp.objects.all(), *EducationSetting.objects.all(), *EducationEvent.objects.all()]
    for record in records:
        record.full_clean(exclude=["recorded_by"])
    assert sorted(Ehcp.objects.values_list("person_id", flat=True)) == sorted(person.pk for person in people)
