from keywork.accounts.permissions import Permission, permission_required
from keywork.pages import handle_form
from keywork.records import operations
from keywork.records.forms import LegalHoldForm
from keywork.register.access import person_for_request
from keywork.register.record_pages import person_url


@permission_required(Permission.PLACE_LEGAL_HOLD)
def legal_hold(request, person_id):
    """Place a hold if there is none, lift it if there is one: the page says which before any change."""
    person = person_for_request(request, person_id)
    hold = not person.legal_hold
    form = LegalHoldForm(request.POST or None, initial={"hold": "place" if hold else "lift"})
    return handle_form(
        request,
        form,
        lambda actor, form: operations.set_legal_hold(
            actor, person, form.cleaned_data["hold"] == "place", form.cleaned_data["reason"]
        ),
        "Legal hold placed" if hold else "Legal hold lifted",
        "Place a legal hold" if hold else "Lift the legal hold",
        template="records/legal_hold.jinja",
        done_url=person_url(person, "records", "legal-hold"),
        person=person,
        hold=hold,
        submit_text="Place the hold" if hold else "Lift the hold",
    )
