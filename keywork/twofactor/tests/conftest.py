import pytest


@pytest.fixture(autouse=True)
def _two_factor_required_without_waits(settings):
    """The tests run with DEBUG on, where the second step is off unless asked for; and wrong codes
    make no one wait, except in the test of that wait."""
    settings.TWO_FACTOR_REQUIRED = True
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    settings.OTP_STATIC_THROTTLE_FACTOR = 0
