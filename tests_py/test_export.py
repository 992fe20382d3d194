"""The return export: wide CSV/XLSX as published, and the long CSV, from a tiny DuckDB mart."""

from __future__ import annotations

import csv
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from pif import runs
from pif.cli import app, reason_kind
from pif.export import WELSH_GOVERNMENT_NOTE, label, long_table, read_return, write_export
from pif.nightly import EXIT_EXPORT_REFUSED

RETURN_ROWS = [
    ("2024-25", "CH/001", None, None, 100),
    ("2025-26", "CH/001", None, None, 110),
    ("2026-27", "CH/001", None, None, 120),
    ("2025-26", "CH/004", "a", None, 5),
    ("2026-27", "CH/004", "a", None, 7),
    ("2026-27", "CH/004", "b", None, 3.5),
]
REGISTRY_ROWS = [
    ("CH/001", None, "Contacts for children", None, "count"),
    ("CH/004", "a", "Contacts received from", "Self", "count"),
    ("CH/004", "b", "Contacts received from", "Relative", "count"),
]


@pytest.fixture()
def warehouse(tmp_path: Path) -> Path:
    """A DuckDB file holding main_return.pif_return and main_reference.measure_registry."""
    path = tmp_path / "pif.duckdb"
    with duckdb.connect(str(path)) as connection:
        connection.execute("create schema main_return")
        connection.execute("create schema main_reference")
        connection.execute(
            "create table main_return.pif_return (collection_year varchar, measure_code varchar, "
            "part varchar, breakdown varchar, value double)"
        )
        connection.executemany("insert into main_return.pif_return values (?, ?, ?, ?, ?)", RETURN_ROWS)
        connection.execute(
            "create table main_reference.measure_registry (measure_code varchar, part varchar, "
            "measure_name varchar, part_label varchar, unit varchar, filled_by_welsh_government boolean)"
        )
        connection.executemany(
            "insert into main_reference.measure_registry "
            "(measure_code, part, measure_name, part_label, unit) values (?, ?, ?, ?, ?)",
            REGISTRY_ROWS,
        )
    return path


