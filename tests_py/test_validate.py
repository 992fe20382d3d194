"""Extract validation: each defect type gives exactly one finding naming file, row, column and value."""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import read_rows, set_cell, sub_contract, write_minimal_extract, write_rows
from typer.testing import CliRunner

from pif.cli import app
from pif.contract import Contract
from pif.validate import ERROR, WARNING, Finding, date_sql, has_errors, validate_extract, write_report

EditCell = Callable[[Path, int, str, str], None]


def findings_in(findings: list[Finding], file: str) -> list[Finding]:
    """Findings for one file (other files may have findings of their own while the contract grows)."""
    return [finding for finding in findings if finding.file == file]


def only_finding(contract: Contract, extract: Path, file: str) -> Finding:
    """Validate and return the single finding for `file`."""
    found = findings_in(validate_extract(extract, contract), file)
    assert len(found) == 1, found
    return found[0]


def test_minimal_extract_is_clean(contract: Contract, extract: Path) -> None:
    """The generated extract passes every check (this also checks the contract against the code map)."""
    assert validate_extract(extract, contract) == []


def test_core_files_of_minimal_extract_are_clean(contract: Contract, extract: Path) -> None:
    """The core files pass, whatever state newer contract tables are in."""
    findings = validate_extract(extract, contract)
    for file in ("people.csv", "contacts.csv", "assessments.csv", "plans.csv"):
        assert findings_in(findings, file) == []


def test_missing_file_is_an_error(core_contract: Contract, core_extract: Path) -> None:
    (core_extract / "people.csv").unlink()
    finding = only_finding(core_contract, core_extract, "people.csv")
    assert (finding.severity, finding.check, finding.row, finding.column) == (
        ERROR,
        "missing_file",
        None,
        None,
    )
    assert finding.message.startswith("people.csv is missing from")


def test_missing_column_is_an_error(core_contract: Contract, core_extract: Path) -> None:
    path = core_extract / "contacts.csv"
    rows = read_rows(path)
    drop = rows[0].index("received_date")
    write_rows(path, [row[:drop] + row[drop + 1 :] for row in rows])
    findings = validate_extract(core_extract, core_contract)
    assert has_errors(findings)
    assert findings_in(findings, "contacts.csv") == [
        Finding(
            ERROR,
            "contacts.csv",
            1,
            "received_date",
            "missing_column",
            None,
            "contacts.csv row 1: column 'received_date' is missing from the header row; "
            "the file cannot be loaded",
        )
    ]


def test_extra_column_is_a_warning(core_contract: Contract, core_extract: Path) -> None:
    path = core_extract / "contacts.csv"
    write_rows(path, [[*row, "note" if index else "Notes"] for index, row in enumerate(read_rows(path))])
    finding = only_finding(core_contract, core_extract, "contacts.csv")
    assert finding == Finding(
        WARNING,
        "contacts.csv",
        1,
        "Notes",
        "extra_column",
        None,
        "contacts.csv row 1: column 'Notes' is not in the source contract; it will not be loaded",
    )


def test_required_value_missing(core_contract: Contract, core_extract: Path, edit_cell: EditCell) -> None:
    edit_cell(core_extract / "contacts.csv", 3, "contact_source_code", "  ")
    assert only_finding(core_contract, core_extract, "contacts.csv") == Finding(
        WARNING,
        "contacts.csv",
        3,
        "contact_source_code",
        "required",
        "  ",
        "contacts.csv row 3, contact_source_code: value is missing (required)",
    )


@pytest.mark.parametrize(
    "value", ["31/02/2026", "2026/01/05", "5th May", "29/02/2025", "2026-13-01", "00/01/2026"]
)
def test_invalid_date(core_contract: Contract, core_extract: Path, edit_cell: EditCell, value: str) -> None:
    edit_cell(core_extract / "contacts.csv", 4, "received_date", value)
    assert only_finding(core_contract, core_extract, "contacts.csv") == Finding(
        WARNING,
        "contacts.csv",
        4,
        "received_date",
        "date",
        value,
        f"contacts.csv row 4, received_date: '{value}' is not a valid date (expected DD/MM/YYYY)",
    )


# A date far in the future (31/12/9999) is a readable date but outside the plausible window: see
# test_implausible_values.py.
@pytest.mark.parametrize("value", ["29/02/2024", "1/4/2025", "2025-04-01", " 01/04/2025 "])
def test_valid_dates(core_contract: Contract, core_extract: Path, edit_cell: EditCell, value: str) -> None:
    edit_cell(core_extract / "people.csv", 2, "date_of_birth", value)
    assert findings_in(validate_extract(core_extract, core_contract), "people.csv") == []


