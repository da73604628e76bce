"""The areas of the national data set: one generic, fictitious keyworker service per Integrated
Care System, with two local authorities and its staff (keyworkers, a manager, a coordinator)."""

import random
from dataclasses import dataclass

from keywork.accounts.models import Role, User, WorkerType
from keywork.register.synthetic import FAMILY_NAMES, GIVEN_NAMES
from keywork.services.models import Service

KEYWORKERS_PER_AREA = 10
# Kent and Medway's multi-functional team, in proportion: mostly Practice Consultants.
WORKER_TYPES = [WorkerType.PRACTICE_CONSULTANT] * 6 + [WorkerType.BEHAVIOUR_TEAM] * 2 + [WorkerType.PEER_ASSOCIATE] * 2
POSTCODE_LETTERS = "ABDEFGHJKLMNPRSTUWY"


@dataclass
class Area:
    service: Service
    postcode_prefix: str
    keyworkers: list[User]
    manager: User
    coordinator: User

    def keyworkers_of(self, worker_type: str) -> list[User]:
        return [user for user in self.keyworkers if user.worker_type == worker_type]


def slug(number: int) -> str:
    return f"area-{number:02d}"


def new_service(number: int) -> Service:
    label = f"Area {number:02d}"
    return Service(
        name=f"{label} Keyworker Service",
        slug=slug(number),
        icb=f"{label} Integrated Care Board",
        host_organisation=f"{label} Community Health Services",
        local_authorities=[f"{label} North Council", f"{label} South Council"],
    )


def create_area(number: int, rng: random.Random) -> Area:
    """Save the area's service and staff (no usable passwords: nobody logs in as them)."""
    service = new_service(number)
    service.save()
    users = [_user(service, number, Role.MANAGER, "", 1, rng), _user(service, number, Role.COORDINATOR, "", 1, rng)]
    users += [
        _user(service, number, Role.KEYWORKER, WORKER_TYPES[index % len(WORKER_TYPES)], index + 1, rng)
        for index in range(KEYWORKERS_PER_AREA)
    ]
    User.objects.bulk_create(users)
    manager, coordinator, *keyworkers = users
    prefix = "Z" + POSTCODE_LETTERS[(number - 1) % len(POSTCODE_LETTERS)]
    return Area(service, prefix, keyworkers, manager, coordinator)


def _user(service, number: int, role: str, worker_type: str, index: int, rng: random.Random) -> User:
    user = User(
        username=f"{slug(number)}-{role}-{index:02d}",
        first_name=rng.choice(GIVEN_NAMES),
        last_name=rng.choice(FAMILY_NAMES),
        service=service,
        role=role,
        worker_type=worker_type,
        is_demo=False,
    )
    user.set_unusable_password()
    return user
