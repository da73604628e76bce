"""What every page's header shows: the service, the sections of Keywork this user's role works in
(each with its own pages, listed under the header on every page of the section), the search box,
the account.

A page is shown to the roles its view lets in: the permission comes from the view itself
(`permission_required` marks it), so the menu and the page can never disagree.
"""

from dataclasses import dataclass, field
from functools import cache

from django.urls import resolve, reverse

from keywork.accounts.models import Role
from keywork.accounts.permissions import Permission, has_permission


@dataclass(frozen=True)
class Section:
    name: str
    # (link text, URL name); the section's own link goes to the first page the user may open.
    pages: list[tuple[str, str]] = field(default_factory=list)
    # Keyworkers may open the service's figures and returns, but their day is casework: their menu
    # leaves these sections out (the pages stay reachable by address).
    for_keyworkers: bool = True


SECTIONS = [
    Section("Home", [("Home", "home")]),
    Section(
        "People",
        [
            ("Register", "register:list"),
            ("Find a person", "search:search"),
            ("Escalations", "keyworking:escalations"),
            ("Actions", "reviews:actions"),
            ("DSR meetings", "meetings:list"),
            ("System blockers", "outcomes:blockers"),
            ("Case studies", "outcomes:case_studies"),
            ("Professionals", "keyworking:professionals"),
        ],
    ),
    Section("Referrals", [("Referrals", "keyworking:referrals"), ("Allocation board", "keyworking:board")]),
    Section(
        "Inpatients",
        [
            ("Current inpatients", "inpatient:list"),
            ("Census", "figures:census"),
            ("Hospital use", "reporting:hospital_use"),
        ],
    ),
    Section(
        "Reports",
        [
            ("Dashboard", "reporting:dashboard"),
            ("Quarterly return", "reporting:quarterly"),
            ("Equality", "reporting:equality"),
            ("Blocker figures", "outcomes:blocker_figures"),
            ("Ratings against suggestions", "decisionsupport:report"),
            ("All services", "reporting:regional"),
            ("What the figures mean", "figures:glossary"),
        ],
        for_keyworkers=False,
    ),
    Section(
        "Programme",
        [
            ("Overview", "programme:overview"),
            ("Budget", "programme:budget"),
            ("Risk register", "programme:risks"),
            ("Workforce", "programme:workforce"),
            ("Complaints and FOI", "programme:feedback"),
            ("Co-production", "coproduction:list"),
            ("Peer Associate activity", "signposting:report"),
        ],
        for_keyworkers=False,
    ),
    Section(
        "Admin",
        [
            ("Audit log", "audit:search"),
            ("Subject access", "subjectaccess:list"),
            ("Supervision", "supervision:list"),
            ("API tokens", "api_tokens:list"),
            ("Signing out", "idle_timeout"),
            ("Bed-day cost", "reporting:bed_day_cost"),
            ("When consent is withdrawn", "register:consent_withdrawn_policy"),
            ("Quarterly return settings", "reporting:return_settings"),
            ("Decision support tool", "decisionsupport:domains"),
        ],
    ),
]


@cache
def page_target(url_name: str) -> tuple[str, Permission]:
    """The page's address and the permission its view requires."""
    href = reverse(url_name)
    return href, resolve(href).func.required_permission


def sections_for(user) -> list[tuple[str, list[dict]]]:
    """Each section the user works in, with the pages of it they may open."""
    shown = []
    for section in SECTIONS:
        if user.role == Role.KEYWORKER and not section.for_keyworkers:
            continue
        pages = []
        for text, url_name in section.pages:
            href, permission = page_target(url_name)
            if has_permission(user, permission):
                pages.append({"text": text, "href": href})
        if pages:
            shown.append((section.name, pages))
    return shown


def current_href(path: str, hrefs: list[str]) -> str | None:
    """The page the address belongs to: the longest link it starts with (the home page only itself)."""
    matches = [href for href in hrefs if path == href or (href != "/" and path.startswith(href))]
    return max(matches, key=len, default=None)


def navigation(request) -> dict:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"navigation_items": [], "subnavigation": None, "account_items": [], "header_search": False}
    sections = sections_for(user)
    current = current_href(request.path, [page["href"] for _, pages in sections for page in pages])
    match = request.resolver_match
    if current is None and match is not None and "person_id" in match.kwargs:
        # A page about one person kept by another app (a contact, a review, an admission) is part
        # of their record, and so of the register.
        current = reverse("register:list")
    items, subnavigation = [], None
    for name, pages in sections:
        active = any(page["href"] == current for page in pages)
        items.append(
            {"text": name, "href": pages[0]["href"], "active": active, "current": request.path == pages[0]["href"]}
        )
        if active and len(pages) > 1:
            for page in pages:
                # "page" on the page itself; "true" on the page a sub-page (a record, a form) belongs to.
                page["current"] = (
                    "page" if request.path == page["href"] else "true" if page["href"] == current else None
                )
            subnavigation = {"label": name, "items": pages}
    account = [{"text": f"{user.display_name} ({user.display_role})", "icon": True}]
    if len(user.services_managed()) > 1:
        account.append({"text": "Change service", "href": reverse("choose_service")})
    account.append({"text": "Log out", "href": reverse("logout")})
    return {
        "navigation_items": items,
        "subnavigation": subnavigation,
        "account_items": account,
        "header_search": has_permission(user, Permission.VIEW_PEOPLE),
    }
