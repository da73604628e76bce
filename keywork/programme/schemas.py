import datetime
from decimal import Decimal

from pydantic import Field

from keywork.money import LARGEST_PENCE
from keywork.schemas import Schema


class KpiPointOut(Schema):
    month: datetime.date
    value: Decimal | None
    on_track: bool | None
    suppressed: bool = Field(
        False,
        description="A figure computed from a few people's records, hidden (null) in the series as published: "
        "for roles that may not see people, or with counts=published",
    )
    suppression_rule: str | None = Field(
        None, description="The rule small numbers are hidden by, when the series is as published"
    )


class KpiOut(Schema):
    id: int
    name: str
    definition: str
    unit: str
    direction: str
    target: Decimal
    computation: str


class KpiValueIn(Schema):
    month: datetime.date
    value: Decimal


class MilestoneIn(Schema):
    title: str
    due_on: datetime.date
    owner: str
    status: str = "not_started"
    evidence: str = ""


class MilestoneOut(MilestoneIn):
    id: int
    is_overdue: bool


class BudgetLineOut(Schema):
    id: int
    name: str
    category: str
    budget_pence: int
    budget_to_date_pence: int
    actual_to_date_pence: int
    variance_pence: int
    variance_percent: float | None
    forecast_pence: int
    outside_tolerance: bool


class BudgetOut(Schema):
    financial_year: int
    funding_pence: int
    budget_pence: int
    budget_to_date_pence: int
    actual_to_date_pence: int
    variance_pence: int
    variance_percent: float | None
    forecast_pence: int
    lines: list[BudgetLineOut]


class ExpenditureIn(Schema):
    line_id: int
    spent_on: datetime.date
    amount_pence: int = Field(description="In pence; a refund is negative", ge=-LARGEST_PENCE, le=LARGEST_PENCE)
    payee: str
    reference: str = ""


class ExpenditureOut(ExpenditureIn):
    id: int


class RiskIn(Schema):
    title: str
    cause: str
    effect: str
    owner: str
    likelihood: int
    impact: int
    target_score: int
    review_due_on: datetime.date


class RiskOut(RiskIn):
    id: int
    score: int
    band: str
    status: str
    is_review_overdue: bool


class RiskReviewIn(Schema):
    reviewed_on: datetime.date
    likelihood: int
    impact: int
    note: str = ""
    next_review_due_on: datetime.date


class FeedbackIn(Schema):
    kind: str
    received_on: datetime.date
    from_whom: str
    about: str
    summary: str
    responded_on: datetime.date | None = None
    outcome: str = ""
    lessons_learned: str = ""


class FeedbackOut(FeedbackIn):
    id: int
    response_due_on: datetime.date | None
    is_overdue: bool


class FoiIn(Schema):
    received_on: datetime.date
    requester: str
    subject: str
    responded_on: datetime.date | None = None
    outcome: str = ""


class FoiOut(FoiIn):
    id: int
    due_on: datetime.date
    is_overdue: bool


class WorkforceRoleOut(Schema):
    role: str
    headcount: int
    wte: Decimal


class WorkforceOut(Schema):
    on: datetime.date
    headcount: int
    wte: Decimal
    by_role: list[WorkforceRoleOut]
    vacancies: list[str]
