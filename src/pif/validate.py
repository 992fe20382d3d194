"""Validate an extract folder against the source contract, before it is loaded.

The dbt staging layer rejects bad rows in SQL; this is the early, producer-facing report on the
files themselves, so a data officer can fix the extract at source. Each check names the file, the
row (the line the record starts on, as a person counts lines: header = 1; blank lines count), the
column and the value. Files are read by pif.reading, the parser the loader uses too, so the rows,
values and row numbers here are those loaded and rejected by staging.

Checks run as great-expectations expectations (one suite per file, on a pandas frame whose index is
the row number, so each expectation's unexpected_index_list is the list of failing rows):
contract columns present, value not null, value in set (flags, codes), regex (dates, numbers),
unique (primary key) and column-pair order (date_order, on a sortable YYYYMMDD key). Two checks
use plain pandas because great-expectations cannot express them at this scale:

- impossible calendar dates (31/02/2026): ExpectColumnValuesToMatchStrftimeFormat parses values one
  at a time in Python (about 6 s per million values) and accepts only one format, so the regex
  expectation checks the shape and a vectorised day-in-month check catches impossible dates;
- references to another file's key: ExpectColumnValuesToBeInSet with the referenced file's keys as
  the value set took two minutes for a million rows and keys, so this is a pandas `isin`.

Severity: "error" means the extract cannot be loaded (missing file, missing column, or a file refused
as a whole in one line: empty, a column twice in the header, not UTF-8, a quote never closed, dates
written month first); "warning" means the row will be rejected by staging (or, for an extra column,
not loaded), including records that cannot be rows (too few or too many fields, a value over the
contract's max_field_length).
"""

from __future__ import annotations

import csv
import logging
import os
import warnings
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, fields
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd
from rich.console import Console
from rich.table import Table as RichTable

from pif.cells import safe_text, short_value
from pif.contract import (
    DEFAULT_MAX_FIELD_LENGTH,
    Column,
    Contract,
    DateWindow,
    Table,
    date_window,
    load_contract,
)
from pif.reading import WHITESPACE, FileRefused, RowIssue, one_line, read_layout, read_records

if TYPE_CHECKING:
    from great_expectations.core import ExpectationSuite
    from great_expectations.expectations import Expectation

ERROR = "error"
WARNING = "warning"
# DD/MM/YYYY or YYYY-MM-DD: DATE_REGEX for the expectation, DATE_PARTS to pull out day, month, year.
DATE_REGEX = r"^(?:\d{1,2}/\d{1,2}/\d{4}|\d{4}-\d{2}-\d{2})$"
DATE_PARTS = r"^(?:(\d{1,2})/(\d{1,2})/(\d{4})|(\d{4})-(\d{2})-(\d{2}))$"
FLAG_VALUES: tuple[str, ...] = ("Y", "N", "YES", "NO", "TRUE", "FALSE", "T", "F", "1", "0")
NUMBER_PATTERNS: dict[str, str] = {
    # The same patterns the PostgreSQL staging macros accept (DuckDB's try_cast is more lenient).
    "integer": r"^[+-]?[0-9]{1,9}$",
    "decimal": r"^[+-]?[0-9]{1,15}(\.[0-9]+)?$",
}
FIRST_DATA_ROW = 2
DATE_KEY_PREFIX = "__date_key__"
# The primary key upper-cased: keys are unique ignoring case (ct00001 repeats CT00001), as in staging.
KEY_PREFIX = "__key__"


@dataclass(frozen=True)
class Finding:
    """One problem in the extract, located precisely enough for a data officer to fix it."""

    severity: str
    file: str
    row: int | None
    column: str | None
    check: str
    value: str | None
    message: str


@dataclass(frozen=True)
class _Check:
    """What a row-level expectation checks, so its failing rows can be turned into findings."""

    check: str
    column: str


# --------------------------------------------------------------------------------------------------
# Entry points


