from django import forms
from django.contrib.auth import forms as auth_forms
from django.contrib.auth import password_validation
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.core.validators import validate_email

from keywork.forms import fields


class LoginForm(AuthenticationForm):
    username = fields.CharField(label="Username", max_length=150)
    password = fields.CharField(label="Password", widget=forms.PasswordInput, strip=False)
    error_messages = {
        "invalid_login": "The username or password is not right: check them and try again",
        "inactive": "This account is closed: ask your service's administrator to open it again",
    }


class ServiceChoiceForm(forms.Form):
    service = fields.ChoiceField(label="Service to work in", choices=())

    def __init__(self, *args, services=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["service"].choices = [(str(s.pk), s.name) for s in services]


class PasswordResetForm(auth_forms.PasswordResetForm):
    """Asks for the address to send a reset link to. The page says the same whether or not the
    address belongs to an account, so it cannot be used to find out who has one."""

    email = fields.CharField(label="Email address", error_name="your email address", widget=forms.EmailInput)

    def clean_email(self):
        email = self.cleaned_data["email"]
        try:
            validate_email(email)
        except ValidationError:
            raise ValidationError("Enter an email address in the correct format, like name@example.com") from None
        return email

    def get_users(self, email):
        """Only accounts that can log in here: demo users, who share a published password and log in
        only in the demo, and users without a service (ServiceUserBackend) never get a link."""
        return (user for user in super().get_users(email) if not user.is_demo and user.service_id)


_PASSWORD_MESSAGES = {
    "password_too_short": "Your new password must be 12 characters or more",
    "password_too_common": "Your new password is too easy to guess: choose one that is not a common password",
    "password_too_similar": "Your new password is too like your username, name or email address",
}


class SetPasswordForm(auth_forms.SetPasswordForm):
    new_password1 = fields.CharField(
        label="New password",
        hint="12 characters or more. Do not use a common password, or one like your name or username.",
        widget=forms.PasswordInput,
        strip=False,
        error_name="a new password",
    )
    new_password2 = fields.CharField(
        label="Confirm new password",
        widget=forms.PasswordInput,
        strip=False,
        error_name="your new password again",
    )
    error_messages = {"password_mismatch": "The passwords do not match: enter the same new password twice"}

    def clean(self):
        # A refused password is the first box's error (the one it was chosen in), and is checked
        # only once both boxes match.
        self.validate_passwords("new_password1", "new_password2")
        if not self.has_error("new_password2"):
            self.validate_password_for_user(self.user, "new_password1")
        return self.cleaned_data

    def validate_password_for_user(self, user, password_field_name="new_password1"):  # noqa: S107 - a field's name
        """Django's password rules, each refusal in words written for this page (not Django's own)."""
        password = self.cleaned_data.get(password_field_name)
        if not password:
            return
        try:
            password_validation.validate_password(password, user)
        except ValidationError as refusal:
            for error in refusal.error_list:
                self.add_error(password_field_name, _PASSWORD_MESSAGES.get(error.code, "Choose a different password"))
