"""A fixed register for 2025/26 Q3 (1 October to 31 December 2025), every date explicit, so each
figure of the return can be worked out by hand (see test_quarterly.py for the expectations)."""

import datetime

import pytest

from keywork.register import operations
from keywork.register.models import RatingChange
from keywork.reporting.quarters import Quarter

Q3 = Quarter(2025, 3)
D = datetime.date


@pytest.fixture
def rate(actor):
    def change(person, rating, on):
        operations.change_rating(actor, person, RatingChange(rating=rating, effective_on=on, reason="DSR review"))
        person.refresh_from_db()
        return person

    return change


@pytest.fixture
def remove(actor):
    def end(person, on, status="removed"):
        person.refresh_from_db()
        return operations.end_registration(actor, person, person.version, status, "No longer at risk", on)

    return end


@pytest.fixture
def enrol(service, coordinator_user, add_person):
    def make(area, referred_on, rating, **details):
        return add_person(
            service,
            coordinator_user,
            rating=rating,
            local_authority=area,
            referral_date=referred_on,
            date_of_birth=D(2010, 1, 1),
            **details,
        )

    return make


@pytest.fixture
def q3_register(enrol, rate, remove, admit):
    """Ten people; what each means for 2025/26 Q3 is written beside them."""
    people = {}
    # Red on 31 December, green since February: counts red.
    people["red_then_green"] = rate(enrol("Kent", D(2025, 5, 1), "red"), "green", D(2026, 2, 1))
    # Referred in the quarter: new, and on the register at the end, amber.
    people["new_amber"] = enrol("Kent", D(2025, 11, 10), "amber")
    # Referred after the quarter: counted nowhere.
    people["referred_after"] = enrol("Medway", D(2026, 1, 15), "red")
    # Removed after the quarter: still on the register at its end, green.
    people["removed_after"] = enrol("Medway", D(2025, 6, 1), "green")
    remove(people["removed_after"], D(2026, 3, 1))
    # Removed in the quarter: left the register, amber; not on it at the end.
    people["left_in_quarter"] = enrol("Medway", D(2025, 4, 10), "amber")
    remove(people["left_in_quarter"], D(2025, 11, 20))
    # Green until a review in the quarter made them amber.
    people["green_then_amber"] = rate(enrol("Kent", D(2025, 7, 1), "green"), "amber", D(2025, 10, 15))
    # Admitted in the quarter, discharged after it: blue and in hospital at the end (red today).
    people["in_hospital_at_end"] = enrol("Medway", D(2025, 9, 1), "amber")
    admit(people["in_hospital_at_end"], D(2025, 12, 1), discharged_on=D(2026, 1, 20))
    # Admitted and discharged in the quarter: red at the end (the discharge rule), one admission.
    people["admitted_and_discharged"] = enrol("Kent", D(2025, 3, 1), "red")
    admit(people["admitted_and_discharged"], D(2025, 10, 5), discharged_on=D(2025, 11, 5))
    # Admitted before the quarter, discharged on its last day: out of hospital then, red.
    people["discharged_on_last_day"] = enrol("Kent", D(2025, 8, 1), "green")
    admit(people["discharged_on_last_day"], D(2025, 9, 1), discharged_on=D(2025, 12, 31))
    # Referred and removed before the quarter began: counted nowhere.
    people["gone_before"] = enrol("Kent", D(2025, 4, 2), "red")
    remove(people["gone_before"], D(2025, 9, 30))
    return people


@pytest.fixture
def q3_with_larger_counts(q3_register, enrol):
    """q3_register plus 9 amber and 8 green Kent referrals in October: new to the register in Q3
    is then amber Kent 10, green Kent 8, total 18, all above the threshold and shown exactly."""
    for day in range(1, 10):
        enrol("Kent", D(2025, 10, day), "amber")
    for day in range(1, 9):
        enrol("Kent", D(2025, 10, day), "green")
    return q3_register