def read_csv_rows(path: Path) -> list[list[str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.reader(handle))


def test_wide_and_long_files(warehouse: Path, tmp_path: Path) -> None:
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        long = read_return(connection, "main_return", "main_reference")
    files = write_export(long, tmp_path / "out", years=2)
    assert read_csv_rows(files.wide_csv) == [
        ["measure_code", "part", "label", "unit", "2026-27", "2025-26"],
        ["CH/001", "", "Contacts for children", "count", "120.0", "110.0"],
        ["CH/004", "a", "Contacts received from: Self", "count", "7.0", "5.0"],
        ["CH/004", "b", "Contacts received from: Relative", "count", "3.5", ""],
    ]
    long_rows = read_csv_rows(files.long_csv)
    assert long_rows[0] == [
        "collection_year",
        "measure_code",
        "part",
        "breakdown",
        "label",
        "unit",
        "value",
        "unavailable_reason",
    ]
    assert len(long_rows) == 1 + len(RETURN_ROWS)

    sheet = load_workbook(files.wide_xlsx).active
    assert [cell.value for cell in sheet[1]] == [
        "measure_code",
        "part",
        "label",
        "unit",
        "2026-27",
        "2025-26",
    ]
    assert all(cell.font.bold for cell in sheet[1])
    assert sheet.freeze_panes == "A2"
    assert [cell.value for cell in sheet[3]] == ["CH/004", "a", "Contacts received from: Self", "count", 7, 5]
    assert sheet.column_dimensions["C"].width >= len("Contacts received from: Relative")


def test_years_option_and_breakdowns_kept(warehouse: Path, tmp_path: Path) -> None:
    """--years widens the return; a real breakdown becomes a column instead of being summed."""
    with duckdb.connect(str(warehouse)) as connection:
        connection.execute(
            "insert into main_return.pif_return values ('2026-27', 'CH/001', null, 'female', 60)"
        )
        long = read_return(connection, "main_return", "main_reference")
    files = write_export(long, tmp_path / "out", years=3)
    rows = read_csv_rows(files.wide_csv)
    assert rows[0] == ["measure_code", "part", "breakdown", "label", "unit", "2026-27", "2025-26", "2024-25"]
    assert rows[1][:3] == ["CH/001", "", ""] and rows[2][:3] == ["CH/001", "", "female"]


def test_cli_export_refuses_an_untested_return(warehouse: Path, tmp_path: Path) -> None:
    """No passed `pif run` vouches for the tables: refused (exit 6), or exported loudly with --untested;
    once a run passed, its stored return is exported and named; a later failed run refuses again."""
    base = [
        "export",
        "--target",
        "duckdb",
        "--duckdb-path",
        str(warehouse),
        "--output",
        str(tmp_path / "out"),
    ]
    refused = CliRunner().invoke(app, base)
    assert refused.exit_code == EXIT_EXPORT_REFUSED, refused.output
    assert "no `pif run`" in refused.output and not (tmp_path / "out").exists()

    untested = CliRunner().invoke(app, [*base, "--untested"])
    assert untested.exit_code == 0, untested.output
    assert "UNTESTED" in untested.output and "2 measures" in untested.output
    assert (tmp_path / "out" / "pif_return.xlsx").is_file()

    with duckdb.connect(str(warehouse)) as connection:
        long = read_return(connection, "main_return", "main_reference")
        runs.write_run(connection, "main_return", {"run_id": "R1", "status": "passed", "started_at": "1"})
        runs.write_history(connection, "main_return", "R1", long)
    exported = CliRunner().invoke(app, base)
    assert exported.exit_code == 0, exported.output
    assert "run R1 (passed" in exported.output

    with duckdb.connect(str(warehouse)) as connection:
        runs.write_run(
            connection, "main_return", {"run_id": "R2", "status": "failed_build", "started_at": "2"}
        )
    stale = CliRunner().invoke(app, base)
    assert stale.exit_code == EXIT_EXPORT_REFUSED
    assert "R2 did not pass" in stale.output and "--run R1" in stale.output
    chosen = CliRunner().invoke(app, [*base, "--run", "R1"])
    assert chosen.exit_code == 0, chosen.output


def test_compare_and_history() -> None:
    def figures(run: str, value: float) -> pd.DataFrame:
        return pd.DataFrame(
            [[run, "2026-27", "CH/001", "", "", "x", "count", value, ""]], columns=list(runs.HISTORY_COLUMNS)
        )

    same = runs.compare_figures(figures("A", 5), figures("B", 5))
    assert same.empty
    assert len(runs.compare_figures(figures("A", 5), figures("B", 6))) == 1
    history = pd.concat([figures("A", 5), figures("B", 5), figures("C", 6)])
    recorded = pd.DataFrame({"run_id": ["C", "B", "A"], "status": "passed", "started_at": ["3", "2", "1"]})
    changes = runs.figure_changes(history, recorded)
    assert list(changes["run_id"]) == ["A", "C"] and list(changes["value"]) == [5, 6]


def test_cli_rejections(tmp_path: Path) -> None:
    path = tmp_path / "pif.duckdb"
    with duckdb.connect(str(path)) as connection:
        connection.execute("create schema main_staging")
        connection.execute(
            "create table main_staging.stg_wccis__rejections as select * from (values "
            "('contacts', 'contacts.csv', 14, 'C1', 'received_date ''31/02/2026'' is not a valid date'), "
            "('contacts', 'contacts.csv', 15, 'C2', 'received_date ''x'' is not a valid date')) "
            "as t(entity, source_file, source_row, record_id, rejection_reason)"
        )
        connection.execute(
            "create table main_staging.stg_wccis__field_issues as select * from (values "
            "('contacts', 'contacts.csv', 16, 'C3', 'decision_date', 'decision_date (09/05/2025) is before "
            "received_date (10/05/2025): decision_date read as unknown')) "
            "as t(entity, source_file, source_row, record_id, field_name, field_issue)"
        )
    result = CliRunner().invoke(app, ["rejections", "--duckdb-path", str(path)])
    assert result.exit_code == 0, result.output
    assert "Rejected rows: 2" in result.output
    assert "contacts.csv: decision_date (1)" in result.output


def test_label_and_reason_kind() -> None:
    assert label("Contacts", "") == "Contacts"
    assert label("Contacts", "Self") == "Contacts: Self"
    assert (
        reason_kind("person_id 'P9' matches no accepted row of people")
        == "person_id … matches no accepted row of people"
    )


def test_measures_filled_in_by_welsh_government_are_marked() -> None:
    frame = pd.DataFrame(
        {
            "collection_year": ["2026-27", "2026-27"],
            "measure_code": ["CH/039", "CH/041"],
            "part": ["", ""],
            "breakdown": ["", ""],
            "measure_name": ["Children looked after on 31 March", "Visits due"],
            "part_label": ["", ""],
            "unit": ["count", "count"],
            "filled_by_welsh_government": [True, False],
            "value": [268, 2410],
        }
    )
    labels = long_table(frame)["label"].tolist()
    assert labels == ["Children looked after on 31 March" + WELSH_GOVERNMENT_NOTE, "Visits due"]


def test_figures_not_available_say_so(warehouse: Path, tmp_path: Path) -> None:
    """A figure the extract cannot give is written "not available" with its reason, never 0 or blank."""
    reason = "not available from this extract: visits.csv is absent"
    with duckdb.connect(str(warehouse)) as connection:
        connection.execute("alter table main_return.pif_return add column unavailable_reason varchar")
        connection.execute(
            "update main_return.pif_return set value = null, unavailable_reason = ? "
            "where measure_code = 'CH/004' and part = 'a'",
            [reason],
        )
        long = read_return(connection, "main_return", "main_reference")
    files = write_export(long, tmp_path / "out", years=2)
    wide = read_csv_rows(files.wide_csv)
    assert wide[0] == ["measure_code", "part", "label", "unit", "2026-27", "2025-26", "unavailable_reason"]
    assert wide[2] == [
        "CH/004",
        "a",
        "Contacts received from: Self",
        "count",
        "not available",
        "not available",
        reason,
    ]
    assert wide[1][4:] == ["120.0", "110.0", ""]
    long_rows = [row for row in read_csv_rows(files.long_csv) if row[1:3] == ["CH/004", "a"]]
    assert [(row[6], row[7]) for row in long_rows] == [("not available", reason)] * 2
    sheet = load_workbook(files.wide_xlsx).active
    assert [cell.value for cell in sheet[3]][4:] == ["not available", "not available", reason]
