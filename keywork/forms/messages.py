"""Every field's error messages, written from its label in the NHS.UK error message style.

Django's own messages ("This field is required.", "Enter a whole number.") name no field and end in
a full stop; the NHS.UK style names the field and says how to put it right: "Enter the referrer's
name", "Number of hours must be 100 or less". Each Keywork field (keywork.forms.fields) fills its
error messages from here, for every code Django or a model can raise for its kind of field, so a
limit checked on the model (a `max_length`, a choice) reads the same as one checked by the form.

A field whose label is not a noun phrase ("How did the referral come?") passes `error_name`, the
words to put after "Enter" or "Choose" ("how the referral came"); a question without one is named
"an answer to ‘How did the referral come?’".
"""

import re
from dataclasses import dataclass

from django import forms

from keywork.presenters import in_sentence, plural

# A page's own hidden value (a record's version, the action a button asked for) changed or missing:
# only a page left open while the record changed, or a tampered request, gets here.
STALE_PAGE = "This page is out of date: reload it and try again"

EMAIL_FORMAT = "Enter an email address in the correct format, like name@example.com"

# A trailing aside in a label: "(optional)", "(1 to 25)", ", from -2 to +2"; not an acronym "(EHCP)".
_ASIDE = re.compile(r"\s*(\((?![A-Z]{2,}\))[^)]*\)|,\s*from .*)$")


_NO_ARTICLE = {"the", "a", "an", "their", "what", "who", "how", "why", "when", "where", "which", "whether"}


@dataclass(frozen=True)
class Name:
    """How a field is named in its messages: after a verb ("Enter the given name") and as the
    subject of a sentence ("Given name must be 100 characters or fewer")."""

    after_verb: str
    subject: str

    @classmethod
    def of(cls, label: str, error_name: str = "") -> "Name":
        if error_name:
            subject = re.sub(r"^the ", "", error_name)
            return cls(error_name, subject[0].upper() + subject[1:])
        if label.endswith("?"):
            # A question is no noun: better an error_name, but its answer is always a fair name.
            return cls(f"an answer to ‘{label}’", f"The answer to ‘{label}’")
        stem = _ASIDE.sub("", label)
        object_ = in_sentence(stem)
        # "Enter what is stuck", "Enter the story": "the" only before a bare noun.
        if object_.split()[0] not in _NO_ARTICLE:
            object_ = f"the {object_}"
        return cls(object_, stem[0].upper() + stem[1:])


def for_field(field: forms.Field, name: Name, verb: str) -> dict[str, str]:
    """The messages for `field`, keyed by the error codes its kind of field (and its model field) raise."""
    required = f"{verb} {name.after_verb}"
    messages = {"required": required, "blank": required, "null": required}
    # The most specific kind first: a model choice is a choice, a whole number a number.
    for kind, writer in _WRITERS:
        if isinstance(field, kind):
            messages |= writer(field, name)
            break
    return messages


def _text(field, name: Name) -> dict[str, str]:
    return {
        "max_length": f"{name.subject} must be %(limit_value)d characters or fewer",
        "min_length": f"{name.subject} must be %(limit_value)d characters or more",
        "invalid": f"Enter {name.after_verb} in the correct format",
        "invalid_choice": f"Enter {name.after_verb} as one of the values allowed",
        "unique": f"Another record already has this {in_sentence(name.subject)}",
        "null_characters_not_allowed": f"{name.subject} must not hold hidden characters: type it, not paste it",
    }


def _whole_number(field, name: Name) -> dict[str, str]:
    return {
        "invalid": f"Enter {name.after_verb} as a whole number",
        "max_value": f"{name.subject} must be %(limit_value)s or less",
        "min_value": f"{name.subject} must be %(limit_value)s or more",
        "step_size": f"{name.subject} must be a multiple of %(limit_value)s",
    }


def _decimal(field, name: Name) -> dict[str, str]:
    places = field.decimal_places
    whole = (field.max_digits - places) if field.max_digits is not None and places is not None else None
    messages = _whole_number(field, name) | {"invalid": f"Enter {name.after_verb} as a number"}
    if places is not None:
        messages["max_decimal_places"] = f"{name.subject} must have no more than {plural(places, 'decimal place')}"
    if whole is not None:
        below = f"{10**whole:,}"
        messages["max_whole_digits"] = f"{name.subject} must be less than {below}"
        messages["max_digits"] = (
            f"{name.subject} must be less than {below}, to at most {plural(places, 'decimal place')}"
        )
    return messages


