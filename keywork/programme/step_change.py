"""Where a statistical process control chart's limits are recalculated from: a known step change
in the process ("Making Data Count": recalculate only where something is known to have changed,
never to make a signal go away). A lead chooses the month on the chart's page
(`?recalculate_from=2021-04`, or `none` for one set of limits); by default it is the start of the
programme, 1 April of the first financial year the budget records funding for."""

import datetime
from dataclasses import dataclass

from django.db.models import Min

NONE = "none"


@dataclass(frozen=True)
class StepChange:
    month: datetime.date | None  # None: one set of limits over the whole series
    default: datetime.date | None

    @property
    def chosen(self) -> str:
        """The form's value for it."""
        return f"{self.month:%Y-%m}" if self.month else NONE


def programme_start(service) -> datetime.date | None:
    first_year = service.funding.aggregate(first=Min("financial_year"))["first"]
    return datetime.date(first_year, 4, 1) if first_year else None


def step_change(request, service) -> StepChange:
    """The month the request asks for, otherwise the programme's start. A month the series does
    not have gives one set of limits (keywork.charts.spc.xmr)."""
    default = programme_start(service)
    asked = request.GET.get("recalculate_from", "")
    if asked == NONE:
        return StepChange(None, default)
    try:
        return StepChange(datetime.datetime.strptime(asked, "%Y-%m").date(), default)
    except ValueError:
        return StepChange(default, default)


def month_choices(months: list[datetime.date]) -> list[tuple[str, str]]:
    return [(NONE, "Do not recalculate"), *((f"{month:%Y-%m}", f"{month:%B %Y}") for month in months)]
