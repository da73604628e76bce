"""No Django default message reaches a user: every form in Keywork, sent what people get wrong
(nothing, too much, words for numbers, numbers out of range, a choice not offered, half a date),
answers in its own words.

The default messages are read from Django itself (each form and model field's, each validator's,
the login form's, a unique constraint's), so the check follows Django when it changes them.
"""

import collections
import datetime
import importlib
import inspect
import pkgutil
import re

import pytest
from django import forms
from django.apps import apps
from django.contrib.auth.forms import AuthenticationForm
from django.core import validators
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models
from django.test import RequestFactory
from django.utils.functional import Promise

import keywork
from keywork import audit
from keywork.forms import fields as keywork_fields
from keywork.forms.messages import STALE_PAGE
from keywork.forms.versioned import VersionedForm
from keywork.testing import factories
from keywork.testing.dates import days_ago
from keywork.testing.twofactor import set_up_authenticator

_SKIPPED = (".tests", ".migrations", ".demo", ".national", ".benchmark", "keywork.settings")


def _all_subclasses(cls):
    for sub in cls.__subclasses__():
        yield sub
        yield from _all_subclasses(sub)


def keywork_form_classes() -> list[type]:
    """Every form class Keywork defines, found by importing every module of the project."""
    for module in pkgutil.walk_packages(keywork.__path__, "keywork."):
        if not any(part in module.name for part in _SKIPPED):
            importlib.import_module(module.name)
    found = {
        cls
        for cls in _all_subclasses(forms.BaseForm)
        if cls.__module__.startswith("keywork.") and cls.base_fields and cls not in MIXED_INTO_OTHERS
    }
    return sorted(found, key=lambda cls: f"{cls.__module__}.{cls.__name__}")


# Forms never built alone: each is checked through the forms it is mixed into.
MIXED_INTO_OTHERS = {VersionedForm}


def _default_messages() -> list[str]:
    messages = []
    for base in (forms.Field, models.Field):
        for cls in [base, *_all_subclasses(base)]:
            messages += list(getattr(cls, "default_error_messages", {}).values())
    for cls in vars(validators).values():
        if inspect.isclass(cls):
            found = [getattr(cls, "message", None), *_dict_or_empty(getattr(cls, "messages", None)).values()]
            messages += [m for m in found if isinstance(m, (str, Promise))]
    messages += list(AuthenticationForm.error_messages.values())
    messages.append(models.UniqueConstraint.default_violation_error_message)
    person = apps.get_model("register", "Person")
    messages.append(person().unique_error_message(person, ("service", "nhs_number")).message)
    return sorted({_filled(message) for message in messages})


# Each placeholder filled with this, so a message with plurals ("at most %(limit_value)d
# character(s)") renders, and the filling can be read back as "anything here".
_FILLING = "7"


def _filled(message) -> str:
    return message % collections.defaultdict(lambda: int(_FILLING))


def _dict_or_empty(value) -> dict:
    return value if isinstance(value, dict) else {}


DEFAULTS = _default_messages()


def _looks_like_default(message: str, default: str) -> bool:
    """The same words, whatever fills the placeholders, with or without the full stop; or the same
    opening words (a default's text up to its first placeholder)."""
    default, message = default.rstrip("."), message.rstrip(".")
    pattern = ".+".join(re.escape(part) for part in default.split(_FILLING))
    opening = default.split(_FILLING)[0]
    return bool(re.fullmatch(pattern, message)) or (len(opening) >= 12 and message.startswith(opening))


def test_the_defaults_are_read_from_django():
    assert {"This field is required.", "Enter a whole number.", "Enter a valid date."} <= set(DEFAULTS)
    at_most = next(d for d in DEFAULTS if d.startswith("Ensure this value has at most"))
    assert _looks_like_default("Ensure this value has at most 200 characters (it has 201).", at_most)
    assert _looks_like_default("Ensure this value has at most 200 characters", at_most)
    assert not _looks_like_default("Name must be 200 characters or fewer", at_most)


# What people get wrong, per kind of field: one list per field kind, one entry per attempt.
DATE_ATTEMPTS = [["1", "", ""], ["a", "b", "c"], ["31", "2", "2026"], ["1", "2", "26"], ["", "3", "2026"]]


