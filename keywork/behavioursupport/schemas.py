import datetime

from pydantic import Field

from keywork.behavioursupport.choices import Injury, Practice, Setting
from keywork.schemas import Schema


class PlanIn(Schema):
    behaviour_settings: str
    triggers: str
    functions: str
    proactive_strategies: str
    early_warning_signs: str
    reactive_strategies: str
    post_incident_support: str
    written_by: str
    agreed_with: str
    agreed_on: datetime.date
    review_on: datetime.date
    based_on_version: int = Field(
        ge=0,
        le=2_147_483_647,
        description="The latest version you read (0 for the first plan). If someone has saved a version since, "
        "the new version is refused with 409.",
    )


class PlanOut(Schema):
    id: int
    person_id: int
    version: int
    behaviour_settings: str
    triggers: str
    functions: str
    proactive_strategies: str
    early_warning_signs: str
    reactive_strategies: str
    post_incident_support: str
    written_by: str
    agreed_with: str
    agreed_on: datetime.date
    review_on: datetime.date
    review_overdue: bool
    saved_at: datetime.datetime


class PracticeIn(Schema):
    practice: Practice
    minutes: int | None = Field(None, description="How long it lasted, in minutes (1 to 1440): needed for each")


class PracticeOut(Schema):
    practice: str
    minutes: int


class IncidentIn(Schema):
    occurred_at: datetime.datetime
    setting: Setting
    antecedent: str
    behaviour: str
    consequence: str
    severity: int = Field(description="From 1 (mild) to 5 (severe)")
    injury: Injury
    injury_details: str = ""
    prn_given: bool = Field(False, description="PRN medication given to manage the behaviour (chemical restraint)")
    restrictive_practices: list[PracticeIn] = []


class IncidentOut(Schema):
    id: int
    person_id: int
    occurred_at: datetime.datetime
    setting: str
    antecedent: str
    behaviour: str
    consequence: str
    severity: int
    injury: str
    injury_details: str
    prn_given: bool
    restrictive_practices: list[PracticeOut]
    recorded_by: str

    @staticmethod
    def resolve_restrictive_practices(incident) -> list:
        return list(incident.practices.all())

    @staticmethod
    def resolve_recorded_by(incident) -> str:
        return incident.recorded_by.display_name
