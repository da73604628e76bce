"""People on the Dynamic Support Register, their consent and their RAG rating history."""

import unicodedata

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone

from keywork.datebounds import in_era
from keywork.locking import VersionedModel
from keywork.register import rules
from keywork.register.choices import (
    Condition,
    ConsentBasis,
    EthnicCategory,
    Rating,
    RatingCause,
    ReferralSource,
    RegisterStatus,
    RiskFactor,
    Sex,
)


class NHSNumberField(models.CharField):
    """Stored as 10 digits; accepts the spaces and dashes people type."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 10)
        kwargs.setdefault("validators", [rules.validate_nhs_number])
        super().__init__(*args, **kwargs)

    def to_python(self, value):
        return rules.normalise_nhs_number(super().to_python(value))


class PostcodeField(models.CharField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 8)
        kwargs.setdefault("validators", [rules.validate_postcode])
        super().__init__(*args, **kwargs)

    def to_python(self, value):
        return rules.normalise_postcode(super().to_python(value))


class NameField(models.CharField):
    """A name, kept without the spaces typed or pasted around it wherever the model is cleaned (the API too)."""

    def to_python(self, value):
        value = super().to_python(value)
        return value.strip() if isinstance(value, str) else value


# The names the header search matches, folded into Person.search_name.
NAME_FIELDS = ("given_name", "family_name", "preferred_name")


def fold_for_search(text: str) -> str:
    """Text as the search compares it: lower case, without accents, apostrophes or hyphens, so that
    "Zoë O'Brien-Smith" is found by "zoe obrien smith" in any order."""
    decomposed = unicodedata.normalize("NFKD", text.replace("'", "").replace("’", "").replace("-", " "))
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).casefold().split())


class PersonQuerySet(models.QuerySet):
    """Keeps `search_name` right in bulk writes too (the seed, the national data set, the import),
    which never call Person.save()."""

    def bulk_create(self, objs, *args, **kwargs):
        objs = list(objs)
        for person in objs:
            person.fold_name()
        return super().bulk_create(objs, *args, **kwargs)

    def bulk_update(self, objs, fields, *args, **kwargs):
        objs = list(objs)
        if set(fields) & set(NAME_FIELDS):
            for person in objs:
                person.fold_name()
            fields = [*fields, "search_name"]
        return super().bulk_update(objs, fields, *args, **kwargs)

    def update(self, **kwargs):
        # The folding is Python's (accents), not the database's: a name changed in SQL without its
        # folded form would leave search_name stale.
        if set(kwargs) & set(NAME_FIELDS) and "search_name" not in kwargs:
            raise ValueError("Change a person's name with save() or bulk_update(), which keep search_name right")
        return super().update(**kwargs)


class Person(VersionedModel):
    service = models.ForeignKey("services.Service", on_delete=models.PROTECT, related_name="people")
    nhs_number = NHSNumberField("NHS number")
    given_name = NameField(max_length=100)
    family_name = NameField(max_length=100)
    preferred_name = NameField(max_length=100, blank=True)
    # All three names folded by fold_for_search(), kept right on every save and bulk write.
    search_name = models.CharField(max_length=310, blank=True, editable=False)
    date_of_birth = models.DateField()
    sex = models.CharField(max_length=20, choices=Sex.choices)
    gender_identity = models.CharField(max_length=100, blank=True)
    ethnicity = models.CharField(max_length=2, choices=EthnicCategory.choices)
    postcode = PostcodeField()
    local_authority = models.CharField(max_length=100)
    condition = models.CharField("Learning disability or autism", max_length=10, choices=Condition.choices)
    communication_needs = models.TextField(blank=True)

    referral_source = models.CharField(max_length=20, choices=ReferralSource.choices)
    referral_date = models.DateField()
    status = models.CharField(max_length=20, choices=RegisterStatus.choices, default=RegisterStatus.ACTIVE)
    status_reason = models.TextField(blank=True)
    status_changed_on = models.DateField(null=True, blank=True)
    # Records management (keywork.records): set when retention archives the entry; a legal hold
    # (litigation, an inquiry) stops both archiving and erasure until it is lifted.
    archived_on = models.DateField(null=True, blank=True)
    legal_hold = models.BooleanField(default=False)
    legal_hold_since = models.DateField(null=True, blank=True)
    legal_hold_reason = models.TextField(blank=True)

    # Kept in step with the rating history by refresh_rating(), so the register can filter and
    # sort on them in one query.
    rating = models.CharField(max_length=10, choices=Rating.choices, blank=True)
    rating_effective_on = models.DateField(null=True, blank=True)
    next_review_due = models.DateField(null=True, blank=True, db_index=True)

    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = PersonQuerySet.as_manager()

    class Meta:
        ordering = ["family_name", "given_name", "id"]
        constraints = [
            models.UniqueConstraint(fields=["service", "nhs_number"], name="one_person_per_nhs_number_per_service")
        ]
        indexes = [models.Index(fields=["service", "rating"]), models.Index(fields=["service", "family_name"])]

    def __str__(self) -> str:
        return self.full_name

    def save(self, *args, **kwargs):
        self.fold_name()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and set(update_fields) & set(NAME_FIELDS):
            kwargs["update_fields"] = [*update_fields, "search_name"]
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("register:person", args=[self.pk])

    def fold_name(self) -> None:
        self.search_name = fold_for_search(" ".join(getattr(self, name) for name in NAME_FIELDS))

    @property
    def full_name(self) -> str:
        return f"{self.given_name} {self.family_name}"

    @property
    def age(self) -> int:
        return rules.age_on(self.date_of_birth, timezone.localdate())

    @property
    def is_review_overdue(self) -> bool:
        return self.status == RegisterStatus.ACTIVE and rules.is_review_overdue(
            self.next_review_due, timezone.localdate()
        )

    def clean(self) -> None:
        errors = {}
        today = timezone.localdate()
        if self.date_of_birth and self.date_of_birth > today:
            errors["date_of_birth"] = "Date of birth must be today or in the past"
        # Not before 1900 either: the register keeps adults past 25 in its history, but nobody on it
        # was born before then, and a referral dated in 1890 would otherwise let a birth in 1870 pass.
        in_era(errors, "date_of_birth", self.date_of_birth, "Date of birth")
        if self.date_of_birth and self.referral_date and "date_of_birth" not in errors:
            try:
                rules.validate_age_at_referral(self.date_of_birth, self.referral_date)
            except ValidationError as error:
                errors["date_of_birth"] = error.messages
        if self.referral_date and self.referral_date > today:
            errors["referral_date"] = "Referral date must be today or in the past"
        in_era(errors, "referral_date", self.referral_date, "Referral date")
        if self.service_id and self.local_authority not in self.service.local_authorities:
            names = ", ".join(self.service.local_authorities)
            errors["local_authority"] = f"Choose a local authority of this service: {names}"
        if self.service_id and self.nhs_number and self.duplicate() is not None:
            errors["nhs_number"] = "A person with this NHS number is already on this service's register"
        if errors:
            raise ValidationError(errors)

    def duplicate(self) -> "Person | None":
        """The other person in this service with the same NHS number, if there is one."""
        others = Person.objects.filter(service_id=self.service_id, nhs_number=self.nhs_number)
        return others.exclude(pk=self.pk).first()

    def validate_constraints(self, exclude=None):
        # The duplicate NHS number is checked in clean(), with a message the user can act on.
        super().validate_constraints(exclude=set(exclude or ()) | {"nhs_number"})

    def refresh_rating(self) -> None:
        """Take the current rating from the history: the latest by effective date."""
        latest = self.rating_changes.order_by("-effective_on", "-recorded_at", "-id").first()
        if latest is None:
            self.rating, self.rating_effective_on, self.next_review_due = "", None, None
        else:
            # Someone admitted stays blue until discharge, even if an older review is dated later
            # (an admission caught up from paper after reviews were entered).
            in_hospital = rules.hospital_state_on(self, latest.effective_on)
            blue = in_hospital is not None and in_hospital.cause == RatingCause.ADMISSION
            self.rating = Rating.BLUE if blue else latest.rating
            self.rating_effective_on = latest.effective_on
            self.next_review_due = rules.next_review_due(self.service, self.rating, latest.effective_on)
        Person.objects.filter(pk=self.pk).update(
            rating=self.rating, rating_effective_on=self.rating_effective_on, next_review_due=self.next_review_due
        )


class RatingChange(models.Model):
    """One entry of a person's RAG history: the register's memory and the basis of every report.

    A review that keeps the rating is recorded too, as a change to the same rating.
    """

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="rating_changes")
    rating = models.CharField(max_length=10, choices=Rating.choices)
    effective_on = models.DateField()
    reason = models.TextField()
    risk_factors = models.JSONField(default=list, blank=True)
    cause = models.CharField(max_length=10, choices=RatingCause.choices, default=RatingCause.REVIEW)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)
    # Where the decision was made when not on the person's own page ("DSR meeting on 5 October
    # 2026"), with a link to it: a label rather than a foreign key, so the register, below the apps
    # that make these decisions, imports none of them.
    source_label = models.CharField(max_length=200, blank=True)
    source_url = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["-effective_on", "-recorded_at", "-id"]

    def __str__(self) -> str:
        return f"{self.rating} from {self.effective_on}"

    def clean(self) -> None:
        errors = {}
        if self.effective_on and self.effective_on > timezone.localdate():
            errors["effective_on"] = "The date the rating took effect must be today or in the past"
        elif self.effective_on and self.person_id and self.effective_on < self.person.date_of_birth:
            errors["effective_on"] = "The date the rating took effect must be after the person's date of birth"
        unknown = set(self.risk_factors or []) - set(RiskFactor.values)
        if unknown:
            errors["risk_factors"] = f"Unknown risk factor: {', '.join(sorted(unknown))}"
        if not errors and self.person_id and self.cause == RatingCause.REVIEW and self.rating and self.effective_on:
            refusal = rules.review_rating_refusal(self.person, self.rating, self.effective_on)
            if refusal:
                errors["rating"] = refusal
        if errors:
            raise ValidationError(errors)

    def risk_factor_labels(self) -> list[str]:
        return [RiskFactor(code).label for code in self.risk_factors]


class Consent(models.Model):
    """Consent to be on the DSR, or the decision recorded on the person's behalf."""

    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="consents")
    basis = models.CharField(max_length=30, choices=ConsentBasis.choices)
    given_by = models.CharField(max_length=200)
    decided_on = models.DateField()
    notes = models.TextField(blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-decided_on", "-recorded_at", "-id"]

    def __str__(self) -> str:
        return f"{self.get_basis_display()} on {self.decided_on}"

    def clean(self) -> None:
        if self.decided_on and self.decided_on > timezone.localdate():
            raise ValidationError({"decided_on": "The date of the decision must be today or in the past"})


class FamilyContact(models.Model):
    person = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="family_contacts")
    name = models.CharField(max_length=200)
    relationship = models.CharField(max_length=100)
    phone = models.CharField(max_length=30, blank=True)
    email = models.EmailField(blank=True)
    has_parental_responsibility = models.BooleanField(default=False)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.name} ({self.relationship})"