def _attempts(field: forms.Field) -> list:
    if isinstance(field, forms.MultiValueField):
        return DATE_ATTEMPTS
    if isinstance(field, forms.FileField):
        return [SimpleUploadedFile("empty.pdf", b""), "not a file"]
    if isinstance(field, forms.ModelMultipleChoiceField):
        return [["999999"], ["not a number"]]
    if isinstance(field, forms.ModelChoiceField):
        return ["999999", "not a number"]
    if isinstance(field, forms.MultipleChoiceField):
        return [["not-a-choice"], "not-a-list"]
    if isinstance(field, forms.ChoiceField):
        return ["not-a-choice"]
    if isinstance(field, forms.DecimalField):
        return ["lots", "1.23456", "123456789012", "-1"]
    if isinstance(field, forms.IntegerField):
        high = field.max_value + 1 if field.max_value is not None else 10**12
        low = field.min_value - 1 if field.min_value is not None else -(10**12)
        return ["twelve", str(high), str(low), "1.5"]
    if isinstance(field, forms.TimeField):
        return ["25:99", "noon"]
    if isinstance(field, forms.BooleanField):
        return ["on"]
    limit = getattr(field, "max_length", None)
    # Longer than the form's limit, or than any model's, where only the model has one.
    return ["x" * ((limit or 10_000) + 1), "\x00", "not an email @"]


def _data(form, attempt: int) -> tuple[dict, dict]:
    data, files = {}, {}
    for name, field in form.fields.items():
        tries = _attempts(field)
        value = tries[attempt % len(tries)]
        key = form.add_prefix(name)
        if isinstance(value, SimpleUploadedFile):
            files[key] = value
        elif isinstance(field, forms.MultiValueField):
            data |= {f"{key}_{i}": part for i, part in enumerate(value)}
        else:
            data[key] = value
    return data, files


@pytest.fixture
def world(service, coordinator_user, add_person, admit):
    """One of each record a form is built around, as the views build them."""
    person = add_person(service, by=coordinator_user)
    worker = factories.keyworker_of(service)
    review = apps.get_model("reviews", "Review").objects.create(
        person=person, kind="ctr", requested_on=days_ago(5), recorded_by=coordinator_user
    )
    referral = factories.accept_referral(person, coordinator_user)
    kpi_model = apps.get_model("programme", "Kpi")
    blocker_model = apps.get_model("outcomes", "SystemBlocker")
    return {
        "service": service,
        "services": [service],
        "person": person,
        "people": apps.get_model("register", "Person").objects.filter(service=service),
        "admission": admit(person, days_ago(30)),
        "allocation": factories.allocate(person, worker),
        "referral": referral,
        "source": review,
        "review": review,
        "kpi": kpi_model.objects.filter(service=service).first() or kpi_model(service=service, name="KPI"),
        "post": apps.get_model("programme", "Post")(service=service, title="Keyworker", hours_per_week=37.5),
        "goal": apps.get_model("outcomes", "Goal")(person=person, set_on=days_ago(10), description="Goal"),
        "blocker": blocker_model(service=service, raised_on=days_ago(10), description="Blocked"),
        "headings": ["NHS number", "Date of birth"],
        "mapping": {},
        "samples": ["999 123 4578", ""],
        "kinds": ["Contact", "Rating"],
        "user": coordinator_user,
        # The two-factor forms check a code against a device: the authenticator serves them both.
        "device": set_up_authenticator(coordinator_user)[0],
        "actor": audit.Actor(coordinator_user, service),
        "meeting": apps.get_model("meetings", "Meeting").objects.create(
            service=service, held_on=days_ago(1), chair=coordinator_user, recorded_by=coordinator_user
        ),
    }


def _build(form_class, world, data=None, files=None):
    """The form as its view builds it: the keyword arguments its constructor asks for, and for a
    model form an instance of its model where the view passes one."""
    # Each constructor's own arguments, along the bases (a mixin's __init__ takes only **kwargs).
    wanted = {
        name for cls in form_class.__mro__ if "__init__" in vars(cls) for name in inspect.signature(cls).parameters
    }
    kwargs = {name: world[name] for name in wanted if name in world and name not in ("data", "files")}
    model = getattr(getattr(form_class, "_meta", None), "model", None)
    if model is not None and "instance" not in kwargs:
        existing = {type(v): v for v in world.values() if isinstance(v, models.Model)}
        if model in existing:
            kwargs["instance"] = existing[model]
        elif any(f.name == "service" for f in model._meta.fields):
            kwargs["instance"] = model(service=world["service"])
    if issubclass(form_class, AuthenticationForm):
        # The lockout (django-axes) counts failures by the request's address, so the form needs one.
        kwargs["request"] = RequestFactory().post("/login/")
    return form_class(data=data, files=files, **kwargs)


