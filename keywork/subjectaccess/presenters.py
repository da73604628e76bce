"""What the subject access pages show: summary-list rows and status tags, so templates hold no logic."""

from keywork.presenters import plural, uk_long_date


def _row(key: str, value: str) -> dict:
    return {"key": {"text": key}, "value": {"text": value}}


def status_tag(access_request) -> dict:
    if access_request.responded_on:
        return {"text": "Responded", "classes": "nhsuk-tag--green"}
    if access_request.is_overdue:
        return {"text": "Overdue", "classes": "nhsuk-tag--red"}
    if access_request.extension_months:
        return {"text": "Extended", "classes": "nhsuk-tag--yellow"}
    return {"text": "Open", "classes": "nhsuk-tag--blue"}


def request_rows(access_request) -> list[dict]:
    identity = "Not checked yet"
    if access_request.identity_checked:
        checker = access_request.identity_checked_by
        by = f" by {checker.display_name}" if checker else ""
        identity = f"Checked {uk_long_date(access_request.identity_checked_on)}{by}: {access_request.identity_evidence}"
    extension = "Not extended"
    if access_request.extension_months:
        months = access_request.extension_months
        extension = f"By {plural(months, 'month')}: {access_request.extension_reason}"
    return [
        _row("Received", uk_long_date(access_request.received_on)),
        _row("Asked by", f"{access_request.requester_name} ({access_request.get_relationship_display().lower()})"),
        _row("Identity", identity),
        _row("Response due", uk_long_date(access_request.due_on)),
        _row("Extension", extension),
        _row("Responded", uk_long_date(access_request.responded_on) or "Not yet"),
    ]
