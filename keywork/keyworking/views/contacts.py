from django.http import Http404
from django.utils import timezone

from keywork.accounts.permissions import Permission, permission_required
from keywork.keyworking import operations
from keywork.keyworking.forms import ContactForm, FollowUpDoneForm
from keywork.keyworking.models import FollowUp
from keywork.keyworking.person_page import contact_saved
from keywork.keyworking.views.returning import next_path
from keywork.pages import handle_form
from keywork.register.access import person_for_request, record_for_request, scoped
from keywork.register.record_pages import person_url


@permission_required(Permission.RECORD_CONTACT)
def add_contact(request, person_id):
    person = person_for_request(request, person_id)
    now = timezone.localtime()
    initial = {"contact_date": now.date(), "workers": [request.user.pk], "follow_up_owner": request.user.pk}
    form = ContactForm(request.POST or None, person=person, initial=initial)

    def save(actor, form):
        data = form.cleaned_data
        professionals = data.get("professionals", [])
        operations.record_contact(actor, form.instance, data["workers"], professionals, form.follow_ups)
        return person

    done = person_url(person, "keywork", "contacts")
    return handle_form(request, form, save, contact_saved, "Record a contact", done_url=done, person=person)


@permission_required(Permission.RECORD_CONTACT)
def complete_follow_up(request, follow_up_id):
    """Marked done from the person's page, or from a work list's own small form, which names the
    list in `?next=` to come back to (a path on this site only: never an address elsewhere)."""
    follow_up = record_for_request(request, FollowUp, follow_up_id)
    if not scoped(request, FollowUp).readable_by(request.user).filter(pk=follow_up.pk).exists():
        raise Http404("Follow-up not found")  # hidden as its restricted contact's notes are
    form = FollowUpDoneForm(request.POST or None, initial={"done_on": timezone.localdate()})
    back = next_path(request, person_url(follow_up.person, "keywork", "follow-ups"))

    def save(actor, form):
        operations.complete_follow_up(actor, follow_up, form.cleaned_data["done_on"])
        return follow_up.person

    done = f"Follow-up for {follow_up.person.full_name} marked as done: {follow_up.description}"
    title = "Mark the follow-up as done"
    return handle_form(request, form, save, done, title, done_url=back, person=follow_up.person)
