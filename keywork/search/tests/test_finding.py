import datetime

import pytest

from keywork.search.finding import date_typed


@pytest.mark.parametrize(
    "typed", ["5/10/2015", "05-10-2015", "5 October 2015", "5 oct 2015", "2015-10-05", " 05.10.2015 "]
)
def test_a_date_of_birth_is_understood_however_it_is_typed(typed):
    assert date_typed(typed) == datetime.date(2015, 10, 5)


@pytest.mark.parametrize("typed", ["943 476 5919", "Smith", "31/02/2015", "10/2015"])
def test_what_is_not_a_real_date_is_not_read_as_one(typed):
    assert date_typed(typed) is None
