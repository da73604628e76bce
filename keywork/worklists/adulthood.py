"""The preparing-for-adulthood work lists: a transition plan to record from 14, the adult services
referral from 17 and a half, consent to re-check at 18, the ending of keywork to propose from 25 and
a half, and keywork still open on or after the 26th birthday. The ages are transition.rules'; each
row names the person, the day the prompt began and, for the ending, the referral to close.

Keywork is never closed here: closing is keyworking's "End keywork" page, by a person, with a reason."""

from dataclasses import dataclass

from django.db.models import OuterRef, Subquery

from keywork.keyworking.choices import ReferralDecision
from keywork.keyworking.models import Referral
from keywork.register.choices import ConsentBasis
from keywork.register.models import Consent
from keywork.transition import rules

# At 18 consent is the young person's own, or a best-interests decision (Mental Capacity Act 2005).
ADULT_CONSENT_BASES = (ConsentBasis.PERSON, ConsentBasis.BEST_INTERESTS)


@dataclass
class AgeRow:
    person: object
    on: object  # the day the row is about: when the prompt began, or the 26th birthday
    referral: object = None  # the open referral to close, on the ending lists

    @property
    def person_id(self) -> int:
        return self.person.pk


def _aged(scope, age):
    return scope.whose.filter(date_of_birth__lte=rules.born_by(scope.today, age))


def _rows(scope, people, age) -> list[AgeRow]:
    people = people.prefetch_related(scope.with_keyworkers()).order_by("date_of_birth", "family_name", "pk")
    return [AgeRow(person, rules.reaches(person.date_of_birth, age)) for person in people]


def transition_plans_due(scope) -> list[AgeRow]:
    """From 14 without a transition plan, the oldest first."""
    people = _aged(scope, rules.TRANSITION_PLAN_FROM).filter(transition_plan__isnull=True)
    return _rows(scope, people, rules.TRANSITION_PLAN_FROM)


def adult_services_referrals_due(scope) -> list[AgeRow]:
    """From 17 and a half without a referral to adult services recorded on the transition plan."""
    people = _aged(scope, rules.ADULT_SERVICES_REFERRAL_FROM).exclude(
        transition_plan__adult_services_referred_on__isnull=False
    )
    return _rows(scope, people, rules.ADULT_SERVICES_REFERRAL_FROM)


def consents_to_recheck(scope) -> list[AgeRow]:
    """18 or over, with no consent of their own nor best-interests decision since the 18th birthday."""
    latest = Consent.objects.filter(person=OuterRef("pk"), basis__in=ADULT_CONSENT_BASES).order_by("-decided_on")
    people = _aged(scope, rules.CONSENT_RECHECK_AT).annotate(adult_consent_on=Subquery(latest.values("decided_on")[:1]))
    return [
        row
        for row in _rows(scope, people, rules.CONSENT_RECHECK_AT)
        if not rules.consent_rechecked(row.person.date_of_birth, row.person.adult_consent_on)
    ]


def _open_keywork(scope, age, before=None) -> list[AgeRow]:
    """Open keywork (an accepted referral not closed) of people who have reached `age` and not
    `before`, each row on the 26th birthday, the day keywork ends before."""
    referrals = Referral.objects.filter(
        decision=ReferralDecision.ACCEPTED,
        closed_on__isnull=True,
        person__in=scope.whose,
        person__date_of_birth__lte=rules.born_by(scope.today, age),
    )
    if before is not None:
        referrals = referrals.filter(person__date_of_birth__gt=rules.born_by(scope.today, before))
    referrals = referrals.select_related("person").prefetch_related(scope.with_keyworkers("person__allocations"))
    referrals = referrals.order_by("person__date_of_birth", "person__family_name", "id")
    return [AgeRow(r.person, rules.reaches(r.person.date_of_birth, rules.KEYWORK_ENDS_AT), r) for r in referrals]


def endings_to_propose(scope) -> list[AgeRow]:
    """From 25 and a half until the day before the 26th birthday: propose the ending of keywork."""
    return _open_keywork(scope, rules.ENDING_PROPOSED_FROM, before=rules.KEYWORK_ENDS_AT)


def overdue_to_close(scope) -> list[AgeRow]:
    """Keywork still open on or after the 26th birthday: overdue to close, never closed by itself."""
    return _open_keywork(scope, rules.KEYWORK_ENDS_AT)