def test_dates_are_read_as_staging_reads_them() -> None:
    """DD/MM/YYYY (one or two digits for day and month) or YYYY-MM-DD, a real calendar day, years
    1-9999 (31/12/9999 is a date; its plausibility is another check)."""
    import duckdb

    values = ["01/04/2025", "1/4/2025", "2024-02-29", "31/12/9999", "31/02/2026", "00/01/2026", "01/01/0000"]
    values += ["2025-4-01", "01-04-2025", None]
    rows = duckdb.execute(f"select {date_sql('v')} from unnest(?) as t(v)", [values]).fetchall()
    assert [None if d is None else d.isoformat() for (d,) in rows] == [
        "2025-04-01", "2025-04-01", "2024-02-29", "9999-12-31", None, None, None, None, None, None,
    ]  # fmt: skip


def test_invalid_flag(core_contract: Contract, core_extract: Path, edit_cell: EditCell) -> None:
    edit_cell(core_extract / "contacts.csv", 2, "is_safeguarding_concern", "maybe")
    assert only_finding(core_contract, core_extract, "contacts.csv") == Finding(
        WARNING,
        "contacts.csv",
        2,
        "is_safeguarding_concern",
        "flag",
        "maybe",
        "contacts.csv row 2, is_safeguarding_concern: 'maybe' is not a flag (expected Y or N)",
    )


@pytest.mark.parametrize("value", ["y", " No ", "true", "F", "1", "0"])
def test_flags_in_any_case(
    core_contract: Contract, core_extract: Path, edit_cell: EditCell, value: str
) -> None:
    edit_cell(core_extract / "contacts.csv", 2, "is_safeguarding_concern", value)
    assert findings_in(validate_extract(core_extract, core_contract), "contacts.csv") == []


@pytest.mark.parametrize(
    ("column_type", "bad", "expected"), [("integer", "1.5", "whole number"), ("decimal", "1,5", "number")]
)
def test_invalid_number(
    contract: Contract, tmp_path: Path, edit_cell: EditCell, column_type: str, bad: str, expected: str
) -> None:
    """Numbers are checked wherever the contract has a column of that type."""
    located = [(t, c) for t in contract.tables for c in t.columns if c.type == column_type]
    if not located:
        pytest.skip(f"the contract has no {column_type} column")
    table, column = located[0]
    small = sub_contract(contract, [table.name])
    extract = write_minimal_extract(small, tmp_path / "extract")
    edit_cell(extract / table.file, 3, column.name, bad)
    assert only_finding(small, extract, table.file) == Finding(
        WARNING,
        table.file,
        3,
        column.name,
        column_type,
        bad,
        f"{table.file} row 3, {column.name}: '{bad}' is not a {expected}",
    )


def test_unknown_code(core_contract: Contract, core_extract: Path, edit_cell: EditCell) -> None:
    edit_cell(core_extract / "contacts.csv", 3, "contact_type_code", "zzz")
    assert only_finding(core_contract, core_extract, "contacts.csv") == Finding(
        WARNING,
        "contacts.csv",
        3,
        "contact_type_code",
        "code",
        "zzz",
        "contacts.csv row 3, contact_type_code: 'zzz' is not in code list contact_type (seeds/code_map.csv)",
    )


def test_codes_match_after_trim_and_upper(
    core_contract: Contract, core_extract: Path, edit_cell: EditCell
) -> None:
    code = sorted(core_contract.codes("contact_type"))[0]
    edit_cell(core_extract / "contacts.csv", 3, "contact_type_code", f" {code.lower()} ")
    assert findings_in(validate_extract(core_extract, core_contract), "contacts.csv") == []


def test_duplicate_primary_key_reports_the_repeat(
    core_contract: Contract, core_extract: Path, edit_cell: EditCell
) -> None:
    first = read_rows(core_extract / "contacts.csv")[1][0]
    edit_cell(core_extract / "contacts.csv", 4, "contact_id", first)
    assert only_finding(core_contract, core_extract, "contacts.csv") == Finding(
        WARNING,
        "contacts.csv",
        4,
        "contact_id",
        "duplicate_key",
        first,
        f"contacts.csv row 4, contact_id: '{first}' repeats row 2 (duplicate primary key)",
    )


