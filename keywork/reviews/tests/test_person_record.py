"""C(E)TRs, blue light reviews and LAEP meetings in the person's FHIR Bundle: one UK Core Encounter
each, finished once held and planned before, with the outcome as its narrative."""

import json

from fhir.resources.R4B.bundle import Bundle

from keywork.fhir.bundle import person_bundle
from keywork.reviews.models import Review
from keywork.testing.dates import days_ago


def recorded(person, by, kind, held: int | None, **changes) -> Review:
    held_on = days_ago(held) if held is not None else None
    return Review.objects.create(
        person=person, kind=kind, requested_on=days_ago(60), held_on=held_on, recorded_by=by, **changes
    )


def encounters(person) -> dict[str, dict]:
    bundle = person_bundle(person)
    Bundle.model_validate(json.loads(json.dumps(bundle)))
    found = [entry["resource"] for entry in bundle["entry"] if entry["resource"]["resourceType"] == "Encounter"]
    return {encounter["type"][0]["text"]: encounter for encounter in found}


def test_each_review_and_laep_meeting_is_an_encounter_in_the_bundle(person, coordinator_user):
    recorded(person, coordinator_user, "community", 40, includes_education=True, outcome_summary="Stay at home")
    recorded(person, coordinator_user, "blue_light", 20)
    recorded(person, coordinator_user, "laep", 10)
    found = encounters(person)
    assert set(found) == {
        "C(E)TR: Community",
        "CTR: Community 'blue light' (admission imminent)",
        "Local Area Emergency Protocol (LAEP) meeting",
    }
    community = found["C(E)TR: Community"]
    assert community["status"] == "finished" and community["period"] == {"start": days_ago(40).isoformat()}
    assert community["class"]["code"] == "AMB" and "Stay at home" in community["text"]["div"]
    assert community["meta"]["profile"] == ["https://fhir.hl7.org.uk/StructureDefinition/UKCore-Encounter"]


def test_a_review_not_yet_held_is_planned_and_one_in_hospital_is_an_inpatient_encounter(person, coordinator_user):
    recorded(person, coordinator_user, "inpatient", None, scheduled_on=days_ago(-5), includes_education=True)
    (encounter,) = encounters(person).values()
    assert encounter["status"] == "planned" and encounter["class"]["code"] == "IMP"
    assert encounter["period"] == {"start": days_ago(-5).isoformat()} and "text" not in encounter
