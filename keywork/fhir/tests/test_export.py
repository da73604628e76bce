"""The FHIR R4 export of one person's record: valid resources, references that resolve, and the
same access rules and audit as the person's page."""

import datetime
import json

import pytest
from django.urls import reverse
from django.utils import timezone
from fhir.resources.R4B.bundle import Bundle

from keywork.accounts.models import Role
from keywork.audit.models import AuditEntry, Operation
from keywork.fhir.bundle import person_bundle
from keywork.inpatient.models import Admission, LegalStatusChange
from keywork.keyworking.models import Allocation, Involvement, Professional, SupportPlan
from keywork.outcomes.models import Goal, GoalRating
from keywork.register.models import RatingChange
from keywork.register.person_record import NHS_NUMBER_SYSTEM

# fhir.resources 8 has no separate R4 (4.0.1) package: R4B (4.3.0) is its closest, and the
# resources exported here have the same shape in both.


def api_url(person_id) -> str:
    return f"/api/fhir/Patient/{person_id}/$everything"


@pytest.fixture
def coordinator_user(service, make_user):
    return make_user(service, Role.COORDINATOR)


@pytest.fixture
def full_record(service, coordinator_user, make_user, add_person):
    """A person with two rating changes, two admissions (one with legal status), a plan, a team and goals."""
    person = add_person(service, by=coordinator_user, rating="amber", condition="both", sex="female")
    start = person.referral_date
    RatingChange.objects.create(
        person=person,
        rating="red",
        effective_on=start + datetime.timedelta(days=10),
        reason="Placement at risk",
        decided_by=coordinator_user,
    )
    first = Admission.objects.create(
        person=person,
        hospital="Hollybank Hospital",
        unit="Birch Ward",
        unit_type=Admission._meta.get_field("unit_type").choices[0][0],
        distance_miles=12,
        admitted_on=start + datetime.timedelta(days=20),
        discharged_on=start + datetime.timedelta(days=40),
        discharge_destination="Home with family",
        recorded_by=coordinator_user,
    )
    LegalStatusChange.objects.create(
        admission=first, status="s2", effective_on=first.admitted_on, recorded_by=coordinator_user
    )
    Admission.objects.create(
        person=person,
        hospital="Oakfield Unit",
        unit="Ash Ward",
        unit_type=Admission._meta.get_field("unit_type").choices[0][0],
        distance_miles=40,
        admitted_on=start + datetime.timedelta(days=50),
        recorded_by=coordinator_user,
    )
    keyworker = make_user(service, Role.KEYWORKER)
    keyworker.first_name, keyworker.last_name = "Sam", "Keyworker"
    keyworker.save()
    Allocation.objects.create(
        person=person,
        worker=keyworker,
        worker_type=keyworker.worker_type,
        starts_on=start,
        reason="Allocated at referral",
        recorded_by=coordinator_user,
    )
    professional = Professional.objects.create(
        service=service,
        name="Dr Ada Jones",
        role="Consultant psychiatrist",
        organisation="CAMHS",
        agency_type="mental_health",
    )
    Involvement.objects.create(person=person, professional=professional, role_for_person="Psychiatrist", is_lead=True)
    for version in (1, 2):
        SupportPlan.objects.create(
            person=person,
            version=version,
            what_helps=f"Routine (version {version})",
            triggers="Loud noise",
            early_warning_signs="Pacing",
            who_to_call="Mum",
            agreed_responses="Quiet space",
            saved_by=coordinator_user,
        )
    goal = Goal.objects.create(person=person, description="Go to school 3 days a week", set_on=start, set_with="Mum")
    GoalRating.objects.create(goal=goal, rated_on=start, score=-2)
    Goal.objects.create(person=person, description="Sleep through the night", set_on=start, set_with="")
    return person


def resources_of(bundle: dict, kind: str) -> list[dict]:
    return [entry["resource"] for entry in bundle["entry"] if entry["resource"]["resourceType"] == kind]


def references_in(value):
    if isinstance(value, dict):
        if "reference" in value:
            yield value["reference"]
        for item in value.values():
            yield from references_in(item)
    elif isinstance(value, list):
        for item in value:
            yield from references_in(item)


def test_every_resource_is_valid_fhir(full_record):
    data = json.loads(json.dumps(person_bundle(full_record)))
    bundle = Bundle.model_validate(data)
    assert bundle.type == "collection"
    kinds = sorted(entry["resource"]["resourceType"] for entry in data["entry"])
    assert kinds == sorted(
        ["Patient", "Condition", "Condition", "Flag", "Flag", "Encounter", "Encounter", "CareTeam", "CarePlan"]
        + ["Goal", "Goal"]
    )
    # Each resource validates on its own too, as its own type.
    for entry in bundle.entry:
        type(entry.resource).model_validate(entry.resource.model_dump())


