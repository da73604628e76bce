from django.core.paginator import Paginator
from django.shortcuts import render

from keywork.accounts.permissions import Permission, permission_required
from keywork.audit.forms import AuditSearchForm, search_entries
from keywork.audit.models import AuditEntry


@permission_required(Permission.SEARCH_AUDIT)
def audit_search(request):
    form = AuditSearchForm(request.GET or None)
    criteria = form.cleaned_data if form.is_valid() else {}
    entries = AuditEntry.objects.filter(service__in=request.user.services_managed())
    entries = search_entries(entries.select_related("actor", "content_type", "service"), criteria)
    page = Paginator(entries, 50).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "audit/search.jinja",
        {
            "page_title": "Audit log",
            "form": form,
            "page": page,
            "query": query.urlencode(),
        },
    )
