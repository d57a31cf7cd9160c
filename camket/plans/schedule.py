"""Reporting periods of an indicator, from its frequency and schedule window."""

import calendar
from dataclasses import dataclass
from datetime import date, timedelta


def add_months(day: date, months: int) -> date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


@dataclass(frozen=True)
class Period:
    start: date
    end: date

    @property
    def due_on(self) -> date:
        return self.end


def periods(starts_on: date, ends_on: date, every_months: int) -> list[Period]:
    """Consecutive periods of `every_months` from `starts_on`; the last one stops at `ends_on`."""
    if every_months <= 0:
        raise ValueError("every_months must be positive")
    result = []
    index = 0
    start = starts_on
    while start <= ends_on:
        index += 1
        next_start = add_months(starts_on, every_months * index)
        result.append(Period(start, min(next_start - timedelta(days=1), ends_on)))
        start = next_start
    return result
