"""What DSR meetings hold about a person: when they were on an agenda and why, and what each meeting
decided for them (in the pack; a rating decided there is in the register's rating history)."""

from keywork.personrecord import Part
from keywork.personrecord.pack import Column, Section, section
from keywork.presenters import uk_long_date


def _rating_decided(decision) -> str:
    """The rating, its reason and risk factors, as the rating history entry the meeting made holds them."""
    change = decision.rating_change
    if change is None:
        return ""
    factors = "; ".join(change.risk_factor_labels())
    return f"{change.get_rating_display()}: {change.reason}" + (f" (risk factors: {factors})" if factors else "")


def pack(person) -> list[Section]:
    return [
        section(
            "On the agenda of DSR meetings",
            person.dsr_agenda_items.select_related("meeting").order_by("meeting__held_on", "id"),
            [
                Column("Meeting", lambda item: uk_long_date(item.meeting.held_on), covers=("meeting",)),
                Column("Why", lambda item: ", ".join(item.reason_labels()), covers=("reasons",)),
                Column("Rating when listed", lambda item: item.get_rating_listed_display(), covers=("rating_listed",)),
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
                Column("Rating decided", _rating_decided, covers=("rating_change",)),
                Column("Recorded by", "recorded_by", about_others=True),
                Column("Recorded", "recorded_at"),
            ],
        ),
    ]


PART = Part("meetings", pack=pack)
