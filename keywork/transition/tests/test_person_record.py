from keywork import audit, personrecord
from keywork.audit.saving import save_versioned
from keywork.fhir.bundle import person_bundle
from keywork.transition.models import TransitionPlan
from keywork.transition.person_record import pack
from keywork.transition.tests.conftest import plan_body


def recorded_plan(person, by, **changes) -> TransitionPlan:
    plan = TransitionPlan(person=person, **plan_body(**changes))
    plan.full_clean(exclude=["recorded_by"])
    return save_versioned(audit.Actor(by, by.service), plan)


def test_the_pack_holds_the_plan_with_each_area(young_person, coordinator_user):
    recorded_plan(young_person, coordinator_user)
    (plans,) = pack(young_person)
    assert plans.rows[0][0] == "In progress" and "Housing options team" in plans.rows[0]


def test_the_plan_is_a_fhir_care_plan_of_category_transition_with_an_activity_per_area(young_person, coordinator_user):
    recorded_plan(young_person, coordinator_user, housing_status="agreed")
    resources = [entry["resource"] for entry in person_bundle(young_person)["entry"]]
    (care_plan,) = [resource for resource in resources if resource["resourceType"] == "CarePlan"]
    assert care_plan["category"] == [{"text": "transition"}] and care_plan["intent"] == "plan"
    statuses = [activity["detail"]["status"] for activity in care_plan["activity"]]
    assert statuses == ["in-progress", "in-progress", "completed", "in-progress"]
    assert care_plan["activity"][2]["detail"]["performer"] == [{"display": "Housing options team"}]


def test_the_transition_part_is_registered_on_the_details_page():
    part = next(part for part in personrecord.parts() if part.app_label == "transition")
    assert [section.tab for section in part.page_sections] == ["details"]
