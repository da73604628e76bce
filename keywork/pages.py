"""The shape every form page shares: show the form, save through an operation, say so, go back.

Back means where the saved thing is shown: a form about a person names the sub-page and section of
their record it belongs to (`done_url=person_url(person, "keywork", "contacts")`), and the banner
there names what was saved ("Contact on 5 October 2026 recorded").

Views name their permission and their operation; the StaleRecordError of optimistic locking
becomes a message at the top of the form, so a later save never silently overwrites an earlier one
(on a VersionedForm, also against each field someone else changed, with what the user typed kept).
"""

from collections.abc import Callable

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render

from keywork import audit
from keywork.forms.versioned import VersionedForm
from keywork.locking import StaleRecordError

STALE_MESSAGE = (
    "Someone else changed this record after you opened it. Your changes were not saved: "
    "check the record as it is now and make them again."
)


def form_page(request, form, title, template="register/form.jinja", **context):
    return render(request, template, {"form": form, "page_title": title, **context})


def handle_form(request, form, save, success: str | Callable, title: str, done_url=None, **context):
    """On a valid POST, call save(actor, form) and redirect; otherwise show the form with its errors.

    `save` returns the object to go back to (its get_absolute_url) unless `done_url` is given.
    `success` is the banner's text, or success(form) to name what the form saved.
    """
    if request.method == "POST" and form.is_valid():
        try:
            saved = save(audit.Actor.from_request(request), form)
        except StaleRecordError as error:
            if isinstance(form, VersionedForm):
                form.show_changes_since_opened(error)  # what the user typed stays in the form
            else:
                form.add_error(None, STALE_MESSAGE)
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, success(form) if callable(success) else success)
            return redirect(done_url or saved)
    if done_url is not None:
        context.setdefault("back_url", done_url)  # "Back" leads where saving would
    return form_page(request, form, title, **context)


def _add_errors(form, error: ValidationError) -> None:
    """A rule the model refuses shows against the box it is about, or at the top of the form when
    the form has no such box (a rule about a field another page edits)."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for field, field_messages in error.message_dict.items():
        form.add_error(field if field in form.fields else None, field_messages)
