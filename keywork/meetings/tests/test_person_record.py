"""A person's DSR meetings in their subject access pack: each agenda they were on and why, and each
decision with the rating it made (its reason and risk factors)."""

from keywork.meetings.person_record import pack
from keywork.meetings.tests.conftest import decide
from keywork.presenters import uk_long_date


def test_the_pack_holds_the_agenda_and_the_decision_with_its_rating(chair, meeting, person):
    decide(chair, meeting, person, risk_factors=["placement_breakdown"])
    agenda, decisions = pack(person)
    assert agenda.rows[0][0] == uk_long_date(meeting.held_on) and agenda.rows[0][1].startswith("Rated red")
    assert agenda.rows[0][2].startswith("Red")
    (row,) = decisions.rows
    assert row[1] == "Step down to amber"
    assert row[2].startswith("Amber") and row[2].endswith(
        ": Settled at home (risk factors: Risk of breakdown of placement or care package)"
    )
