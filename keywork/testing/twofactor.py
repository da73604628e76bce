"""Two-factor sign-in in tests: an authenticator app set up for a user, and the code it shows now,
worked out from the device's secret as a phone's app would (django-otp's own TOTP)."""

from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from keywork.twofactor import devices


def set_up_authenticator(user) -> tuple[TOTPDevice, list[str]]:
    """The user's confirmed authenticator app, and their new recovery codes."""
    device = devices.authenticator_being_set_up(user)
    return device, devices.confirm(device)


def code_now(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):0{device.digits}d}"
