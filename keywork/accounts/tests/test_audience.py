from urllib.parse import parse_qs

import pytest
from django.test import RequestFactory

from keywork.accounts.audience import audience_for
from keywork.accounts.models import Role


def request_as(user, query=""):
    request = RequestFactory().get("/reporting/return/?" + query)
    request.user, request.service = user, user.service
    return request


@pytest.mark.parametrize("role", [Role.MANAGER, Role.LEAD, Role.KEYWORKER])
def test_staff_who_may_see_records_see_true_counts_unless_they_ask_for_the_published_view(service, make_user, role):
    user = make_user(service, role)
    true_view = audience_for(request_as(user, "quarter=2026-Q2"))
    assert not true_view.suppressed and true_view.may_see_true_counts
    assert parse_qs(true_view.other_view_query) == {"quarter": ["2026-Q2"], "counts": ["published"]}

    published = audience_for(request_as(user, "quarter=2026-Q2&counts=published"))
    assert published.suppressed and published.as_published
    assert parse_qs(published.other_view_query) == {"quarter": ["2026-Q2"]}


def test_a_commissioner_always_sees_counts_as_published_and_cannot_ask_for_true_ones(service, make_user):
    commissioner = make_user(service, Role.COMMISSIONER)
    for query in ("", "counts=true", "counts=published"):
        audience = audience_for(request_as(commissioner, query))
        assert audience.suppressed and not audience.may_see_true_counts
    assert f"from 1 to {service.suppression_threshold} are hidden" in audience.rule
