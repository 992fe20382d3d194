"""Validate an extract folder against the source contract, before it is loaded.

The dbt staging layer rejects bad rows in SQL; this is the early, producer-facing report on the
files themselves, so a data officer can fix the extract at source. Each check names the file, the
row (the line the record starts on, as a person counts lines: header = 1; blank lines count), the
column and the value.

How (issue 15: each row read once, every row-level check set-based in a database):

1. File-level checks while reading. Every file is read once by pif.reading, the parser the loader
   uses, and written by the loader's own code (pif.load.load_duckdb_file) into a scratch DuckDB
   database, so the rows, values and row numbers checked are those loaded and rejected by staging:
   a missing file, a file refused as a whole (empty, a column twice in the header, not UTF-8, a
   quote never closed), extra and personal columns, and records that cannot be rows (too few or too
   many fields, a value over the contract's max_field_length, a stray quote, a NUL character).
2. Header suite (great-expectations): one ExpectTableColumnsToMatchSet per file on its header reports
   every contract column the header lacks. great-expectations is not used row by row: on pandas it
   held whole files in memory and cost about 20 ms per expectation and several seconds per million
   values (issue 15), where one SQL statement per file does the same work at C speed.
3. Row-level checks, one SQL statement per file over the scratch table, values trimmed and read as
   staging reads them (macros/staging/wccis_staging.sql): required values, dates (the staging
   parser's patterns, impossible dates such as 31/02/2026), flags, numbers, codes, duplicate primary
   keys (ignoring case), references to another file's keys, dates in impossible order, numbers
   outside their plausible domain, dates outside their plausible window, records dated after the
   person's death and deaths before births, and dates written month first (the file refused).
   Messages are written in Python from the failing rows (few), so they read as before.

Severity: "error" means the extract cannot be loaded (missing file, missing column, or a file refused
as a whole in one line); "warning" means the row will be rejected by staging, or a field read as
unknown with the row kept (for an extra column, not loaded).

`pif run` keeps the scratch database (validate_extract(keep=...)) and loads the warehouse from it
(pif.load.load_extract(validated=...)), so a nightly run reads each file once.
"""

from __future__ import annotations

import csv
import logging
import multiprocessing
import os
import shutil
import tempfile
import warnings
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import asdict, dataclass, fields
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

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
from pif.db import quote_identifier, quote_literal
from pif.load import SCRATCH_SCHEMA, FilePlan, insert_normalised, load_timestamp, write_normalised
from pif.reading import WHITESPACE_CODE_POINTS, FileRefused, RowIssue, one_line, read_layout

if TYPE_CHECKING:
    import pandas as pd
    from great_expectations.core import ExpectationSuite

ERROR = "error"
WARNING = "warning"
# An extract this large is read by two worker processes (_Workers).
PARALLEL_BYTES = 20 * 1024 * 1024
FLAG_VALUES: tuple[str, ...] = ("Y", "N", "YES", "NO", "TRUE", "FALSE", "T", "F", "1", "0")
# The patterns the staging parsers accept (macros/support/parsing.sql), matched whole.
NUMBER_PATTERNS: dict[str, str] = {"integer": "[+-]?[0-9]{1,9}", "decimal": "[+-]?[0-9]{1,15}([.][0-9]+)?"}
# Staging's numeric types (a decimal is read as decimal(18, 2), so its domain is checked on that).
NUMBER_TYPES: dict[str, str] = {"integer": "integer", "decimal": "decimal(18, 2)"}
UK_DATE = "[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}"
ISO_DATE = "[0-9]{4}-[0-9]{2}-[0-9]{2}"


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


# --------------------------------------------------------------------------------------------------
# Entry points


