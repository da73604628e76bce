"""The quarterly return computed as the register stood on the quarter's last day."""

import datetime

from keywork.reporting.quarterly import published_tables, quarterly_return
from keywork.reporting.quarters import Quarter
from keywork.reporting.tests.conftest import Q3, D
from keywork.suppression import SUPPRESSED

TODAY = D(2026, 11, 25)

# Worked out by hand from q3_register (conftest.py), as at 31 December 2025.
ON_REGISTER_AT_END = {
    "Red": {"Kent": 3, "Medway": 0},  # red_then_green, admitted_and_discharged, discharged_on_last_day
    "Amber": {"Kent": 2, "Medway": 0},  # new_amber, green_then_amber
    "Green": {"Kent": 0, "Medway": 1},  # removed_after
    "Blue": {"Kent": 0, "Medway": 1},  # in_hospital_at_end
}
NEW_IN_QUARTER = {
    "Red": {"Kent": 0, "Medway": 0},
    "Amber": {"Kent": 1, "Medway": 0},  # new_amber
    "Green": {"Kent": 0, "Medway": 0},
    "Blue": {"Kent": 0, "Medway": 0},
}
LEFT_IN_QUARTER = {
    "Red": {"Kent": 0, "Medway": 0},
    "Amber": {"Kent": 0, "Medway": 1},  # left_in_quarter
    "Green": {"Kent": 0, "Medway": 0},
    "Blue": {"Kent": 0, "Medway": 0},
}
INPATIENTS_AT_END = {"Kent": 0, "Medway": 1}  # in_hospital_at_end (discharged_on_last_day is out)
ADMISSIONS_IN_QUARTER = {"Kent": 1, "Medway": 1}  # admitted_and_discharged, in_hospital_at_end


def test_every_figure_of_the_return_matches_the_hand_count(service, q3_register):
    report = quarterly_return(service, Q3, TODAY)
    assert report.as_at == D(2025, 12, 31)
    assert report.supported == {
        "New to the register": NEW_IN_QUARTER,
        "On the register at the quarter's end": ON_REGISTER_AT_END,
        "Left the register": LEFT_IN_QUARTER,
    }
    assert report.inpatients_at_end == INPATIENTS_AT_END
    assert report.admissions_in_quarter == ADMISSIONS_IN_QUARTER


def test_red_on_the_last_day_and_green_today_counts_as_red(service, q3_register):
    person = q3_register["red_then_green"]
    assert person.rating == "green"  # today
    report = quarterly_return(service, Q3, TODAY)
    assert report.supported["On the register at the quarter's end"]["Red"]["Kent"] == 3
    assert report.supported["On the register at the quarter's end"]["Green"]["Kent"] == 0


def test_in_hospital_on_the_last_day_counts_blue_though_red_today(service, q3_register):
    assert q3_register["in_hospital_at_end"].rating == "red"  # discharged in January
    report = quarterly_return(service, Q3, TODAY)
    assert report.supported["On the register at the quarter's end"]["Blue"] == {"Kent": 0, "Medway": 1}


def test_a_person_referred_after_the_quarter_is_not_counted(service, q3_register):
    report = quarterly_return(service, Q3, TODAY)
    counted = sum(n for table in report.supported.values() for areas in table.values() for n in areas.values())
    assert counted == 7 + 1 + 1  # on the register, new, left: nobody referred in January


def test_a_person_removed_after_the_quarter_still_counts_as_on_the_register(service, q3_register):
    assert q3_register["removed_after"].status == "removed"
    report = quarterly_return(service, Q3, TODAY)
    assert report.supported["On the register at the quarter's end"]["Green"]["Medway"] == 1
    assert report.supported["Left the register"]["Green"]["Medway"] == 0


def test_the_next_quarter_sees_the_later_changes(service, q3_register):
    report = quarterly_return(service, Quarter(2025, 4), TODAY)
    at_end = report.supported["On the register at the quarter's end"]
    # 31 March 2026: red_then_green is green, removed_after has left, referred_after is new and red,
    # in_hospital_at_end was discharged in January (red).
    assert at_end["Green"] == {"Kent": 1, "Medway": 0}
    assert at_end["Red"] == {"Kent": 2, "Medway": 2}
    assert report.supported["New to the register"]["Red"] == {"Kent": 0, "Medway": 1}
    assert report.supported["Left the register"]["Green"] == {"Kent": 0, "Medway": 1}
    assert report.inpatients_at_end == {"Kent": 0, "Medway": 0}


