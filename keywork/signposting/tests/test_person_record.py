from keywork import personrecord
from keywork.fhir.bundle import person_bundle
from keywork.signposting.person_record import pack
from keywork.testing.dates import days_ago


def test_the_pack_holds_each_signposting_and_its_outcome(child, peer, signposting_of):
    signposting_of(child, peer, organisation="Swimming club", outcome="not_taken_up", outcome_on=days_ago(3))
    (section,) = pack(child)
    assert section.rows[0][1:4] == ["Swimming club", "Community group or club", "Not taken up"]
    assert section.rows[0][-1] == "Peer Associate"


def test_each_signposting_is_a_uk_core_service_request_proposal(child, peer, signposting_of):
    signposting_of(child, peer, organisation="Youth club", signposted_on=days_ago(20))
    signposting_of(child, peer, organisation="Swimming", outcome="attended", outcome_on=days_ago(1))
    requests = [
        entry["resource"]
        for entry in person_bundle(child)["entry"]
        if entry["resource"]["resourceType"] == "ServiceRequest"
    ]
    assert [(r["performer"][0]["display"], r["status"], r["intent"]) for r in requests] == [
        ("Youth club", "active", "proposal"),
        ("Swimming", "completed", "proposal"),
    ]
    assert requests[0]["meta"]["profile"] == ["https://fhir.hl7.org.uk/StructureDefinition/UKCore-ServiceRequest"]


def test_the_signposting_part_is_a_section_of_the_keywork_sub_page():
    part = next(part for part in personrecord.parts() if part.app_label == "signposting")
    assert [section.tab for section in part.page_sections] == ["keywork"]
