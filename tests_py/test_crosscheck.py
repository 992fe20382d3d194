"""The cross-database check finds every row that differs, including a duplicated one."""

import pandas as pd

from pif.crosscheck import differences

COLUMNS = ["measure_code", "item_id", "event_date"]


def frame(rows: list[tuple[str, str, str]]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=COLUMNS)


def test_identical_frames_have_no_differences() -> None:
    rows = [("CH/001", "CT1", "2025-04-01"), ("CH/001", "CT2", "2025-04-02")]
    assert differences(frame(rows), frame(list(reversed(rows))), COLUMNS).empty


def test_a_changed_value_shows_on_both_sides() -> None:
    diff = differences(
        frame([("CH/001", "CT1", "2025-04-01")]), frame([("CH/001", "CT1", "2025-03-31")]), COLUMNS
    )
    assert sorted(diff["side"]) == ["duckdb only", "postgres only"]


def test_a_duplicated_row_on_one_side_is_a_difference() -> None:
    row = ("CH/001", "CT1", "2025-04-01")
    diff = differences(frame([row, row]), frame([row]), COLUMNS)
    assert list(diff["side"]) == ["duckdb only"]
    assert list(diff["item_id"]) == ["CT1"]