def test_every_resource_has_an_id_and_every_reference_resolves_within_the_bundle(full_record):
    data = person_bundle(full_record)
    full_urls = [entry["fullUrl"] for entry in data["entry"]]
    assert len(set(full_urls)) == len(full_urls)
    for entry in data["entry"]:
        assert entry["fullUrl"] == f"urn:uuid:{entry['resource']['id']}"
    references = list(references_in([entry["resource"] for entry in data["entry"]]))
    assert references
    assert set(references) <= set(full_urls)
    (patient,) = resources_of(data, "Patient")
    for entry in data["entry"]:
        if entry["resource"]["resourceType"] != "Patient":
            assert entry["resource"]["subject"]["reference"] == f"urn:uuid:{patient['id']}"


def test_patient_carries_the_nhs_number_and_the_uk_core_profile(full_record):
    (patient,) = resources_of(person_bundle(full_record), "Patient")
    assert patient["meta"]["profile"] == ["https://fhir.hl7.org.uk/StructureDefinition/UKCore-Patient"]
    (identifier,) = patient["identifier"]
    assert (identifier["system"], identifier["value"]) == (NHS_NUMBER_SYSTEM, full_record.nhs_number)
    (verification,) = identifier["extension"]
    assert verification["url"].endswith("/Extension-UKCore-NHSNumberVerificationStatus")
    assert verification["valueCodeableConcept"]["coding"][0]["code"] == "02", "checked, never traced against PDS"
    assert patient["birthDate"] == full_record.date_of_birth.isoformat()
    assert patient["gender"] == "female"
    assert patient["name"][0]["family"] == full_record.family_name
    assert patient["address"] == [{"postalCode": full_record.postcode}]


def test_conditions_are_coded_in_snomed_ct(full_record):
    conditions = resources_of(person_bundle(full_record), "Condition")
    codes = {coding["code"] for condition in conditions for coding in condition["code"]["coding"]}
    assert codes == {"110359009", "35919005"}


def test_one_flag_per_rating_change_the_latest_active(full_record):
    flags = resources_of(person_bundle(full_record), "Flag")
    changes = list(full_record.rating_changes.order_by("effective_on", "id"))
    assert len(flags) == len(changes) == 2
    assert [flag["period"]["start"] for flag in flags] == [change.effective_on.isoformat() for change in changes]
    assert [flag["status"] for flag in flags] == ["inactive", "active"]
    assert "Amber" in flags[0]["code"]["text"] and "Red" in flags[1]["code"]["text"]


def test_one_inpatient_encounter_per_admission_with_its_legal_status(full_record):
    encounters = resources_of(person_bundle(full_record), "Encounter")
    assert len(encounters) == full_record.admissions.count() == 2
    assert {encounter["class"]["code"] for encounter in encounters} == {"IMP"}
    first, second = encounters
    assert first["serviceProvider"]["display"] == "Hollybank Hospital"
    assert first["status"] == "finished" and "end" in first["period"]
    assert second["status"] == "in-progress" and "end" not in second["period"]
    context, classification = first["extension"][0]["extension"]
    assert first["extension"][0]["url"].endswith("/Extension-UKCore-LegalStatus")
    assert context["valueCodeableConcept"]["coding"][0]["code"] == "admission"
    assert classification["valueCodeableConcept"]["coding"][0]["code"] == "02"  # Section 2
    assert [
        extension["extension"][0]["valueCodeableConcept"]["coding"][0]["code"] for extension in first["extension"]
    ] == [
        "admission",
        "discharge",
    ]
    assert "Section 2" in first["text"]["div"]


def test_care_plan_is_the_current_version_and_the_team_is_around_the_person(full_record):
    data = person_bundle(full_record)
    (plan,) = resources_of(data, "CarePlan")
    assert plan["title"] == "Support and crisis plan, version 2"
    (team,) = resources_of(data, "CareTeam")
    members = {participant["member"]["display"] for participant in team["participant"]}
    assert members == {"Sam Keyworker", "Dr Ada Jones, Consultant psychiatrist"}
    assert plan["careTeam"] == [{"reference": f"urn:uuid:{team['id']}"}]
    assert len(resources_of(data, "Goal")) == 2


def test_a_person_with_only_the_register_entry_exports_a_valid_bundle(service, coordinator_user, add_person):
    person = add_person(service, by=coordinator_user, condition="ld")
    data = json.loads(json.dumps(person_bundle(person)))
    Bundle.model_validate(data)
    assert [entry["resource"]["resourceType"] for entry in data["entry"]] == ["Patient", "Condition", "Flag"]


def test_api_returns_the_bundle_as_fhir_json_and_audits_the_read(client, full_record, coordinator_user, api_for):
    response = client.get(api_url(full_record.pk), **api_for(coordinator_user))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/fhir+json"
    Bundle.model_validate(response.json())
    views = AuditEntry.objects.filter(operation=Operation.VIEW, person_id=full_record.pk, actor=coordinator_user)
    assert views.exists()