def _choice(field, name: Name) -> dict[str, str]:
    where = getattr(field, "choices_shown_as", "the list")
    chosen = f"Choose {name.after_verb} from {where}"
    return {"invalid_choice": chosen, "invalid_list": chosen, "invalid_pk_value": chosen, "invalid": chosen}


def _date(field, name: Name) -> dict[str, str]:
    return {
        "incomplete": f"{name.subject} must include a day, month and year",
        "invalid": f"{name.subject} must be a real date",
    }


def _time(field, name: Name) -> dict[str, str]:
    return {"invalid": f"Enter {name.after_verb} in hours and minutes, like 09:15 or 14:30"}


def _file(field, name: Name) -> dict[str, str]:
    return {
        "invalid": f"The {in_sentence(name.subject)} could not be read: choose the file again",
        "missing": f"Choose {name.after_verb}",
        "empty": "The file you chose is empty",
        "max_length": "The file's name must be %(max)d characters or fewer: rename the file and choose it again",
        "contradiction": "Either choose a new file or remove the current one, not both",
    }


def _boolean(field, name: Name) -> dict[str, str]:
    return {"invalid": f"Tick the box if {in_sentence(name.subject)} applies, or leave it empty"}


_WRITERS = [
    (forms.ModelChoiceField, _choice),
    (forms.ChoiceField, _choice),
    (forms.MultipleChoiceField, _choice),
    (forms.DecimalField, _decimal),
    (forms.IntegerField, _whole_number),
    (forms.TimeField, _time),
    (forms.MultiValueField, _date),
    (forms.FileField, _file),
    (forms.BooleanField, _boolean),
    (forms.CharField, _text),
]


def stale_page_messages(field: forms.Field) -> dict[str, str]:
    """Every message of a hidden field: whatever went wrong, the page was out of date."""
    return dict.fromkeys([*field.error_messages, *_HIDDEN_CODES], STALE_PAGE)


_HIDDEN_CODES = [
    "required",
    "invalid",
    "invalid_choice",
    "max_value",
    "min_value",
    "step_size",
    "max_length",
    "null_characters_not_allowed",
]


# The codes Django's model fields and validators raise, in words for the field: what the API
# returns when a model's full_clean refuses a value. Keywork's own rules raise their own codes
# (or none) with their own words, and are returned as written.
_MODEL_CODES = {
    "blank": "Enter {after_verb}",
    "null": "Enter {after_verb}",
    "required": "Enter {after_verb}",
    "max_length": "{subject} must be {limit_value} characters or fewer",
    "min_length": "{subject} must be {limit_value} characters or more",
    "max_value": "{subject} must be {limit_value} or less",
    "min_value": "{subject} must be {limit_value} or more",
    "invalid_choice": "Choose {after_verb} from the values allowed",
    "invalid": "Enter {after_verb} in the correct format",
    "invalid_date": "Enter {after_verb} as a real date",
    "max_digits": "{subject} has too many digits",
    "max_decimal_places": "{subject} has too many decimal places",
    "max_whole_digits": "{subject} has too many digits before the decimal point",
    "unique": "Another record already has this {subject_in_sentence}",
    "null_characters_not_allowed": "{subject} must not hold hidden characters",
}


def model_errors(error) -> dict[str, list[str]]:
    """A model's ValidationError as a dict of messages by field, Django's own messages rewritten for
    the field they are about ("referrer_name" → "Enter the referrer name").

    >>> from django.core.exceptions import ValidationError
    >>> model_errors(ValidationError({"referrer_name": ValidationError("x", code="blank"),
    ...                               "hospital": ValidationError("y", code="max_length", params={"limit_value": 200}),
    ...                               "postcode": ValidationError("Enter a real UK postcode", code="format")}))
    {'referrer_name': ['Enter the referrer name'], 'hospital': ['Hospital must be 200 characters or fewer'], \
'postcode': ['Enter a real UK postcode']}
    """
    if not hasattr(error, "error_dict"):
        return {"__all__": error.messages}
    return {field: [_in_words(field, each) for each in errors] for field, errors in error.error_dict.items()}