def validate_extract(
    extract_dir: Path, contract: Contract | None = None, keep: Path | None = None
) -> list[Finding]:
    """Validate every contract file in `extract_dir`; return the findings, errors first.

    The files are read into a scratch DuckDB database in a temporary folder, removed afterwards;
    with `keep`, the database is moved to that path instead (pif.load.load_extract(validated=...)
    loads the warehouse from it, so a nightly run reads each file once)."""
    import duckdb

    contract = contract or load_contract()
    findings: list[Finding] = []
    reads: dict[str, _Read] = {}
    extract_bytes = sum(path.stat().st_size for path in extract_dir.glob("*.csv") if path.is_file())
    with (
        _Workers(extract_bytes) as workers,
        tempfile.TemporaryDirectory(prefix="pif-validate-") as folder,
    ):
        header_suite = workers.submit(_header_findings, _headers(extract_dir, contract))
        prepared = [_prepare(extract_dir, table, contract.max_field_length) for table in contract.tables]
        # The biggest files first, so the two workers finish together.
        by_size = sorted((item for item in prepared if item.plan), key=lambda item: -item.size)
        jobs = {item.table.name: workers.submit(_normalise, item.plan, Path(folder)) for item in by_size}
        database = Path(folder) / "extract.duckdb"
        connection = duckdb.connect(str(database))
        try:
            connection.execute(f"create schema {SCRATCH_SCHEMA}")
            stamp = load_timestamp()
            for item in prepared:
                job = jobs.get(item.table.name)
                reads[item.table.name] = _insert(connection, item, job.result() if job else None, stamp)
            findings.extend(
                finding for finding in header_suite.result() if reads[_table_of(contract, finding)].loaded
            )
            window = date_window()
            _shared_tables(connection, contract, reads, window)
            for table in contract.tables:
                read = reads[table.name]
                if not read.loaded:
                    findings.extend(read.findings)
                    continue
                refusal = _month_first_dates(connection, table, read.columns)
                if refusal is not None:
                    findings.append(refusal)
                    read.refused = True
                    continue
                findings.extend(read.findings)
                findings.extend(_row_findings(connection, contract, table, reads, window))
        finally:
            connection.close()
        if keep is not None:
            keep.parent.mkdir(parents=True, exist_ok=True)
            shutil.move(str(database), str(keep))
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
    keys = sorted(counts, key=lambda k: (k[2] != ERROR, k[0], k[1]))
    # The example is cut to the room the other columns leave, so file, check, severity and count
    # stay whole on a narrow (80-column) terminal (rich would shrink every column instead).
    file_width = min(24, max(len(key[0]) for key in keys))
    check_width = max(len(key[1]) for key in keys)
    count_width = max(len("Findings"), *(len(f"{counts[key]:,}") for key in keys))
    room = max(12, console.width - (file_width + check_width + len("Severity") + count_width + 20))
    table = RichTable(title="Extract validation", show_lines=False)
    table.add_column("File", no_wrap=True, overflow="ellipsis", max_width=file_width)
    table.add_column("Check", no_wrap=True)
    table.add_column("Severity", no_wrap=True, min_width=len("Severity"))
    table.add_column("Findings", justify="right", no_wrap=True)
    table.add_column("First example", overflow="ellipsis", no_wrap=True)
    for key in keys:
        colour = "red" if key[2] == ERROR else "yellow"
        example = examples[key].removeprefix(f"{key[0]} ")  # the file is in the first column
        example = example if len(example) <= room else example[: room - 1] + "…"
        table.add_row(key[0], key[1], f"[{colour}]{key[2]}[/{colour}]", f"{counts[key]:,}", example)
    console.print(table)
    errors = sum(1 for f in findings if f.severity == ERROR)
    console.print(f"{errors:,} errors, {len(findings) - errors:,} warnings")


def _finding_order(finding: Finding) -> tuple[bool, str, int, str]:
    """Errors first, then by file, row and column."""
    return (finding.severity != ERROR, finding.file, finding.row or 0, finding.column or "")


# --------------------------------------------------------------------------------------------------
# Reading files into the scratch database (file-level checks)


@dataclass
class _Read:
    """One file read into the scratch database: its file-level findings and what was loaded."""

    findings: list[Finding]
    header: tuple[str, ...] = ()  # the contract columns in the file's header, contract order
    columns: tuple[Column, ...] = ()  # those columns (checked row by row)
    loaded: bool = False  # the file's rows are in the scratch table
    refused: bool = False  # the file is refused as a whole (month-first dates): its rows are not checked