def _messages(form) -> list[str]:
    return [str(message) for messages in form.errors.values() for message in messages]


FORMS = keywork_form_classes()


def test_every_form_is_found():
    names = {cls.__name__ for cls in FORMS}
    assert {"AddPersonForm", "ContactForm", "ExpenditureForm", "LoginForm", "AuditSearchForm"} <= names


@pytest.mark.parametrize("form_class", FORMS, ids=lambda cls: cls.__name__)
def test_every_field_is_a_keywork_field_that_writes_its_own_messages(form_class):
    plain = [
        name
        for name, field in form_class.base_fields.items()
        if not isinstance(field, (keywork_fields.NhsFieldMixin, keywork_fields.HiddenFieldMixin))
    ]
    assert plain == [], f"{form_class.__name__} has Django fields with Django's messages: {plain}"


@pytest.mark.django_db
@pytest.mark.parametrize("form_class", FORMS, ids=lambda cls: cls.__name__)
def test_no_form_answers_a_mistake_with_a_django_default_message(form_class, world):
    seen = []
    for attempt in range(6):
        blank = _build(form_class, world)
        data, files = _data(blank, attempt) if attempt else ({}, {})
        form = _build(form_class, world, data | {"_": "sent"}, files)
        form.is_valid()
        seen += _messages(form)
    assert sorted({message for message in seen for default in DEFAULTS if _looks_like_default(message, default)}) == []
    if any(field.required for field in form_class.base_fields.values()):
        assert seen, f"{form_class.__name__} found nothing wrong with anything"


def test_a_hidden_value_that_is_wrong_says_the_page_is_out_of_date(world):
    form = _build(apps.get_app_config("register").module.forms.EndRegistrationForm, world, {"version": "x"})
    assert form.errors["version"] == [STALE_PAGE]


def test_a_date_names_its_field_and_the_part_missing():
    field = keywork_fields.DateField(label="Date of birth")
    assert _errors(field, ["1", "", ""]) == ["Date of birth must include a month and year"]
    assert _errors(field, ["31", "2", "2026"]) == ["Date of birth must be a real date"]
    assert _errors(field, ["1", "2", "26"]) == ["The year of the date of birth must include 4 numbers"]
    assert _errors(field, ["", "", ""]) == ["Enter the date of birth"]
    assert field.clean(["27", "3", "2012"]) == datetime.date(2012, 3, 27)


def test_a_number_names_its_field_and_its_limit():
    field = keywork_fields.IntegerField(label="Number of hours", min_value=0, max_value=100)
    assert _errors(field, "lots") == ["Enter the number of hours as a whole number"]
    assert _errors(field, "101") == ["Number of hours must be 100 or less"]
    assert _errors(field, "-1") == ["Number of hours must be 0 or more"]


def test_text_names_its_field_and_its_limit_and_drops_the_optional():
    field = keywork_fields.CharField(label="Preferred name (optional)", max_length=5, required=False)
    assert _errors(field, "Alexandra") == ["Preferred name must be 5 characters or fewer"]
    assert _errors(keywork_fields.CharField(label="Referrer's name"), "") == ["Enter the referrer's name"]


def test_a_question_is_named_by_its_error_name_or_as_the_answer_to_it():
    named = keywork_fields.RadioField(label="Who is asking?", choices=[("a", "A")], error_name="who is asking")
    assert _errors(named, "") == ["Choose who is asking"]
    assert _errors(named, "b") == ["Choose who is asking from the options shown"]
    unnamed = keywork_fields.RadioField(label="Was it avoided?", choices=[("a", "A")])
    assert _errors(unnamed, "") == ["Choose an answer to ‘Was it avoided?’"]


def _errors(field, value) -> list[str]:
    try:
        field.clean(value)
    except forms.ValidationError as error:
        return error.messages
    return []


def test_acronyms_keep_their_capitals_in_messages():
    field = keywork_fields.ChoiceField(label="RAG rating", choices=[("red", "Red")])
    assert _errors(field, "") == ["Choose the RAG rating"]
