"""A plausible synthetic programme for the demo: funding and spending over several financial
years, KPIs, milestones, a dozen risks, a full team of posts with a vacancy, assurance records,
complaints, compliments and FOI requests. Names are made up."""

import datetime
import random
from decimal import Decimal

from django.utils import timezone

from keywork.assurance.models import Assurance
from keywork.money import financial_year_months, financial_year_of
from keywork.programme.models import (
    BudgetLine,
    Employer,
    Expenditure,
    Feedback,
    FoiRequest,
    Funding,
    Kpi,
    KpiValue,
    Milestone,
    Post,
    PostHolding,
    Risk,
    RiskReview,
)
from keywork.register.synthetic import FAMILY_NAMES, GIVEN_NAMES

# NHS England funding via the ICB (domain.md); later years, to whichever the demo is loaded in,
# assumed level with 2023/24.
FUNDING_POUNDS = {2021: 450_000, 2022: 912_000, 2023: 1_434_000}
LINE_SHARES = [  # name, category, share of the year's funding
    ("Practice Consultants", "staff", 0.40),
    ("Behaviour Team", "staff", 0.25),
    ("Programme team", "staff", 0.12),
    ("Peer Associate partner grant", "partner_grant", 0.15),
    ("Training", "training", 0.03),
    ("Programme costs", "programme", 0.05),
]
KPIS = [
    (
        "People in hospital at month end",
        "CYP in mental health hospitals on the last day of the month.",
        "people",
        "lower",
        6,
        "inpatients",
    ),
    (
        "Days from referral to allocation",
        "Median days from referral to a designated keyworker.",
        "days",
        "lower",
        10,
        "days_to_allocation",
    ),
    ("Post-admission C(E)TRs on time", "Held within 10 working days of admission.", "%", "higher", 90, "ctr_on_time"),
    (
        "Overdue C(E)TR actions",
        "Open actions past their due date at month end.",
        "actions",
        "lower",
        5,
        "overdue_actions",
    ),
    ("Families who feel listened to", "From the family survey each month.", "%", "higher", 80, "manual"),
]
RISKS = [
    "Recruitment to Practice Consultant posts",
    "Peer Associate grant ends before the programme",
    "Data quality of the DSR",
    "Delays in social care packages",
    "Out-of-area placements",
    "Sickness in the Behaviour Team",
    "Funding beyond the current year",
    "Information governance breach",
    "Transition to adult services",
    "Education placements breaking down",
    "Short breaks capacity",
    "Disputes between agencies over funding",
]
# Cambridgeshire and Peterborough's keyworkers are employed by its partner charity, whose full-time
# week is 35 hours (so its 35-hour posts are 1.0 WTE); Kent and Medway's by the council.
CAMBS_CHARITY = "Pathways Families Trust"
CHARITY_FULL_TIME_HOURS = Decimal("35")
CAMBS_TEAM = [  # title, role, hours, employer, how many
    ("Programme Lead", "Programme Lead", 37.5, "Cambridgeshire County Council", 1),
    ("Operational Manager", "Operational Manager", 35, CAMBS_CHARITY, 1),
    ("Practice Consultant", "Practice Consultant", 35, CAMBS_CHARITY, 5),
    ("Behaviour Technician", "Behaviour Team", 35, CAMBS_CHARITY, 3),
    ("Peer Associate", "Peer Associate", 21, CAMBS_CHARITY, 3),
    ("Administrator", "Administrator", 37.5, "Cambridgeshire County Council", 1),
]
TEAM = [  # title, role, hours, employer, how many
    ("Programme Lead", "Programme Lead", 37.5, "Kent County Council", 1),
    ("Operational Manager", "Operational Manager", 37.5, "Kent County Council", 1),
    ("Practice Consultant", "Practice Consultant", 37.5, "Kent County Council", 6),
    ("Board Certified Behaviour Analyst", "Behaviour Team", 37.5, "Kent County Council", 1),
    ("Behaviour Technician", "Behaviour Team", 37.5, "Kent County Council", 5),
    ("Peer Associate Lead", "Peer Associate", 30, "Partner charity", 1),
    ("Peer Associate", "Peer Associate", 22.5, "Partner charity", 5),
    ("Administrator", "Administrator", 37.5, "Kent County Council", 1),
]


def seed_programme(service, users: dict, actor_user, seed: int = 0) -> None:
    """Does nothing if the service already has KPIs, so the demo can run again."""
    if Kpi.objects.filter(service=service).exists():
        return
    rng = random.Random(f"programme-{service.slug}-{seed}")
    today = timezone.localdate()
    _budget(service, actor_user, rng, today)
    _kpis(service, actor_user, rng, today)
    _milestones(service, today)
    _risks(service, actor_user, rng, today)
    _team(service, users, rng, today)
    _feedback(service, rng, today)


def _budget(service, user, rng, today):
    for year in range(min(FUNDING_POUNDS), financial_year_of(today) + 1):
        pounds = FUNDING_POUNDS.get(year, FUNDING_POUNDS[max(FUNDING_POUNDS)])
        Funding.objects.create(
            service=service, financial_year=year, source="NHS England via the ICB", amount_pence=pounds * 100
        )
        for name, category, share in LINE_SHARES:
            monthly = int(pounds * 100 * share / 12)
            line = BudgetLine.objects.create(
                service=service, financial_year=year, name=name, category=category, monthly_profile_pence=[monthly] * 12
            )
            spend = [
                Expenditure(
                    line=line,
                    spent_on=month.replace(day=20),
                    amount_pence=int(monthly * rng.uniform(0.85, 1.1)),
                    payee="Payroll" if category == "staff" else "Supplier",
                    reference=f"{year}-{month:%m}",
                    recorded_by=user,
                )
                for month in financial_year_months(year)
                if month.replace(day=20) <= today
            ]
            Expenditure.objects.bulk_create(spend)


