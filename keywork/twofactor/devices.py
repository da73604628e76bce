"""A user's second factor, kept in django-otp's models: one authenticator app (a TOTP device) and
one set of recovery codes (a static device whose tokens are deleted as they are used)."""

import io
import math
from base64 import b32encode
from dataclasses import dataclass

import qrcode
import qrcode.image.svg
from django.db import transaction
from django.utils import timezone
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

AUTHENTICATOR_NAME = "Authenticator app"
RECOVERY_CODES_NAME = "Recovery codes"
# Enough for a year of lost or forgotten phones; each one works once.
RECOVERY_CODE_COUNT = 10


def authenticator_for(user) -> TOTPDevice | None:
    """The user's confirmed authenticator app, if they have set one up."""
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).first()


def authenticator_being_set_up(user) -> TOTPDevice:
    """The device being set up: the same secret until it is confirmed, so reloading the page does
    not change the QR code the user may already have scanned."""
    device = TOTPDevice.objects.devices_for_user(user, confirmed=False).first()
    return device or TOTPDevice.objects.create(user=user, name=AUTHENTICATOR_NAME, confirmed=False)


def recovery_codes_for(user) -> StaticDevice | None:
    return StaticDevice.objects.devices_for_user(user, confirmed=True).first()


def recovery_codes_left(user) -> int:
    device = recovery_codes_for(user)
    return device.token_set.count() if device else 0


def secret_in_groups(device: TOTPDevice) -> str:
    """The secret as an authenticator app asks for it when typed in: base32, in groups of 4."""
    secret = b32encode(device.bin_key).decode()
    return " ".join(secret[start : start + 4] for start in range(0, len(secret), 4))


def qr_code_svg(device: TOTPDevice) -> bytes:
    """The otpauth:// address an authenticator app scans, as an SVG image: one path on a white square, no style."""
    image = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathFillImage)
    out = io.BytesIO()
    image.save(out)
    return out.getvalue()


@transaction.atomic
def confirm(device: TOTPDevice) -> list[str]:
    """The app gave a right code: it becomes the user's second factor, with new recovery codes."""
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    return new_recovery_codes(device.user)


@transaction.atomic
def new_recovery_codes(user) -> list[str]:
    """Replace any recovery codes with RECOVERY_CODE_COUNT new ones; the old ones stop working."""
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=RECOVERY_CODES_NAME)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def recovery_code_shown(code: str) -> str:
    """A code as printed for the user: 8 letters and numbers in two groups, easier to copy."""
    return f"{code[:4]} {code[4:]}"


def recovery_code_typed(text: str) -> str:
    """What the user typed, as stored: spaces and hyphens dropped, lower case."""
    return "".join(character for character in text if character not in " -\t").lower()


@transaction.atomic
def forget(user) -> None:
    """An administrator's reset: the user sets up an authenticator app again at their next login."""
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()


@dataclass(frozen=True)
class Check:
    accepted: bool
    # After wrong codes django-otp refuses to check any code for a while (OTP_*_THROTTLE_FACTOR).
    wait_seconds: int = 0


def check(device, code: str) -> Check:
    """Check a code against the device, locking its row so that a code is accepted only once."""
    with transaction.atomic():
        locked = type(device).objects.select_for_update().get(pk=device.pk)
        allowed, refusal = locked.verify_is_allowed()
        if not allowed:
            wait = (refusal["locked_until"] - timezone.now()).total_seconds()
            return Check(accepted=False, wait_seconds=max(1, math.ceil(wait)))
        return Check(accepted=locked.verify_token(code))
