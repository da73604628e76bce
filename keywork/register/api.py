"""The register's API routes: the same permissions, rules, operations and audit as its pages."""

from typing import Literal

from django.core.exceptions import ValidationError
from ninja import Query, Router, Schema, Status

from keywork import audit
from keywork.accounts.permissions import Permission, permission_required
from keywork.locking import StaleRecordOut
from keywork.register import operations
from keywork.register.access import listed, people_for, person_for_request
from keywork.register.choices import Rating
from keywork.register.listing import SORTS, filter_people
from keywork.register.models import Consent, Person, RatingChange
from keywork.register.schemas import PersonIn, PersonOut, PersonPatch, RatingIn, RatingOut
from keywork.schemas import Page

router = Router(tags=["Dynamic Support Register"])


def validate_together(*records):
    """Run each record's rules and report every error at once, named as in the request body."""
    errors = {}
    for record, prefix, exclude in records:
        try:
            record.full_clean(exclude=exclude)
        except ValidationError as error:
            errors.update({f"{prefix}{name}": messages for name, messages in error.message_dict.items()})
    if errors:
        raise ValidationError(errors)


class PeopleFilter(Schema):
    q: str = ""
    rating: Rating | None = None
    local_authority: str = ""
    age_band: str = ""
    overdue: bool = False
    status: str = ""
    # The list's columns either way round ("-name"), as the register page's address takes them.
    sort: Literal[tuple(way for key in SORTS for way in (key, f"-{key}"))] = "urgency"  # type: ignore[valid-type]


class PagedPersonOut(Schema):
    items: list[PersonOut]
    count: int


@router.get("", response=PagedPersonOut)
@permission_required(Permission.VIEW_PEOPLE)
def list_people(request, filters: Query[PeopleFilter], page: Query[Page]):
    people = filter_people(people_for(request), filters.dict())
    return {"items": listed(request, page.of(people), what="register"), "count": people.count()}


@router.post("", response={201: PersonOut})
@permission_required(Permission.ADD_PERSON)
def add_person(request, payload: PersonIn):
    person = Person(service=request.service, **payload.dict(exclude={"consent", "rating"}))
    consent = Consent(**payload.consent.dict())
    # The first rating takes effect on the referral date, as on the page.
    rating = RatingChange(effective_on=person.referral_date, **payload.rating.dict())
    validate_together(
        (person, "", []),
        (consent, "consent.", ["person", "recorded_by"]),
        (rating, "rating.", ["person", "decided_by"]),
    )
    operations.add_person(audit.Actor.from_request(request), person, consent, rating)
    return Status(201, person)


@router.get("/{int:person_id}", response=PersonOut)
@permission_required(Permission.VIEW_PEOPLE)
def get_person(request, person_id: int):
    return person_for_request(request, person_id)


@router.patch("/{int:person_id}", response={200: PersonOut, 409: StaleRecordOut})
@permission_required(Permission.EDIT_PERSON)
def update_person(request, person_id: int, payload: PersonPatch):
    person = person_for_request(request, person_id)
    changed = payload.dict(exclude_unset=True, exclude={"version"})
    for name, value in changed.items():
        # An optional text field sent as null is emptied: those columns hold "" for "none".
        field = Person._meta.get_field(name)
        setattr(person, name, "" if value is None and field.blank and not field.null else value)
    person.full_clean()
    operations.update_details(
        audit.Actor.from_request(request),
        person,
        payload.version,
        {name: str(value) for name, value in changed.items()},
    )
    return person


@router.get("/{int:person_id}/ratings", response=list[RatingOut])
@permission_required(Permission.VIEW_PEOPLE)
def list_ratings(request, person_id: int, page: Query[Page]):
    person = person_for_request(request, person_id)
    return page.of(person.rating_changes.select_related("decided_by"))


@router.post("/{int:person_id}/ratings", response={201: RatingOut})
@permission_required(Permission.CHANGE_RATING)
def add_rating(request, person_id: int, payload: RatingIn):
    person = person_for_request(request, person_id)
    change = RatingChange(person=person, decided_by=request.user, **payload.dict())
    change.full_clean()
    return Status(201, operations.change_rating(audit.Actor.from_request(request), person, change))
