from django.shortcuts import render

from keywork.accounts.permissions import Permission, permission_required
from keywork.figures.catalogue import FIGURES


@permission_required(Permission.VIEW_AGGREGATES)
def glossary(request):
    return render(request, "figures/glossary.jinja", {"page_title": "What the figures mean", "figures": FIGURES})