@dataclass
class _Prepared:
    """A file before its rows are read: its plan (None when absent or refused) and findings so far."""

    table: Table
    findings: list[Finding]
    plan: FilePlan | None = None
    size: int = 0


def _prepare(extract_dir: Path, table: Table, max_field_length: int = DEFAULT_MAX_FIELD_LENGTH) -> _Prepared:
    """The header of one contract file matched to the contract: a missing file, a file refused on its
    header (one error), extra and personal columns (warnings), and the loader's plan for its rows."""
    path = extract_dir / table.file
    if not path.is_file():
        if table.optional:
            message = (
                f"{table.file} is absent from {extract_dir}: it is optional; the measures that need it "
                "are reported as not available from this extract"
            )
            return _Prepared(table, [Finding(WARNING, table.file, None, None, "absent_file", None, message)])
        message = f"{table.file} is missing from {extract_dir}: the source contract requires it"
        return _Prepared(table, [Finding(ERROR, table.file, None, None, "missing_file", None, message)])
    try:
        layout = read_layout(path, table)
    except FileRefused as refused:
        return _Prepared(table, [_refusal(refused)])
    personal = {column.name for column in table.columns if column.personal}
    supplied = [name for name in layout.extras if name.strip().lower() in personal]
    findings = [_extra_column(table, name) for name in layout.extras if name not in supplied]
    if supplied:
        findings.append(_personal_columns(table, supplied))
    plan = FilePlan(
        table,
        path,
        tuple(layout.header),
        tuple(layout.positions.get(name) for name in table.column_names),
        tuple(layout.extras),
        max_field_length,
        tuple(layout.missing),
    )
    return _Prepared(table, findings, plan, path.stat().st_size)


@dataclass(frozen=True)
class _Normalised:
    """A file's rows written as normalised CSV (pif.load.write_normalised), or why it was refused."""

    path: Path | None
    issues: list[tuple[int, RowIssue]]
    refusal: Finding | None = None


def _normalise(plan: FilePlan, folder: Path) -> _Normalised:
    """Read one file's records (pif.reading) into normalised CSV; runs in a worker process for a large
    extract (so a refusal comes back as a Finding: FileRefused does not pickle)."""
    path = folder / f"{plan.table.name}.csv"
    issues: list[tuple[int, RowIssue]] = []
    try:
        write_normalised(plan, path, issues)
    except FileRefused as refused:
        path.unlink(missing_ok=True)
        return _Normalised(None, [], _refusal(refused))
    return _Normalised(path, issues)


def _insert(connection: Any, prepared: _Prepared, normalised: _Normalised | None, stamp: datetime) -> _Read:
    """Fill the file's scratch table from its normalised CSV (the loader's own code), with the file's
    findings: a refusal replaces them, each record that cannot be a row adds one."""
    table, plan = prepared.table, prepared.plan
    if plan is None or normalised is None:
        return _Read(prepared.findings)
    if normalised.refusal is not None or normalised.path is None:
        return _Read([normalised.refusal] if normalised.refusal else [])
    insert_normalised(connection, SCRATCH_SCHEMA, plan, stamp, normalised.path)
    normalised.path.unlink(missing_ok=True)
    findings = prepared.findings + [_row_issue(table, line, issue) for line, issue in normalised.issues]
    present = tuple(
        column
        for column in table.columns
        if plan.positions[table.column_names.index(column.name)] is not None
    )
    return _Read(findings, tuple(column.name for column in present), present, loaded=True)


def _scratch(table: Table) -> str:
    return f"{SCRATCH_SCHEMA}.{quote_identifier(table.name)}"


def _refusal(refused: FileRefused) -> Finding:
    """Error for a file refused as a whole (pif.reading), in its one line."""
    return Finding(
        ERROR, refused.file, refused.line, refused.column, refused.check, refused.value, refused.message
    )


def _row_issue(table: Table, line: int, issue: RowIssue) -> Finding:
    """Warning for a record staging rejects as it stands in the file (pif.reading's row issues)."""
    message = f"{table.file} row {line}{f', {issue.column}' if issue.column else ''}: {issue.text}"
    return Finding(WARNING, table.file, line, issue.column, issue.check, issue.value, message)


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


