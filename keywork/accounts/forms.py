from django import forms
from django.contrib.auth.forms import AuthenticationForm

from keywork.forms import fields


class LoginForm(AuthenticationForm):
    username = fields.CharField(label="Username", max_length=150)
    password = fields.CharField(label="Password", widget=forms.PasswordInput, strip=False)


class ServiceChoiceForm(forms.Form):
    service = fields.ChoiceField(label="Service to work in", choices=())

    def __init__(self, *args, services=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["service"].choices = [(str(s.pk), s.name) for s in services]
