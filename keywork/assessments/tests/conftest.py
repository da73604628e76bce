import datetime

import pytest

from keywork import audit
from keywork.accounts.models import Role
from keywork.assessments import operations
from keywork.assessments.models import Assessment
from keywork.testing.dates import days_ago
from keywork.testing.factories import create_user

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


@pytest.fixture
def child(service, coordinator_user, add_person):
    """Born 5 May 2012, referred 1 June 2025."""
    return add_person(
        service, coordinator_user, date_of_birth=datetime.date(2012, 5, 5), referral_date=datetime.date(2025, 6, 1)
    )


@pytest.fixture
def manager(service):
    return create_user(service, Role.MANAGER)


@pytest.fixture
def assessment_of(service, manager):
    """assessment_of(person, **fields) → a saved assessment the manager recorded (OT by an outside assessor)."""

    def make(person, **fields):
        values = {
            "kind": "occupational_therapy",
            "areas": ["sensory_processing"],
            "assessed_on": days_ago(10),
            "assessor_name": "Dr Ana Khan",
            "assessor_organisation": "Kent Community Health",
            "summary": "Seeks deep pressure; overwhelmed by noise at school.",
        }
        assessment = Assessment(person=person, **(values | fields))
        assessment.full_clean(exclude=["recorded_by"])
        return operations.save_assessment(audit.Actor(manager, service), assessment)

    return make
