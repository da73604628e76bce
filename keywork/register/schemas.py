"""The register's API shapes. Types are checked here; the domain rules run on the models."""

import datetime

from keywork.locking import VersionRead
from keywork.register.choices import (
    Condition,
    ConsentBasis,
    EthnicCategory,
    Rating,
    ReferralSource,
    RegisterStatus,
    RiskFactor,
    Sex,
)
from keywork.schemas import Schema


class PersonDetails(Schema):
    nhs_number: str
    given_name: str
    family_name: str
    preferred_name: str = ""
    date_of_birth: datetime.date
    sex: Sex
    gender_identity: str = ""
    ethnicity: EthnicCategory
    postcode: str
    local_authority: str
    condition: Condition
    communication_needs: str = ""
    referral_source: ReferralSource
    referral_date: datetime.date


class ConsentIn(Schema):
    basis: ConsentBasis
    given_by: str
    decided_on: datetime.date
    notes: str = ""


class FirstRatingIn(Schema):
    rating: Rating
    reason: str
    risk_factors: list[RiskFactor] = []


class PersonIn(PersonDetails):
    consent: ConsentIn
    rating: FirstRatingIn


class PersonPatch(Schema):
    """Any details to change, and the version read: a stale version is refused (409)."""

    version: VersionRead
    nhs_number: str | None = None
    given_name: str | None = None
    family_name: str | None = None
    preferred_name: str | None = None
    date_of_birth: datetime.date | None = None
    sex: Sex | None = None
    gender_identity: str | None = None
    ethnicity: EthnicCategory | None = None
    postcode: str | None = None
    local_authority: str | None = None
    condition: Condition | None = None
    communication_needs: str | None = None
    referral_source: ReferralSource | None = None
    referral_date: datetime.date | None = None


class PersonOut(PersonDetails):
    id: int
    status: RegisterStatus
    status_reason: str
    rating: str
    rating_effective_on: datetime.date | None
    next_review_due: datetime.date | None
    is_review_overdue: bool
    version: int


class RatingIn(Schema):
    rating: Rating
    effective_on: datetime.date
    reason: str
    risk_factors: list[RiskFactor] = []


class RatingOut(Schema):
    id: int
    rating: Rating
    effective_on: datetime.date
    reason: str
    risk_factors: list[str]
    decided_by: str
    recorded_at: datetime.datetime

    @staticmethod
    def resolve_decided_by(change) -> str:
        return change.decided_by.username
