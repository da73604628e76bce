"""The demo's register, opened six months before the first admission the demo records: the people
already known to be at risk entered in its first three months, the rest referred at any time since,
so that everyone admitted was referred and rated first, and the register's history covers the
census's years."""

import datetime

from django.utils import timezone

from keywork.demo.hospital import hospital_history_starts
from keywork.register.seeding import seed_people

OPENED_BEFORE_FIRST_ADMISSION = datetime.timedelta(days=183)
FIRST_ENTRIES_WITHIN = datetime.timedelta(days=90)
FIRST_ENTRIES_SHARE = 0.4
# The later referrals' random stream: not the first entries' (the demo's seeds are 0 and 1).
LATER_REFERRALS_SEED = 100


def seed_register(service, count: int, decided_by, seed: int, published_trend: bool) -> None:
    opened = hospital_history_starts(published_trend) - OPENED_BEFORE_FIRST_ADMISSION
    first_entries = round(count * FIRST_ENTRIES_SHARE)
    seed_people(service, first_entries, decided_by, seed=seed, referred_between=(opened, opened + FIRST_ENTRIES_WITHIN))
    later = (opened, timezone.localdate())
    seed_people(service, count - first_entries, decided_by, seed=seed + LATER_REFERRALS_SEED, referred_between=later)
