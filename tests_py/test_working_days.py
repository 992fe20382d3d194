"""Tests of the Welsh working-day calendar (``pif.working_days``) and its seed file."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from pif.working_days import (
    CALENDAR_END,
    CALENDAR_START,
    COLUMNS,
    CalendarRow,
    build_calendar,
    render_calendar_csv,
    write_calendar_seed,
)

SEED_PATH = Path(__file__).resolve().parents[1] / "seeds" / "working_days.csv"


@pytest.fixture(scope="module")
def calendar() -> list[CalendarRow]:
    return build_calendar(CALENDAR_START, CALENDAR_END)


@pytest.fixture(scope="module")
def by_date(calendar: list[CalendarRow]) -> dict[date, CalendarRow]:
    return {row["calendar_date"]: row for row in calendar}


def test_one_row_per_date(calendar: list[CalendarRow]) -> None:
    dates = [row["calendar_date"] for row in calendar]
    assert dates[0] == CALENDAR_START
    assert dates[-1] == CALENDAR_END
    assert len(dates) == (CALENDAR_END - CALENDAR_START).days + 1
    assert all(b - a == timedelta(days=1) for a, b in zip(dates, dates[1:], strict=False))


@pytest.mark.parametrize(
    ("day", "name"),
    [
        (date(2022, 6, 2), "Spring Bank Holiday"),
        (date(2022, 6, 3), "Platinum Jubilee of Elizabeth II"),
        (date(2022, 9, 19), "State Funeral of Queen Elizabeth II"),
        (date(2023, 5, 8), "Coronation of Charles III"),
        (date(2025, 5, 5), "May Day"),
        (date(2025, 12, 25), "Christmas Day"),
        (date(2025, 12, 26), "Boxing Day"),
        (date(2026, 1, 1), "New Year's Day"),
        (date(2026, 4, 3), "Good Friday"),
        (date(2026, 4, 6), "Easter Monday"),
        (date(2020, 5, 8), "May Day"),  # moved for the 75th anniversary of VE Day
        (date(2022, 12, 27), "Christmas Day (observed)"),
    ],
)
def test_known_bank_holidays(by_date: dict[date, CalendarRow], day: date, name: str) -> None:
    row = by_date[day]
    assert row["is_bank_holiday"] is True
    assert row["bank_holiday_name"] == name
    assert row["is_working_day"] is False


def test_weekend_date_of_a_holiday_is_not_a_bank_holiday(
    by_date: dict[date, CalendarRow],
) -> None:
    # Christmas Day 2022 was a Sunday: the bank holiday is the substitute day.
    row = by_date[date(2022, 12, 25)]
    assert row["is_weekend"] is True
    assert row["is_bank_holiday"] is False
    assert row["bank_holiday_name"] is None
    assert row["is_working_day"] is False


def test_ordinary_days(by_date: dict[date, CalendarRow]) -> None:
    saturday = by_date[date(2025, 5, 3)]
    assert (saturday["day_of_week"], saturday["is_weekend"]) == (6, True)
    assert saturday["is_working_day"] is False
    tuesday = by_date[date(2025, 5, 6)]
    assert (tuesday["day_of_week"], tuesday["is_weekend"]) == (2, False)
    assert tuesday["is_working_day"] is True
    assert tuesday["is_bank_holiday"] is False


def test_working_day_number_is_a_running_count(calendar: list[CalendarRow]) -> None:
    previous = 0
    for row in calendar:
        step = row["working_day_number"] - previous
        assert step == (1 if row["is_working_day"] else 0), row["calendar_date"]
        previous = row["working_day_number"]
    assert calendar[0]["working_day_number"] == 0  # 1 January 2015 is a bank holiday


def test_working_days_between_is_a_subtraction(
    by_date: dict[date, CalendarRow],
) -> None:
    def between(start: date, end: date) -> int:
        return by_date[end]["working_day_number"] - by_date[start]["working_day_number"]

    # Friday 2 May 2025 -> Tuesday 6 May 2025 over the May Day weekend: one working day.
    assert between(date(2025, 5, 2), date(2025, 5, 6)) == 1
    # From a Saturday to the following Monday.
    assert between(date(2025, 5, 10), date(2025, 5, 12)) == 1
    # Christmas 2025: Wednesday 24 December to Friday 2 January 2026.
    assert between(date(2025, 12, 24), date(2026, 1, 2)) == 4  # 29, 30, 31 Dec, 2 Jan
    # Easter 2026: Thursday 2 April to Tuesday 7 April.
    assert between(date(2026, 4, 2), date(2026, 4, 7)) == 1


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2025, 5, 2), date(2025, 5, 6)),  # Friday before May Day
        (date(2025, 5, 3), date(2025, 5, 6)),  # Saturday
        (date(2025, 5, 6), date(2025, 5, 7)),  # ordinary Tuesday
        (date(2025, 12, 24), date(2025, 12, 29)),  # Christmas 2025
        (date(2025, 12, 31), date(2026, 1, 2)),  # New Year 2026
        (date(2026, 4, 2), date(2026, 4, 7)),  # Easter 2026
        (date(2022, 6, 1), date(2022, 6, 6)),  # Platinum Jubilee 2022
        (date(2022, 9, 16), date(2022, 9, 20)),  # State Funeral 2022
        (date(2023, 5, 5), date(2023, 5, 9)),  # Coronation 2023
        (date(2035, 12, 31), date(2036, 1, 2)),  # last date: beyond the calendar
    ],
)
def test_next_working_day(by_date: dict[date, CalendarRow], day: date, expected: date) -> None:
    assert by_date[day]["next_working_day"] == expected


def test_next_working_day_is_the_first_working_day_after(
    calendar: list[CalendarRow],
) -> None:
    working = [row["calendar_date"] for row in calendar if row["is_working_day"]]
    index = 0
    for row in calendar:
        while index < len(working) and working[index] <= row["calendar_date"]:
            index += 1
        if index < len(working):
            assert row["next_working_day"] == working[index]


@pytest.mark.parametrize(
    ("day", "label"),
    [
        (date(2026, 3, 31), "2025-26"),
        (date(2026, 4, 1), "2026-27"),
        (date(2027, 3, 31), "2026-27"),
        (date(2099, 12, 31), "2099-00"),
    ],
)
def test_collection_year(day: date, label: str) -> None:
    assert build_calendar(day, day)[0]["collection_year"] == label


def test_seed_file_equals_a_fresh_build(calendar: list[CalendarRow]) -> None:
    on_disk = SEED_PATH.read_text(encoding="utf-8")
    assert on_disk == render_calendar_csv(calendar), (
        "seeds/working_days.csv differs from a fresh build: "
        "regenerate it with `python -m pif.working_days`, never edit it by hand"
    )


def test_write_calendar_seed(tmp_path: Path) -> None:
    path = tmp_path / "working_days.csv"
    count = write_calendar_seed(path, date(2025, 12, 24), date(2026, 1, 2))
    lines = path.read_text(encoding="utf-8").splitlines()
    assert count == 10
    assert lines[0] == ",".join(COLUMNS)
    assert lines[2] == ("2025-12-25,4,false,true,Christmas Day,false,1,2025-12-29,2025-26")


def test_end_before_start_is_refused() -> None:
    with pytest.raises(ValueError, match="before start"):
        build_calendar(date(2026, 1, 2), date(2026, 1, 1))