def test_api_hides_another_services_person(client, full_record, other_service, make_user, api_for):
    stranger = make_user(other_service, Role.COORDINATOR)
    assert client.get(api_url(full_record.pk), **api_for(stranger)).status_code == 404


def test_api_hides_a_person_not_allocated_to_the_keyworker(client, full_record, service, make_user, api_for):
    keyworker = make_user(service, Role.KEYWORKER)
    assert client.get(api_url(full_record.pk), **api_for(keyworker)).status_code == 404


def test_api_refuses_a_commissioner(client, full_record, service, make_user, api_for):
    commissioner = make_user(service, Role.COMMISSIONER)
    assert client.get(api_url(full_record.pk), **api_for(commissioner)).status_code == 403


def test_page_download_needs_the_same_permission_and_access(client, full_record, service, other_service, make_user):
    url = reverse("fhir:bundle", args=[full_record.pk])
    client.force_login(make_user(service, Role.COORDINATOR))
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/fhir+json"
    assert "attachment" in response["Content-Disposition"]
    Bundle.model_validate(json.loads(response.content))
    client.force_login(make_user(other_service, Role.COORDINATOR))
    assert client.get(url).status_code == 404
    client.force_login(make_user(service, Role.KEYWORKER))
    assert client.get(url).status_code == 404
    client.force_login(make_user(service, Role.COMMISSIONER))
    assert client.get(url).status_code == 403


def test_person_page_links_to_the_download(client, full_record, coordinator_user):
    client.force_login(coordinator_user)
    page = client.get(reverse("register:person_records", args=[full_record.pk])).content.decode()
    assert reverse("fhir:bundle", args=[full_record.pk]) in page
    assert "Download as FHIR" in page


def test_ids_are_stable_between_exports(full_record):
    first, second = person_bundle(full_record), person_bundle(full_record)
    assert [entry["fullUrl"] for entry in first["entry"]] == [entry["fullUrl"] for entry in second["entry"]]
    assert first["id"] != second["id"]
    assert timezone.now().date().isoformat() in first["timestamp"]


def test_the_everything_operation_answers_a_searchset_and_is_audited_as_an_export(
    full_record, api_for, service, make_user, client
):
    data = client.get(api_url(full_record.pk), **api_for(make_user(service, Role.MANAGER))).json()
    assert data["type"] == "searchset" and data["total"] == 1
    modes = [(entry["resource"]["resourceType"], entry["search"]["mode"]) for entry in data["entry"]]
    assert modes[0] == ("Patient", "match") and {mode for _, mode in modes[1:]} == {"include"}
    Bundle.model_validate(data)
    export = AuditEntry.objects.get(person_id=full_record.pk, operation=Operation.EXPORT)
    assert export.changes == {"format": "FHIR R4 Bundle", "resources": len(data["entry"])}


def test_the_latest_flag_says_what_the_register_holds(full_record, coordinator_user):
    # Admitted (blue by rule), then a review dated later: the register keeps an inpatient blue.
    today = timezone.localdate()
    for rating, cause, days_ago in (("blue", "admission", 5), ("red", "review", 0)):
        RatingChange.objects.create(
            person=full_record,
            rating=rating,
            cause=cause,
            effective_on=today - datetime.timedelta(days=days_ago),
            reason="r",
            decided_by=coordinator_user,
        )
    full_record.refresh_rating()
    assert full_record.rating == "blue"
    latest = resources_of(person_bundle(full_record), "Flag")[-1]
    assert latest["status"] == "active" and latest["code"]["text"].startswith("DSR rating: Blue")


def test_no_flag_is_active_once_the_person_has_left_the_register(full_record):
    from keywork.register.models import Person

    Person.objects.filter(pk=full_record.pk).update(status="removed", status_changed_on=timezone.localdate())
    full_record.refresh_from_db()
    flags = resources_of(person_bundle(full_record), "Flag")
    assert {flag["status"] for flag in flags} == {"inactive"}
    assert flags[-1]["period"]["end"] == timezone.localdate().isoformat()


def test_errors_from_the_fhir_api_are_operation_outcomes(
    client, api_for, service, make_user, other_service, add_person
):
    from fhir.resources.R4B.operationoutcome import OperationOutcome

    stranger = add_person(other_service, by=make_user(other_service, Role.COORDINATOR))
    response = client.get(api_url(stranger.pk), **api_for(make_user(service, Role.MANAGER)))
    assert response.status_code == 404 and response["Content-Type"] == "application/fhir+json"
    outcome = OperationOutcome.model_validate(response.json())
    assert outcome.issue[0].code == "not-found"
    refused = client.get(api_url(stranger.pk), **api_for(make_user(service, Role.COMMISSIONER)))
    assert refused.status_code == 403 and refused.json()["issue"][0]["code"] == "forbidden"
