"""Where the person has lived, and placement breakdowns, in the subject access pack and the FHIR
Bundle: each placement a UK Core EpisodeOfCare, each breakdown a UK Core Flag."""

import json

from fhir.resources.R4B.bundle import Bundle

from keywork.fhir.bundle import person_bundle
from keywork.placements.models import Placement, PlacementBreakdown
from keywork.placements.person_record import pack
from keywork.testing.dates import days_ago


def placed(service, coordinator_user, add_person):
    person = add_person(service, coordinator_user)
    Placement.objects.create(
        person=person, kind="foster_care", area="in_area", starts_on=days_ago(300), ends_on=days_ago(31)
    )
    Placement.objects.create(person=person, kind="residential_home", area="out_of_area", starts_on=days_ago(30))
    PlacementBreakdown.objects.create(person=person, occurred_on=days_ago(31), what_happened="Carers gave notice")
    return person


def test_the_pack_holds_each_placement_and_breakdown(service, coordinator_user, add_person):
    placements, breakdowns = pack(placed(service, coordinator_user, add_person))
    assert len(placements.rows) == 2 and "Carers gave notice" in breakdowns.rows[0]


def test_the_bundle_holds_each_placement_and_breakdown_as_valid_fhir(service, coordinator_user, add_person):
    bundle = person_bundle(placed(service, coordinator_user, add_person))
    Bundle.model_validate(json.loads(json.dumps(bundle)))
    resources = [entry["resource"] for entry in bundle["entry"]]
    episodes = [r for r in resources if r["resourceType"] == "EpisodeOfCare"]
    assert [episode["status"] for episode in episodes] == ["finished", "active"]
    (flag,) = [
        r for r in resources if r["resourceType"] == "Flag" and r["category"] == [{"text": "Placement breakdown"}]
    ]
    assert flag["period"] == {"start": days_ago(31).isoformat()}