# --------------------------------------------------------------------------------------------------
# great-expectations: the header suite


def _headers(extract_dir: Path, contract: Contract) -> list[tuple[Table, list[str]]]:
    """Each readable file's contract columns in its header (the header row only: cheap)."""
    headers = []
    for table in contract.tables:
        path = extract_dir / table.file
        if path.is_file():
            try:
                layout = read_layout(path, table)
            except FileRefused:
                continue  # reported when the file is read
            headers.append((table, list(layout.positions)))
    return headers


def _table_of(contract: Contract, finding: Finding) -> str:
    return next(table.name for table in contract.tables if table.file == finding.file)


class _Workers:
    """Two worker processes for a large extract: they read files into normalised CSV (Python's csv
    module runs on one core) and run the great-expectations header suite (importing it alone takes
    seconds) while this process loads what they wrote into DuckDB. A small extract, or a machine
    without fork, does it all in this process (great-expectations is then imported once per process)."""

    def __init__(self, extract_bytes: int) -> None:
        self._parallel = extract_bytes >= PARALLEL_BYTES and "fork" in multiprocessing.get_all_start_methods()
        self._pool: Any = None

    def __enter__(self) -> _Workers:
        if self._parallel:
            self._pool = ProcessPoolExecutor(max_workers=2, mp_context=multiprocessing.get_context("fork"))
        return self

    def submit(self, function: Callable[..., Any], *args: Any) -> Future[Any]:
        """Run function(*args) in a worker (or here, at once, with its result in a Future)."""
        if self._pool is not None:
            return self._pool.submit(function, *args)
        done: Future[Any] = Future()
        done.set_result(function(*args))
        return done

    def __exit__(self, *_: object) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)


def _header_findings(headers: Sequence[tuple[Table, list[str]]]) -> list[Finding]:
    """Contract columns absent from each file's header: one great-expectations suite per file, an
    ExpectTableColumnsToMatchSet over the header (one expectation reports every missing column)."""
    if not headers:
        return []
    import pandas as pd

    context = _gx_context()
    findings: list[Finding] = []
    for table, header in headers:
        frame = pd.DataFrame({name: pd.Series([], dtype=object) for name in header})
        for result in _run_suite(context, table, frame, _header_suite(table)):
            mismatched = (result.result.get("details") or {}).get("mismatched") or {}
            missing = set(mismatched.get("missing") or [])
            findings.extend(
                _missing_column(table, name) for name in table.needed_column_names if name in missing
            )
    return findings


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


def _header_suite(table: Table) -> ExpectationSuite:
    """The file-level suite of one file: its header holds every contract column (personal ones
    excepted: never loaded, so optional)."""
    import great_expectations as gx

    suite = gx.ExpectationSuite(name=f"wccis_{table.name}")
    suite.add_expectation(
        gx.expectations.ExpectTableColumnsToMatchSet(column_set=table.needed_column_names, exact_match=False)
    )
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
# Row-level checks in SQL


def _whitespace_sql() -> str:
    """The whitespace trimmed from every value (pif.reading.WHITESPACE; staging's pif_trim) in SQL."""
    return "(" + " || ".join(f"chr({code})" for code in WHITESPACE_CODE_POINTS) + ")"


def _value_sql(column: Column) -> str:
    """A column's value as staging reads it: trimmed, empty as NULL, codes and flags upper-cased."""
    value = f"nullif(trim({quote_identifier(column.name)}, {_whitespace_sql()}), '')"
    return f"upper({value})" if column.type in ("code", "flag") else value


def date_sql(value: str) -> str:
    """A DD/MM/YYYY or YYYY-MM-DD text as a date, NULL when impossible (staging's try_parse_date)."""
    parsed = (
        f"cast(case when regexp_full_match({value}, '{UK_DATE}') then try_strptime({value}, '%d/%m/%Y') "
        f"when regexp_full_match({value}, '{ISO_DATE}') then try_strptime({value}, '%Y-%m-%d') end as date)"
    )
    return f"case when {parsed} >= date '0001-01-01' then {parsed} end"