def test_the_current_quarter_is_computed_as_at_today(service, q3_register):
    today = D(2026, 1, 10)
    report = quarterly_return(service, Quarter(2025, 4), today)
    assert report.as_at == today
    assert report.inpatients_at_end == {"Kent": 0, "Medway": 1}  # discharged on 20 January


def test_someone_who_joined_and_left_within_the_quarter_is_counted_as_new(service, q3_register, enrol, remove):
    # Flow must balance: on the register at the start + new − left = on the register at the end.
    brief_stay = enrol("Medway", D(2025, 10, 20), "red")
    remove(brief_stay, D(2025, 12, 15))
    report = quarterly_return(service, Q3, TODAY)
    before = quarterly_return(service, Q3.previous(), TODAY)

    def total(table):
        return sum(n for areas in table.values() for n in areas.values())

    start = total(before.supported["On the register at the quarter's end"])
    new = total(report.supported["New to the register"])
    left = total(report.supported["Left the register"])
    end = total(report.supported["On the register at the quarter's end"])
    assert report.supported["Left the register"]["Red"]["Medway"] == 1
    assert report.supported["New to the register"]["Red"]["Medway"] == 1
    assert start + new - left == end


def test_a_caught_up_admission_makes_the_person_blue_at_the_quarter_end(service, enrol, rate, admit):
    # A review was entered first; the admission before it is caught up from paper afterwards.
    # The register (Person.refresh_rating) then shows them blue: the return must agree.
    person = rate(enrol("Kent", D(2025, 6, 1), "green"), "amber", D(2025, 12, 10))
    admit(person, D(2025, 11, 20))
    person.refresh_from_db()
    assert person.rating == "blue"
    report = quarterly_return(service, Q3, TODAY)
    assert report.inpatients_at_end == {"Kent": 1, "Medway": 0}
    assert report.supported["On the register at the quarter's end"]["Blue"]["Kent"] == 1


def test_people_of_another_service_are_not_counted(service, other_service, make_user, add_person, q3_register):
    other = make_user(other_service, "coordinator")
    for _ in range(3):
        add_person(other_service, other, rating="red", referral_date=datetime.date(2025, 11, 1))
    report = quarterly_return(service, Q3, TODAY)
    assert report.supported["New to the register"] == NEW_IN_QUARTER


def test_the_published_tables_hide_every_small_count(service, q3_register):
    tables = published_tables(quarterly_return(service, Q3, TODAY))
    at_end = tables["supported"]["On the register at the quarter's end"]
    assert at_end["cells"] == {
        "Amber": {"Kent": SUPPRESSED, "Medway": 0},
        "Blue": {"Kent": 0, "Medway": SUPPRESSED},
        "Green": {"Kent": 0, "Medway": SUPPRESSED},
        "Red": {"Kent": SUPPRESSED, "Medway": 0},
    }
    assert at_end["total"] == SUPPRESSED  # 7 people, the threshold
    assert tables["inpatients_at_end"].cells == {"Kent": 0, "Medway": SUPPRESSED}
    assert tables["admissions_in_quarter"].total == SUPPRESSED


def test_counts_above_the_threshold_are_published_exactly(service, q3_register, enrol):
    for day in range(1, 10):
        enrol("Kent", D(2025, 10, day), "amber")
    for day in range(1, 9):
        enrol("Kent", D(2025, 10, day), "green")
    tables = published_tables(quarterly_return(service, Q3, TODAY))
    new = tables["supported"]["New to the register"]
    assert new["cells"]["Amber"] == {"Kent": 10, "Medway": 0}
    assert new["cells"]["Green"] == {"Kent": 8, "Medway": 0}
    assert new["total"] == 18 and new["column_totals"] == {"Kent": 18, "Medway": 0}
