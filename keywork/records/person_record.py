"""What records management adds to a person's record: the legal hold section of their records
sub-page and its alert in their summary. A hold is the service's records-management marker, so the
register leaves it out of the pack."""

from keywork.personrecord import PageSection, Part
from keywork.records import person_page

PART = Part(
    "records",
    page_sections=(PageSection("records", person_page.legal_hold_section),),
    alerts=(person_page.alerts,),
)
