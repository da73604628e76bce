"""What a withdrawn consent changes, under the service's policy (Service.consent_withdrawn_policy).

A person's consent is withdrawn while their latest consent record (by the date decided) is a
withdrawal; consent given again later restores everything below.

Under either policy keywork and sharing stop: keyworkers no longer reach the record, nothing about
the person is shared (the FHIR export refuses), and they are not counted as receiving keywork. The
policies differ on the register itself:

- keep minimal details (under another lawful basis): the entry stays on the register and in its
  counts, so a child still at risk of admission is not lost; the DSR coordinator still sees it and
  the register export marks it;
- remove: from the date of the withdrawal they are left out of the register's counts (home,
  dashboard, quarterly return) and the register export, and only managers, the programme lead and
  administrators see the record.
"""

import datetime
from dataclasses import dataclass

from django.db.models import Case, DateField, F, OuterRef, Q, Subquery, When

from keywork.accounts.models import Role
from keywork.presenters import uk_long_date
from keywork.register.choices import ConsentBasis
from keywork.register.models import Consent
from keywork.services.models import ConsentWithdrawnPolicy

# Whose access to the record of someone who withdrew consent ends, under each policy (managers, the
# programme lead and administrators keep it; roles that see only counts never open records, and
# count through on_register's rule instead).
ACCESS_ENDS_FOR = {
    ConsentWithdrawnPolicy.KEEP_MINIMAL: frozenset({Role.KEYWORKER}),
    ConsentWithdrawnPolicy.REMOVE: frozenset({Role.KEYWORKER, Role.COORDINATOR}),
}

# What each policy means, as the person's record and the setting's page say it.
MEANINGS = {
    ConsentWithdrawnPolicy.KEEP_MINIMAL: (
        "minimal details stay on the register under another lawful basis, and they are still counted on it. "
        "Keywork and sharing stop: keyworkers no longer see this record, it is not shared (no FHIR export), "
        "and they are not counted as receiving keywork."
    ),
    ConsentWithdrawnPolicy.REMOVE: (
        "they are removed from active keywork and sharing. They are not counted on the register or as "
        "receiving keywork, they are left out of the register export, nothing is shared (no FHIR export), "
        "and only team managers, the programme lead and administrators see this record."
    ),
}


def _latest_consent():
    return Consent.objects.filter(person=OuterRef("pk")).order_by("-decided_on", "-recorded_at", "-id")


def with_withdrawal(people):
    """`people` annotated with `consent_withdrawn_on`: the date of their latest consent record if it
    is a withdrawal, else None; and `uncounted_from`: that date where their service's policy takes
    them out of the register's counts, else None."""
    latest = _latest_consent()
    people = people.annotate(
        latest_consent_basis=Subquery(latest.values("basis")[:1]),
        latest_consent_on=Subquery(latest.values("decided_on")[:1]),
    )
    withdrawn = Q(latest_consent_basis=ConsentBasis.WITHDRAWN)
    removed = withdrawn & Q(service__consent_withdrawn_policy=ConsentWithdrawnPolicy.REMOVE)
    return people.annotate(
        consent_withdrawn_on=Case(When(withdrawn, then=F("latest_consent_on")), output_field=DateField()),
        uncounted_from=Case(When(removed, then=F("latest_consent_on")), output_field=DateField()),
    )


def withdrawn(people, on: datetime.date | None = None):
    """Those of `people` whose consent is withdrawn (by `on`, if given)."""
    people = with_withdrawal(people).filter(consent_withdrawn_on__isnull=False)
    return people.filter(consent_withdrawn_on__lte=on) if on else people


def without_withdrawn(people, on: datetime.date | None = None):
    return people.exclude(pk__in=withdrawn(people, on).values("pk"))


def reachable_by(people, role: str, policy: str):
    """`people` less those whose withdrawn consent ends this role's access under the policy."""
    if role in ACCESS_ENDS_FOR[policy]:
        return without_withdrawn(people)
    return people


def for_register_export(people):
    """The people the register export lists: not those the policy removes; the rest with
    `consent_withdrawn_on` for the export to mark."""
    return with_withdrawal(people).filter(uncounted_from__isnull=True)


@dataclass(frozen=True)
class Withdrawal:
    on: datetime.date
    policy: str

    @property
    def heading(self) -> str:
        return f"Consent withdrawn on {uk_long_date(self.on)}"

    @property
    def meaning(self) -> str:
        return f"Under the service's policy, {MEANINGS[self.policy]}"


def withdrawal_of(person) -> Withdrawal | None:
    """The person's withdrawal of consent, if their latest consent record is one."""
    latest = person.consents.order_by("-decided_on", "-recorded_at", "-id").first()
    if latest is None or latest.basis != ConsentBasis.WITHDRAWN:
        return None
    return Withdrawal(latest.decided_on, person.service.consent_withdrawn_policy)


def sharing_refusal(person) -> str | None:
    """Why the person's record may not be shared (exported to another system), or None if it may."""
    withdrawal = withdrawal_of(person)
    if withdrawal is None:
        return None
    return f"{person} withdrew consent on {uk_long_date(withdrawal.on)}: their record is not shared"
