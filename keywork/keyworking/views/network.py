from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render

from keywork.accounts.permissions import Permission, permission_required
from keywork.keyworking import operations
from keywork.keyworking.forms import InvolvementForm, ProfessionalForm
from keywork.keyworking.models import Professional
from keywork.pages import handle_form
from keywork.register.access import paged, people_for, person_for_request, query_without_page, scoped
from keywork.register.record_pages import person_url


@permission_required(Permission.MANAGE_NETWORK)
def professionals(request):
    listed = scoped(request, Professional)
    page = Paginator(listed, 50).get_page(request.GET.get("page"))
    return render(request, "keyworking/professionals.jinja", {"page_title": "Professionals", "page": page, "query": ""})


@permission_required(Permission.MANAGE_NETWORK)
def professional_detail(request, professional_id):
    professional = get_object_or_404(scoped(request, Professional), pk=professional_id)
    # Only the people this viewer may see: a keyworker sees their own people in the list.
    involvements = professional.involvements.filter(person__in=people_for(request)).select_related("person")
    involvements = paged(request, involvements.order_by("pk"), what="a professional's people")
    return render(
        request,
        "keyworking/professional.jinja",
        {
            "page_title": professional.name,
            "professional": professional,
            "involvements": involvements,
            "query": query_without_page(request),
        },
    )


@permission_required(Permission.MANAGE_NETWORK)
def add_professional(request):
    form = ProfessionalForm(request.POST or None)
    return handle_form(
        request,
        form,
        lambda actor, f: operations.add_professional(actor, f.instance),
        "Professional added",
        "Add a professional",
    )


@permission_required(Permission.MANAGE_NETWORK)
def add_involvement(request, person_id):
    person = person_for_request(request, person_id)
    form = InvolvementForm(request.POST or None, person=person)
    return handle_form(
        request,
        form,
        lambda actor, f: operations.add_involvement(actor, f.instance).person,
        "Added to the team around the person",
        "Add to the team around the person",
        done_url=person_url(person, "keywork", "team"),
        person=person,
    )
