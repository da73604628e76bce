"""Behaviour support pages about a person: their PBS plan (each version), a new version, the
incident log with its chart, and recording an incident; and the service's restrictive practices.
Each names its permission and saves through keywork.behavioursupport.operations, which audits."""

from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from keywork.accounts.permissions import Permission, has_permission, permission_required
from keywork.behavioursupport import charts, operations
from keywork.behavioursupport.counts import incidents_with_a_practice, practices_used
from keywork.behavioursupport.forms import IncidentForm, PlanForm
from keywork.behavioursupport.models import PbsPlan
from keywork.keyworking.rules import keywork_started_on
from keywork.pages import handle_form
from keywork.register.access import paged, person_for_request, query_without_page


@permission_required(Permission.VIEW_PEOPLE)
def plan(request, person_id):
    """A version of the plan in full (the latest unless `?version=` names another), and the list of versions."""
    person = person_for_request(request, person_id)
    versions = list(person.pbs_plans.select_related("saved_by"))
    shown = versions[0] if versions else None
    if wanted := request.GET.get("version"):
        shown = next((version for version in versions if str(version.version) == wanted), None)
        if shown is None:
            raise Http404("No such version")
    context = {
        "page_title": "Positive Behaviour Support plan",
        "person": person,
        "plan": shown,
        "versions": versions,
        "latest": versions[0] if versions else None,
        "may_edit": has_permission(request.user, Permission.EDIT_PLAN),
    }
    return render(request, "behavioursupport/plan.jinja", context)


@permission_required(Permission.EDIT_PLAN)
def edit_plan(request, person_id):
    person = person_for_request(request, person_id)
    current = person.pbs_plans.first()
    initial = {"based_on_version": current.version if current else 0}
    if current:
        initial |= {name: getattr(current, name) for name in PbsPlan.TEXT}  # a new version is agreed afresh
    form = PlanForm(request.POST or None, initial=initial, person=person)

    def save(actor, form):
        return operations.save_plan(actor, person, form.instance, form.cleaned_data["based_on_version"])

    done = reverse("behavioursupport:plan", args=[person.pk])
    title = "Change the PBS plan" if current else "Write a PBS plan"
    success = "PBS plan saved as a new version" if current else "PBS plan saved"
    return handle_form(
        request, form, save, success, title, done_url=done, person=person, template="behavioursupport/plan_form.jinja"
    )


@permission_required(Permission.VIEW_PEOPLE)
def incidents(request, person_id):
    person = person_for_request(request, person_id)
    all_incidents = person.incidents.prefetch_related("practices")
    weeks = charts.chart_weeks(
        list(all_incidents),
        list(person.behaviour_records.all()),
        keywork_started_on(person),
        list(person.pbs_plans.all()),
        timezone.localdate(),
    )
    page = paged(request, all_incidents.select_related("recorded_by"), what="incidents")
    context = {
        "page_title": "Incidents and behaviours of concern",
        "person": person,
        "weeks": weeks,
        "chart": charts.behaviour_chart(weeks, f"incident-chart-{person.pk}"),
        "page": page,
        "query": query_without_page(request),
        "practices": practices_used(person.incidents.all()),
        "with_a_practice": incidents_with_a_practice(person.incidents.all()),
        "total": person.incidents.count(),
        "may_record": has_permission(request.user, Permission.RECORD_OUTCOMES),
    }
    return render(request, "behavioursupport/incidents.jinja", context)


@permission_required(Permission.RECORD_OUTCOMES)
def record_incident(request, person_id):
    person = person_for_request(request, person_id)
    now = timezone.localtime()
    form = IncidentForm(request.POST or None, person=person, initial={"occurred_on": now.date()})

    def save(actor, form):
        return operations.record_incident(actor, form.instance, form.restrictive_practices)

    done = reverse("behavioursupport:incidents", args=[person.pk])
    return handle_form(
        request,
        form,
        save,
        "Incident recorded",
        "Record an incident",
        done_url=done,
        person=person,
        template="behavioursupport/incident_form.jinja",
    )
