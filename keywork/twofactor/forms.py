from django import forms

from keywork.forms import fields
from keywork.presenters import plural
from keywork.twofactor import devices

WRONG_CODE = "wrong_code"


def wait_in_words(seconds: int) -> str:
    """How long django-otp's throttle still refuses codes (it doubles after each wrong one).

    >>> wait_in_words(1), wait_in_words(64), wait_in_words(130), wait_in_words(8000), wait_in_words(200000)
    ('1 second', '64 seconds', '3 minutes', '3 hours', '3 days')
    """
    for unit, length in (("day", 86400), ("hour", 3600), ("minute", 60)):
        if seconds >= 2 * length:
            return plural(-(-seconds // length), unit)
    return plural(seconds, "second")


class OneTimeCodeField(fields.CharField):
    """A code box that phones fill from an authenticator app or a text message (one-time-code)."""

    nhs_template = "twofactor/code_field.jinja"

    def __init__(self, *args, numeric: bool, **kwargs):
        self.numeric = numeric
        super().__init__(*args, **kwargs)


class _CodeForm(forms.Form):
    """A code checked against one of the user's devices, worded for a wrong code by each form."""

    wrong_code_message = ""

    def __init__(self, *args, device, **kwargs):
        self.device = device
        super().__init__(*args, **kwargs)

    def typed_code(self, text: str) -> str:
        raise NotImplementedError

    def clean_code(self):
        code = self.typed_code(self.cleaned_data["code"])
        result = devices.check(self.device, code)
        if result.wait_seconds:
            raise forms.ValidationError(
                f"You have entered a wrong code too many times. Wait {wait_in_words(result.wait_seconds)}, "
                "then try again"
            )
        if not result.accepted:
            raise forms.ValidationError(self.wrong_code_message, code=WRONG_CODE)
        return code


class SecurityCodeForm(_CodeForm):
    code = OneTimeCodeField(
        label="Security code",
        hint="The 6-digit code your authenticator app shows for Keywork",
        error_name="the 6-digit security code from your authenticator app",
        numeric=True,
    )
    wrong_code_message = "The security code is not right: enter the code your authenticator app shows now for Keywork"

    def typed_code(self, text: str) -> str:
        code = "".join(text.split())
        if not (code.isdigit() and len(code) == 6):
            raise forms.ValidationError("The security code must be 6 numbers, like 123456")
        return code


class RecoveryCodeForm(_CodeForm):
    code = OneTimeCodeField(
        label="Recovery code",
        hint="One of the 10 codes you saved when you set up two-factor sign-in, like abcd 2345. Each code works once.",
        error_name="one of your recovery codes",
        numeric=False,
    )
    wrong_code_message = "The recovery code is not right, or has been used: check it and try again, or try another"

    def typed_code(self, text: str) -> str:
        return devices.recovery_code_typed(text)