def validate_extract(extract_dir: Path, contract: Contract | None = None) -> list[Finding]:
    """Validate every contract file in `extract_dir`; return the findings, errors first."""
    contract = contract or load_contract()
    findings: list[Finding] = []
    frames: dict[str, pd.DataFrame] = {}
    raw_frames: dict[str, pd.DataFrame] = {}
    refused: set[str] = set()
    for table in contract.tables:
        read = _read_table(extract_dir, table, contract.max_field_length)
        findings.extend(read.findings)
        if read.frame is not None and read.raw is not None:
            frames[table.name], raw_frames[table.name] = read.frame, read.raw
        if read.refused:
            refused.add(table.name)
    context = _gx_context() if frames else None
    for table in contract.tables:
        if table.name in frames and table.name not in refused and context is not None:
            findings.extend(_validate_values(context, contract, table, frames, raw_frames[table.name]))
    return sorted(findings, key=_finding_order)


def has_errors(findings: Iterable[Finding]) -> bool:
    """True when any finding stops the extract from being loaded."""
    return any(finding.severity == ERROR for finding in findings)


def write_report(findings: Iterable[Finding], path: Path) -> Path:
    """Write findings to a CSV report (one row per finding) and return its path.

    Written to a temporary file beside it, then renamed over it: the report is replaced whole or not
    at all (callers remove an earlier run's report before validating, see remove_report)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.{os.getpid()}.partial")
    try:
        with partial.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.DictWriter(handle, fieldnames=[field.name for field in fields(Finding)])
            writer.writeheader()
            for finding in findings:
                writer.writerow({key: safe_text(value) for key, value in asdict(finding).items()})
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
    return path


def remove_report(path: Path) -> None:
    """Remove an earlier validation's report, so a validation that fails never leaves it in place."""
    path.unlink(missing_ok=True)


def print_summary(findings: list[Finding], console: Console | None = None) -> None:
    """Print finding counts per file and check, with an example message for each."""
    console = console or Console()
    if not findings:
        console.print("[green]No findings: the extract matches the source contract.[/green]")
        return
    counts = Counter((f.file, f.check, f.severity) for f in findings)
    examples: dict[tuple[str, str, str], str] = {}
    for finding in findings:
        examples.setdefault((finding.file, finding.check, finding.severity), finding.message)
    table = RichTable(title="Extract validation", show_lines=False)
    for heading in ("File", "Check", "Severity", "Findings"):
        table.add_column(heading, justify="right" if heading == "Findings" else "left", no_wrap=True)
    table.add_column("First example", overflow="ellipsis", no_wrap=True)
    for key in sorted(counts, key=lambda k: (k[2] != ERROR, k[0], k[1])):
        colour = "red" if key[2] == ERROR else "yellow"
        table.add_row(key[0], key[1], f"[{colour}]{key[2]}[/{colour}]", f"{counts[key]:,}", examples[key])
    console.print(table)
    errors = sum(1 for f in findings if f.severity == ERROR)
    console.print(f"{errors:,} errors, {len(findings) - errors:,} warnings")


def _finding_order(finding: Finding) -> tuple[bool, str, int, str]:
    """Errors first, then by file, row and column."""
    return (finding.severity != ERROR, finding.file, finding.row or 0, finding.column or "")


# --------------------------------------------------------------------------------------------------
# Reading files


@dataclass
class _Read:
    """A file read as text: the raw frame, the normalised frame and any file-level findings."""

    findings: list[Finding]
    raw: pd.DataFrame | None = None
    frame: pd.DataFrame | None = None
    refused: bool = False  # the file is refused as a whole: its own rows are not checked


