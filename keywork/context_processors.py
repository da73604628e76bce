"""What every page's header shows: the service, the pages this user's role may open, the account."""

from django.urls import reverse

from keywork.accounts.permissions import Permission, has_permission

NAVIGATION = [
    ("Home", "home", Permission.VIEW_AGGREGATES),
    ("Register", "register:list", Permission.VIEW_PEOPLE),
    ("Add a person", "register:add", Permission.ADD_PERSON),
    ("Import", "imports:start", Permission.IMPORT_REGISTER),
    ("Allocation board", "keyworking:board", Permission.ALLOCATE),
    ("Escalations", "keyworking:escalations", Permission.VIEW_PEOPLE),
    ("Inpatients", "inpatient:list", Permission.VIEW_PEOPLE),
    ("Census", "inpatient:census", Permission.VIEW_AGGREGATES),
    ("Actions", "reviews:actions", Permission.VIEW_PEOPLE),
    ("Professionals", "keyworking:professionals", Permission.MANAGE_NETWORK),
    ("Programme", "programme:overview", Permission.VIEW_PROGRAMME),
    ("System blockers", "outcomes:blockers", Permission.RECORD_SYSTEM_LEARNING),
    ("Blocker figures", "outcomes:blocker_figures", Permission.VIEW_AGGREGATES),
    ("Case studies", "outcomes:case_studies", Permission.RECORD_SYSTEM_LEARNING),
    ("Dashboard", "reporting:dashboard", Permission.VIEW_AGGREGATES),
    ("Quarterly return", "reporting:quarterly", Permission.VIEW_AGGREGATES),
    ("All services", "reporting:regional", Permission.VIEW_REGIONAL),
    ("Audit log", "audit:search", Permission.SEARCH_AUDIT),
    ("Subject access", "subjectaccess:list", Permission.MANAGE_SUBJECT_ACCESS),
]


def navigation(request) -> dict:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"navigation_items": [], "account_items": []}
    items = [
        {"text": text, "href": reverse(name)}
        for text, name, permission in NAVIGATION
        if has_permission(user, permission)
    ]
    # The current section is the longest link the page's address starts with.
    matches = [
        item["href"]
        for item in items
        if request.path == item["href"] or (item["href"] != "/" and request.path.startswith(item["href"]))
    ]
    current = max(matches, key=len, default=None)
    for item in items:
        item["current"] = item["href"] == current
    account = [{"text": f"{user.display_name} ({user.display_role})", "icon": True}]
    if len(user.services_managed()) > 1:
        account.append({"text": "Change service", "href": reverse("choose_service")})
    account.append({"text": "Log out", "href": reverse("logout")})
    return {"navigation_items": items, "account_items": account}
