"""The register list: filtering, searching and sorting people, in a fixed number of queries."""

from django import forms
from django.db.models import Case, F, IntegerField, OuterRef, Prefetch, Q, Subquery, Value, When
from django.db.models.functions import Concat
from django.http import QueryDict
from django.utils import timezone

from keywork.accounts.models import User
from keywork.forms import fields
from keywork.register import rules
from keywork.register.choices import RATING_URGENCY, Rating, RegisterStatus
from keywork.register.models import Person, fold_for_search

AGE_BANDS = {"0-10": (0, 10), "11-15": (11, 15), "16-17": (16, 17), "18-25": (18, 25)}

# The table's columns in order, each sortable either way: (heading, ordering, the two ways in
# words for the "Sort by" list). "-key" in the address sorts by the column the other way round.
SORTS = {
    "name": ("Name", ["family_name", "given_name"], "A to Z", "Z to A"),
    "nhs_number": ("NHS number", ["nhs_number"], "lowest first", "highest first"),
    # Ascending age is the latest date of birth first.
    "age": ("Age", ["-date_of_birth", "family_name"], "youngest first", "oldest first"),
    "local_authority": ("Local authority", ["local_authority", "family_name"], "A to Z", "Z to A"),
    "keyworker": ("Keyworker", ["keyworker_name", "family_name"], "A to Z", "Z to A"),
    # The register's own order: the most urgent rating first, then whose review is due soonest.
    "urgency": (
        "Rating",
        ["rating_urgency", "next_review_due", "family_name"],
        "most urgent first",
        "least urgent first",
    ),
    "review": ("Next review", ["next_review_due", "family_name"], "soonest first", "latest first"),
}
DEFAULT_SORT = "urgency"
NO_KEYWORKER = "none"


class RegisterFilterForm(forms.Form):
    q = fields.CharField(label="Name or NHS number", required=False, max_length=100, width=20)
    rating = fields.ChoiceField(label="Rating", required=False, choices=[("", "Any rating")] + Rating.choices)
    keyworker = fields.ChoiceField(label="Keyworker", required=False, choices=())
    local_authority = fields.ChoiceField(label="Local authority", required=False, choices=())
    age_band = fields.ChoiceField(
        label="Age",
        required=False,
        # The band stays "0-10" in the address; it reads "0 to 10" (GOV.UK style for a range).
        choices=[("", "Any age")] + [(band, f"{low} to {high}") for band, (low, high) in AGE_BANDS.items()],
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
    # Also chosen from the column headings; on a phone the headings are hidden (the rows stack), so
    # the list is how a phone sorts.
    sort = fields.ChoiceField(
        label="Sort by",
        error_name="an order",
        required=False,
        # The register's own order first: it is the one shown when none is chosen.
        choices=sorted(
            [
                (f"{way}{key}", f"{heading}, {words}")
                for key, (heading, _, *ways) in SORTS.items()
                for way, words in zip(("", "-"), ways, strict=True)
            ],
            key=lambda choice: choice[0].lstrip("-") != DEFAULT_SORT,
        ),
    )

    def __init__(self, *args, service, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["local_authority"].choices = [("", "Any local authority")] + [
            (name, name) for name in service.local_authorities
        ]
        workers = User.objects.filter(
            pk__in=current_allocations().filter(person__service=service).values("worker_id")
        ).order_by("first_name", "last_name", "username")
        self.fields["keyworker"].choices = [("", "Anyone"), (NO_KEYWORKER, "No keyworker")] + [
            (str(worker.pk), worker.display_name) for worker in workers
        ]

    def chosen_sort(self) -> str:
        return (self.is_valid() and self.cleaned_data["sort"]) or DEFAULT_SORT

    def columns(self) -> list[dict]:
        """The table's headings: each links to the list sorted by it (the sorted one the other way
        round), keeping the filters; the sorted one carries aria-sort."""
        chosen = self.chosen_sort()
        headings = []
        for key, (heading, *_) in SORTS.items():
            sorted_here = chosen.lstrip("-") == key
            descending = chosen.startswith("-")
            query = QueryDict(mutable=True)
            for name in self.data:
                query.setlist(name, self.data.getlist(name))
            query.pop("page", None)
            query["sort"] = f"-{key}" if sorted_here and not descending else key
            order = ("descending" if descending else "ascending") if sorted_here else None
            headings.append({"heading": heading, "href": f"?{query.urlencode()}", "aria_sort": order})
        return headings


def filter_people(people, criteria: dict):
    """Apply the register's filters to a service-scoped queryset of people, each with their current
    allocations (`current_allocations`, workers included) for the keyworker column."""
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
    if criteria.get("keyworker"):
        people = _with_keyworker(people, criteria["keyworker"])
    if criteria.get("local_authority"):
        people = people.filter(local_authority=criteria["local_authority"])
    if criteria.get("age_band") in AGE_BANDS:
        earliest, latest = rules.date_of_birth_range_for_ages(*AGE_BANDS[criteria["age_band"]], today)
        people = people.filter(date_of_birth__range=(earliest, latest))
    if criteria.get("overdue"):
        people = people.filter(next_review_due__lt=today)
    sort = criteria.get("sort") or DEFAULT_SORT
    if sort.lstrip("-") == "keyworker":
        people = people.annotate(keyworker_name=_first_keyworker_name())
    allocations = current_allocations().select_related("worker").order_by("starts_on", "id")
    return (
        people.annotate(rating_urgency=urgency_order())
        .prefetch_related(Prefetch("allocations", queryset=allocations, to_attr="current_allocations"))
        .order_by(*ordering(sort))
    )


def ordering(sort: str) -> list:
    """The order_by() terms for a sort key ("name", or "-name" the other way round). Only the
    column's own term turns round; empty values (no review date, no keyworker) stay last."""
    descending = sort.startswith("-")
    key = sort.lstrip("-")
    if key not in SORTS:
        key, descending = DEFAULT_SORT, False
    first, *then = SORTS[key][1]
    column = F(first.lstrip("-"))
    if first.startswith("-") != descending:
        return [column.desc(nulls_last=True), *then, "id"]
    return [column.asc(nulls_last=True), *then, "id"]


def urgency_order():
    """An annotation ranking people by rating, most urgent first: blue, red, amber, green, unrated."""
    ranks = [When(rating=rating, then=Value(rank)) for rating, rank in RATING_URGENCY.items()]
    return Case(*ranks, default=Value(9), output_field=IntegerField())


def current_allocations():
    """Current allocations (keyworking's model), reached through the person's reverse relation so
    the register needs no import from the app above it."""
    return Person._meta.get_field("allocations").related_model.objects.current()


def _with_keyworker(people, keyworker: str):
    allocated = current_allocations().values("person_id")
    if keyworker == NO_KEYWORKER:
        return people.exclude(pk__in=allocated)
    return people.filter(pk__in=allocated.filter(worker_id=keyworker))


def _first_keyworker_name():
    """The alphabetically first display name among the person's current workers (User.display_name:
    the full name, or the username if none is set)."""
    display_name = Case(
        When(Q(worker__first_name="") & Q(worker__last_name=""), then=F("worker__username")),
        default=Concat("worker__first_name", Value(" "), "worker__last_name"),
    )
    names = current_allocations().filter(person=OuterRef("pk")).annotate(name=display_name).order_by("name")
    return Subquery(names.values("name")[:1])


def _search(people, text: str):
    digits = rules.normalise_nhs_number(text)
    if digits.isdigit():
        return people.filter(nhs_number__startswith=digits)
    query = Q()
    for word in fold_for_search(text).split():
        query &= Q(search_name__contains=word)
    return people.filter(query)
