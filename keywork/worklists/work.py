"""A worker's (or a team's) work: one definition per list, most urgent first.

Each list is a function of a Scope: the people the viewer may reach, whose work it is (a worker,
or None for the whole team) and today. The home page shows the first rows of every list with its
count, each list's own page shows all of it, paged, and the daily reminder e-mail reads the same
lists, so "due" means the same thing everywhere: overdue, or due within the next 7 days.
Every list runs a fixed number of queries whatever the caseload.
"""

import datetime
from dataclasses import dataclass, field
from functools import cached_property

from django.db.models import Case, Count, IntegerField, OuterRef, Prefetch, Q, Subquery, Value, When
from django.db.models.functions import Coalesce, TruncDate
from django.db.models.query import prefetch_related_objects
from django.utils import timezone

from keywork.accounts.models import WorkerType
from keywork.behavioursupport.models import PbsPlan
from keywork.education.models import Ehcp
from keywork.inpatient.schedule import current_inpatients
from keywork.keyworking.models import Allocation, Contact, Escalation, FollowUp
from keywork.presenters import plural
from keywork.register.choices import RegisterStatus
from keywork.register.listing import urgency_order
from keywork.reviews.models import Action
from keywork.worklists import adulthood

WEEK = datetime.timedelta(days=7)


@dataclass
class Scope:
    """`people` is already scoped to the viewer; `worker` None means the whole team's work."""

    people: object
    service: object
    worker: object = None
    today: datetime.date = field(default_factory=timezone.localdate)
    reader: object = None  # whom the lists are shown to, if not the worker (a manager's filter)

    @property
    def shown_to(self):
        return self.reader or self.worker

    @property
    def due_by(self) -> datetime.date:
        return self.today + WEEK

    def allocations(self):
        current = Allocation.objects.current(self.today)
        return current.filter(worker=self.worker) if self.worker is not None else current

    @cached_property
    def caseload(self):
        """Active people with a current allocation (to the worker, if there is one)."""
        return self.people.filter(status=RegisterStatus.ACTIVE, pk__in=self.allocations().values("person_id"))

    @cached_property
    def whose(self):
        """The people whose work this is: a worker's caseload, or everyone active the team may reach."""
        return self.caseload if self.worker is not None else self.people.filter(status=RegisterStatus.ACTIVE)

    def with_keyworkers(self, lookup: str = "allocations") -> Prefetch:
        """Each person's current workers, the designated keyworker (Practice Consultant) first, so
        every row can name them, in one query for the page."""
        designated_first = Case(When(worker_type=WorkerType.PRACTICE_CONSULTANT, then=0), default=1)
        current = Allocation.objects.current(self.today).select_related("worker")
        current = current.order_by(designated_first, "worker_type")
        return Prefetch(lookup, queryset=current, to_attr="current_allocations")


def open_actions_count():
    """Open follow-ups from contacts and open actions from any source (C(E)TRs and others)."""
    return _count_per_person(FollowUp.objects.filter(done_on__isnull=True)) + _count_per_person(Action.objects.open())


def _count_per_person(rows):
    counted = rows.filter(person=OuterRef("pk")).order_by().values("person").annotate(n=Count("id")).values("n")
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


# The lists ----------------------------------------------------------------------------------------


def caseload(scope: Scope):
    """People with a current allocation, most urgent first: blue, red, amber, green; then an
    overdue review; then the most open actions."""
    overdue = Case(When(next_review_due__lt=scope.today, then=1), default=0, output_field=IntegerField())
    return (
        scope.caseload.annotate(rating_urgency=urgency_order(), open_actions=open_actions_count())
        .annotate(review_overdue=overdue)
        .prefetch_related(scope.with_keyworkers())
        .order_by("rating_urgency", "-review_overdue", "-open_actions", "family_name", "pk")
    )


def reviews_due(scope: Scope):
    """DSR reviews overdue or due within the week, the longest overdue first."""
    return (
        scope.whose.filter(next_review_due__lte=scope.due_by)
        .prefetch_related(scope.with_keyworkers())
        .order_by("next_review_due", "family_name", "pk")
    )


