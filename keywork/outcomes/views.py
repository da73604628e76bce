from django.db.models import F
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone

from keywork.accounts.audience import audience_for
from keywork.accounts.permissions import Permission, has_permission, permission_required
from keywork.keyworking.models import Referral
from keywork.outcomes import operations
from keywork.outcomes.figures import blocker_figures
from keywork.outcomes.forms import (
    BehaviourRecordForm,
    CaseStudyForm,
    ClosingOutcomeForm,
    FamilyMeasureForm,
    GoalForm,
    GoalRatingForm,
    ResolveBlockerForm,
    SystemBlockerForm,
)
from keywork.outcomes.models import CaseStudy, Goal, SystemBlocker
from keywork.pages import handle_form
from keywork.register.access import (
    paged,
    people_for,
    person_for_request,
    query_without_page,
    record_for_request,
    scoped,
)
from keywork.register.record_pages import person_url

# Person records ------------------------------------------------------------------------------------


@permission_required(Permission.RECORD_OUTCOMES)
def add_goal(request, person_id):
    person = person_for_request(request, person_id)
    form = GoalForm(request.POST or None, person=person)
    save = lambda actor, f: operations.save_goal(actor, f.instance).person  # noqa: E731
    done = person_url(person, "outcomes", "goals")
    return handle_form(request, form, save, "Goal added", "Add a goal", done_url=done, person=person)


@permission_required(Permission.RECORD_OUTCOMES)
def rate_goal(request, goal_id):
    goal = record_for_request(request, Goal, goal_id)
    form = GoalRatingForm(request.POST or None, goal=goal)
    first = not goal.ratings.exists()
    save = lambda actor, f: operations.rate_goal(actor, f.instance).goal.person  # noqa: E731
    title = "Rate the goal at the start (the baseline)" if first else "Rate the goal"
    done = person_url(goal.person, "outcomes", "goals")
    return handle_form(request, form, save, "Goal rating recorded", title, done_url=done, person=goal.person, goal=goal)


@permission_required(Permission.RECORD_OUTCOMES)
def add_behaviour_record(request, person_id):
    person = person_for_request(request, person_id)
    form = BehaviourRecordForm(request.POST or None, person=person)
    save = lambda actor, f: operations.save_behaviour_record(actor, f.instance).person  # noqa: E731
    done = person_url(person, "outcomes", "behaviours")
    title = "Record a behaviour of concern"
    return handle_form(request, form, save, "Behaviour recorded", title, done_url=done, person=person)


@permission_required(Permission.RECORD_OUTCOMES)
def add_family_measure(request, person_id):
    person = person_for_request(request, person_id)
    form = FamilyMeasureForm(request.POST or None, person=person)
    save = lambda actor, f: operations.save_family_measure(actor, f.instance).person  # noqa: E731
    done = person_url(person, "outcomes", "family-measures")
    title = "Record family measures"
    return handle_form(request, form, save, "Family measures recorded", title, done_url=done, person=person)


@permission_required(Permission.RECORD_OUTCOMES)
def closing_outcome(request, referral_id):
    referral = record_for_request(request, Referral, referral_id)
    existing = getattr(referral, "closing_outcome", None)
    form = ClosingOutcomeForm(request.POST or None, referral=referral, instance=existing)

    def save(actor, form):
        return operations.save_closing_outcome(actor, form.instance, form.cleaned_data["version"]).referral.person

    return handle_form(
        request,
        form,
        save,
        "Closing outcome recorded",
        "Record the closing outcome",
        template="outcomes/closing_outcome_form.jinja",
        done_url=person_url(referral.person, "outcomes", "closing-outcomes"),
        person=referral.person,
        referral=referral,
    )


# System learning ----------------------------------------------------------------------------------


@permission_required(Permission.RECORD_SYSTEM_LEARNING)
def blockers(request):
    reachable = set(people_for(request).values_list("pk", flat=True))
    # Open blockers first, then resolved ones; newest first within each.
    ordered = scoped(request, SystemBlocker).order_by(F("resolved_on").asc(nulls_first=True), "-raised_on", "-id")
    page = paged(
        request,
        ordered.prefetch_related("people"),
        what="system blockers",
        people_of=lambda blocker: [person.pk for person in blocker.people.all() if person.pk in reachable],
    )
    rows = _blocker_rows(page, reachable)
    return render(
        request,
        "outcomes/blockers.jinja",
        {
            "page_title": "System blockers",
            "page": page,
            "query": query_without_page(request),
            "open_rows": [row for row in rows if not row["blocker"].is_resolved],
            "resolved_rows": [row for row in rows if row["blocker"].is_resolved],
        },
    )


