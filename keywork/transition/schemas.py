import datetime

from keywork.locking import VersionRead
from keywork.schemas import Schema
from keywork.transition.choices import AreaStatus


class TransitionPlanIn(Schema):
    social_care_status: AreaStatus
    social_care_notes: str = ""
    social_care_owner: str = ""
    health_status: AreaStatus
    health_notes: str = ""
    health_owner: str = ""
    housing_status: AreaStatus
    housing_notes: str = ""
    housing_owner: str = ""
    employment_status: AreaStatus
    employment_notes: str = ""
    employment_owner: str = ""
    agreed_on: datetime.date
    review_on: datetime.date
    adult_services_referred_on: datetime.date | None = None
    adult_services_referred_to: str = ""


class TransitionPlanChange(TransitionPlanIn):
    version: VersionRead


class TransitionPlanOut(TransitionPlanIn):
    id: int
    person_id: int
    version: int
