"""The easy-read one-page profile and crisis plan (keyworking/easy_read.py), as a page and as a PDF
to print or send to the family; beside the printable support and crisis plan."""

from django.http import HttpResponse
from django.shortcuts import render

from keywork import audit, pdf
from keywork.accounts.permissions import Permission, permission_required
from keywork.audit.models import Operation
from keywork.keyworking.easy_read import ATTRIBUTION, LICENCE, LICENCE_URL, TITLE, easy_read_plan
from keywork.register.access import person_for_request


def _context(request, person_id) -> dict:
    person = person_for_request(request, person_id)
    plan = person.support_plans.first()
    allocation = person.allocations.designated_keyworkers().select_related("worker").first()
    return {
        "person": person,
        "plan": plan,
        "easy_read": easy_read_plan(person, plan, allocation.worker if allocation else None),
        "title": f"{TITLE}: {person.full_name}",
        "attribution": ATTRIBUTION,
        "licence": LICENCE,
        "licence_url": LICENCE_URL,
    }


@permission_required(Permission.VIEW_PEOPLE)
def easy_read(request, person_id):
    context = _context(request, person_id)
    return render(request, "keyworking/easy_read.jinja", context | {"page_title": context["title"]})


@permission_required(Permission.VIEW_PEOPLE)
def easy_read_pdf(request, person_id):
    """The PDF, its download audited with the plan's version, as other documents' downloads are. Before a
    plan is written it is the profile alone ("There is no plan yet")."""
    context = _context(request, person_id)
    person, plan = context["person"], context["plan"]
    version = plan.version if plan else None
    changes = {"easy_read_plan": version, "format": "pdf"}
    audit.record(audit.Actor.from_request(request), Operation.EXPORT, person, person_id=person.pk, changes=changes)
    body = pdf.render("keyworking/easy_read_pdf.jinja", context | {"author": request.service.name})
    response = HttpResponse(body, content_type="application/pdf")
    name = f"easy-read-plan-{person.pk}" + (f"-version-{version}" if version else "")
    response["Content-Disposition"] = f'attachment; filename="{name}.pdf"'
    return response
