"""The register's rules, each a small named function with the policy it implements."""

import datetime
import re

from django.core.exceptions import ValidationError

from keywork.presenters import plural, uk_long_date
from keywork.register.choices import Rating, RatingCause

# The service is for children and young people aged 0–25; it ends at the 26th birthday.
OLDEST_AGE = 25

# NHS Digital reserves NHS numbers starting 999 for testing: they are never issued to a person.
SYNTHETIC_NHS_NUMBER_PREFIX = "999"

_POSTCODE = re.compile(r"^([A-Z]{1,2}[0-9][A-Z0-9]?)([0-9][A-Z]{2})$")


def nhs_number_check_digit(first_nine: str) -> int | None:
    """The modulus-11 check digit of an NHS number, or None where no valid one exists.

    Weights 10..2 on the first nine digits; check = 11 − (sum mod 11); 11 → 0; 10 → invalid.

    >>> nhs_number_check_digit("943476591")
    9
    """
    total = sum(int(digit) * weight for digit, weight in zip(first_nine, range(10, 1, -1), strict=True))
    check = 11 - (total % 11)
    if check == 11:
        return 0
    if check == 10:
        return None
    return check


def normalise_nhs_number(value: str) -> str:
    """Strip the spaces and dashes people type: '943 476 5919' → '9434765919'."""
    return re.sub(r"[\s-]", "", value or "")


def validate_nhs_number(value: str) -> None:
    if not re.fullmatch(r"\d{10}", value or ""):
        raise ValidationError("Enter an NHS number of 10 digits, like 999 123 4578", code="format")
    if nhs_number_check_digit(value[:9]) != int(value[9]):
        raise ValidationError(
            "Enter a valid NHS number: the last digit (the check digit) does not match", code="check_digit"
        )


def normalise_postcode(value: str) -> str:
    """Upper case with one space before the inward code: 'me14 1xx' → 'ME14 1XX'."""
    compact = re.sub(r"\s", "", (value or "").upper())
    match = _POSTCODE.match(compact)
    return f"{match[1]} {match[2]}" if match else (value or "").strip()


def validate_postcode(value: str) -> None:
    if not _POSTCODE.match(re.sub(r"\s", "", value or "")):
        raise ValidationError("Enter a real UK postcode, like ME14 1XQ", code="postcode")


def age_on(date_of_birth: datetime.date, on: datetime.date) -> int:
    """Age in whole years on a date.

    >>> age_on(datetime.date(2008, 2, 29), datetime.date(2026, 2, 28))
    17
    """
    before_birthday = (on.month, on.day) < (date_of_birth.month, date_of_birth.day)
    return on.year - date_of_birth.year - before_birthday


def validate_age_at_referral(date_of_birth: datetime.date, referral_date: datetime.date) -> None:
    """The service is for ages 0–25 on the date of referral (NHS Long Term Plan)."""
    if date_of_birth > referral_date:
        raise ValidationError("Date of birth must be on or before the referral date", code="born_after_referral")
    age = age_on(date_of_birth, referral_date)
    if age > OLDEST_AGE:
        raise ValidationError(
            f"The person was {age} on the referral date: the service is for ages 0 to 25", code="too_old"
        )


def validate_not_in_future(value: datetime.date, today: datetime.date, what: str) -> None:
    if value > today:
        raise ValidationError(f"{what} must be today or in the past", code="future")


def next_review_due(service, rating: str, reviewed_on: datetime.date) -> datetime.date:
    """A DSR review falls due a rating-dependent interval after the last one (service settings)."""
    return reviewed_on + datetime.timedelta(days=service.review_interval_days(rating))


def is_review_overdue(due: datetime.date | None, today: datetime.date) -> bool:
    return due is not None and due < today


def hospital_state_on(person, on: datetime.date):
    """The last admission or discharge rating change on or before `on`, if any."""
    hospital_causes = [RatingCause.ADMISSION, RatingCause.DISCHARGE]
    changes = person.rating_changes.filter(cause__in=hospital_causes, effective_on__lte=on)
    return changes.order_by("-effective_on", "-recorded_at", "-id").first()


def review_rating_refusal(person, rating: str, on: datetime.date) -> str | None:
    """Why a DSR review may not set `rating` on `on`, or None if it may.

    A person admitted is blue until discharge (NHS England DSR guidance); on discharge they are
    red for at least the service's days (Lincolnshire's practice, which we follow: 14 days).
    """
    return rating_refusal_after(hospital_state_on(person, on), person, rating, on)


def rating_refusal_after(last, person, rating: str, on: datetime.date) -> str | None:
    """review_rating_refusal, given `last`, the person's last admission or discharge change on or
    before `on` (or None): imports that check thousands of people load these in bulk.

    Blue is never entered by hand: the admission is the record of the hospital stay, and Blue follows
    it, so the register, the census and every report agree on who is in hospital."""
    if rating == Rating.BLUE and (last is None or last.cause != RatingCause.ADMISSION):
        return (
            f"Blue means in hospital, but Keywork has no admission for {person} open on {uk_long_date(on)}: "
            "record the admission under Inpatients instead. The admission is the record of the hospital "
            "stay, and the rating turns blue from it"
        )
    if last is None:
        return None
    if last.cause == RatingCause.ADMISSION and rating != Rating.BLUE:
        return f"{person} has been an inpatient since {uk_long_date(last.effective_on)}: record the discharge first"
    red_until = last.effective_on + datetime.timedelta(days=person.service.red_days_after_discharge)
    if last.cause == RatingCause.DISCHARGE and rating in (Rating.AMBER, Rating.GREEN) and on < red_until:
        return (
            f"{person} was discharged on {uk_long_date(last.effective_on)} and stays red until at least "
            f"{uk_long_date(red_until)} ({plural(person.service.red_days_after_discharge, 'day')} after discharge)"
        )
    return None


def date_of_birth_range_for_ages(
    youngest: int, oldest: int, today: datetime.date
) -> tuple[datetime.date, datetime.date]:
    """Dates of birth of people aged youngest..oldest today, inclusive, for filtering by age band."""
    earliest = _years_before(today, oldest + 1) + datetime.timedelta(days=1)
    latest = _years_before(today, youngest)
    return earliest, latest


def _years_before(day: datetime.date, years: int) -> datetime.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February in a year that has none
        return day.replace(year=day.year - years, day=28)