def _number_sql(column: Column, value: str) -> str:
    """A number as staging parses it (its pattern, then its type), NULL when it does not parse."""
    return (
        f"case when regexp_full_match({value}, '{NUMBER_PATTERNS[column.type]}') "
        f"then cast({value} as {NUMBER_TYPES[column.type]}) end"
    )


def _in_list(values: Iterable[object]) -> str:
    return ", ".join(quote_literal(str(value)) for value in values)


def _values_cte(table: Table, columns: Sequence[Column]) -> str:
    """`v`: one row per record, its line, and per checked column the raw text, the value as staging
    reads it (c), and for dates and numbers the parsed value (c__date, c__number)."""
    selected = ["_source_row as line"]
    for column in columns:
        name = column.name
        selected.append(f"{quote_identifier(name)} as {quote_identifier(name + '__raw')}")
        selected.append(f"{_value_sql(column)} as {quote_identifier(name)}")
    outer = ["*"]
    for column in columns:
        name = quote_identifier(column.name)
        if column.type == "date":
            outer.append(f"{date_sql(name)} as {quote_identifier(column.name + '__date')}")
        elif column.type in NUMBER_PATTERNS:
            outer.append(f"{_number_sql(column, name)} as {quote_identifier(column.name + '__number')}")
    inner = f"select {', '.join(selected)} from {_scratch(table)}"
    return f"v as (select {', '.join(outer)} from ({inner}))"


@dataclass(frozen=True)
class _RowCheck:
    """One SQL check: the failing rows of `v` (`where`), reported on `column` as `check`; `details`
    are up to two SQL expressions the message quotes."""

    check: str
    column: str
    where: str
    details: tuple[str, ...] = ()
    source: str = "v"
    text: str = ""  # a fixed part of the message (a date window, the referenced key and file)


def _column_checks(
    contract: Contract, table: Table, column: Column, window: DateWindow
) -> Iterator[_RowCheck]:
    """The row-level checks of one column present in the file, from its contract type and meta."""
    name = quote_identifier(column.name)
    if table.is_required(column):
        yield _RowCheck("required", column.name, f"{name} is null")
    if column.type == "date":
        parsed = quote_identifier(column.name + "__date")
        yield _RowCheck("date", column.name, f"{name} is not null and {parsed} is null")
    elif column.type == "flag":
        yield _RowCheck("flag", column.name, f"{name} not in ({_in_list(FLAG_VALUES)})")
    elif column.type in NUMBER_PATTERNS:
        pattern = NUMBER_PATTERNS[column.type]
        yield _RowCheck(column.type, column.name, f"not regexp_full_match({name}, '{pattern}')")
    if column.code_list:
        codes = sorted(contract.codes(column.code_list))
        yield _RowCheck(
            "code", column.name, f"{name} not in ({_in_list(codes)})" if codes else f"{name} is not null"
        )


def _domain_check(column: Column) -> _RowCheck | None:
    """A number outside its plausible domain (contract minimum, maximum, allowed_values,
    max_decimals), as staging reads it: the row is kept, the value read as unknown."""
    if not column.has_value_domain:
        return None
    name, number = quote_identifier(column.name), quote_identifier(column.name + "__number")
    outside = []
    if column.allowed_values:
        outside.append(f"{number} not in ({', '.join(str(value) for value in column.allowed_values)})")
    if column.minimum is not None:
        outside.append(f"{number} < {column.minimum}")
    if column.maximum is not None:
        outside.append(f"{number} > {column.maximum}")
    if column.max_decimals is not None:
        outside.append(
            f"({number} is not null and position('.' in {name}) > 0 "
            f"and length({name}) - position('.' in {name}) > {column.max_decimals})"
        )
    return _RowCheck("domain", column.name, " or ".join(outside))


