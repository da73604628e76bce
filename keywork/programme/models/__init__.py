"""Programme management: KPIs and milestones, budget, risks, workforce posts, complaints and FOI."""

from keywork.programme.models.budget import BudgetLine, Expenditure, Funding
from keywork.programme.models.feedback import Feedback, FoiRequest
from keywork.programme.models.kpis import Kpi, KpiValue, Milestone
from keywork.programme.models.risks import Mitigation, Risk, RiskReview
from keywork.programme.models.workforce import Employer, Post, PostHolding

__all__ = [
    "BudgetLine",
    "Expenditure",
    "Employer",
    "Feedback",
    "FoiRequest",
    "Funding",
    "Kpi",
    "KpiValue",
    "Milestone",
    "Mitigation",
    "Post",
    "PostHolding",
    "Risk",
    "RiskReview",
]
