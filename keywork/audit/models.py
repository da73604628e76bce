"""The audit log: who saw, created, changed, exported or erased which record, when, and from where.

Entries are never edited or deleted; the one exception is retention's erasure, which replaces what
an entry recorded (`changes`) with the name of the rule that erased it (`redact_content`).
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models


class Operation(models.TextChoices):
    VIEW = "view", "Viewed"
    CREATE = "create", "Created"
    UPDATE = "update", "Changed"
    EXPORT = "export", "Exported"
    # Retention's erasure of a whole record: the entry says which rule, never what was erased.
    ERASE = "erase", "Erased"
    # A refused login (wrong password, or any try while locked out): the entry is about the account
    # tried, when there is one, and is written by the "login" process since no one is logged in.
    LOGIN_FAILED = "login_fail", "Failed to log in"
    # A list (a page or an API response) that showed people: one entry, and the people it showed as
    # PersonShown rows, so a person's trail finds every list they were on.
    LIST = "list", "Listed"
    # A request for a person's record, or one record about them, that was refused (403 by role, 404
    # for a record of another service or an id that does not exist): the id tried is the object id.
    REFUSED = "refused", "Refused"


# The entries that record no change to a record: reading one, listing people, a refused request.
NO_CHANGE = (Operation.VIEW, Operation.LIST, Operation.REFUSED)


class AppendOnlyError(Exception):
    """Audit rows are evidence: the app never deletes them, and edits them only to redact (below)."""


class AppendOnlyQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AppendOnlyError("Audit entries cannot be changed")

    def delete(self):
        raise AppendOnlyError("Audit entries cannot be deleted")


class AppendOnlyModel(models.Model):
    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise AppendOnlyError("Audit entries cannot be changed")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("Audit entries cannot be deleted")


class AuditQuerySet(AppendOnlyQuerySet):
    def redact_content(self, rule: str) -> int:
        """The one sanctioned change to the log, made only by retention's erasure: each entry keeps
        who did what to which record and when, but the values it recorded (names, NHS number, dates
        of birth) are replaced by the rule that erased them. Erasure must erase the content here too."""
        return models.QuerySet.update(self, changes={"redacted": rule})

    def for_object(self, obj):
        return self.filter(content_type=ContentType.objects.get_for_model(obj), object_id=str(obj.pk))

    def about_person(self, person_id: int):
        """A person's whole trail: the entries about their records, and every list that showed them."""
        listed = PersonShown.objects.filter(person_id=person_id).values("entry_id")
        return self.filter(models.Q(person_id=person_id) | models.Q(pk__in=listed))


class AuditEntry(AppendOnlyModel):
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+")
    # A job with no user (the seed, a nightly task) names itself here instead.
    system_process = models.CharField(max_length=100, blank=True)
    service = models.ForeignKey("services.Service", on_delete=models.PROTECT, null=True, related_name="+")
    operation = models.CharField(max_length=10, choices=Operation.choices)
    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    object_id = models.CharField(max_length=64)
    # The person the record is about, so a person's whole trail is one query (about_person).
    person_id = models.BigIntegerField(null=True, db_index=True)
    changes = models.JSONField(default=dict, blank=True, encoder=DjangoJSONEncoder)
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    path = models.CharField(max_length=500, blank=True)

    objects = AuditQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["content_type", "object_id", "created_at"]),
            models.Index(fields=["actor", "created_at"]),
        ]

    def __str__(self) -> str:
        return f"{self.who} {self.operation} {self.content_type_id}:{self.object_id}"

    @property
    def who(self) -> str:
        return self.actor.username if self.actor_id else self.system_process


class PersonShown(AppendOnlyModel):
    """One person a listed entry (Operation.LIST) showed. Written in one bulk insert with the entry,
    so a list of a hundred people costs two inserts, and indexed by person for their trail."""

    entry = models.ForeignKey(AuditEntry, on_delete=models.PROTECT, related_name="people_shown")
    person_id = models.BigIntegerField(db_index=True)

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        verbose_name_plural = "people shown"

    def __str__(self) -> str:
        return f"person {self.person_id} on list {self.entry_id}"
