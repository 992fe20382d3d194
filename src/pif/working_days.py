"""The Welsh working-day calendar, written as the dbt seed ``seeds/working_days.csv``.

A working day is a Monday to Friday that is not a bank holiday in England and Wales
(``holidays.country_holidays("GB", subdiv="WLS")``: substitute days included, and the
one-off holidays: 2022 Platinum Jubilee, 2022 State Funeral, 2023 Coronation).

Bank holidays follow GOV.UK's list, where a bank holiday is always a weekday: when
Christmas Day falls on a Sunday the bank holiday is the substitute day (27 December), so
the Sunday is a weekend day, not a bank holiday, and has no ``bank_holiday_name``.

``working_day_number`` is a running count of working days from the calendar's first date
up to and including each date, so the working days strictly after A up to and including
B are ``number(B) - number(A)``, whether or not A is a working day.

Regenerate the seed with ``python -m pif.working_days`` (``src`` on the import path).
``tests_py/test_working_days.py`` checks that the file on disk equals a fresh build, so
nobody edits it by hand.
"""

from __future__ import annotations

import argparse
import csv
import io
from datetime import date, timedelta
from pathlib import Path
from typing import TypedDict

import holidays

CALENDAR_START = date(2015, 1, 1)
CALENDAR_END = date(2035, 12, 31)
DEFAULT_SEED_PATH = Path(__file__).resolve().parents[2] / "seeds" / "working_days.csv"

FRIDAY = 5  # ISO day of the week: Monday 1 .. Sunday 7
APRIL = 4  # first month of a collection year

COLUMNS: tuple[str, ...] = (
    "calendar_date",
    "day_of_week",
    "is_weekend",
    "is_bank_holiday",
    "bank_holiday_name",
    "is_working_day",
    "working_day_number",
    "next_working_day",
    "collection_year",
)


class CalendarRow(TypedDict):
    """One date of the calendar, as written to the seed."""

    calendar_date: date
    day_of_week: int
    is_weekend: bool
    is_bank_holiday: bool
    bank_holiday_name: str | None
    is_working_day: bool
    working_day_number: int
    next_working_day: date
    collection_year: str


def bank_holidays(first_year: int, last_year: int) -> dict[date, str]:
    """Return England and Wales bank holidays (weekdays) in the years, inclusive."""
    calendar = holidays.country_holidays("GB", subdiv="WLS", years=range(first_year, last_year + 1))
    return {day: str(name) for day, name in calendar.items() if day.isoweekday() <= FRIDAY}


def collection_year_start(day: date) -> int:
    """Return the year in which the collection year containing ``day`` starts."""
    return day.year if day.month >= APRIL else day.year - 1


def collection_year_label(start_year: int) -> str:
    """Return a collection year's label from the year it starts in: 2026 -> 2026-27."""
    return f"{start_year}-{(start_year + 1) % 100:02d}"


def build_calendar(start: date = CALENDAR_START, end: date = CALENDAR_END) -> list[CalendarRow]:
    """Return one row per date from ``start`` to ``end`` inclusive."""
    if end < start:
        message = f"end {end} is before start {start}"
        raise ValueError(message)
    # One year beyond the end, so the last date's next working day is known too.
    holiday_names = bank_holidays(start.year, end.year + 1)

    def is_working(day: date) -> bool:
        return day.isoweekday() <= FRIDAY and day not in holiday_names

    # Walk backwards once for each date's next working day.
    next_working: dict[date, date] = {}
    candidate = end + timedelta(days=1)
    while not is_working(candidate):
        candidate += timedelta(days=1)
    day = end
    while day >= start:
        next_working[day] = candidate
        if is_working(day):
            candidate = day
        day -= timedelta(days=1)

    # Then forwards for the running count.
    rows: list[CalendarRow] = []
    working_day_number = 0
    day = start
    while day <= end:
        working = is_working(day)
        if working:
            working_day_number += 1
        rows.append(
            CalendarRow(
                calendar_date=day,
                day_of_week=day.isoweekday(),
                is_weekend=day.isoweekday() > FRIDAY,
                is_bank_holiday=day in holiday_names,
                bank_holiday_name=holiday_names.get(day),
                is_working_day=working,
                working_day_number=working_day_number,
                next_working_day=next_working[day],
                collection_year=collection_year_label(collection_year_start(day)),
            )
        )
        day += timedelta(days=1)
    return rows


def _csv_value(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def render_calendar_csv(rows: list[CalendarRow]) -> str:
    """Return the seed file's text: a header, then one line per date, LF endings."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for row in rows:
        values: dict[str, object] = dict(row)
        writer.writerow(_csv_value(values[column]) for column in COLUMNS)
    return buffer.getvalue()


def write_calendar_seed(
    path: Path = DEFAULT_SEED_PATH,
    start: date = CALENDAR_START,
    end: date = CALENDAR_END,
) -> int:
    """Write the calendar to ``path`` and return the number of dates written."""
    rows = build_calendar(start, end)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_calendar_csv(rows), encoding="utf-8", newline="")
    return len(rows)


def main(argv: list[str] | None = None) -> int:
    """Regenerate ``seeds/working_days.csv`` (command line)."""
    parser = argparse.ArgumentParser(description="Regenerate the Welsh working-day calendar seed.")
    parser.add_argument("--path", type=Path, default=DEFAULT_SEED_PATH)
    parser.add_argument("--start", type=date.fromisoformat, default=CALENDAR_START)
    parser.add_argument("--end", type=date.fromisoformat, default=CALENDAR_END)
    arguments = parser.parse_args(argv)
    count = write_calendar_seed(arguments.path, arguments.start, arguments.end)
    print(f"wrote {count} dates to {arguments.path}")  # noqa: T201
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
