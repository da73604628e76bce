"""The minutes of a DSR meeting, for circulation outside Keywork (outside attendees are not users):
in full, naming each person, for those entitled to it; or by initials only, for wider partners."""

from dataclasses import dataclass

from keywork.presenters import uk_long_date


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
    chair: str
    status: str
    attendees: list[str]
    discussed: list[Discussed]
    people: list  # whose records the minutes show, for the audit of each download
    with_names: bool


def initials(person) -> str:
    """
    >>> from types import SimpleNamespace
    >>> initials(SimpleNamespace(given_name="Zoë", family_name="O'Brien-Smith"))
    'Z.O.'
    """
    return "".join(f"{name[:1].upper()}." for name in (person.given_name, person.family_name) if name)


def minutes_of(meeting, items, decisions, *, with_names: bool) -> Minutes:
    """`items` and `decisions`: the agenda and decisions the reader may reach (register.access)."""
    decided = {
        decision.person_id: decision
        for decision in decisions.filter(meeting=meeting)
        .select_related("rating_change")
        .prefetch_related("actions__owner_staff", "actions__owner_professional")
    }
    discussed, people = [], []
    for item in items.filter(meeting=meeting, removed=False).select_related("person"):
        person, decision = item.person, decided.get(item.person_id)
        people.append(person)
        change = decision.rating_change if decision else None
        discussed.append(
            Discussed(
                who=f"{person.full_name} (NHS number {person.nhs_number})" if with_names else initials(person),
                why=", ".join(item.reason_labels()),
                rating=change.get_rating_display() if change else "",
                rating_reason=change.reason if change else "",
                decision=decision.decision if decision else "No decision recorded",
                actions=[
                    (action.recommendation, action.owner_display, uk_long_date(action.due_on))
                    for action in (decision.actions.all() if decision else [])
                ],
            )
        )
    return Minutes(
        title=f"{meeting} – {meeting.service.name}",
        chair=meeting.chair.display_name,
        status=meeting.get_status_display(),
        attendees=[str(attendee) for attendee in meeting.attendees.select_related("staff")],
        discussed=discussed,
        people=people,
        with_names=with_names,
    )