def _read_table(extract_dir: Path, table: Table, max_field_length: int = DEFAULT_MAX_FIELD_LENGTH) -> _Read:
    """Read one contract file as text (pif.reading, as the loader reads it); report a missing file,
    a file refused as a whole (one error) and records that cannot be rows (one warning each)."""
    path = extract_dir / table.file
    if not path.is_file():
        if table.optional:
            message = (
                f"{table.file} is absent from {extract_dir}: it is optional; the measures that need it "
                "are reported as not available from this extract"
            )
            return _Read([Finding(WARNING, table.file, None, None, "absent_file", None, message)])
        message = f"{table.file} is missing from {extract_dir}: the source contract requires it"
        return _Read([Finding(ERROR, table.file, None, None, "missing_file", None, message)])
    try:
        layout = read_layout(path, table)
        records = list(read_records(path, table, layout, max_field_length))
    except FileRefused as refused:
        finding = Finding(
            ERROR, table.file, refused.line, refused.column, refused.check, refused.value, refused.message
        )
        return _Read([finding])
    personal = {column.name for column in table.columns if column.personal}
    supplied = [name for name in layout.extras if name.strip().lower() in personal]
    findings = [_extra_column(table, name) for name in layout.extras if name not in supplied]
    if supplied:
        findings.append(_personal_columns(table, supplied))
    findings.extend(_row_issue(table, record.line, issue) for record in records for issue in record.issues)
    width = len(layout.header)
    rows = [
        record.fields if len(record.fields) == width else [*record.fields, *[""] * width][:width]
        for record in records
    ]
    by_position = list(zip(*rows, strict=True)) if rows else [()] * width
    named = pd.DataFrame(
        {name: pd.Series(by_position[position], dtype=object) for name, position in layout.positions.items()},
    )
    named.index = pd.Index([record.line for record in records], dtype="int64")
    frame = _normalise(named, table)
    refusal = _month_first_dates(table, frame)
    if refusal is not None:
        return _Read([refusal], raw=named, frame=frame, refused=True)
    return _Read(findings, raw=named, frame=frame)


def _row_issue(table: Table, line: int, issue: RowIssue) -> Finding:
    """Warning for a record staging rejects as it stands in the file (pif.reading's row issues)."""
    message = f"{table.file} row {line}{f', {issue.column}' if issue.column else ''}: {issue.text}"
    return Finding(WARNING, table.file, line, issue.column, issue.check, issue.value, message)


def _month_first_dates(table: Table, frame: pd.DataFrame) -> Finding | None:
    """Refuse a file whose dates are written month first (MM/DD/YYYY, US format).

    A date such as 05/04/2026 reads either way; only a first number over 12 (25/12/2025: day first)
    or a second one over 12 (12/25/2025: month first) tells. The file is refused when at least one
    of its dates reads only month first and such dates outnumber those that read only day first
    (over every date column of the file): read day first, its other dates would have day and month
    swapped. A few month-first values in a day-first file are rejected row by row as invalid dates.
    """
    pattern = r"^(\d{1,2})/(\d{1,2})/\d{4}$"
    dates = [
        (order, column.name)
        for order, column in enumerate(table.columns)
        if column.type == "date" and column.name in frame.columns
    ]
    month_first: list[tuple[int, int, str]] = []
    for order, name in dates:
        # A date that reads only month first (second number 13-31) never reads day first, so only
        # the values without a date key can be one: the usual file costs one look at a few values.
        unread = frame[name][frame[name].notna() & frame[DATE_KEY_PREFIX + name].isna()]
        parts = unread.str.extract(pattern).astype(float)
        first, second = parts[0], parts[1]
        only_month_first = (second > 12) & (second <= 31) & (first >= 1) & (first <= 12)
        rows = unread.index[only_month_first.to_numpy(dtype=bool)]
        month_first.extend((int(row), order, name) for row in rows)
    if not month_first:
        return None
    day_first = 0
    for _order, name in dates:
        parts = frame[name].str.extract(pattern).astype(float)
        first, second = parts[0], parts[1]
        day_first += int(((first > 12) & (first <= 31) & (second <= 12)).sum())
    if len(month_first) <= day_first:
        return None
    row, _order, column = min(month_first)
    value = str(frame.at[row, column])
    message = (
        f"{table.file} row {row}, {column}: '{value}' is a month-first date (MM/DD/YYYY): "
        f"{len(month_first):,} of the file's dates read only month first and {day_first:,} only day first, "
        "so its dates are US format and would be read with day and month swapped; export dates as "
        "DD/MM/YYYY or YYYY-MM-DD, the file cannot be loaded"
    )
    return Finding(ERROR, table.file, row, column, "month_first_dates", value, message)


