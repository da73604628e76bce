from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from keywork.national import Sizes, build_national

DEFAULTS = {"areas": 42, "people": 50_000, "years": 5, "contacts": 2_000_000, "reviews": 100_000}


class Command(BaseCommand):
    help = (
        "Build the national-scale synthetic data set for `manage.py bench`: many areas, one fictitious "
        "service each, with their people, staff and history (areas already there are skipped)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--areas", type=int, default=DEFAULTS["areas"], help="How many areas, one service each")
        parser.add_argument("--people", type=int, default=DEFAULTS["people"], help="People in all")
        parser.add_argument("--years", type=int, default=DEFAULTS["years"], help="Years of history")
        parser.add_argument("--contacts", type=int, default=DEFAULTS["contacts"], help="Contacts in all")
        parser.add_argument("--reviews", type=int, default=DEFAULTS["reviews"], help="C(E)TRs in all")
        parser.add_argument("--seed", type=int, default=0, help="Random seed, for repeatable data")

    def handle(self, *args, seed, **options):
        sizes = {name: options[name] for name in DEFAULTS}
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