def _in_words(field: str, error) -> str:
    template = _MODEL_CODES.get(error.code)
    if template is None or field == "__all__":
        return next(iter(error))
    name = _api_name(field)
    words = {"after_verb": name.after_verb, "subject": name.subject, "subject_in_sentence": in_sentence(name.subject)}
    return template.format(**words, **{k: v for k, v in (error.params or {}).items() if k not in words})


# The JSON API's schema (pydantic) refuses a value before any model sees it; its words name no
# field either, so the common kinds are written here in the same style.
_SCHEMA_TYPES = {
    "missing": "Enter {after_verb}",
    "int_parsing": "Enter {after_verb} as a whole number",
    "int_from_float": "Enter {after_verb} as a whole number",
    "int_type": "Enter {after_verb} as a whole number",
    "float_parsing": "Enter {after_verb} as a number",
    "decimal_parsing": "Enter {after_verb} as a number",
    "bool_parsing": "Enter {after_verb} as true or false",
    "bool_type": "Enter {after_verb} as true or false",
    "float_type": "Enter {after_verb} as a number",
    "decimal_type": "Enter {after_verb} as a number",
    "time_type": "Enter {after_verb} as a time, like 14:30",
    "datetime_type": "Enter {after_verb} as year-month-day and time, like 2026-10-05T14:30:00Z",
    "dict_type": "Enter {after_verb} as an object",
    "model_type": "Enter {after_verb} as an object",
    "model_attributes_type": "Enter {after_verb} as an object",
    "date_parsing": "Enter {after_verb} as year-month-day, like 2026-10-05",
    "date_from_datetime_parsing": "Enter {after_verb} as year-month-day, like 2026-10-05",
    "date_type": "Enter {after_verb} as year-month-day, like 2026-10-05",
    "datetime_parsing": "Enter {after_verb} as year-month-day and time, like 2026-10-05T14:30:00Z",
    "datetime_from_date_parsing": "Enter {after_verb} as year-month-day and time, like 2026-10-05T14:30:00Z",
    "time_parsing": "Enter {after_verb} as a time, like 14:30",
    "enum": "Choose {after_verb} from the values allowed: {expected}",
    "literal_error": "Choose {after_verb} from the values allowed: {expected}",
    "string_type": "Enter {after_verb} as text",
    "string_too_long": "{subject} must be {max_length} characters or fewer",
    "string_too_short": "{subject} must be {min_length} characters or more",
    "less_than_equal": "{subject} must be {le} or less",
    "greater_than_equal": "{subject} must be {ge} or more",
    "list_type": "Enter {after_verb} as a list",
}


def schema_error(field: str, item: dict) -> str:
    """One schema refusal of the API in words for its field; a kind not listed keeps its own.

    >>> schema_error("person_id", {"type": "missing", "msg": "Field required"})
    'Enter the person ID'
    >>> schema_error("received_on", {"type": "date_from_datetime_parsing", "msg": "Input should be a valid date"})
    'Enter the date received as year-month-day, like 2026-10-05'
    """
    template = _SCHEMA_TYPES.get(item.get("type", ""))
    if template is None or field == "__all__":
        return item.get("msg", "Enter a value the API accepts")
    name = _api_name(field)
    try:
        return template.format(after_verb=name.after_verb, subject=name.subject, **(item.get("ctx") or {}))
    except KeyError:
        return item.get("msg", "Enter a value the API accepts")


def _api_name(field: str) -> Name:
    """A field of the API named in words: 'referrer_name' → 'referrer name', 'received_on' → 'date
    received', 'person_id' → 'person ID'."""
    words = field.split(".")[-1].replace("_", " ")
    words = re.sub(r"\bid\b", "ID", re.sub(r"\bids\b", "IDs", words))
    words = re.sub(r"^(.*) on$", r"date \1", re.sub(r"^(.*) at$", r"time \1", words))
    return Name.of(words[0].upper() + words[1:])
