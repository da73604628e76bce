from django.shortcuts import render
from django.utils import timezone

from keywork.accounts.audience import audience_for
from keywork.accounts.permissions import Permission, permission_required
from keywork.dbrouter import reporting_reads
from keywork.figures.catalogue import FIGURES
from keywork.figures.census import (
    BOTH_BREAKDOWNS_RULE,
    LEGAL_GROUP_HEADINGS,
    first_admission_month,
    monthly_census,
    suppress_for_publication,
)
from keywork.figures.charts import census_chart
from keywork.figures.restrictive_practices import restrictive_practice_figures, year_to


@permission_required(Permission.VIEW_AGGREGATES)
def glossary(request):
    return render(request, "figures/glossary.jinja", {"page_title": "What the figures mean", "figures": FIGURES})


@permission_required(Permission.VIEW_AGGREGATES)
def census(request):
    today, audience = timezone.localdate(), audience_for(request)
    with reporting_reads():
        months = monthly_census(request.service, first_admission_month(request.service, today), today, today)
    if audience.suppressed:
        for month in months:
            suppress_for_publication(month, audience.threshold)
    context = {
        "page_title": "Inpatient census",
        "months": months,
        "chart": census_chart(months, audience.suppressed),
        "audience": audience,
        "areas": request.service.local_authorities,
        "legal_groups": LEGAL_GROUP_HEADINGS,
        "both_breakdowns_rule": BOTH_BREAKDOWNS_RULE,
    }
    return render(request, "figures/census.jinja", context)


@permission_required(Permission.VIEW_AGGREGATES)
def restrictive_practices(request):
    """The service's restrictive practices over the last year, as its audience may see them."""
    today, audience = timezone.localdate(), audience_for(request)
    threshold = audience.threshold if audience.suppressed else 0
    figures = restrictive_practice_figures(request.service.people.all(), year_to(today), today, threshold)
    context = {"page_title": "Restrictive practices", "figures": figures, "audience": audience}
    return render(request, "figures/restrictive_practices.jinja", context)
