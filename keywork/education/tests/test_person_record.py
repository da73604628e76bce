"""Education in the subject access pack and the FHIR Bundle: the EHCP a CarePlan, each setting a UK
Core Observation, each exclusion, part-time timetable or attendance concern a UK Core Flag."""

import json

from fhir.resources.R4B.bundle import Bundle

from keywork.education.models import EducationEvent, EducationSetting, Ehcp
from keywork.education.person_record import pack
from keywork.fhir.bundle import person_bundle
from keywork.testing.dates import days_ago


def educated(service, coordinator_user, add_person):
    person = add_person(service, coordinator_user)
    Ehcp.objects.update_or_create(
        person=person,
        defaults={"status": "yes", "issued_on": days_ago(400), "local_authority": "Kent"}
        | {"next_annual_review_due": days_ago(-30)},
    )
    EducationSetting.objects.create(
        person=person, setting_type="residential_52", name="Oak Park", area="out_of_area", starts_on=days_ago(300)
    )
    EducationEvent.objects.create(person=person, kind="part_time_timetable", starts_on=days_ago(60), notes="Mornings")
    return person


def test_the_pack_holds_the_ehcp_the_settings_and_the_events(service, coordinator_user, add_person):
    person = educated(service, coordinator_user, add_person)
    ehcp, settings, events = pack(person)
    assert ehcp.rows[0][0] == "Yes" and "Kent" in ehcp.rows[0]
    assert "Oak Park" in settings.rows[0] and "Mornings" in events.rows[0]


def test_the_bundle_holds_the_ehcp_the_setting_and_the_event_as_valid_fhir(service, coordinator_user, add_person):
    person = educated(service, coordinator_user, add_person)
    bundle = person_bundle(person)
    Bundle.model_validate(json.loads(json.dumps(bundle)))
    resources = [entry["resource"] for entry in bundle["entry"]]
    (care_plan,) = [r for r in resources if r["resourceType"] == "CarePlan" and r.get("title", "").startswith("Educ")]
    assert care_plan["activity"][0]["detail"]["scheduledString"] == days_ago(-30).isoformat()
    (setting,) = [r for r in resources if r["resourceType"] == "Observation"]
    assert setting["valueString"] == "Residential, 52 weeks a year: Oak Park" and setting["note"] == [
        {"text": "Out of area"}
    ]
    (event,) = [r for r in resources if r["resourceType"] == "Flag" and r["category"] == [{"text": "Education"}]]
    assert event["code"] == {"text": "Part-time timetable"} and event["status"] == "active"
