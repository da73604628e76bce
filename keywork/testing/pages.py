"""Using the site's pages as a user: a logged-in client, and the form data of a date input."""

from types import SimpleNamespace

from django.test import Client


def logged_in(user) -> SimpleNamespace:
    """A client logged in as `user`: `.http` to make requests, `.user` and `.service` to check them."""
    client = Client()
    client.force_login(user)
    return SimpleNamespace(http=client, user=user, service=user.service)


def date_parts(name: str, day) -> dict:
    """Form data for the three boxes (day, month, year) of an NHS date input."""
    return {f"{name}_0": day.day, f"{name}_1": day.month, f"{name}_2": day.year}
