"""Builders for the programme's records: each saved straight to the database (the rules under test
are exercised through the pages, the API or the models' own clean)."""

import datetime
from decimal import Decimal

import pytest

from keywork.accounts.models import Role
from keywork.assurance.models import Assurance
from keywork.money import financial_year_of
from keywork.programme.models import (
    BudgetLine,
    Expenditure,
    Feedback,
    FoiRequest,
    Kpi,
    Milestone,
    Post,
    PostHolding,
    Risk,
)
from keywork.testing.dates import TODAY

D = datetime.date
THIS_YEAR = financial_year_of(TODAY)  # 2026/27
LAST_MONTH = (TODAY.replace(day=1) - datetime.timedelta(days=1)).replace(day=1)  # 1 October 2026
FLAT_PROFILE = [1_000_000] * 12  # £10,000 a month
NEW_YEAR_2027 = D(2027, 1, 1)
THURSDAY_BEFORE_EASTER_2026 = D(2026, 4, 2)


@pytest.fixture
def lead(as_role):
    return as_role(Role.LEAD)


@pytest.fixture
def lead_user(service, make_user):
    return make_user(service, Role.LEAD)


@pytest.fixture
def make_line():
    def make(service, financial_year=2025, profile=None, name="Practice Consultants", category="staff"):
        return BudgetLine.objects.create(
            service=service,
            financial_year=financial_year,
            name=name,
            category=category,
            monthly_profile_pence=list(profile or FLAT_PROFILE),
        )

    return make


@pytest.fixture
def spend(lead_user):
    def make(line, on, pence, payee="Kent County Council"):
        return Expenditure.objects.create(
            line=line, spent_on=on, amount_pence=pence, payee=payee, recorded_by=lead_user
        )

    return make


@pytest.fixture
def make_kpi():
    def make(
        service, computation="manual", direction="higher", target="80", name="Families who feel listened to", unit="%"
    ):
        return Kpi.objects.create(
            service=service,
            name=name,
            definition="From the family survey each month.",
            unit=unit,
            direction=direction,
            target=Decimal(target),
            computation=computation,
        )

    return make


@pytest.fixture
def make_risk():
    def make(service, likelihood=3, impact=4, status="open", review_due_on=NEW_YEAR_2027, title="Recruitment"):
        return Risk.objects.create(
            service=service,
            title=title,
            cause="Few Practice Consultants apply",
            effect="Caseloads above the limit",
            owner="Programme lead",
            likelihood=likelihood,
            impact=impact,
            target_score=4,
            review_due_on=review_due_on,
            status=status,
        )

    return make


@pytest.fixture
def make_post():
    def make(service, title="Practice Consultant 1", role="Practice Consultant", hours="37.5"):
        return Post.objects.create(
            service=service, title=title, role=role, hours_per_week=Decimal(hours), employer="Kent County Council"
        )

    return make


@pytest.fixture
def hold():
    def make(post, name, starts_on, ends_on=None, wte="1.00", worker=None):
        return PostHolding.objects.create(
            post=post, worker_name=name, worker=worker, starts_on=starts_on, ends_on=ends_on, wte=Decimal(wte)
        )

    return make


@pytest.fixture
def make_assurance():
    def make(worker, kind, expires_on, completed_on=None, reference="SW123456"):
        return Assurance.objects.create(
            worker=worker,
            kind=kind,
            reference=reference,
            completed_on=completed_on or expires_on - datetime.timedelta(days=365),
            expires_on=expires_on,
        )

    return make


@pytest.fixture
def make_feedback():
    def make(service, kind="complaint", received_on=THURSDAY_BEFORE_EASTER_2026, responded_on=None):
        record = Feedback(
            service=service,
            kind=kind,
            received_on=received_on,
            from_whom="A parent",
            about="Keyworker visits",
            summary="Visits were cancelled at short notice.",
            responded_on=responded_on,
        )
        record.full_clean()
        record.save()
        return record

    return make


@pytest.fixture
def make_foi():
    def make(service, received_on=THURSDAY_BEFORE_EASTER_2026, responded_on=None):
        return FoiRequest.objects.create(
            service=service,
            received_on=received_on,
            requester="A journalist",
            subject="Spending on out-of-area placements",
            responded_on=responded_on,
        )

    return make


@pytest.fixture
def make_milestone():
    def make(service, title="Peer Associate service launched"):
        return Milestone.objects.create(service=service, title=title, due_on=D(2026, 9, 30), owner="Programme lead")

    return make
