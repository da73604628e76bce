from keywork import personrecord
from keywork.fhir.bundle import person_bundle
from keywork.safeguarding.person_record import pack
from keywork.testing.dates import days_ago


def test_the_pack_holds_statuses_and_concerns_the_concerns_for_review(child, keyworker, status_of, concern_of):
    status_of(child, kind="looked_after", legal_basis="s31", social_worker="Jo Bennett")
    concern_of(child, keyworker, what_happened="Bruises")
    statuses, concerns = pack(child)
    assert statuses.rows[0][:2] == ["Looked after", "Care order (Children Act 1989 section 31)"]
    assert concerns.rows[0][3] == "Bruises" and concerns.review_reason


def test_each_status_is_a_uk_core_flag_active_while_current(child, status_of):
    status_of(child, kind="child_protection_plan", starts_on=days_ago(300), ends_on=days_ago(10))
    status_of(child, kind="child_in_need", starts_on=days_ago(10))
    flags = [r for r in _resources(child) if r["resourceType"] == "Flag" and r["category"][0]["text"] == "Safeguarding"]
    assert [(f["code"]["text"], f["status"]) for f in flags] == [
        ("Child protection plan", "inactive"),
        ("Child in need", "active"),
    ]
    assert flags[0]["meta"]["profile"] == ["https://fhir.hl7.org.uk/StructureDefinition/UKCore-Flag"]


def test_the_safeguarding_part_is_registered_with_its_sub_page():
    part = next(part for part in personrecord.parts() if part.app_label == "safeguarding")
    assert [section.tab for section in part.page_sections] == ["safeguarding"]


def _resources(person) -> list[dict]:
    return [entry["resource"] for entry in person_bundle(person)["entry"]]