def ctrs_due(scope: Scope) -> list:
    """Inpatients whose next C(E)TR (inpatient schedule) is overdue or due within the week."""
    rows = [
        row
        for row in current_inpatients(scope.whose, scope.service, scope.today)
        if row.schedule.next_due <= scope.due_by
    ]
    rows.sort(key=lambda row: (row.schedule.next_due, row.admission.person.family_name))
    prefetch_related_objects([row.admission.person for row in rows], scope.with_keyworkers())
    return rows


def ehcp_reviews_due(scope: Scope):
    """EHCP annual reviews overdue or due within the week (SEND Code of Practice 9.166), longest overdue first."""
    return (
        Ehcp.objects.annual_reviews_due(scope.due_by)
        .filter(person__in=scope.whose)
        .select_related("person")
        .prefetch_related(scope.with_keyworkers("person__allocations"))
        .order_by("next_annual_review_due", "id")
    )


def pbs_reviews_due(scope: Scope):
    """Current PBS plans (NICE NG11 1.5) whose review is overdue or due within the week, longest overdue first."""
    return (
        PbsPlan.objects.latest_versions()
        .filter(person__in=scope.whose, review_on__lte=scope.due_by)
        .select_related("person")
        .prefetch_related(scope.with_keyworkers("person__allocations"))
        .order_by("review_on", "id")
    )


def follow_ups_due(scope: Scope):
    """Open follow-ups overdue or due within the week: a worker's own, and any about their people."""
    follow_ups = FollowUp.objects.readable_by(scope.shown_to).filter(
        done_on__isnull=True, due_on__lte=scope.due_by, person__in=scope.people
    )
    if scope.worker is not None:
        follow_ups = follow_ups.filter(Q(owner=scope.worker) | Q(person__in=scope.caseload.values("pk")))
    return (
        follow_ups.select_related("person", "owner")
        .prefetch_related(scope.with_keyworkers("person__allocations"))
        .order_by("due_on", "id")
    )


def not_contacted(scope: Scope):
    """People on the caseload with no contact for more than the service's `contact_gap_days`,
    counted from their last contact or, never contacted, from their allocation; longest first."""
    last_contact = Contact.objects.filter(person=OuterRef("pk")).order_by("-occurred_at").values("occurred_at")[:1]
    allocated = scope.allocations().filter(person=OuterRef("pk")).order_by("starts_on").values("starts_on")[:1]
    cutoff = scope.today - datetime.timedelta(days=scope.service.contact_gap_days)
    return (
        scope.caseload.annotate(last_contact_on=TruncDate(Subquery(last_contact)), allocated_on=Subquery(allocated))
        .annotate(since=Coalesce("last_contact_on", "allocated_on"))
        .filter(since__lt=cutoff)
        .prefetch_related(scope.with_keyworkers())
        .order_by("since", "family_name", "pk")
    )


def escalations_awaiting_response(scope: Scope):
    return (
        Escalation.objects.awaiting_response()
        .filter(person__in=scope.whose)
        .select_related("person")
        .prefetch_related(scope.with_keyworkers("person__allocations"))
        .order_by("response_due_on", "id")
    )


def overdue_actions(scope: Scope):
    """A worker's own actions, and those about their people; the team's, those about its people or
    owned by any of its staff (as for follow-ups, owning an action puts it on your list)."""
    owned = Q(owner_staff=scope.worker) if scope.worker is not None else Q(owner_staff__isnull=False)
    return (
        Action.objects.overdue(scope.today)
        .filter(person__in=scope.people)
        .filter(owned | Q(person__in=scope.whose.values("pk")))
        .for_lists()
        .prefetch_related(scope.with_keyworkers("person__allocations"))
        .order_by("due_on", "id")
    )


@dataclass(frozen=True)
class Definition:
    rows: object  # Scope -> queryset or list
    title: str
    one: str
    many: str
    empty: str

    def worded(self, text: str, scope: Scope) -> str:
        """The title or the empty-list sentence, with the service's contact gap in it."""
        return text.format(days=plural(scope.service.contact_gap_days, "day"))


