from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from keywork.accounts.models import Role
from keywork.register.seeding import seed_people
from keywork.services.models import Service


class Command(BaseCommand):
    help = (
        "Add synthetic, fictitious people (NHS numbers in the 999 test range) to a service's register "
        "(the national-scale data set is `manage.py seed_national`)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--people", type=int, help="How many people to add")
        parser.add_argument("--service", help="The service's slug (default: the first service)")
        parser.add_argument("--seed", type=int, default=0, help="Random seed, for repeatable data")

    def handle(self, *args, people, service, seed, **options):
        if people is None:
            raise CommandError("Give --people")
        if people < 1:
            raise CommandError("--people must be 1 or more")
        target = Service.objects.filter(slug=service).first() if service else Service.objects.first()
        if target is None:
            raise CommandError(f"No service {service!r}" if service else "No service yet: create one first")
        recorder = target.users.filter(role=Role.COORDINATOR).first() or target.users.order_by("id").first()
        if recorder is None:
            raise CommandError(f"{target} has no users to record the ratings: create one first")
        with tqdm(total=people, desc=f"Seeding {target.name}", unit="people") as bar:
            made = seed_people(target, people, recorder, seed=seed, progress=bar.update)
        self.stdout.write(f"Added {made} synthetic people to {target.name}")
