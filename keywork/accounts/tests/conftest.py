import pytest
import time_machine

from keywork.testing.dates import NOW


@pytest.fixture
def clock():
    """The clock stopped at NOW, moved on only by `clock.shift(seconds or timedelta)`."""
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller
