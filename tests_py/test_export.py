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
from pif.publication import DisclosureRule
from pif.returnbook import RunInfo

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
    with path.open(newline="", encoding="utf-8-sig") as handle:
        return list(csv.reader(handle))


INFO = RunInfo(run_id="R9", extract_date="2026-11-20", authority_code="W06000099")
IDENTITY = ["W06000099", "2026-11-20", "R9"]


def test_wide_and_long_files(warehouse: Path, tmp_path: Path) -> None:
    with duckdb.connect(str(warehouse), read_only=True) as connection:
        long = read_return(connection, "main_return", "main_reference")
    files = write_export(long, tmp_path / "out", years=2, info=INFO)
    assert files.wide_csv.read_bytes().startswith(b"\xef\xbb\xbf")  # UTF-8 with a byte order mark
    assert read_csv_rows(files.wide_csv) == [
        [
            "authority_code",
            "extract_date",
            "run_id",
            "measure_code",
            "part",
            "label",
            "unit",
            "2026-27",
            "2025-26",
        ],
        [*IDENTITY, "CH/001", "", "Contacts for children", "count", "120.0", "110.0"],
        [*IDENTITY, "CH/004", "a", "Contacts received from: Self", "count", "7.0", "5.0"],
        [*IDENTITY, "CH/004", "b", "Contacts received from: Relative", "count", "3.5", ""],
    ]
    long_rows = read_csv_rows(files.long_csv)
    assert long_rows[0] == [
        "authority_code",
        "extract_date",
        "run_id",
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

    workbook = load_workbook(files.wide_xlsx)
    assert workbook.sheetnames == ["Return", "Age matrices", "Trends", "Notes"]
    sheet = workbook["Return"]
    rows = {row[0]: row for row in sheet.iter_rows(values_only=True) if row[0]}
    assert rows["Reference"][:5] == ("Reference", "Measure", "2026-27", "2025-26", "Change")
    assert rows["CH/004a"][:5] == ("CH/004a", "Self", 7, 5, 2)
    assert rows["CH/004b"][2:4] == (3.5, None)


def test_years_option_and_breakdowns_kept(warehouse: Path, tmp_path: Path) -> None:
    """--years widens the return; a real breakdown becomes a column instead of being summed."""
    with duckdb.connect(str(warehouse)) as connection:
        connection.execute(
            "insert into main_return.pif_return values ('2026-27', 'CH/001', null, 'female', 60)"
        )
        long = read_return(connection, "main_return", "main_reference")
    files = write_export(long, tmp_path / "out", years=3)
    rows = [row[3:] for row in read_csv_rows(files.wide_csv)]
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

    # --publish: the published files, disclosure control on; pif report: the HTML report of the run
    published = CliRunner().invoke(app, [*base, "--run", "R1", "--publish"])
    assert published.exit_code == 0, published.output
    assert "Disclosure control on" in published.output
    rows = read_csv_rows(tmp_path / "out" / "pif_return_published.csv")
    assert rows[1][2:] == ["R1", "CH/001", "", "Contacts for children", "count", "120", "110"]
    assert [row[-2] for row in rows[2:]] == ["5", "*"]  # 7 rounds to 5; 3.5 is suppressed
    report = CliRunner().invoke(app, ["report", *base[1:], "--run", "R1"])
    assert report.exit_code == 0, report.output
    text = (tmp_path / "out" / "pif_report.html").read_text(encoding="utf-8")
    assert 'data-ref="CH/004a"' in text and "R1" in text


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
        connection.execute(
            "create table main_staging.stg_wccis__implausible_dates as select * from (values "
            "('contacts', 'contacts.csv', 17, 'C4', 'P1', 'received_date', '10/10/2025', 'date_of_death', "
            "'01/10/2025', 2, 'received_date 10/10/2025 is after the date of death')) "
            "as t(entity, source_file, source_row, record_id, person_id, date_field, date_value, "
            "person_date_field, person_date_value, person_source_row, implausibility)"
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


def test_unavailable_reason_kept_through_the_history(tmp_path: Path) -> None:
    """A figure not available from the extract (value null, reason) is stored and exported with its
    reason, also into a history table created before the column existed."""
    with duckdb.connect(str(tmp_path / "h.duckdb")) as connection:
        connection.execute("create schema main_return")
        old = ", ".join(f"{name} text" for name in runs.HISTORY_COLUMNS if name != "unavailable_reason")
        connection.execute(f"create table main_return.pif_return_history ({old})")
        long = pd.DataFrame(
            [["2026-27", "AD/007", "", "", "Secure estate", "count", None, "no secure estate flag"]],
            columns=["collection_year", "measure_code", "part", "breakdown", "label", "unit", "value"]
            + ["unavailable_reason"],
        )
        runs.write_history(connection, "main_return", "R1", long)
        stored = runs.stored_return(connection, "main_return", "R1")
    assert stored["unavailable_reason"].tolist() == ["no secure estate flag"]
    files = write_export(stored, tmp_path / "out", info=INFO)
    rows = read_csv_rows(files.long_csv)
    assert rows[0][-1] == "unavailable_reason" and rows[1][-2:] == ["not available", "no secure estate flag"]


def test_read_return_with_unavailable_reason_column(warehouse: Path, tmp_path: Path) -> None:
    """pif_return with the unavailable_reason column: the reason is read and the workbook shows -."""
    with duckdb.connect(str(warehouse)) as connection:
        connection.execute("alter table main_return.pif_return add column unavailable_reason varchar")
        connection.execute(
            "update main_return.pif_return set value = null, unavailable_reason = 'no source column' "
            "where measure_code = 'CH/004' and part = 'b'"
        )
        long = read_return(connection, "main_return", "main_reference")
    assert set(long.loc[long["part"] == "b", "unavailable_reason"]) == {"no source column"}
    files = write_export(long, tmp_path / "out", info=INFO)
    rows = {row[0]: row for row in load_workbook(files.wide_xlsx)["Return"].iter_rows(values_only=True)}
    assert rows["CH/004b"][2] == "-" and rows["CH/004b"][5].endswith("no source column")


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
    files = write_export(long, tmp_path / "out", years=2, info=INFO)
    wide = read_csv_rows(files.wide_csv)
    header = ["measure_code", "part", "label", "unit", "2026-27", "2025-26", "unavailable_reason"]
    assert wide[0][3:] == header
    assert wide[2] == [
        *IDENTITY,
        "CH/004",
        "a",
        "Contacts received from: Self",
        "count",
        "not available",
        "not available",
        reason,
    ]
    assert wide[1][7:] == ["120.0", "110.0", ""]
    long_rows = [row for row in read_csv_rows(files.long_csv) if row[4:6] == ["CH/004", "a"]]
    assert [(row[9], row[10]) for row in long_rows] == [("not available", reason)] * 2
    rows = {row[0]: row for row in load_workbook(files.wide_xlsx)["Return"].iter_rows(values_only=True)}
    assert rows["CH/004a"][2] == "-" and rows["CH/004a"][5].endswith(reason)
    # Published under disclosure control, a figure not available still says so (never suppressed as *).
    published = write_export(long, tmp_path / "pub", years=2, info=INFO, publish=DisclosureRule())
    assert read_csv_rows(published.wide_csv)[2][7:] == ["not available", "not available", reason]