def _blocker_rows(blockers, reachable: set) -> list[dict]:
    """Each blocker with the people it holds up whom this user may see; others are only counted,
    so a keyworker learns of a blocker without reaching people not allocated to them."""
    rows = []
    for blocker in blockers:
        people = list(blocker.people.all())
        shown = [person for person in people if person.pk in reachable]
        rows.append({"blocker": blocker, "people": shown, "others": len(people) - len(shown)})
    return rows


@permission_required(Permission.RECORD_SYSTEM_LEARNING)
def add_blocker(request):
    form = SystemBlockerForm(request.POST or None, people=people_for(request))

    def save(actor, form):
        operations.save_blocker(actor, form.instance, people=form.cleaned_data["people"])
        return reverse("outcomes:blockers")

    return handle_form(
        request, form, save, "Blocker recorded", "Record a system blocker", back_url=reverse("outcomes:blockers")
    )


@permission_required(Permission.RECORD_SYSTEM_LEARNING)
def resolve_blocker(request, blocker_id):
    blocker = get_object_or_404(scoped(request, SystemBlocker), pk=blocker_id)
    form = ResolveBlockerForm(request.POST or None, instance=blocker)

    def save(actor, form):
        operations.save_blocker(actor, form.instance, version=form.cleaned_data["version"])
        return reverse("outcomes:blockers")

    return handle_form(
        request,
        form,
        save,
        "Blocker resolved",
        f"Resolve the blocker: {blocker.get_category_display()}, {blocker.agency}",
        back_url=reverse("outcomes:blockers"),
    )


@permission_required(Permission.VIEW_AGGREGATES)
def blocker_figures_page(request):
    """Counts only: no names, no descriptions, no links to anyone; as its audience may see them."""
    today = timezone.localdate()
    audience = audience_for(request)
    figures = blocker_figures(request.service, today, audience.suppressed)
    context = {"page_title": "System blockers: figures", "figures": figures, "today": today, "audience": audience}
    context["may_record"] = has_permission(request.user, Permission.RECORD_SYSTEM_LEARNING)
    return render(request, "outcomes/blocker_figures.jinja", context)


@permission_required(Permission.RECORD_SYSTEM_LEARNING)
def case_studies(request):
    reachable = set(people_for(request).values_list("pk", flat=True))
    studies = scoped(request, CaseStudy).select_related("person")
    # Only the people this user may reach are named (the template's `reachable`), so only they are listed.
    page = paged(
        request,
        studies,
        what="case studies",
        people_of=lambda study: [study.person_id] if study.person_id in reachable else [],
    )
    return render(
        request,
        "outcomes/case_studies.jinja",
        {
            "page_title": "Case studies",
            "case_studies": page,
            "reachable": reachable,
            "query": query_without_page(request),
        },
    )


@permission_required(Permission.RECORD_SYSTEM_LEARNING)
def add_case_study(request):
    return _case_study_form(request, CaseStudy(service=request.service), "Case study added", "Add a case study")


@permission_required(Permission.RECORD_SYSTEM_LEARNING)
def edit_case_study(request, case_study_id):
    case_study = get_object_or_404(scoped(request, CaseStudy), pk=case_study_id)
    return _case_study_form(request, case_study, "Case study updated", "Update the case study")


def _case_study_form(request, case_study, success, title):
    # Someone who may not reach the person linked may still edit the story: the form keeps the link, unnamed.
    people = people_for(request)
    form = CaseStudyForm(request.POST or None, instance=case_study, people=people, service=request.service)

    def save(actor, form):
        operations.save_case_study(actor, form.instance, form.cleaned_data["version"])
        return reverse("outcomes:case_studies")

    return handle_form(request, form, save, success, title, back_url=reverse("outcomes:case_studies"))
