"""The Jinja2 environment: Keywork's templates first, then the nhsuk-frontend-jinja macros."""

from django.conf import settings
from django.contrib.messages import get_messages
from django.templatetags.static import static
from django.urls import reverse
from jinja2 import ChoiceLoader, Environment, PackageLoader

from keywork import presenters
from keywork.money import pounds, whole_pounds


def url(name: str, *args, **kwargs) -> str:
    return reverse(name, args=args or None, kwargs=kwargs or None)


def environment(**options) -> Environment:
    # Django passes autoescape=True in options (its Jinja2 backend default).
    env = Environment(**options, extensions=["jinja2.ext.do"])  # noqa: S701
    env.loader = ChoiceLoader([env.loader, PackageLoader("nhsuk_frontend_jinja")])
    env.globals.update(
        {
            "static": static,
            "url": url,
            "STATIC_URL": settings.STATIC_URL,
            "get_messages": get_messages,
            "rating_tag": presenters.rating_tag,
            "form_error_list": presenters.form_error_list,
            "fast_tag": presenters.tag,
        }
    )
    env.filters.update(
        {
            "uk_date": presenters.uk_date,
            "uk_long_date": presenters.uk_long_date,
            "uk_datetime": presenters.uk_datetime,
            "uk_long_datetime": presenters.uk_long_datetime,
            "measure": presenters.measure,
            "days_ago": presenters.days_ago,
            "plural": presenters.plural,
            "number": presenters.number,
            "percent": presenters.percent,
            "figure": presenters.figure,
            "nhs_number": presenters.format_nhs_number,
            "pounds": pounds,
            "whole_pounds": whole_pounds,
        }
    )
    return env
