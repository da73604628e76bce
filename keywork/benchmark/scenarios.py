"""The pages the benchmark times, on the largest service of the database it runs against."""

import datetime
from dataclasses import dataclass

from django.db.models import Count
from django.test import Client
from django.urls import reverse

from keywork.accounts.models import Role, User, WorkerType
from keywork.keyworking.models import Allocation
from keywork.reporting.quarters import Quarter
from keywork.services.models import Service

CASELOAD = 40


@dataclass
class Cast:
    service: Service
    manager: User
    keyworker: User
    long_record_id: int
    quarter: Quarter


def _user(service, username, role, worker_type="") -> User:
    user, created = User.objects.get_or_create(
        username=username, defaults={"service": service, "role": role, "worker_type": worker_type}
    )
    if created:
        user.set_unusable_password()
        user.save()
    return user


def cast(today: datetime.date) -> Cast:
    """The service with most people, a manager, a keyworker holding 40 people, the longest record."""
    service = Service.objects.annotate(n=Count("people")).order_by("-n", "id").first()
    manager = _user(service, f"bench-manager-{service.pk}", Role.MANAGER)
    # Staff only in the benchmark database, so it can open the admin changelist it is compared with.
    User.objects.filter(pk=manager.pk).update(is_staff=True, is_superuser=True)
    keyworker = _user(service, f"bench-keyworker-{service.pk}", Role.KEYWORKER, WorkerType.BEHAVIOUR_TEAM)
    held = Allocation.objects.current().filter(worker=keyworker).count()
    if held < CASELOAD:
        free = service.people.exclude(allocations__worker=keyworker).order_by("id")[: CASELOAD - held]
        Allocation.objects.bulk_create(
            Allocation(
                person=person,
                worker=keyworker,
                worker_type=keyworker.worker_type,
                starts_on=today,
                reason="Benchmark caseload",
                recorded_by=manager,
            )
            for person in free
        )
    longest = service.people.annotate(n=Count("contacts")).order_by("-n", "id").values_list("id", flat=True).first()
    return Cast(service, manager, keyworker, longest, Quarter.containing(today).previous())


def client_for(user) -> Client:
    client = Client(HTTP_HOST="localhost")
    client.force_login(user)
    return client


def pages(cast_: Cast) -> list[tuple[str, Client, str]]:
    """(name, logged-in client, address) of every page the benchmark times."""
    manager, keyworker = client_for(cast_.manager), client_for(cast_.keyworker)
    register = reverse("register:list")
    last_page = max(1, cast_.service.people.filter(status="active").count() // 25)
    quarter = f"?quarter={cast_.quarter.code}"
    return [
        ("Register: filtered, sorted, page 1", manager, f"{register}?rating=red&sort=name"),
        ("Register: deep page", manager, f"{register}?page={last_page}"),
        ("Person page, longest timeline", manager, reverse("register:person_records", args=[cast_.long_record_id])),
        (f"Keyworker home, {CASELOAD} people", keyworker, reverse("home")),
        ("Inpatient list", manager, reverse("inpatient:list")),
        ("Programme dashboard", manager, reverse("reporting:dashboard")),
        ("Quarterly return (screen)", manager, reverse("reporting:quarterly") + quarter),
        ("Quarterly return (XLSX)", manager, reverse("reporting:quarterly_xlsx") + quarter),
        ("Register CSV export (all people)", manager, reverse("reporting:register_csv")),
    ]
