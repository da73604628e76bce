"""One person's record as a FHIR R4 Bundle ("collection" to download, "searchset" from $everything).

Each app adds its own resources (its person_record module's `fhir`), in the order the apps are
installed: the register's Patient first, then Conditions and Flags, the team and plan, encounters
and goals. Resources follow the UK Core profiles where UK Core publishes one (Patient, Condition,
Flag, Encounter: meta.profile names them); CarePlan, CareTeam and Goal are plain FHIR R4. Every
resource has an id, its entry a fullUrl "urn:uuid:<id>", and every reference between them is to a
fullUrl in the Bundle. Ids are UUIDs derived from the record's key, so exporting the same record
again gives the same ids (the Bundle's own id and timestamp are new each time).
"""

import uuid

from django.utils import timezone

from keywork import personrecord
from keywork.personrecord.fhir import FhirRecord, full_url


def person_bundle(person, searchset: bool = False) -> dict:
    """The person's record as a Bundle: "collection" for a download; "searchset" for the
    $everything operation, whose definition says so (the Patient a match, the rest included)."""
    record = FhirRecord(person)
    for part in personrecord.parts():
        if part.fhir:
            part.fhir(record)
    entries = [{"fullUrl": full_url(resource), "resource": resource} for resource in record.resources]
    bundle = {
        "resourceType": "Bundle",
        "id": str(uuid.uuid4()),
        "meta": {"lastUpdated": timezone.now().isoformat()},
        "type": "searchset" if searchset else "collection",
        "timestamp": timezone.now().isoformat(),
    }
    if searchset:
        for entry in entries:
            entry["search"] = {"mode": "match" if entry["resource"] is record.subject else "include"}
        bundle["total"] = 1  # the number of matches: the one Patient
    return bundle | {"entry": entries}