def test_reference_to_unknown_person(
    core_contract: Contract, core_extract: Path, edit_cell: EditCell
) -> None:
    edit_cell(core_extract / "contacts.csv", 2, "person_id", "NOBODY")
    assert only_finding(core_contract, core_extract, "contacts.csv") == Finding(
        WARNING,
        "contacts.csv",
        2,
        "person_id",
        "reference",
        "NOBODY",
        "contacts.csv row 2, person_id: 'NOBODY' matches no person_id in people.csv",
    )


def test_dates_in_reverse_order(core_contract: Contract, core_extract: Path, edit_cell: EditCell) -> None:
    edit_cell(core_extract / "contacts.csv", 3, "received_date", "10/03/2025")
    edit_cell(core_extract / "contacts.csv", 3, "decision_date", "2025-03-09")
    assert only_finding(core_contract, core_extract, "contacts.csv") == Finding(
        WARNING,
        "contacts.csv",
        3,
        "decision_date",
        "date_order",
        "2025-03-09",
        "contacts.csv row 3, decision_date: '2025-03-09' is before received_date '10/03/2025' "
        "(the row is kept, this date read as unknown)",
    )


def test_rows_are_line_numbers_when_a_value_spans_lines(core_contract: Contract, core_extract: Path) -> None:
    """A quoted value spanning two lines is legal CSV: the next record is numbered by its own line."""
    path = core_extract / "people.csv"
    write_rows(path, [[*row, "notes" if index == 0 else ""] for index, row in enumerate(read_rows(path))])
    set_cell(path, 2, "notes", "1 High Street\nFlat 2")
    set_cell(path, 3, "gender_code", "??")
    found = findings_in(validate_extract(core_extract, core_contract), "people.csv")
    assert [(f.check, f.row) for f in found] == [("extra_column", 1), ("code", 4)]


def test_personal_columns_are_optional_and_flagged(core_contract: Contract, tmp_path: Path) -> None:
    """An extract with the personal columns (names, NHS number, address) is valid but warned about;
    one without them is clean (data minimisation)."""
    folder = write_minimal_extract(core_contract, tmp_path / "with_personal", personal=True)
    found = findings_in(validate_extract(folder, core_contract), "people.csv")
    assert [(f.check, f.severity) for f in found] == [("personal_column", WARNING)]
    assert "nhs_number" in found[0].message and "forename" in found[0].message


def test_worker_processes_find_the_same(
    contract: Contract, extract: Path, edit_cell: EditCell, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A large extract is read by two worker processes (and its header suite run in one): the
    findings are those of reading it in this process, in the same order."""
    edit_cell(extract / "contacts.csv", 2, "is_safeguarding_concern", "maybe")
    edit_cell(extract / "contacts.csv", 3, "contact_type_code", "zzz")
    (extract / "plans.csv").write_text("plan_id\n", encoding="utf-8")  # a header missing columns
    here = validate_extract(extract, contract)
    monkeypatch.setattr("pif.validate.PARALLEL_BYTES", 0)
    assert validate_extract(extract, contract) == here
    assert {f.check for f in here} >= {"flag", "code", "missing_column"}


def test_report_csv(tmp_path: Path) -> None:
    finding = Finding(
        WARNING, "a.csv", 2, "x", "flag", "q", "a.csv row 2, x: 'q' is not a flag (expected Y or N)"
    )
    path = write_report([finding], tmp_path / "out" / "validation_report.csv")
    with path.open(newline="", encoding="utf-8") as handle:
        assert list(csv.DictReader(handle)) == [
            {
                "severity": "warning",
                "file": "a.csv",
                "row": "2",
                "column": "x",
                "check": "flag",
                "value": "q",
                "message": finding.message,
            }
        ]


def test_cli_exit_codes(contract: Contract, extract: Path, tmp_path: Path) -> None:
    """`pif validate` exits 1 when its report has errors, else 0 (warnings allowed)."""
    runner = CliRunner()
    set_cell(extract / "contacts.csv", 2, "is_safeguarding_concern", "maybe")
    report = tmp_path / "out" / "validation_report.csv"
    result = runner.invoke(app, ["validate", str(extract), "--output", str(tmp_path / "out")])
    with report.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert any(row["check"] == "flag" and row["row"] == "2" for row in rows)
    assert result.exit_code == (1 if any(row["severity"] == ERROR for row in rows) else 0), result.output
    (extract / "people.csv").unlink()
    result = runner.invoke(app, ["validate", str(extract), "--output", str(tmp_path / "out")])
    assert result.exit_code == 1
