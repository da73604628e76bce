"""What DSR meetings hold about a person: when they were on an agenda and why, and what each meeting
decided for them (in the pack; a rating decided there is in the register's rating history)."""

from keywork.meetings.choices import AgendaReason
from keywork.personrecord import Part
from keywork.personrecord.pack import Column, Section, section
from keywork.presenters import uk_long_date


def pack(person) -> list[Section]:
    return [
        section(
            "On the agenda of DSR meetings",
            person.dsr_agenda_items.select_related("meeting").order_by("meeting__held_on", "id"),
            [
                Column("Meeting", lambda item: uk_long_date(item.meeting.held_on), covers=("meeting",)),
                Column("Why", lambda item: ", ".join(AgendaReason(r).label for r in item.reasons), covers=("reasons",)),
                Column("Taken off the agenda", "removed"),
            ],
        ),
        section(
            "Decisions of DSR meetings",
            person.dsr_decisions.select_related("meeting", "rating_change", "recorded_by").order_by(
                "meeting__held_on", "id"
            ),
            [
                Column("Meeting", lambda decision: uk_long_date(decision.meeting.held_on), covers=("meeting",)),
                Column("Decision", "decision"),
                Column("Rating", lambda decision: str(decision.rating_change or ""), covers=("rating_change",)),
                Column("Recorded by", "recorded_by", about_others=True),
                Column("Recorded", "recorded_at"),
            ],
        ),
    ]


PART = Part("meetings", pack=pack)
