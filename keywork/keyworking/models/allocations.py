import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone

from keywork.accounts.models import Role, WorkerType
from keywork.assurance.models import Assurance
from keywork.assurance.rules import lapsing
from keywork.datebounds import about_person
from keywork.presenters import in_sentence, uk_long_date

# What a worker must hold in date to be allocated without an override: their professional
# registration, DBS check and mandatory training. Supervision (keywork/supervision) is the manager's
# to arrange, not a bar: overdue supervision is a warning on the board and the allocation form.
ASSURANCE_FOR_ALLOCATION = frozenset(Assurance.Kind)


def assurance_of(service, today: datetime.date) -> dict[int, list[Assurance]]:
    """Each worker's registration, DBS check and training that has lapsed or lapses soon, soonest first."""
    by_worker: dict[int, list[Assurance]] = {}
    for item in lapsing(service, today):
        if item.kind in ASSURANCE_FOR_ALLOCATION:
            by_worker.setdefault(item.worker_id, []).append(item)
    return by_worker


def lapsed_text(items) -> str:
    """'DBS check', 'HCPC registration and DBS check': what has lapsed, in a sentence."""
    names = [in_sentence(item.get_kind_display()) for item in items]
    return " and ".join([", ".join(names[:-1]), names[-1]]) if len(names) > 1 else "".join(names)


class AllocationQuerySet(models.QuerySet):
    def current(self, on: datetime.date | None = None):
        on = on or timezone.localdate()
        return self.filter(Q(ends_on__isnull=True) | Q(ends_on__gte=on), starts_on__lte=on)

    def designated_keyworkers(self, on: datetime.date | None = None):
        """Open allocations of a designated keyworker: the Practice Consultant (Kent and Medway's model)."""
        return self.current(on).filter(worker_type=WorkerType.PRACTICE_CONSULTANT)


class Allocation(models.Model):
    """A worker allocated to a person, for a period. One worker of each type at a time.

    The Practice Consultant is the designated keyworker; Behaviour Team and Peer Associate
    workers are added as needed (Kent and Medway's multi-functional team).
    """

    person = models.ForeignKey("register.Person", on_delete=models.PROTECT, related_name="allocations")
    worker = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="allocations")
    worker_type = models.CharField(max_length=30, choices=WorkerType.choices)
    starts_on = models.DateField()
    ends_on = models.DateField(null=True, blank=True)
    reason = models.TextField()
    # A worker whose registration, DBS check or mandatory training has lapsed is allocated only
    # when the manager says why (for example, renewal confirmed but not yet recorded).
    assurance_override_reason = models.TextField(blank=True)
    # The manager's judgement that this case asks more than its rating says (keyworking/weighting.py).
    is_complex = models.BooleanField("Complex case", default=False)
    end_reason = models.TextField(blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    objects = AllocationQuerySet.as_manager()

    class Meta:
        ordering = ["-starts_on", "-id"]
        indexes = [models.Index(fields=["worker", "ends_on"])]

    def __str__(self) -> str:
        return f"{self.worker} from {self.starts_on}"

    def clean_fields(self, exclude=None):
        # The worker type follows the worker: copied from their account, never typed in.
        if self.worker_id and not self.worker_type:
            self.worker_type = self.worker.worker_type
        super().clean_fields(exclude=exclude)

    def clean(self) -> None:
        errors = {}
        if self.worker_id:
            if self.worker.role != Role.KEYWORKER:
                name = self.worker.display_name
                errors["worker"] = f"Choose a keyworker: {name} is a {self.worker.get_role_display().lower()}"
            elif self.person_id and self.worker.service_id != self.person.service_id:
                errors["worker"] = "Choose a keyworker of this service"
            else:
                self.worker_type = self.worker.worker_type
                self._check_assurance(errors)
        person = self.person if self.person_id else None
        about_person(errors, "starts_on", self.starts_on, person, "The start date")
        about_person(errors, "ends_on", self.ends_on, person, "The end date")
        if self.ends_on and self.starts_on and self.ends_on < self.starts_on:
            errors["ends_on"] = "The end date must be on or after the start date"
        if not errors and self.person_id and self.starts_on and self.overlapping().exists():
            other = self.overlapping().select_related("worker").first()
            errors["starts_on"] = (
                f"{self.person} already has a {self.get_worker_type_display()} ({other.worker.get_full_name()}) "
                f"from {uk_long_date(other.starts_on)}: end or reallocate that first"
            )
        if errors:
            raise ValidationError(errors)

    def lapsed_assurance(self) -> list[Assurance]:
        """The worker's registration, DBS check or training that has lapsed today, or will have by a
        later start date: the worker holds the case from then on."""
        on = max(self.starts_on or timezone.localdate(), timezone.localdate())
        items = assurance_of(self.worker.service, on).get(self.worker_id, [])
        return [item for item in items if item.expires_on < on]

    def _check_assurance(self, errors) -> None:
        if self.pk or (self.assurance_override_reason or "").strip():
            return
        lapsed = self.lapsed_assurance()
        if lapsed:
            errors["assurance_override_reason"] = f"Enter the reason for overriding the lapsed {lapsed_text(lapsed)}"

    def replaces(self) -> "Allocation | None":
        """The open allocation of the same type that this one takes over from (a reallocation)."""
        return (
            Allocation.objects.filter(person_id=self.person_id, worker_type=self.worker_type, ends_on__isnull=True)
            .filter(starts_on__lt=self.starts_on)
            .exclude(pk=self.pk)
            .first()
        )

    def overlapping(self):
        """Other allocations of the same worker type that share a day with this one, apart from
        the one it replaces, which reallocation ends the day before."""
        others = Allocation.objects.filter(person_id=self.person_id, worker_type=self.worker_type).exclude(pk=self.pk)
        replaced = self.replaces() if self.pk is None else None
        if replaced:
            others = others.exclude(pk=replaced.pk)
        others = others.filter(Q(ends_on__isnull=True) | Q(ends_on__gte=self.starts_on))
        return others.filter(starts_on__lte=self.ends_on) if self.ends_on else others
