import datetime

from keywork.inpatient.choices import LegalStatus, UnitType
from keywork.schemas import Schema


class AdmissionIn(Schema):
    person_id: int
    hospital: str
    unit: str
    unit_type: UnitType
    distance_miles: int
    admitted_on: datetime.date
    legal_status: LegalStatus
    planned_discharge_on: datetime.date | None = None
    # For catching up history: an admission that has already ended.
    discharged_on: datetime.date | None = None
    discharge_destination: str = ""
    delay_reasons: str = ""


class DischargeIn(Schema):
    discharged_on: datetime.date
    discharge_destination: str
    delay_reasons: str = ""


class LegalStatusIn(Schema):
    status: LegalStatus
    effective_on: datetime.date


class LegalStatusOut(LegalStatusIn):
    id: int


class AdmissionOut(Schema):
    id: int
    person_id: int
    hospital: str
    unit: str
    unit_type: str
    distance_miles: int
    admitted_on: datetime.date
    planned_discharge_on: datetime.date | None
    discharged_on: datetime.date | None
    discharge_destination: str
    delay_reasons: str
    legal_status_changes: list[LegalStatusOut]


class InpatientOut(Schema):
    admission: AdmissionOut
    days_in_hospital: int
    legal_status: str | None
    next_review_due: datetime.date | None
    review_overdue: bool
    has_keyworker: bool  # an open designated keyworker allocation today
    reviewed_before_admission: bool  # a community C(E)TR or LAEP meeting in the 12 months up to admission
