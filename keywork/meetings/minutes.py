"""The minutes of a DSR meeting, for circulation outside Keywork (outside attendees are not users).

Two versions. The full minutes name each person (name and NHS number), but only those the reader may
see the record of (register.access.people_for: staff with VIEW_PEOPLE in the service; a keyworker
their own people): anyone else discussed appears by initials, so the minutes stay complete. The
minutes with initials name nobody: for wider partners, and for anyone who may see meetings but not
people's records (a commissioner). People whose consent is withdrawn are in neither: under either
policy nothing about them is shared (register/withdrawal.py)."""

from dataclasses import dataclass

from keywork.presenters import plural, uk_long_date
from keywork.register.models import Person
from keywork.register.withdrawal import withdrawn

FULL, INITIALS = "full", "initials"


@dataclass(frozen=True)
class Discussed:
    who: str
    why: str
    rating: str
    rating_reason: str
    decision: str
    actions: list[tuple[str, str, str]]  # (action, owner, due)


@dataclass(frozen=True)
class Minutes:
    title: str
    version: str  # FULL or INITIALS
    chair: str
    status: str
    attendees: list[str]
    discussed: list[Discussed]
    people: list  # whose records the minutes show, for the audit of each download
    notes: list[str]  # what the reader should know about who is named and who is left out

    @property
    def about(self) -> str:
        if self.version == FULL:
            return "Full minutes, naming people: only for those entitled to see their records."
        return "Minutes with initials only, for wider partners."


def initials(person) -> str:
    """
    >>> from types import SimpleNamespace
    >>> initials(SimpleNamespace(given_name="Zoë", family_name="O'Brien-Smith"))
    'Z.O.'
    """
    return "".join(f"{name[:1].upper()}." for name in (person.given_name, person.family_name) if name)


def _discussed(item, decision, named: bool) -> Discussed:
    person = item.person
    change = decision.rating_change if decision else None
    return Discussed(
        who=f"{person.full_name} (NHS number {person.nhs_number})" if named else initials(person),
        why=", ".join(item.reason_labels()),
        rating=change.get_rating_display() if change else "",
        rating_reason=change.reason if change else "",
        decision=decision.decision if decision else "No decision recorded",
        actions=[
            (action.recommendation, action.owner_display, uk_long_date(action.due_on))
            for action in (decision.actions.all() if decision else [])
        ],
    )


def minutes_of(meeting, version: str, named: frozenset[int] = frozenset()) -> Minutes:
    """The minutes of `meeting` in `version`: the full version names the people in `named` (ids)
    and shows everyone else by initials; the version with initials names nobody."""
    named = named if version == FULL else frozenset()
    decided = {
        decision.person_id: decision
        for decision in meeting.decisions.select_related("rating_change").prefetch_related(
            "actions__owner_staff", "actions__owner_professional"
        )
    }
    left_out = set(withdrawn(Person.objects.filter(service_id=meeting.service_id)).values_list("pk", flat=True))
    items = meeting.agenda.filter(removed=False).select_related("person")
    shown = [item for item in items if item.person_id not in left_out]
    notes = []
    if version == FULL and any(item.person_id not in named for item in shown):
        notes.append("People whose records you may not see are shown by their initials.")
    if len(shown) < len(items):
        withheld = len(items) - len(shown)
        notes.append(
            f"Left out of these minutes: {plural(withheld, 'person', 'people')} whose consent to sharing was withdrawn."
        )
    return Minutes(
        title=f"{meeting} – {meeting.service.name}",
        version=version,
        chair=meeting.chair.display_name,
        status=meeting.get_status_display(),
        attendees=[str(attendee) for attendee in meeting.attendees.select_related("staff")],
        discussed=[_discussed(item, decided.get(item.person_id), item.person_id in named) for item in shown],
        people=[item.person for item in shown],
        notes=notes,
    )