# In the order the home page shows them. The names are the lists' addresses (/work/<name>/).
DEFINITIONS = {
    "reviews-due": Definition(reviews_due, "DSR reviews due", "review", "reviews", "No DSR reviews due this week."),
    "ctrs-due": Definition(ctrs_due, "C(E)TRs due", "C(E)TR", "C(E)TRs", "No C(E)TRs due this week."),
    "ehcp-reviews-due": Definition(
        ehcp_reviews_due,
        "EHCP annual reviews due",
        "EHCP review",
        "EHCP reviews",
        "No EHCP annual reviews due this week.",
    ),
    "pbs-reviews-due": Definition(
        pbs_reviews_due,
        "PBS plan reviews due",
        "PBS plan review",
        "PBS plan reviews",
        "No PBS plan reviews due this week.",
    ),
    "follow-ups-due": Definition(
        follow_ups_due, "Follow-ups due", "follow-up", "follow-ups", "No follow-ups due this week."
    ),
    "not-contacted": Definition(
        not_contacted,
        "Not contacted for more than {days}",
        "person",
        "people",
        "Everyone has been contacted in the last {days}.",
    ),
    "escalations": Definition(
        escalations_awaiting_response,
        "Escalations awaiting a response",
        "escalation",
        "escalations",
        "No escalations are awaiting a response.",
    ),
    "overdue-actions": Definition(overdue_actions, "Overdue actions", "action", "actions", "No actions are overdue."),
    # Preparing for adulthood (worklists/adulthood.py, the ages in transition/rules.py).
    "transition-plans-due": Definition(
        adulthood.transition_plans_due,
        "Transition plan to record",
        "person",
        "people",
        "Everyone aged 14 or over has a transition plan.",
    ),
    "adult-referrals-due": Definition(
        adulthood.adult_services_referrals_due,
        "Adult services referral due",
        "person",
        "people",
        "Everyone aged 17 and a half or over has been referred to adult services.",
    ),
    "consent-recheck": Definition(
        adulthood.consents_to_recheck,
        "Consent to re-check at 18",
        "person",
        "people",
        "Everyone aged 18 or over has consent recorded since their 18th birthday.",
    ),
    "ending-soon": Definition(
        adulthood.endings_to_propose,
        "Keywork ending: turns 26 soon",
        "person",
        "people",
        "Nobody with keywork open turns 26 in the next 6 months.",
    ),
    "overdue-to-close": Definition(
        adulthood.overdue_to_close,
        "Overdue to close: turned 26",
        "person",
        "people",
        "Nobody aged 26 or over has keywork open.",
    ),
    "people": Definition(caseload, "People, most urgent first", "person", "people", "Nobody is allocated yet."),
}


@dataclass
class WorkList:
    """The rows shown of one list, and how many it holds in all."""

    name: str
    definition: Definition
    title: str
    empty: str
    rows: list
    count: int

    def __iter__(self):
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)

    def __eq__(self, other) -> bool:
        return self.rows == (other.rows if isinstance(other, WorkList) else other)

    @property
    def more(self) -> bool:
        return self.count > len(self.rows)

    @property
    def see_all(self) -> str:
        """'See all 12 follow-ups'."""
        return f"See all {plural(self.count, self.definition.one, self.definition.many)}"


def work_list(scope: Scope, name: str, shown: int | None = None) -> WorkList:
    """List `name` for `scope`: all of it, or its first `shown` rows with the count of all."""
    definition = DEFINITIONS[name]
    title, empty = definition.worded(definition.title, scope), definition.worded(definition.empty, scope)
    rows = definition.rows(scope)
    if shown is None:
        rows = list(rows)
        return WorkList(name, definition, title, empty, rows, len(rows))
    count = len(rows) if isinstance(rows, list) else rows.count()
    return WorkList(name, definition, title, empty, list(rows[:shown]), count)


class Work(dict):
    """Every list of a scope by name; also readable as attributes (work.follow_ups_due)."""

    def __getattr__(self, name):
        try:
            return self[name.replace("_", "-")]
        except KeyError as error:
            raise AttributeError(name) from error


def every_list(scope: Scope, shown: int | None = None) -> Work:
    work = Work({name: work_list(scope, name, shown) for name in DEFINITIONS})
    work.scope = scope
    return work


def work_for(people, worker=None, *, service=None) -> Work:
    """All of every list for `worker` (None: the team), in the worker's service unless `service` is given."""
    return every_list(Scope(people, service or worker.service, worker))
