import datetime

from pydantic import Field

from keywork.decisionsupport.choices import Level
from keywork.register.choices import Rating
from keywork.schemas import Schema


class DomainOut(Schema):
    id: int
    name: str
    guidance: str
    weight: int
    position: int
    active: bool


class AnswerIn(Schema):
    domain_id: int = Field(ge=1, le=2_147_483_647, description="One of the service's active domains (GET the domains)")
    level: Level
    evidence: str = Field("", description="Needed for any level above none")


class AssessmentIn(Schema):
    answers: list[AnswerIn] = Field(description="One answer for each of the service's active domains")
    chosen_rating: Rating = Field(
        description="The rating decided: red, amber or green; blue (and only blue) for someone in hospital"
    )
    override_reason: str = Field("", description="Needed when the rating chosen differs from the suggestion")


class AnswerOut(Schema):
    domain_id: int | None
    domain_name: str
    weight: int
    level: str
    evidence: str


class AssessmentOut(Schema):
    id: int
    person_id: int
    assessed_on: datetime.date
    score: int
    highest_score: int
    suggested_rating: str = Field(description='"" when the tool suggests nothing (someone in hospital)')
    chosen_rating: str
    override_reason: str
    rating_change_id: int
    answers: list[AnswerOut]
