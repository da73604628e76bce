"""What subject access holds about a person: the requests for a copy of their record (themselves in
the pack they ask for), and the link to record one on their page."""

from keywork.personrecord import PageSection, Part
from keywork.personrecord.pack import Column, Section, section
from keywork.subjectaccess import person_page


def pack(person) -> list[Section]:
    return [
        section(
            "Subject access requests",
            person.subject_access_requests.select_related("identity_checked_by").order_by("received_on", "id"),
            [
                Column("Received", "received_on"),
                Column("Asked by", "requester_name", about_others=True),
                Column("Who is asking", "relationship"),
                Column("Identity checked", "identity_checked_on"),
                Column("Identity checked by", "identity_checked_by", about_others=True),
                Column("Evidence of identity seen", "identity_evidence", about_others=True),
                Column("Extended by (months)", "extension_months"),
                Column("Why it was extended", "extension_reason"),
                Column("Due", "due_on"),
                Column("Responded", "responded_on"),
            ],
        ),
    ]


PART = Part("subjectaccess", page_sections=(PageSection("records", person_page.subject_access_section),), pack=pack)
