"""What the FHIR export adds to a person's record: the link on their page to download it."""

from keywork.fhir import person_page
from keywork.personrecord import PageSection, Part

PART = Part("fhir", page_sections=(PageSection("records", person_page.fhir_section),))
