"""The test suite's one "now". The root conftest moves the clock to NOW before every test (browser
tests aside) and lets it tick from there, so a date worked out from TODAY, at import or in a test,
is the date the code under test sees, on whatever day and at whatever hour the suite runs."""

import datetime

# A Wednesday, not a bank holiday, in financial year 2026/27; London keeps GMT in November, so the
# local date is the UTC one.
NOW = datetime.datetime(2026, 11, 25, 10, 0, tzinfo=datetime.UTC)
TODAY = NOW.date()


def days_ago(days: int) -> datetime.date:
    """The date `days` before TODAY; a negative number counts forward."""
    return TODAY - datetime.timedelta(days=days)
