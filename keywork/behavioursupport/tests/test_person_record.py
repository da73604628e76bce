"""What behaviour support adds to the person's record: pack sections, FHIR resources (a CarePlan for
the latest PBS plan, an Observation per incident), timeline events."""

from keywork import audit, personrecord
from keywork.behavioursupport import operations
from keywork.behavioursupport.models import Incident, PbsPlan, RestrictivePractice
from keywork.behavioursupport.person_record import pack
from keywork.behavioursupport.tests.test_models import a_plan, an_incident
from keywork.fhir.bundle import person_bundle


def recorded(person, by):
    actor = audit.Actor(by, by.service)
    plan = a_plan(person)
    plan.full_clean(exclude=["saved_by", "version"])
    operations.save_plan(
        actor, person, PbsPlan(**{f: getattr(plan, f) for f in [*PbsPlan.TEXT, "agreed_on", "review_on"]}), 0
    )
    incident = an_incident(person, prn_given=True)
    practices = [
        RestrictivePractice(practice="chemical", minutes=90),
        RestrictivePractice(practice="physical", minutes=4),
    ]
    incident.check_practices(practices)
    return operations.record_incident(actor, incident, practices)


def test_the_pack_holds_every_plan_version_and_each_incident_with_its_practices(person, coordinator_user):
    recorded(person, coordinator_user)
    plans, incidents = pack(person)
    assert len(plans.rows) == 1 and "Sam Lee, behaviour analyst" in plans.rows[0]
    (row,) = incidents.rows
    assert "Chemical restraint (including PRN medication) (90 minutes), Physical restraint (4 minutes)" in row


def test_fhir_has_the_plan_as_a_care_plan_and_each_incident_as_an_observation(person, coordinator_user):
    recorded(person, coordinator_user)
    resources = [entry["resource"] for entry in person_bundle(person)["entry"]]
    (plan,) = [r for r in resources if r.get("category") == [{"text": "Positive Behaviour Support plan"}]]
    assert plan["resourceType"] == "CarePlan" and plan["title"].endswith("version 1")
    (observation,) = [r for r in resources if r["resourceType"] == "Observation"]
    assert observation["valueInteger"] == 4
    minutes = [c["valueQuantity"]["value"] for c in observation["component"] if "valueQuantity" in c]
    assert minutes == [90, 4]


def test_the_timeline_names_the_plan_and_the_incident(rf, person, coordinator_user):
    recorded(person, coordinator_user)
    request = rf.get("/")
    request.user = coordinator_user
    titles = [event.title for event in personrecord.timeline_events(request, person)]
    assert "PBS plan version 1 agreed" in titles and any(title.startswith("Incident: ") for title in titles)
    assert Incident.objects.count() == 1
