"""The tool's pages: rating a person in two steps (the answers; then the score, the suggestion and
the rating chosen, the answers carried in the POST and checked again), one assessment in full,
the lead's report, and the service's domains."""

from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from keywork.accounts.audience import audience_for
from keywork.accounts.permissions import Permission, permission_required
from keywork.decisionsupport import operations, report, rules
from keywork.decisionsupport.forms import AnswersForm, ChoiceForm, DomainForm
from keywork.decisionsupport.models import Domain, RatingAssessment
from keywork.pages import handle_form
from keywork.presenters import uk_long_date
from keywork.register.access import person_for_request, record_for_request, scoped
from keywork.register.choices import Rating
from keywork.register.record_pages import person_url

ANSWERS, CHOOSE, CHANGE = "answers", "choose", "change"
STEPS = {
    "page_title": "Rate with the decision support tool",
    "steps": {"answers": ANSWERS, "choose": CHOOSE, "change": CHANGE},
}


def _active_domains(request):
    return scoped(request, Domain).filter(active=True)


@permission_required(Permission.CHANGE_RATING)
def rate(request, person_id):
    person = person_for_request(request, person_id)
    step = request.POST.get("step") if request.method == "POST" else None
    answers = AnswersForm(request.POST if step else None, domains=_active_domains(request))
    if step not in (ANSWERS, CHOOSE) or not answers.is_valid():
        # First visit, "Change the answers", or answers refused (a domain changed meanwhile, too).
        return _answers_page(request, person, answers)
    assessment = operations.scored(person, answers.answers())
    choice = ChoiceForm(request.POST if step == CHOOSE else None, suggestion=assessment.suggested_rating)
    return handle_form(
        request,
        choice,
        lambda actor, f: operations.record_assessment(
            actor, person, answers.answers(), f.cleaned_data["chosen_rating"], f.cleaned_data["override_reason"]
        ),
        lambda f: f"Rating saved: {Rating(f.cleaned_data['chosen_rating']).name.lower()}",
        STEPS["page_title"],
        template="decisionsupport/rate_choose.jinja",
        person=person,
        answers=answers,
        assessment=assessment,
        steps=STEPS["steps"],
    )


def _answers_page(request, person, answers):
    if request.POST.get("step") == CHANGE:
        answers.errors.clear()  # going back to change them: no errors before they are sent again
    context = {"person": person, "form": answers, "back_url": person_url(person, "details", "decision-support")}
    return render(request, "decisionsupport/rate_answers.jinja", context | STEPS)


@permission_required(Permission.VIEW_PEOPLE)
def assessment(request, rating_assessment_id):
    found = record_for_request(request, RatingAssessment, rating_assessment_id)
    context = {
        "assessment": found,
        "person": found.person,
        "answers": found.answers.all(),
        "page_title": f"Decision support tool, {uk_long_date(found.assessed_on)}",
    }
    return render(request, "decisionsupport/assessment.jinja", context)


@permission_required(Permission.VIEW_TEAM_WORK)
def suggestions_report(request):
    audience = audience_for(request)
    assessments = scoped(request, RatingAssessment)
    context = {
        "page_title": "Ratings against the decision support tool",
        "rows": report.by_quarter(assessments, audience),
        "audience": audience,
    }
    return render(request, "decisionsupport/report.jinja", context)


@permission_required(Permission.MANAGE_PROGRAMME)
def domains(request):
    context = {
        "page_title": "Decision support tool domains",
        "domains": scoped(request, Domain),
        "red_from": rules.RED_FROM_PERCENT,
        "amber_from": rules.AMBER_FROM_PERCENT,
        "points": rules.LEVEL_POINTS,
    }
    return render(request, "decisionsupport/domains.jinja", context)


@permission_required(Permission.MANAGE_PROGRAMME)
def add_domain(request):
    position = (scoped(request, Domain).order_by("-position").values_list("position", flat=True).first() or 0) + 1
    form = DomainForm(
        request.POST or None, instance=Domain(service=request.service), initial={"position": position, "active": True}
    )
    return _domain_page(request, form, "Add a domain")


@permission_required(Permission.MANAGE_PROGRAMME)
def edit_domain(request, domain_id):
    domain = get_object_or_404(scoped(request, Domain), pk=domain_id)
    return _domain_page(request, DomainForm(request.POST or None, instance=domain), f"Change ‘{domain.name}’")


def _domain_page(request, form, title):
    return handle_form(
        request,
        form,
        lambda actor, f: operations.save_domain(actor, f.instance, f.cleaned_data["version"] or 0),
        lambda f: f"Domain ‘{f.instance.name}’ saved",
        title,
        done_url=_domains_url(),
    )


def _domains_url():
    return reverse("decisionsupport:domains")
