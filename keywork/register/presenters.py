"""Rows for the person's details sub-page and the words of its banners, so templates hold no display logic.

A summary list reads as sentences, so its dates are in full ("5 October 2026").
"""

from keywork.presenters import in_sentence, uk_long_date


def _row(key: str, value: str, change_url: str | None = None) -> dict:
    row = {"key": {"text": key}, "value": {"text": value}}
    if change_url:
        row["actions"] = {"items": [{"href": change_url, "text": "Change", "visuallyHiddenText": in_sentence(key)}]}
    return row


def register_rows(person, consent) -> list[dict]:
    consent_text = (
        f"{consent.get_basis_display()}: {consent.given_by}, {uk_long_date(consent.decided_on)}"
        if consent
        else "Not recorded"
    )
    return [
        _row("Rating", person.get_rating_display() or "Not rated"),
        _row("Rated on", uk_long_date(person.rating_effective_on)),
        _row("Next review due", uk_long_date(person.next_review_due)),
        _row("Status", person.get_status_display()),
        _row("Consent", consent_text),
        _row("Referred by", f"{person.get_referral_source_display()} on {uk_long_date(person.referral_date)}"),
    ]


def detail_rows(person, change_url: str | None) -> list[dict]:
    return [
        _row("Date of birth", f"{uk_long_date(person.date_of_birth)} (aged {person.age})", change_url),
        _row("Sex", person.get_sex_display(), change_url),
        _row("Gender identity", person.gender_identity or "Not recorded", change_url),
        _row("Ethnicity", person.get_ethnicity_display(), change_url),
        _row("Postcode", person.postcode, change_url),
        _row("Local authority", person.local_authority, change_url),
        _row("Learning disability or autism", person.get_condition_display(), change_url),
        _row("Communication needs", person.communication_needs or "None recorded", change_url),
    ]


def rating_saved(change) -> str:
    """The banner after a review of the rating: "Rating of red from 5 October 2026 recorded"."""
    name = change.get_rating_display().split(" – ")[0].lower()
    return f"Rating of {name} from {uk_long_date(change.effective_on)} recorded"
