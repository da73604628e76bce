"""Signposting pages: a person's signposting (its own page, beyond the short section on their keywork
sub-page), recording and updating one, and the activity report by type of worker and provider."""

import datetime

from django.shortcuts import render
from django.utils import timezone

from keywork.accounts.audience import audience_for
from keywork.accounts.permissions import Permission, has_permission, permission_required
from keywork.audit.saving import save_form
from keywork.pages import handle_form
from keywork.presenters import uk_long_date
from keywork.register.access import listed, person_for_request, record_for_request, scoped
from keywork.register.record_pages import person_url
from keywork.signposting.activity import activity
from keywork.signposting.forms import PeriodForm, SignpostingForm
from keywork.signposting.models import Signposting


def _form_page(request, record, person, title):
    initial = {} if record else {"signposted_on": timezone.localdate()}
    form = SignpostingForm(request.POST or None, instance=record, person=person, initial=initial)
    done = person_url(person, "keywork", "signposting")
    return handle_form(request, form, save_form, _saved, title, done_url=done, person=person)


def _saved(form) -> str:
    return f"Signposting to {form.instance.organisation} saved"


@permission_required(Permission.VIEW_PEOPLE)
def person_signposting(request, person_id):
    person = person_for_request(request, person_id)
    rows = listed(request, scoped(request, Signposting, person.pk), what="signposting")
    context = {
        "page_title": "Signposting and community connections",
        "person": person,
        "signpostings": rows,
        "may_record": has_permission(request.user, Permission.RECORD_CONTACT),
    }
    return render(request, "signposting/person.jinja", context)


@permission_required(Permission.RECORD_CONTACT)
def add_signposting(request, person_id):
    person = person_for_request(request, person_id)
    return _form_page(request, None, person, "Record signposting")


@permission_required(Permission.RECORD_CONTACT)
def edit_signposting(request, signposting_id):
    record = record_for_request(request, Signposting, signposting_id)
    return _form_page(request, record, record.person, "Update signposting")


def quarter_so_far(today: datetime.date) -> tuple[datetime.date, datetime.date]:
    """The report's default period: this quarter (April–June, July–September, ...) up to today."""
    return today.replace(month=(today.month - 1) // 3 * 3 + 1, day=1), today


@permission_required(Permission.VIEW_PROGRAMME)
def report(request):
    audience = audience_for(request)
    start, end = quarter_so_far(timezone.localdate())
    chosen = {"start", "end"} & {key.rsplit("_", 1)[0] for key in request.GET}
    form = PeriodForm(request.GET if chosen else None, initial={"start": start, "end": end})
    found = None
    if not chosen or form.is_valid():
        if chosen:
            start, end = form.cleaned_data["start"], form.cleaned_data["end"]
        threshold = audience.threshold if audience.suppressed else 0
        found = activity(request.service, start, end, threshold)
    context = {
        "page_title": "Peer Associate and keyworker activity",
        "form": form,
        "activity": found,
        "period": f"{uk_long_date(start)} to {uk_long_date(end)}",
        "audience": audience,
    }
    return render(request, "signposting/report.jinja", context)
