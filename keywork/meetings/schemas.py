import datetime

from pydantic import Field

from keywork.register.choices import Rating, RiskFactor
from keywork.reviews.schemas import ActionIn, ActionOut
from keywork.schemas import Schema


class MeetingOut(Schema):
    id: int
    held_on: datetime.date
    chair: str
    status: str
    closed_at: datetime.datetime | None

    @staticmethod
    def resolve_chair(meeting) -> str:
        return meeting.chair.display_name


class AttendeeOut(Schema):
    """A member of staff (`staff_id`) or someone from outside, who is no user of Keywork."""

    name: str
    organisation: str
    staff_id: int | None

    @staticmethod
    def resolve_name(attendee) -> str:
        return attendee.staff.display_name if attendee.staff_id else attendee.name


class AgendaItemOut(Schema):
    person_id: int
    reasons: list[str]
    reasons_in_words: list[str]
    rating_listed: Rating | None
    removed: bool

    @staticmethod
    def resolve_reasons_in_words(item) -> list[str]:
        return item.reason_labels()

    @staticmethod
    def resolve_rating_listed(item) -> str | None:
        return item.rating_listed or None


class DecidedRating(Schema):
    """The rating history entry the decision made (GET /api/people/{id}/ratings lists the history)."""

    id: int
    rating: Rating
    effective_on: datetime.date
    reason: str
    risk_factors: list[str]


class DecisionOut(Schema):
    id: int
    person_id: int
    decision: str
    rating: DecidedRating | None = Field(None, alias="rating_change")
    actions: list[ActionOut]
    recorded_at: datetime.datetime

    @staticmethod
    def resolve_actions(decision) -> list:
        return list(decision.actions.all())


class MeetingDetailOut(MeetingOut):
    attendees: list[AttendeeOut]
    agenda: list[AgendaItemOut]
    decisions: list[DecisionOut]


class DecisionIn(Schema):
    """One person's decision at the meeting: the rating confirmed (the same again) or changed, with
    its reason and risk factors; what was decided; and optionally one action."""

    rating: Rating
    rating_reason: str
    risk_factors: list[RiskFactor] = []
    decision: str
    action: ActionIn | None = None