def _extra_column(table: Table, name: str) -> Finding:
    """Warning for a header column the contract does not know: it is dropped by the loader."""
    message = f"{table.file} row 1: column '{name}' is not in the source contract; it will not be loaded"
    return Finding(WARNING, table.file, 1, name, "extra_column", None, message)


def _personal_columns(table: Table, names: list[str]) -> Finding:
    """Warning for personal columns supplied: never loaded (raw holds NULL); better not exported."""
    message = (
        f"{table.file} row 1: personal columns {', '.join(names)} are never used or loaded; "
        "leave them out of the extract (data minimisation)"
    )
    return Finding(WARNING, table.file, 1, ", ".join(names), "personal_column", None, message)


def _normalise(raw: pd.DataFrame, table: Table) -> pd.DataFrame:
    """Values as staging sees them: trimmed, empty -> missing, codes and flags upper-cased.

    Dates also get a sortable YYYYMMDD key column (missing when the date is impossible), which the
    date checks and the date_order expectations use.
    """
    columns: dict[str, pd.Series] = {}
    for name in raw.columns:
        column = table.column(str(name))
        values = raw[name]
        values = (values.fillna("") if values.hasnans else values).str.strip(WHITESPACE)
        values = values.mask(values == "")
        if column.type in ("code", "flag"):
            values = values.str.upper()
        columns[column.name] = values
        if column.name == table.primary_key:
            columns[KEY_PREFIX + column.name] = values.str.upper()
        if column.type == "date":
            columns[DATE_KEY_PREFIX + column.name] = date_keys(values)
    return pd.DataFrame(columns, index=raw.index)


def date_keys(values: pd.Series) -> pd.Series:
    """YYYYMMDD as a number for every valid DD/MM/YYYY or YYYY-MM-DD date, NaN otherwise.

    Fast path: pandas' C date parser; the few values it cannot place (years past 2262 such as
    31/12/9999, or impossible dates) go through the exact, slower check of `_date_keys_exact`.
    """
    uk = pd.to_datetime(values, format="%d/%m/%Y", errors="coerce")
    iso = pd.to_datetime(values, format="%Y-%m-%d", errors="coerce")
    parsed = uk.fillna(iso)
    keys = (parsed.dt.year * 10000 + parsed.dt.month * 100 + parsed.dt.day).astype(float)
    leftover = values.notna() & parsed.isna()
    if leftover.any():
        keys[leftover] = _date_keys_exact(values[leftover])
    shaped = values.str.match(DATE_REGEX).fillna(False).astype(bool)
    return keys.where(shaped)


def _date_keys_exact(values: pd.Series) -> pd.Series:
    """YYYYMMDD as a number for every valid DD/MM/YYYY or YYYY-MM-DD date, NaN otherwise.

    Vectorised (no per-value parsing) and valid for years 1-9999, like the databases' date types
    (pandas timestamps stop at 2262, and 31/12/9999 is a common 'open' end date).
    """
    parts = values.str.extract(DATE_PARTS)
    day = pd.to_numeric(parts[0].fillna(parts[5]), errors="coerce").to_numpy(dtype=float)
    month = pd.to_numeric(parts[1].fillna(parts[4]), errors="coerce").to_numpy(dtype=float)
    year = pd.to_numeric(parts[2].fillna(parts[3]), errors="coerce").to_numpy(dtype=float)
    leap = ((year % 4 == 0) & (year % 100 != 0)) | (year % 400 == 0)
    month_lengths = np.array([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31], dtype=float)
    safe_month = np.clip(np.nan_to_num(month, nan=1.0), 1, 12).astype(int)
    last_day = month_lengths[safe_month - 1] + ((safe_month == 2) & leap)
    valid = (year >= 1) & (month >= 1) & (month <= 12) & (day >= 1) & (day <= last_day)
    keys = np.where(valid, year * 10000 + month * 100 + day, np.nan)
    return pd.Series(keys, index=values.index, dtype=float)


# --------------------------------------------------------------------------------------------------
# great-expectations