def _date_checks(table: Table, present: set[str], window: DateWindow) -> Iterator[_RowCheck]:
    """Dates in impossible order (date_order and field_date_order pairs, both in the file), then
    dates outside their plausible window."""
    for earlier, later in (*table.date_order, *table.field_date_order):
        if earlier in present and later in present:
            where = f"{quote_identifier(later + '__date')} < {quote_identifier(earlier + '__date')}"
            yield _RowCheck("date_order", later, where, (quote_identifier(earlier),))
    for column in table.columns:
        if column.type == "date" and column.name in present:
            earliest, latest = window.bounds(column)
            parsed = quote_identifier(column.name + "__date")
            where = f"{parsed} < date '{earliest.isoformat()}' or {parsed} > date '{latest.isoformat()}'"
            consequence = (
                "the row is rejected"
                if table.date_window_rejects(column)
                else "the row is kept, the date read as unknown"
            )
            text = f"{earliest:%d/%m/%Y} to {latest:%d/%m/%Y}; {consequence}"
            yield _RowCheck("date_range", column.name, where, text=text)


def _key_check(table: Table) -> _RowCheck:
    """Every repeat of a primary key after its first row, keys compared ignoring case (staging keeps
    the first row and rejects the rest)."""
    key = quote_identifier(table.primary_key)
    source = (
        f"(select *, min(line) over (partition by upper({key})) as first_line, first_value({key}) over "
        f"(partition by upper({key}) order by line) as first_value from v where {key} is not null)"
    )
    return _RowCheck(
        "duplicate_key", table.primary_key, "line > first_line", ("first_line", "first_value"), source
    )


def _reference_checks(
    contract: Contract, table: Table, present: set[str], reads: dict[str, _Read]
) -> Iterator[_RowCheck]:
    """Identifiers matching no primary key of the referenced file (when that file was read)."""
    for column in table.columns:
        target = column.references
        if not target or column.name not in present or target not in reads:
            continue
        referenced = contract.table(target)
        if not reads[target].loaded or referenced.primary_key not in reads[target].header:
            continue
        name = quote_identifier(column.name)
        keys = f"select key from {SCRATCH_SCHEMA}.{quote_identifier('keys__' + target)}"
        where = f"{name} is not null and {name} not in ({keys})"
        yield _RowCheck(
            "reference", column.name, where, text=f"{referenced.primary_key} in {referenced.file}"
        )


def _death_checks(
    contract: Contract, table: Table, present: set[str], reads: dict[str, _Read], window: DateWindow
) -> Iterator[_RowCheck]:
    """Cross-file date warnings, as stg_wccis__implausible_dates: a record dated after its person's
    date of death, a date of death before the date of birth (dates inside their plausible windows).
    The record is kept and counted."""
    people = contract.table("people")
    read = reads.get("people")
    if (
        read is None
        or not read.loaded
        or not {"person_id", "date_of_birth", "date_of_death"} <= set(read.header)
    ):
        return
    death_low, death_high = window.bounds(people.column("date_of_death"))
    if table.name == "people":
        birth_low, birth_high = window.bounds(people.column("date_of_birth"))
        where = (
            "date_of_death__date < date_of_birth__date "
            f"and date_of_death__date between date '{death_low}' and date '{death_high}' "
            f"and date_of_birth__date between date '{birth_low}' and date '{birth_high}'"
        )
        yield _RowCheck(
            "death_before_birth", "date_of_death", where, ("date_of_death__date", "date_of_birth__date")
        )
        return
    event = table.event_date_column
    if event is None or event not in present:
        return
    low, high = window.bounds(table.column(event))
    deaths = f"{SCRATCH_SCHEMA}.deaths"
    event_date = quote_identifier(event + "__date")
    for column in table.columns:
        if column.references != "people" or column.name not in present:
            continue
        source = (
            f"(select v.*, deaths.death, deaths.death_line from v join {deaths} as deaths "
            f"on deaths.person = v.{quote_identifier(column.name)})"
        )
        where = f"{event_date} > death and {event_date} between date '{low}' and date '{high}'"
        yield _RowCheck("after_death", event, where, (event_date, "death", "death_line"), source, people.file)


