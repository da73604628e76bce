from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from keywork.accounts.models import Role
from keywork.register.seeding import seed_people
from keywork.services.models import Service

SCALE_DEFAULTS = {"areas": 42, "people": 50_000, "years": 5, "contacts": 2_000_000, "reviews": 100_000}


class Command(BaseCommand):
    help = (
        "Add synthetic, fictitious people (NHS numbers in the 999 test range) to a service's register; "
        "with --scale, build a national-scale data set of many areas (areas already there are skipped)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--people", type=int, help="How many people to add (with --scale: 50000 in all)")
        parser.add_argument("--service", help="The service's slug (default: the first service)")
        parser.add_argument("--seed", type=int, default=0, help="Random seed, for repeatable data")
        scale = parser.add_argument_group("national scale")
        scale.add_argument("--scale", action="store_true", help="Build the national data set, area by area")
        scale.add_argument("--areas", type=int, help="How many areas, one service each (default 42)")
        scale.add_argument("--years", type=int, help="Years of history (default 5)")
        scale.add_argument("--contacts", type=int, help="Contacts in all (default 2000000)")
        scale.add_argument("--reviews", type=int, help="C(E)TRs in all (default 100000)")

    def handle(self, *args, people, service, seed, scale, **options):
        if scale:
            return self.handle_scale(people=people, service=service, seed=seed, **options)
        if any(options.get(name) is not None for name in ("areas", "years", "contacts", "reviews")):
            raise CommandError("--areas, --years, --contacts and --reviews go with --scale")
        if people is None:
            raise CommandError("Give --people (or --scale for the national data set)")
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

    def handle_scale(self, *, people, service, seed, **options):
        from keywork.national import Sizes, build_national

        if service:
            raise CommandError("--scale makes its own areas: leave out --service")
        given = {"people": people} | {name: options.get(name) for name in ("areas", "years", "contacts", "reviews")}
        sizes = {name: SCALE_DEFAULTS[name] if value is None else value for name, value in given.items()}
        for name in ("areas", "people", "years"):
            if sizes[name] < 1:
                raise CommandError(f"--{name} must be 1 or more")
        for name in ("contacts", "reviews"):
            if sizes[name] < 0:
                raise CommandError(f"--{name} must be 0 or more")
        if sizes["people"] < sizes["areas"]:
            raise CommandError("--people must be at least --areas: every area needs someone")
        if sizes["areas"] > 99:
            raise CommandError("--areas must be 99 or fewer")
        with tqdm(total=sizes["areas"], desc="Building areas", unit="area") as bar:
            counts = build_national(Sizes(seed=seed, **sizes), progress=bar.update, say=bar.write)
        summary = ", ".join(f"{count} {name}" for name, count in counts.items())
        self.stdout.write(f"National data set: {summary or 'nothing to add'}")