def _gx_context() -> Any:
    """A quiet, ephemeral great-expectations context (no files, analytics, logs or progress bars)."""
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "False")
    logging.getLogger("great_expectations").setLevel(logging.ERROR)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import great_expectations as gx
        from great_expectations.data_context.types.base import ProgressBarsConfig

    for name in list(logging.root.manager.loggerDict):
        if name.startswith("great_expectations"):
            logging.getLogger(name).setLevel(logging.ERROR)
    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = ProgressBarsConfig(globally=False)
    context.data_sources.add_pandas(name="extract")
    return context


def _expectation(kind: str, check: str, target: str, **kwargs: Any) -> Expectation:
    """A great-expectations expectation tagged (in meta) with the check and the column it reports on."""
    import great_expectations as gx

    expectation_class = getattr(gx.expectations, kind)
    expectation: Expectation = expectation_class(meta={"check": check, "column": target}, **kwargs)
    return expectation


def _column_expectations(contract: Contract, table: Table, column: Column) -> Iterator[Expectation]:
    """The row-level expectations for one present column, from its contract type and flags."""
    name = column.name
    if table.is_required(column):
        yield _expectation("ExpectColumnValuesToNotBeNull", "required", name, column=name)
    if column.type == "date":
        yield _expectation("ExpectColumnValuesToMatchRegex", "date", name, column=name, regex=DATE_REGEX)
    elif column.type == "flag":
        yield _expectation(
            "ExpectColumnValuesToBeInSet", "flag", name, column=name, value_set=list(FLAG_VALUES)
        )
    elif column.type in NUMBER_PATTERNS:
        regex = NUMBER_PATTERNS[column.type]
        yield _expectation("ExpectColumnValuesToMatchRegex", column.type, name, column=name, regex=regex)
    if column.code_list:
        codes = sorted(contract.codes(column.code_list))
        yield _expectation("ExpectColumnValuesToBeInSet", "code", name, column=name, value_set=codes)
    if name == table.primary_key:
        yield _expectation("ExpectColumnValuesToBeUnique", "duplicate_key", name, column=KEY_PREFIX + name)


def _suite(contract: Contract, table: Table, frame: pd.DataFrame) -> ExpectationSuite:
    """One suite per file: column existence, then value checks for the columns that exist."""
    import great_expectations as gx

    suite = gx.ExpectationSuite(name=f"wccis_{table.name}")
    # One table-level expectation rather than ExpectColumnToExist per column: GE costs ~18 ms per
    # expectation whatever the data size, and this one reports every missing column at once.
    columns_present = _expectation(
        "ExpectTableColumnsToMatchSet",
        "missing_column",
        "",
        column_set=table.needed_column_names,
        exact_match=False,
    )
    suite.add_expectation(columns_present)
    for column in table.columns:
        if column.name in frame.columns:
            for expectation in _column_expectations(contract, table, column):
                suite.add_expectation(expectation)
    for earlier, later in (*table.date_order, *table.field_date_order):
        if earlier in frame.columns and later in frame.columns:
            pair = _expectation(
                "ExpectColumnPairValuesAToBeGreaterThanB",
                "date_order",
                later,
                column_A=DATE_KEY_PREFIX + later,
                column_B=DATE_KEY_PREFIX + earlier,
                or_equal=True,
                ignore_row_if="either_value_is_missing",
            )
            suite.add_expectation(pair)
    return suite