def _shared_tables(connection: Any, contract: Contract, reads: dict[str, _Read], window: DateWindow) -> None:
    """Tables several files' checks read, made once: the primary keys of every file another refers
    to (keys__<table>), and the people with a plausible date of death (deaths: the person's first row
    in people.csv, as staging keeps the first of a repeated key)."""
    referenced = {
        column.references for table in contract.tables for column in table.columns if column.references
    }
    for name in sorted(referenced):
        read = reads.get(name)
        table = contract.table(name)
        if read is None or not read.loaded or table.primary_key not in read.header:
            continue
        key = _value_sql(table.column(table.primary_key))
        connection.execute(
            f"create table {SCRATCH_SCHEMA}.{quote_identifier('keys__' + name)} as "
            f"select distinct {key} as key from {_scratch(table)} where {key} is not null"
        )
    read = reads.get("people")
    if read is None or not read.loaded or not {"person_id", "date_of_death"} <= set(read.header):
        return
    people = contract.table("people")
    low, high = window.bounds(people.column("date_of_death"))
    person_id = _value_sql(people.column("person_id"))
    death = date_sql(_value_sql(people.column("date_of_death")))
    connection.execute(
        f"create table {SCRATCH_SCHEMA}.deaths as select person, death, line as death_line from ("
        f"select {person_id} as person, {death} as death, _source_row as line, "
        f"row_number() over (partition by {person_id} order by _source_row) as nth from {_scratch(people)}) "
        f"where nth = 1 and death between date '{low}' and date '{high}'"
    )


def _row_findings(
    connection: Any, contract: Contract, table: Table, reads: dict[str, _Read], window: DateWindow
) -> list[Finding]:
    """Every row-level finding of one file, from one SQL statement over its scratch table."""
    columns = reads[table.name].columns
    present = {column.name for column in columns}
    checks: list[_RowCheck] = []
    for column in columns:
        checks.extend(_column_checks(contract, table, column, window))
        if column.name == table.primary_key:
            checks.append(_key_check(table))
    checks.extend(_date_checks(table, present, window))
    checks.extend(check for column in columns if (check := _domain_check(column)) is not None)
    checks.extend(_reference_checks(contract, table, present, reads))
    checks.extend(_death_checks(contract, table, present, reads, window))
    if not checks:
        return []
    selects = []
    for order, check in enumerate(checks):
        details = [f"cast({detail} as varchar)" for detail in check.details]
        details += ["cast(null as varchar)"] * (3 - len(details))
        raw = quote_identifier(check.column + "__raw")
        value = quote_identifier(check.column)
        selects.append(
            f"select {order} as check_order, line, {raw} as raw, cast({value} as varchar) as value, "
            f"{', '.join(details)} from {check.source} where {check.where}"
        )
    sql = f"with {_values_cte(table, columns)} " + " union all ".join(selects) + " order by check_order, line"
    findings = []
    for order, line, raw, value, *details in connection.execute(sql).fetchall():
        check = checks[order]
        findings.append(_finding(table, check, int(line), raw or "", value, details))
    return findings


def _finding(
    table: Table, check: _RowCheck, line: int, raw: str, value: str | None, details: list[str | None]
) -> Finding:
    """A row-level warning with its message: file, row, column, then what is wrong."""
    column = table.column(check.column)
    return Finding(
        WARNING,
        table.file,
        line,
        column.name,
        check.check,
        raw,
        f"{table.file} row {line}, {column.name}: {_problem(table, check, column, raw, value, details)}",
    )


