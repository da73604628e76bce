"""Financial-year quarters (April–June is Q1), as NHS England's quarterly monitoring uses."""

import datetime
from dataclasses import dataclass

from django.core.exceptions import ValidationError

from keywork.money import financial_year_label, financial_year_of


@dataclass(frozen=True)
class Quarter:
    financial_year: int  # the year it starts
    number: int  # 1..4

    @property
    def start(self) -> datetime.date:
        month = 4 + 3 * (self.number - 1)
        return datetime.date(self.financial_year + (month > 12), (month - 1) % 12 + 1, 1)

    @property
    def end(self) -> datetime.date:
        following = Quarter(self.financial_year + (self.number == 4), self.number % 4 + 1)
        return following.start - datetime.timedelta(days=1)

    @property
    def label(self) -> str:
        return f"{financial_year_label(self.financial_year)} Q{self.number}"

    @property
    def code(self) -> str:
        return f"{self.financial_year}-Q{self.number}"

    @classmethod
    def containing(cls, day: datetime.date) -> "Quarter":
        """
        >>> Quarter.containing(datetime.date(2025, 1, 15)).label
        '2024/25 Q4'
        """
        return cls(financial_year_of(day), (day.month - 4) % 12 // 3 + 1)

    @classmethod
    def parse(cls, code: str, today: datetime.date) -> "Quarter":
        """'2024-Q2' → the quarter, refusing a malformed code or a quarter not yet begun."""
        try:
            year, number = code.upper().split("-Q")
            quarter = cls(int(year), int(number))
        except ValueError as error:
            raise ValidationError(
                {"quarter": "Give a quarter like 2024-Q2 (financial year 2024/25, July to September)"}
            ) from error
        if not 1 <= quarter.number <= 4:
            raise ValidationError({"quarter": "A quarter is numbered 1 to 4"})
        if not 2000 <= quarter.financial_year <= 9998:
            raise ValidationError({"quarter": "Choose a financial year from 2000/01 on"})
        if quarter.start > today:
            raise ValidationError({"quarter": f"{quarter.label} has not started yet: choose a quarter in the past"})
        return quarter

    def previous(self) -> "Quarter":
        return Quarter(self.financial_year - (self.number == 1), (self.number - 2) % 4 + 1)


def recent_quarters(first: datetime.date, today: datetime.date) -> list[Quarter]:
    """Every quarter from the one containing `first` to the current one, newest first."""
    quarters, quarter = [], Quarter.containing(today)
    while quarter.end >= first:
        quarters.append(quarter)
        quarter = quarter.previous()
    return quarters
