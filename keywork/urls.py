from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import include, path

from keywork.api import api
from keywork.api import not_found as api_not_found
from keywork.home import home


@login_not_required
def health(request):
    return HttpResponse("ok", content_type="text/plain")


def page_not_found(request, exception):
    # An API address that names no route (/api/people/abc) answers as the API's routes do.
    if request.path.startswith("/api/"):
        return api_not_found(request, exception)
    return render(request, "404.jinja", status=404)


def permission_denied(request, exception):
    return render(request, "403.jinja", status=403)


def server_error(request):
    return render(request, "500.jinja", status=500)


handler404 = page_not_found
handler403 = permission_denied
handler500 = server_error

urlpatterns = [
    path("", home, name="home"),
    path("health/", health, name="health"),
    path("", include("keywork.accounts.urls")),
    path("two-factor/", include("keywork.twofactor.urls")),
    path("", include("keywork.siteinfo.urls")),
    path("register/", include("keywork.register.urls")),
    path("audit/", include("keywork.audit.urls")),
    path("keywork/", include("keywork.keyworking.urls")),
    path("reviews/", include("keywork.reviews.urls")),
    path("assessments/", include("keywork.assessments.urls")),
    path("meetings/", include("keywork.meetings.urls")),
    path("inpatients/", include("keywork.inpatient.urls")),
    path("education/", include("keywork.education.urls")),
    path("placements/", include("keywork.placements.urls")),
    path("transition/", include("keywork.transition.urls")),
    path("supervision/", include("keywork.supervision.urls")),
    path("safeguarding/", include("keywork.safeguarding.urls")),
    path("decision-support/", include("keywork.decisionsupport.urls")),
    path("programme/", include("keywork.programme.urls")),
    path("coproduction/", include("keywork.coproduction.urls")),
    path("signposting/", include("keywork.signposting.urls")),
    path("outcomes/", include("keywork.outcomes.urls")),
    path("behaviour-support/", include("keywork.behavioursupport.urls")),
    path("reporting/", include("keywork.reporting.urls")),
    # What each figure means (keywork/figures/catalogue.py), linked from the reports section, and
    # the inpatient census at /inpatients/census/ (the figures app names its own addresses).
    path("", include("keywork.figures.urls")),
    path("fhir/", include("keywork.fhir.urls")),
    path("import/", include("keywork.imports.urls")),
    path("records/", include("keywork.records.urls")),
    path("work/", include("keywork.worklists.urls")),
    path("subject-access/", include("keywork.subjectaccess.urls")),
    path("search/", include("keywork.search.urls")),
    # The idle timeout's "Stay signed in", and the service's API tokens for its administrators.
    path("session/", include("keywork.accounts.session_urls")),
    path("api-tokens/", include("keywork.accounts.tokens_urls")),
    path("api/", api.urls),
]

# Single sign-on's pages exist only when an identity provider is configured (keywork/sso/).
if settings.SSO_ENABLED:
    urlpatterns.append(path("sso/", include("keywork.sso.urls")))

if settings.BENCH_ADMIN:
    from keywork.benchmark.admin import site as bench_admin

    urlpatterns.append(path("bench-admin/", bench_admin.urls))
