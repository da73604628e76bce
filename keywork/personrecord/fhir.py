"""The building blocks each app uses to add its FHIR R4 resources to a person's record.

Resources are plain dicts. Every resource has an id, its Bundle entry a fullUrl "urn:uuid:<id>",
and every reference between them is to a fullUrl in the Bundle. Ids are UUIDs derived from the
record's key, so exporting the same record again gives the same ids.
"""

import datetime
import uuid

UK_CORE = "https://fhir.hl7.org.uk/StructureDefinition/"
SNOMED_CT = "http://snomed.info/sct"

# Namespace for the ids of exported resources: uuid5 of this and "<kind>/<primary key>".
_NAMESPACE = uuid.UUID("6f1c4a52-3d0e-4b7e-9a51-2f8e0c7d9b13")


class FhirRecord:
    """The resources of one person's record, in the order the apps add them. The register adds the
    Patient first; every other resource refers to it as `subject`."""

    def __init__(self, person):
        self.person = person
        self.resources: list[dict] = []

    def add(self, *resources: dict | None) -> None:
        self.resources += [resource for resource in resources if resource]

    def of_type(self, resource_type: str) -> list[dict]:
        return [resource for resource in self.resources if resource["resourceType"] == resource_type]

    @property
    def subject(self) -> dict:
        return self.of_type("Patient")[0]


def resource_id(kind: str, pk) -> str:
    return str(uuid.uuid5(_NAMESPACE, f"{kind}/{pk}"))


def full_url(resource: dict) -> str:
    return f"urn:uuid:{resource['id']}"


def reference(resource: dict, display: str = "") -> dict:
    ref = {"reference": full_url(resource)}
    if display:
        ref["display"] = display
    return ref


def date(value: datetime.date | None) -> str | None:
    return value.isoformat() if value else None


def without_empty(data: dict) -> dict:
    """FHIR forbids empty values: drop None, "" and empty lists and objects."""
    return {key: value for key, value in data.items() if value not in (None, "", [], {})}