def _run_suite(context: Any, table: Table, frame: pd.DataFrame, suite: ExpectationSuite) -> list[Any]:
    """Validate the frame with the suite; return the expectation results (COMPLETE format)."""
    asset = context.data_sources.get("extract").add_dataframe_asset(name=table.name)
    batch = asset.add_batch_definition_whole_dataframe(f"{table.name}_whole").get_batch(
        batch_parameters={"dataframe": frame}
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        result = batch.validate(suite, result_format={"result_format": "COMPLETE"})
    for item in result.results:
        if (item.exception_info or {}).get("raised_exception"):
            raise RuntimeError(f"great-expectations failed on {table.name}: {item.exception_info}")
    return list(result.results)


# --------------------------------------------------------------------------------------------------
# From results to findings


def _validate_values(
    context: Any, contract: Contract, table: Table, frames: dict[str, pd.DataFrame], raw: pd.DataFrame
) -> list[Finding]:
    """All checks for one file: the GE suite, then the pandas-only checks."""
    frame = frames[table.name]
    findings: list[Finding] = []
    for result in _run_suite(context, table, frame, _suite(contract, table, frame)):
        meta = result.expectation_config.meta or {}
        check = _Check(str(meta["check"]), str(meta["column"]))
        if check.check == "missing_column":
            mismatched = (result.result.get("details") or {}).get("mismatched") or {}
            findings.extend(_missing_column(table, name) for name in mismatched.get("missing") or [])
            continue
        rows = [int(row) for row in result.result.get("unexpected_index_list") or []]
        findings.extend(_row_findings(table, frame, raw, check, rows))
    findings.extend(_impossible_dates(table, frame, raw))
    findings.extend(_implausible_values(table, frame, raw))
    findings.extend(_implausible_dates(table, frame, raw, date_window()))
    findings.extend(_broken_references(contract, table, frames, raw))
    findings.extend(_dates_against_death(contract, table, frames, raw, date_window()))
    return findings


def _missing_column(table: Table, column: str) -> Finding:
    """Error for a required contract column absent from the header: the loader cannot load the file;
    a warning for a column that may be left out (loaded blank; measures needing it not available)."""
    if table.may_be_left_out(column):
        message = (
            f"{table.file} row 1: column '{column}' is not in the header row; it is loaded as blank and "
            "the measures that need it are reported as not available from this extract"
        )
        return Finding(WARNING, table.file, 1, column, "absent_column", None, message)
    message = (
        f"{table.file} row 1: column '{column}' is missing from the header row; the file cannot be loaded"
    )
    return Finding(ERROR, table.file, 1, column, "missing_column", None, message)


def _row_findings(
    table: Table, frame: pd.DataFrame, raw: pd.DataFrame, check: _Check, rows: list[int]
) -> Iterator[Finding]:
    """Warnings for the failing rows of one expectation."""
    if check.check == "duplicate_key":
        yield from _duplicates(table, frame, raw, check.column, rows)
        return
    column = table.column(check.column)
    for row in rows:
        value = _raw_value(raw, row, column.name)
        problem = _problem(table, check.check, column, value.strip(), frame, row)
        yield Finding(
            WARNING,
            table.file,
            row,
            column.name,
            check.check,
            value,
            f"{table.file} row {row}, {column.name}: {problem}",
        )


def _problem(table: Table, check: str, column: Column, value: str, frame: pd.DataFrame, row: int) -> str:
    """The text after 'file row N, column:' saying what is wrong and what is expected."""
    value = one_line(value)
    if check == "required":
        return "value is missing (required)"
    if check == "date":
        return f"'{value}' is not a valid date (expected DD/MM/YYYY)"
    if check == "flag":
        return f"'{value}' is not a flag (expected Y or N)"
    if check == "integer":
        return f"'{value}' is not a whole number"
    if check == "decimal":
        return f"'{value}' is not a number"
    if check == "code":
        kept = ""
        if column.name in table.field_issue_columns:
            kept = " (the row is kept, the code read as not recorded)"
        return f"'{value}' is not in code list {column.code_list} (seeds/code_map.csv){kept}"
    if check == "date_order":
        pairs = (*table.date_order, *table.field_date_order)
        earlier = next(pair[0] for pair in pairs if pair[1] == column.name)
        kept = ""
        if column.name in table.field_issue_columns:
            kept = " (the row is kept, this date read as unknown)"
        return f"'{value}' is before {earlier} '{frame.at[row, earlier]}'{kept}"
    raise ValueError(f"unknown check {check}")


def _raw_value(raw: pd.DataFrame, row: int, column: str) -> str:
    """The value exactly as written in the file."""
    value = raw.at[row, column]
    return "" if pd.isna(value) else str(value)


def _duplicates(
    table: Table, frame: pd.DataFrame, raw: pd.DataFrame, column: str, rows: list[int]
) -> Iterator[Finding]:
    """Every repeat of a primary key after its first row (staging keeps the first, rejects the rest);
    keys are compared ignoring case, so ct00001 repeats CT00001."""
    first_rows: dict[str, tuple[int, str]] = {}
    for row in sorted(rows):
        key = str(frame.at[row, column])
        first, first_key = first_rows.setdefault(key.upper(), (row, key))
        if row != first:
            spelt = "" if key == first_key else f" '{first_key}' (keys are compared ignoring case)"
            message = f"{table.file} row {row}, {column}: '{key}' repeats row {first}{spelt}"
            message += " (duplicate primary key)"
            yield Finding(
                WARNING, table.file, row, column, "duplicate_key", _raw_value(raw, row, column), message
            )


def _impossible_dates(table: Table, frame: pd.DataFrame, raw: pd.DataFrame) -> Iterator[Finding]:
    """Dates shaped right (the regex expectation passed) but impossible, such as 31/02/2026."""
    for column in table.columns:
        if column.type != "date" or column.name not in frame.columns:
            continue
        values = frame[column.name]
        impossible = (
            values.notna() & values.str.match(DATE_REGEX) & frame[DATE_KEY_PREFIX + column.name].isna()
        )
        for row in values.index[impossible.fillna(False).to_numpy(dtype=bool)]:
            message = (
                f"{table.file} row {row}, {column.name}: '{values.at[row]}' is not a valid date "
                "(expected DD/MM/YYYY)"
            )
            yield Finding(
                WARNING, table.file, int(row), column.name, "date", _raw_value(raw, row, column.name), message
            )


def _implausible_values(table: Table, frame: pd.DataFrame, raw: pd.DataFrame) -> Iterator[Finding]:
    """Numbers outside the contract's plausible domain (minimum, maximum, allowed_values,
    max_decimals): staging keeps the row and reads the value as unknown, with the same reason."""
    for column in table.columns:
        if not column.has_value_domain or column.name not in frame.columns:
            continue
        text = frame[column.name]
        values = pd.to_numeric(text, errors="coerce")
        outside = pd.Series(False, index=frame.index)
        if column.allowed_values:
            outside |= values.notna() & ~values.isin(column.allowed_values)
        if column.minimum is not None:
            outside |= values < column.minimum
        if column.maximum is not None:
            outside |= values > column.maximum
        if column.max_decimals is not None:
            decimals = text.str.partition(".")[2].str.len()
            outside |= values.notna() & text.str.contains(".", regex=False) & (decimals > column.max_decimals)
        for row in frame.index[outside.fillna(False).to_numpy(dtype=bool)]:
            value = _raw_value(raw, row, column.name)
            message = (
                f"{table.file} row {row}, {column.name}: '{short_value(value.strip())}' is outside the "
                "plausible "
                f"domain ({column.domain_text()}); the row is kept, the value read as unknown"
            )
            yield Finding(WARNING, table.file, int(row), column.name, "domain", value, message)


def _implausible_dates(
    table: Table, frame: pd.DataFrame, raw: pd.DataFrame, window: DateWindow
) -> Iterator[Finding]:
    """Valid dates outside their plausible window (contract date_domain; dbt vars): a required or end
    date rejects the row, any other is read as unknown (the row kept), as staging does."""
    for column in table.columns:
        if column.type != "date" or column.name not in frame.columns:
            continue
        earliest, latest = window.bounds(column)
        keys = frame[DATE_KEY_PREFIX + column.name]
        low, high = _date_key(earliest), _date_key(latest)
        outside = keys.notna() & ((keys < low) | (keys > high))
        consequence = (
            "the row is rejected"
            if table.date_window_rejects(column)
            else "the row is kept, the date read as unknown"
        )
        for row in frame.index[outside.to_numpy(dtype=bool)]:
            value = _raw_value(raw, row, column.name)
            message = (
                f"{table.file} row {row}, {column.name}: '{short_value(value.strip())}' is outside the "
                "plausible "
                f"range {earliest:%d/%m/%Y} to {latest:%d/%m/%Y}; {consequence}"
            )
            yield Finding(WARNING, table.file, int(row), column.name, "date_range", value, message)


def _date_key(day: date) -> int:
    return day.year * 10000 + day.month * 100 + day.day


def _key_text(key: float) -> str:
    """A YYYYMMDD key as DD/MM/YYYY."""
    number = int(key)
    return f"{number % 100:02d}/{number // 100 % 100:02d}/{number // 10000}"


def _plausible_keys(table: Table, frame: pd.DataFrame, name: str, window: DateWindow) -> pd.Series:
    """The date keys of one column inside its plausible window (staging reads the others as unknown
    or rejects the row, so they are not compared again)."""
    earliest, latest = window.bounds(table.column(name))
    keys = frame[DATE_KEY_PREFIX + name]
    return keys.where((keys >= _date_key(earliest)) & (keys <= _date_key(latest)))


def _dates_against_death(
    contract: Contract, table: Table, frames: dict[str, pd.DataFrame], raw: pd.DataFrame, window: DateWindow
) -> Iterator[Finding]:
    """Cross-file date warnings, as stg_wccis__implausible_dates: a record dated after its person's
    date of death, a date of death before the date of birth. The record is kept and counted."""
    people_table = contract.table("people")
    people = frames.get("people")
    needed = {"person_id", "date_of_birth", "date_of_death"}
    if people is None or not needed <= set(people.columns):
        return
    frame = frames[table.name]
    if table.name == "people":
        death = _plausible_keys(people_table, people, "date_of_death", window)
        birth = _plausible_keys(people_table, people, "date_of_birth", window)
        for row in people.index[(death < birth).fillna(False).to_numpy(dtype=bool)]:
            reason = (
                f"date_of_death {_key_text(death.at[row])} is before the date of birth "
                f"{_key_text(birth.at[row])}: kept with both dates as recorded; check which date is wrong"
            )
            yield Finding(
                WARNING,
                table.file,
                int(row),
                "date_of_death",
                "death_before_birth",
                _raw_value(raw, row, "date_of_death"),
                f"{table.file} row {row}, date_of_death: {reason}",
            )
        return
    event = table.event_date_column
    if event is None or event not in frame.columns:
        return
    deaths = pd.DataFrame(
        {
            "person": people["person_id"],
            "death": _plausible_keys(people_table, people, "date_of_death", window),
            "line": people.index,
        }
    ).drop_duplicates("person")
    deaths = deaths[deaths["death"].notna()].set_index("person")
    if deaths.empty:
        return
    dates = _plausible_keys(table, frame, event, window)
    for column in table.columns:
        if column.references != "people" or column.name not in frame.columns:
            continue
        person = frame[column.name]
        death = person.map(deaths["death"])
        for row in frame.index[(dates > death).fillna(False).to_numpy(dtype=bool)]:
            line = int(deaths.at[person.at[row], "line"])
            reason = (
                f"{event} {_key_text(dates.at[row])} is after the person's date of death "
                f"{_key_text(death.at[row])} ({people_table.file} line {line}): "
                "kept; check which date is wrong"
            )
            yield Finding(
                WARNING,
                table.file,
                int(row),
                event,
                "after_death",
                _raw_value(raw, row, event),
                f"{table.file} row {row}, {event}: {reason}",
            )


def _broken_references(
    contract: Contract, table: Table, frames: dict[str, pd.DataFrame], raw: pd.DataFrame
) -> Iterator[Finding]:
    """Identifiers that match no primary key in the referenced file (pandas isin, see module doc)."""
    frame = frames[table.name]
    for column in table.columns:
        if not column.references or column.name not in frame.columns or column.references not in frames:
            continue
        referenced = contract.table(column.references)
        keys = frames[column.references].get(referenced.primary_key)
        if keys is None:
            continue
        values = frame[column.name]
        broken = values.notna() & ~values.isin(keys.dropna().unique())
        for row in values.index[broken.to_numpy(dtype=bool)]:
            message = (
                f"{table.file} row {row}, {column.name}: '{values.at[row]}' matches no "
                f"{referenced.primary_key} in {referenced.file}"
            )
            yield Finding(
                WARNING,
                table.file,
                int(row),
                column.name,
                "reference",
                _raw_value(raw, row, column.name),
                message,
            )
