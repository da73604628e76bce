import datetime

from pydantic import Field

from keywork.locking import VersionRead
from keywork.outcomes.choices import Answer, BehaviourType, BlockerCategory, MeasurePoint
from keywork.schemas import Schema


class GoalRatingIn(Schema):
    rated_on: datetime.date
    score: int
    note: str = ""


class GoalRatingOut(GoalRatingIn):
    id: int
    goal_id: int


class GoalIn(Schema):
    person_id: int
    description: str
    set_on: datetime.date
    set_with: str


class GoalOut(GoalIn):
    id: int
    ratings: list[GoalRatingOut]
    change: int | None

    @staticmethod
    def resolve_ratings(goal) -> list:
        return goal.ratings_in_order()


class BehaviourRecordIn(Schema):
    person_id: int
    behaviour_type: BehaviourType
    week_starting: datetime.date
    frequency_per_week: int
    severity: int


class BehaviourRecordOut(BehaviourRecordIn):
    id: int


class FamilyMeasureIn(Schema):
    person_id: int
    taken_on: datetime.date
    point: MeasurePoint
    quality_of_life: int
    confidence_managing: int
    feeling_listened_to: int


class FamilyMeasureOut(FamilyMeasureIn):
    id: int


class ClosingOutcomeIn(Schema):
    """The outcome, and the version of it read: 0 when none has been recorded yet."""

    version: VersionRead
    admission_avoided: Answer
    admission_rationale: str = ""
    breakdown_prevented: Answer
    notes: str = ""


class ClosingOutcomeOut(ClosingOutcomeIn):
    id: int
    version: int
    referral_id: int


class BlockerIn(Schema):
    category: BlockerCategory
    agency: str
    description: str
    raised_on: datetime.date
    person_ids: list[int] = []


class BlockerResolve(Schema):
    version: VersionRead
    resolved_on: datetime.date
    resolution: str = ""


class BlockerOut(Schema):
    id: int
    version: int
    category: str
    agency: str
    description: str
    raised_on: datetime.date
    resolved_on: datetime.date | None
    resolution: str
    days_blocked: int | None
    person_ids: list[int]

    @staticmethod
    def resolve_person_ids(blocker, context) -> list[int]:
        # Only the people the caller may reach are named; the rest of the blocker is the service's.
        reachable = context["request"].reachable_people
        return [person.pk for person in blocker.people.all() if person.pk in reachable]


class BlockerFigures(Schema):
    start: datetime.date
    end: datetime.date
    by_category: dict[str, int | str]
    by_agency: dict[str, int | str]
    by_month: dict[str, int | str]
    suppression_rule: str | None = Field(
        None, description="The rule small numbers were hidden by ('*'), when the counts are as published"
    )


class CaseStudyIn(Schema):
    title: str
    narrative: str
    person_id: int | None = None
    quarter_start: datetime.date
    consent_recorded: bool = False
    consent_given_by: str = ""
    consent_on: datetime.date | None = None


class CaseStudyOut(CaseStudyIn):
    id: int
    usable_in_return: bool