def _kpis(service, user, rng, today):
    for name, definition, unit, direction, target, computation in KPIS:
        kpi = Kpi.objects.create(
            service=service,
            name=name,
            definition=definition,
            unit=unit,
            direction=direction,
            target=Decimal(target),
            computation=computation,
        )
        if computation == "manual":
            month = today.replace(day=1)
            for _ in range(12):
                month = (month - datetime.timedelta(days=1)).replace(day=1)
                KpiValue.objects.create(kpi=kpi, month=month, value=Decimal(rng.randint(70, 92)), entered_by=user)


def _milestones(service, today):
    for offset, title, status in [
        (-300, "DSR live in every locality", "done"),
        (-120, "Peer Associate team at full strength", "done"),
        (-20, "Quarterly return automated", "in_progress"),
        (45, "Transition protocol agreed with adult services", "in_progress"),
        (90, "Evaluation report to the ICB", "not_started"),
    ]:
        Milestone.objects.create(
            service=service,
            title=title,
            due_on=today + datetime.timedelta(days=offset),
            owner="Programme Lead",
            status=status,
            evidence="Signed off at the programme board" if status == "done" else "",
        )


def _risks(service, user, rng, today):
    for number, title in enumerate(RISKS):
        risk = Risk.objects.create(
            service=service,
            title=title,
            cause="See the programme board minutes",
            effect="Delay to support for CYP",
            owner=rng.choice(["Programme Lead", "Operational Manager", "ICB commissioner"]),
            likelihood=rng.randint(1, 5),
            impact=rng.randint(2, 5),
            target_score=6,
            review_due_on=today + datetime.timedelta(days=rng.randint(-20, 80)),
            status="closed" if number == len(RISKS) - 1 else "open",
        )
        for months_ago in (6, 3):
            RiskReview.objects.create(
                risk=risk,
                reviewed_on=today - datetime.timedelta(days=30 * months_ago),
                likelihood=min(5, risk.likelihood + 1),
                impact=risk.impact,
                note="Reviewed at the programme board",
                reviewed_by=user,
            )


def _team(service, users, rng, today):
    workers = {
        "Practice Consultant": [users.get("keyworker"), users.get("alex"), users.get("jordan")],
        "Behaviour Team": [users.get("behaviour")],
        "Peer Associate": [users.get("peer")],
    }
    if service.slug.startswith("cambs"):
        Employer.objects.create(service=service, name=CAMBS_CHARITY, full_time_hours=CHARITY_FULL_TIME_HOURS)
    for title, role, hours, employer, count in CAMBS_TEAM if service.slug.startswith("cambs") else TEAM:
        for number in range(count):
            post = Post.objects.create(
                service=service,
                title=f"{title} {number + 1}" if count > 1 else title,
                role=role,
                hours_per_week=Decimal(str(hours)),
                employer=employer,
            )
            if role == "Practice Consultant" and number == count - 1:
                continue  # one vacancy, as most teams have
            team = workers.get(role, [])
            user = team[number] if number < len(team) else None
            name = user.get_full_name() if user else f"{rng.choice(GIVEN_NAMES)} {rng.choice(FAMILY_NAMES)}"
            PostHolding.objects.create(
                post=post,
                worker=user,
                worker_name=name,
                wte=post.wte,
                starts_on=today - datetime.timedelta(days=rng.randint(60, 900)),
            )
    for user in filter(None, [users.get(key) for key in ("keyworker", "alex", "jordan", "behaviour", "peer")]):
        Assurance.objects.create(
            worker=user,
            kind="dbs",
            completed_on=today - datetime.timedelta(days=900),
            expires_on=today + datetime.timedelta(days=rng.randint(10, 300)),
        )
        Assurance.objects.create(
            worker=user,
            kind="safeguarding_children",
            completed_on=today - datetime.timedelta(days=700),
            expires_on=today + datetime.timedelta(days=rng.randint(-5, 200)),
        )
    if users.get("behaviour"):
        Assurance.objects.create(
            worker=users["behaviour"],
            kind="hcpc",
            reference="PYL012345",
            completed_on=today - datetime.timedelta(days=730),
            expires_on=today - datetime.timedelta(days=3),
        )


def _feedback(service, rng, today):
    for days_ago, kind, about in [
        (60, "compliment", "Keyworker support"),
        (40, "complaint", "Waiting time for allocation"),
        (10, "complaint", "Communication with school"),
        (5, "compliment", "Peer Associate"),
    ]:
        item = Feedback(
            service=service,
            kind=kind,
            received_on=today - datetime.timedelta(days=days_ago),
            from_whom="A parent",
            about=about,
            summary="Received by e-mail.",
        )
        item.clean()
        if days_ago > 30:
            item.responded_on, item.outcome = (
                item.received_on + datetime.timedelta(days=15),
                "Apology and a plan agreed",
            )
        item.save()
    for days_ago, subject in [(70, "Number of CYP in hospital"), (35, "Keyworker caseloads"), (8, "Programme budget")]:
        foi = FoiRequest(
            service=service,
            received_on=today - datetime.timedelta(days=days_ago),
            requester="A journalist",
            subject=subject,
        )
        if days_ago == 70:
            foi.responded_on, foi.outcome = foi.received_on + datetime.timedelta(days=18), "Information provided"
        foi.save()
