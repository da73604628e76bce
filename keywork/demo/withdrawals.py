"""People who withdrew consent, so the demo shows what a withdrawal does under each service's
policy (register/withdrawal.py): Kent and Medway keeps minimal details on the register, Cambridgeshire
and Peterborough removes the person from active keywork, sharing and the register's counts."""

import datetime
import random

from django.utils import timezone

from keywork import audit
from keywork.inpatient.models import Admission
from keywork.register import operations, rules
from keywork.register.choices import ConsentBasis, RegisterStatus
from keywork.register.models import Consent
from keywork.register.synthetic import GIVEN_NAMES
from keywork.register.withdrawal import withdrawn

WITHDRAWALS = 2
# Someone who withdrew consent is not someone in hospital or in keywork today: the demo picks from
# those referred but not (or no longer) keyworked, so no open allocation outlives the withdrawal.
WITHIN_DAYS = (10, 60)


def seed_withdrawals(service, users, seed: int) -> None:
    if withdrawn(service.people.all()).exists():
        return
    rng = random.Random(seed)
    today = timezone.localdate()
    candidates = (
        service.people.filter(status=RegisterStatus.ACTIVE, referral_date__lte=today - datetime.timedelta(days=90))
        .exclude(allocations__isnull=False)
        .exclude(pk__in=Admission.objects.filter(person__service=service).values("person_id"))
        .order_by("id")
    )
    actor = audit.Actor(users["coordinator"], service, system_process="demo")
    for person in rng.sample(list(candidates), k=min(WITHDRAWALS, candidates.count())):
        # After their latest consent (a consent re-checked at 18 may be recent), so it is the one in force.
        latest = person.consents.order_by("-decided_on").first()
        decided_on = today - datetime.timedelta(days=rng.randint(*WITHIN_DAYS))
        if latest:
            decided_on = min(today, max(decided_on, latest.decided_on + datetime.timedelta(days=1)))
        adult = rules.age_on(person.date_of_birth, decided_on) >= 16
        given_by = person.full_name if adult else f"{rng.choice(GIVEN_NAMES)} {person.family_name}"
        withdrawal = Consent(basis=ConsentBasis.WITHDRAWN, given_by=given_by, decided_on=decided_on)
        operations.record_consent(actor, person, withdrawal)
