"""The pages every footer links to. Anyone may read them, logged in or not: someone who cannot log
in needs help and contact details most, and the accessibility statement and privacy notice are
published for everyone. Their words are in this app's templates, for a service to edit."""

from django.conf import settings
from django.contrib.auth.decorators import login_not_required
from django.shortcuts import render


def _page(template: str, title: str):
    @login_not_required
    def view(request):
        context = {"page_title": title, "contact": contact(), "retention": settings.RECORDS_RETENTION}
        return render(request, f"siteinfo/{template}", context)

    view.__name__ = template.removesuffix(".jinja")
    return view


def contact() -> dict:
    """Who runs this installation and how to reach them (README: SERVICE_CONTACT_*)."""
    return {
        "organisation": settings.SERVICE_ORGANISATION,
        "email": settings.SERVICE_CONTACT_EMAIL,
        "phone": settings.SERVICE_CONTACT_PHONE,
    }


accessibility = _page("accessibility.jinja", "Accessibility statement for Keywork")
privacy = _page("privacy.jinja", "Privacy notice")
help_and_contact = _page("help.jinja", "Help and contact")


def form_expired(request, reason=""):
    """settings.CSRF_FAILURE_VIEW: a form sent without its valid security token, most often one left
    open past the end of a session or after logging out in another tab; Django's own page is
    written for developers."""
    return render(request, "siteinfo/form_expired.jinja", {"page_title": "This form has expired"}, status=403)
