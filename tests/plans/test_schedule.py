from datetime import date

import pytest

from camket.plans.schedule import add_months, periods


@pytest.mark.parametrize(
    "day, months, expected",
    [
        (date(2025, 1, 31), 1, date(2025, 2, 28)),
        (date(2024, 1, 31), 1, date(2024, 2, 29)),
        (date(2025, 11, 15), 3, date(2026, 2, 15)),
        (date(2025, 6, 30), 12, date(2026, 6, 30)),
    ],
)
def test_add_months_keeps_the_day_or_the_month_end(day, months, expected):
    assert add_months(day, months) == expected


@pytest.mark.parametrize(
    "every, ends",
    [
        (1, [date(2025, 1, 31), date(2025, 2, 28), date(2025, 3, 31)]),
        (3, [date(2025, 3, 31)]),
        (6, [date(2025, 3, 31)]),
    ],
)
def test_periods_cover_the_window_and_stop_at_its_end(every, ends):
    result = periods(date(2025, 1, 1), date(2025, 3, 31), every)
    assert [p.end for p in result] == ends
    assert result[0].start == date(2025, 1, 1)
    for before, after in zip(result, result[1:], strict=False):
        assert (after.start - before.end).days == 1


def test_a_half_year_schedule_over_two_years_has_four_due_dates():
    result = periods(date(2025, 1, 1), date(2026, 12, 31), 6)
    assert [p.due_on for p in result] == [
        date(2025, 6, 30),
        date(2025, 12, 31),
        date(2026, 6, 30),
        date(2026, 12, 31),
    ]


def test_a_frequency_of_zero_is_refused():
    with pytest.raises(ValueError):
        periods(date(2025, 1, 1), date(2025, 12, 31), 0)
