"""The tool's part of the person's record: the subject access pack, the FHIR RiskAssessment and
the timeline."""

import pytest

from keywork.decisionsupport.choices import Level
from keywork.decisionsupport.person_record import pack
from keywork.decisionsupport.tests.conftest import answers_of
from keywork.fhir.bundle import person_bundle
from keywork.register.choices import Rating
from keywork.testing.dates import days_ago

pytestmark = pytest.mark.django_db


def test_the_pack_holds_each_assessment_and_its_answers_with_their_evidence(person, domains, assess):
    assess(
        person,
        answers_of(domains, level_5=Level.MODERATE, evidence="Arrested on 3 November"),
        Rating.AMBER,
        "Court date",
    )
    assessments, answers = pack(person)
    assert assessments.rows == [
        [
            "25 Nov 2026",
            "4",
            "54",
            "Green – needs and risks managed in the community",
            "Amber – at risk of admission without support soon",
            "Court date",
        ]
    ]
    assert ["25 Nov 2026", "Police or forensic contact", "2", "Moderate", "Arrested on 3 November"] in answers.rows


def test_each_assessment_is_a_fhir_risk_assessment_based_on_its_rating_flag(person, domains, assess):
    assessment = assess(person, answers_of(domains, level_0=Level.HIGH), Rating.GREEN)
    resources = [entry["resource"] for entry in person_bundle(person)["entry"]]
    (risk,) = [r for r in resources if r["resourceType"] == "RiskAssessment"]
    flag_ids = {r["id"] for r in resources if r["resourceType"] == "Flag"}
    assert "meta" not in risk  # UK Core has no RiskAssessment profile: the base R4 resource
    assert risk["prediction"][0]["outcome"]["text"] == "Suggested rating: green"
    assert risk["prediction"][0]["rationale"] == "Score 9 of 54" and risk["occurrenceDateTime"] == "2026-11-25"
    assert risk["basis"][0]["reference"].removeprefix("urn:uuid:") in flag_ids
    assert "Risk to self (weight 3): High. Seen at home" in [note["text"] for note in risk["note"]]
    assert assessment.rating_change_id


def test_someone_in_hospital_has_no_prediction(person, domains, assess, admit):
    admit(person, days_ago(3))
    assess(person, answers_of(domains), Rating.BLUE)
    (risk,) = [
        e["resource"] for e in person_bundle(person)["entry"] if e["resource"]["resourceType"] == "RiskAssessment"
    ]
    assert "prediction" not in risk


def test_the_timeline_names_the_suggestion_and_the_rating(coordinator, person, domains, assess):
    assess(person, answers_of(domains), Rating.AMBER, reason="Placement notice given")
    page = coordinator.http.get(f"/register/{person.pk}/records/?kind=Decision+support+tool").content.decode()
    assert (
        "Decision support tool: score 0 of 54" in page
        and "Suggested green, rated amber: Placement notice given" in page
    )
