"""C(E)TR timescales for an inpatient: the post-admission C(E)TR within 10 working days, then one
every 3 months while the person stays in hospital (NHS England C(E)TR policy)."""

import datetime

from keywork.reviews.rules import add_months, post_admission_review_due, review_schedule

D = datetime.date


def test_the_post_admission_ctr_deadline_skips_a_bank_holiday_weekend(service):
    # Admitted Thursday 27 Aug 2026; Saturday, Sunday and the summer bank holiday (31 Aug) are not
    # working days, so day 10 is Friday 11 September.
    assert post_admission_review_due(D(2026, 8, 27), service) == D(2026, 9, 11)


def test_the_post_admission_ctr_deadline_skips_easter(service):
    # Admitted Wednesday 1 April 2026: Good Friday 3 April and Easter Monday 6 April are skipped.
    assert post_admission_review_due(D(2026, 4, 1), service) == D(2026, 4, 17)


class Stay:
    def __init__(self, admitted_on, discharged_on=None):
        self.admitted_on, self.discharged_on = admitted_on, discharged_on


def test_a_missing_post_admission_ctr_is_overdue(service):
    schedule = review_schedule(Stay(D(2026, 8, 27)), [], service, today=D(2026, 9, 14))
    assert schedule.next_due == D(2026, 9, 11) and schedule.is_overdue


def test_after_a_ctr_the_next_falls_due_three_months_later(service):
    schedule = review_schedule(Stay(D(2026, 1, 5)), [D(2026, 1, 15)], service, today=D(2026, 3, 1))
    assert schedule.next_due == D(2026, 4, 15) and not schedule.is_overdue


def test_a_missed_three_monthly_ctr_is_overdue(service):
    schedule = review_schedule(Stay(D(2025, 11, 3)), [D(2025, 11, 10)], service, today=D(2026, 3, 1))
    assert schedule.next_due == D(2026, 2, 10) and schedule.is_overdue


def test_a_late_ctr_is_recorded_as_held_late(service):
    schedule = review_schedule(Stay(D(2026, 1, 5)), [D(2026, 2, 2)], service, today=D(2026, 3, 1))
    assert schedule.held_late == [D(2026, 1, 19)]


def test_nothing_is_due_after_discharge(service):
    schedule = review_schedule(Stay(D(2026, 1, 5), D(2026, 1, 12)), [], service, today=D(2026, 6, 1))
    assert schedule.next_due is None and not schedule.is_overdue


def test_adding_months_keeps_to_the_end_of_short_months():
    assert add_months(D(2026, 1, 31), 1) == D(2026, 2, 28)