def _problem(
    table: Table, check: _RowCheck, column: Column, raw: str, value: str | None, details: list[str | None]
) -> str:
    """The text after 'file row N, column:' saying what is wrong and what is expected."""
    shown = one_line(raw.strip())
    kind = check.check
    if kind == "required":
        return "value is missing (required)"
    if kind == "date":
        return f"'{shown}' is not a valid date (expected DD/MM/YYYY)"
    if kind == "flag":
        return f"'{shown}' is not a flag (expected Y or N)"
    if kind == "integer":
        return f"'{shown}' is not a whole number"
    if kind == "decimal":
        return f"'{shown}' is not a number"
    if kind == "code":
        kept = ""
        if column.name in table.field_issue_columns:
            kept = " (the row is kept, the code read as not recorded)"
        return f"'{shown}' is not in code list {column.code_list} (seeds/code_map.csv){kept}"
    if kind == "duplicate_key":
        first_line, first_value = details[0], details[1]
        spelt = "" if value == first_value else f" '{first_value}' (keys are compared ignoring case)"
        return f"'{value}' repeats row {first_line}{spelt} (duplicate primary key)"
    if kind == "reference":
        return f"'{value}' matches no {check.text}"
    if kind == "date_order":
        earlier = next(
            pair[0] for pair in (*table.date_order, *table.field_date_order) if pair[1] == column.name
        )
        kept = (
            " (the row is kept, this date read as unknown)"
            if column.name in table.field_issue_columns
            else ""
        )
        return f"'{shown}' is before {earlier} '{details[0]}'{kept}"
    if kind == "domain":
        return (
            f"'{short_value(raw.strip())}' is outside the plausible domain ({column.domain_text()}); "
            "the row is kept, the value read as unknown"
        )
    if kind == "date_range":
        return f"'{short_value(raw.strip())}' is outside the plausible range {check.text}"
    if kind == "death_before_birth":
        return (
            f"date_of_death {_day_first(details[0])} is before the date of birth {_day_first(details[1])}: "
            "kept with both dates as recorded; check which date is wrong"
        )
    if kind == "after_death":
        return (
            f"{column.name} {_day_first(details[0])} is after the person's date of death "
            f"{_day_first(details[1])} ({check.text} line {details[2]}): kept; check which date is wrong"
        )
    raise ValueError(f"unknown check {kind}")


def _day_first(iso: str | None) -> str:
    """A YYYY-MM-DD date as DD/MM/YYYY."""
    year, month, day = (iso or "").split("-")
    return f"{day}/{month}/{int(year)}"


def _month_first_dates(connection: Any, table: Table, columns: Sequence[Column]) -> Finding | None:
    """Refuse a file whose dates are written month first (MM/DD/YYYY, US format).

    A date such as 05/04/2026 reads either way; only a first number over 12 (25/12/2025: day first)
    or a second one over 12 (12/25/2025: month first) tells. The file is refused when at least one
    of its dates reads only month first and such dates outnumber those that read only day first
    (over every date column of the file): read day first, its other dates would have day and month
    swapped. A few month-first values in a day-first file are rejected row by row as invalid dates.
    """
    dates = [column for column in columns if column.type == "date"]
    if not dates:
        return None
    parts = []
    for order, column in enumerate(dates):
        value = _value_sql(column)
        parts.append(
            f"select line, {order} as column_order, {quote_literal(column.name)} as column_name, value, "
            "try_cast(split_part(value, '/', 1) as integer) as first, "
            "try_cast(split_part(value, '/', 2) as integer) as second "
            f"from (select _source_row as line, {value} as value from {_scratch(table)}) "
            f"where regexp_full_match(value, '[0-9]{{1,2}}/[0-9]{{1,2}}/[0-9]{{4}}')"
        )
    slashed = " union all ".join(parts)
    month_first = "second between 13 and 31 and first between 1 and 12"
    day_first = "first between 13 and 31 and second <= 12"
    sql = (
        f"select count(*) filter (where {month_first}), count(*) filter (where {day_first}), "
        "arg_min([cast(line as varchar), column_name, value], [line, column_order]) "
        f"filter (where {month_first}) "
        f"from ({slashed})"
    )
    month_count, day_count, first = connection.execute(sql).fetchone()
    if not month_count or month_count <= day_count:
        return None
    row, column, value = int(first[0]), first[1], first[2]
    message = (
        f"{table.file} row {row}, {column}: '{value}' is a month-first date (MM/DD/YYYY): "
        f"{month_count:,} of the file's dates read only month first and {day_count:,} only day first, "
        "so its dates are US format and would be read with day and month swapped; export dates as "
        "DD/MM/YYYY or YYYY-MM-DD, the file cannot be loaded"
    )
    return Finding(ERROR, table.file, row, column, "month_first_dates", value, message)
