"""The register list: filtering, searching and sorting people, in a fixed number of queries."""

from django import forms
from django.db.models import Case, IntegerField, Q, Value, When
from django.utils import timezone

from keywork.forms import fields
from keywork.register import rules
from keywork.register.choices import RATING_URGENCY, Rating, RegisterStatus

AGE_BANDS = {"0-10": (0, 10), "11-15": (11, 15), "16-17": (16, 17), "18-25": (18, 25)}

SORTS = {
    "urgency": ("Most urgent first", ["rating_urgency", "next_review_due", "family_name"]),
    "name": ("Name", ["family_name", "given_name"]),
    "review": ("Next review due", ["next_review_due", "family_name"]),
    "age": ("Youngest first", ["-date_of_birth", "family_name"]),
}


class RegisterFilterForm(forms.Form):
    q = fields.CharField(label="Name or NHS number", required=False, max_length=100, width=20)
    rating = fields.ChoiceField(label="Rating", required=False, choices=[("", "Any rating")] + Rating.choices)
    local_authority = fields.ChoiceField(label="Local authority", required=False, choices=())
    age_band = fields.ChoiceField(
        label="Age", required=False, choices=[("", "Any age")] + [(band, band) for band in AGE_BANDS]
    )
    status = fields.ChoiceField(
        label="Status",
        required=False,
        choices=[
            ("", "On the register"),
            ("all", "Everyone, including removed"),
            ("archived", "Archived by the retention rules"),
        ],
    )
    overdue = fields.BooleanField(label="Only people whose review is overdue", required=False)
    sort = fields.ChoiceField(label="Sort by", required=False, choices=[(k, v[0]) for k, v in SORTS.items()])

    def __init__(self, *args, service, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["local_authority"].choices = [("", "Any local authority")] + [
            (name, name) for name in service.local_authorities
        ]


def filter_people(people, criteria: dict):
    """Apply the register's filters to a service-scoped queryset of people."""
    today = timezone.localdate()
    # Archived entries (keywork.records.retention) are out of every list but their own.
    status = criteria.get("status")
    if status == "archived":
        people = people.filter(archived_on__isnull=False)
    elif status == "all":
        people = people.filter(archived_on__isnull=True)
    else:
        people = people.filter(status=RegisterStatus.ACTIVE, archived_on__isnull=True)
    if criteria.get("q"):
        people = _search(people, criteria["q"])
    if criteria.get("rating"):
        people = people.filter(rating=criteria["rating"])
    if criteria.get("local_authority"):
        people = people.filter(local_authority=criteria["local_authority"])
    if criteria.get("age_band") in AGE_BANDS:
        earliest, latest = rules.date_of_birth_range_for_ages(*AGE_BANDS[criteria["age_band"]], today)
        people = people.filter(date_of_birth__range=(earliest, latest))
    if criteria.get("overdue"):
        people = people.filter(next_review_due__lt=today)
    return people.annotate(rating_urgency=urgency_order()).order_by(*SORTS[criteria.get("sort") or "urgency"][1])


def urgency_order():
    """An annotation ranking people by rating, most urgent first: blue, red, amber, green, unrated."""
    ranks = [When(rating=rating, then=Value(rank)) for rating, rank in RATING_URGENCY.items()]
    return Case(*ranks, default=Value(9), output_field=IntegerField())


def _search(people, text: str):
    digits = rules.normalise_nhs_number(text)
    if digits.isdigit():
        return people.filter(nhs_number__startswith=digits)
    query = Q()
    for word in text.split():
        query &= Q(given_name__icontains=word) | Q(family_name__icontains=word) | Q(preferred_name__icontains=word)
    return people.filter(query)
