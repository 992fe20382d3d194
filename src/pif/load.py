"""Load an extract folder into the raw schema, as-is, on DuckDB or PostgreSQL.

For each contract table the loader drops and recreates `<raw_schema>.<table>` with every contract
column as text (contract order), plus provenance: `_source_file` (the CSV name), `_source_row` (the
line the record starts on, as a person counts lines: header = 1, blank lines counted), `_source_issue`
(why the record cannot be a row as it stands, e.g. "line 7 has 7 fields, the header has 9"; staging
rejects the row with it as the reason; NULL for a good row) and `_loaded_at` (one UTC timestamp for
the whole load). Extra CSV columns are dropped, and so are personal columns (names, NHS numbers,
addresses, free text: never used, optional in the file, their raw columns hold NULL); a missing
file, a needed column missing, or a file refused as a whole (pif.reading: empty, a column twice in
the header, not UTF-8, a quote never closed) stops the load before anything is committed, with one
line naming file, line, column and value.

An optional file (table meta optional) that is absent loads as an empty raw table, and a column
that is not required and is left out of the header loads as blank in every row. Either is recorded
in `<raw_schema>._pif_extract_manifest` (one row per contract column: file present or absent, column
in the header or absent), which dbt reads to say which measures are not available from the extract.

Both backends load exactly the records `pif validate` checked: every file is read by pif.reading
(Python's csv module: mixed CRLF/LF line endings, quoted line breaks, BOM), and the same normalised
CSV text (write_csv: LF line ends, every value quoted, an empty cell as "" read as NULL) goes to
DuckDB's read_csv (through a temporary file) and to PostgreSQL's COPY. So:

- empty cells load as NULL on both; other values are loaded untrimmed;
- blank lines are skipped on both, and `_source_row` is the line number on both;
- a record with too few or too many fields is loaded (padded with NULL, extra fields dropped) with
  its `_source_issue`; a value longer than the contract's max_field_length is loaded cut to it
  with its `_source_issue`, a NUL character removed with its `_source_issue`: the same outcome on
  both databases (PostgreSQL cannot store NUL; Python's csv module stops at 131,072 characters);
- a database error is reported in one line naming the file (no traceback);
- everything is loaded in one transaction, so a failure leaves the previous load in place.
"""

from __future__ import annotations

import csv
import io
import itertools
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from operator import itemgetter
from pathlib import Path
from typing import Any, TextIO

from tqdm import tqdm

from pif.contract import DEFAULT_MAX_FIELD_LENGTH, Contract, Table, load_contract, raw_schema_default
from pif.db import PostgresParams, connect_postgres, quote_identifier, quote_literal
from pif.reading import FileRefused, Layout, RowIssue, read_layout, read_records

COPY_CHUNK_ROWS = 2000
# The schema of pif.validate's scratch database holding the extract as read (one table per file).
SCRATCH_SCHEMA = "files"
PROVENANCE = ("_source_file", "_source_row", "_source_issue", "_loaded_at")


class LoadError(RuntimeError):
    """The extract cannot be loaded (a file or a contract column is missing, a file is refused, or the
    database refused the load): the message is one line naming the file."""


@dataclass(frozen=True)
class FilePlan:
    """How one CSV file maps onto its raw table: header positions of the contract columns."""

    table: Table
    path: Path | None  # None: an optional file that is absent (its raw table is created empty)
    header: tuple[str, ...]
    positions: tuple[int | None, ...]
    dropped_columns: tuple[str, ...]
    max_field_length: int = DEFAULT_MAX_FIELD_LENGTH
    absent_columns: tuple[str, ...] = ()  # needed columns left out of the header (loaded blank)

    @property
    def loaded_columns(self) -> list[str]:
        """The contract columns read from the file (the others load as NULL), in contract order."""
        return [
            name
            for name, position in zip(self.table.column_names, self.positions, strict=True)
            if position is not None
        ]


@dataclass(frozen=True)
class LoadedTable:
    """What was loaded for one table."""

    table: str
    file: str
    rows: int
    dropped_columns: tuple[str, ...]


def plan_extract(extract_dir: Path, contract: Contract) -> list[FilePlan]:
    """Match every contract file's header to the contract; refuse (LoadError) on any gap."""
    plans: list[FilePlan] = []
    problems: list[str] = []
    for table in contract.tables:
        path = extract_dir / table.file
        if not path.is_file():
            if table.optional:
                absent = tuple(table.needed_column_names)
                plans.append(
                    FilePlan(table, None, (), (None,) * len(table.column_names), (), absent_columns=absent)
                )
            else:
                problems.append(f"{table.file} is missing (the contract requires it)")
            continue
        try:
            layout = read_layout(path, table)
        except FileRefused as refused:
            problems.append(refused.message)
            continue
        required_missing = [name for name in layout.missing if not table.may_be_left_out(name)]
        if required_missing:
            problems.append(f"{table.file} lacks columns {', '.join(required_missing)} (required)")
            continue
        # Personal columns are never loaded (position None: NULL), even when the file has them;
        # optional columns left out of the header load as blank (None) and are recorded.
        ordered = tuple(layout.positions.get(name) for name in table.column_names)
        header, extras = tuple(layout.header), tuple(layout.extras)
        plans.append(
            FilePlan(table, path, header, ordered, extras, contract.max_field_length, tuple(layout.missing))
        )
    if problems:
        raise LoadError("the extract cannot be loaded: " + "; ".join(problems))
    return plans


MANIFEST_TABLE = "_pif_extract_manifest"
MANIFEST_COLUMNS: tuple[str, ...] = ("table_name", "file_name", "file_status", "column_name", "column_status")


def manifest_rows(plans: list[FilePlan]) -> list[tuple[str, str, str, str, str]]:
    """One row per needed contract column: is the file present, is the column in its header."""
    rows = []
    for plan in plans:
        file_status = "absent" if plan.path is None else "present"
        for name in plan.table.needed_column_names:
            column_status = "absent" if name in plan.absent_columns else "in_header"
            rows.append((plan.table.name, plan.table.file, file_status, name, column_status))
    return rows


def _create_manifest_sql(schema: str) -> str:
    columns = ", ".join(f"{name} text" for name in MANIFEST_COLUMNS)
    return f"create table {quote_identifier(schema)}.{MANIFEST_TABLE} ({columns})"


def _insert_manifest_sql(schema: str, placeholder: str) -> str:
    values = ", ".join([placeholder] * len(MANIFEST_COLUMNS))
    return f"insert into {quote_identifier(schema)}.{MANIFEST_TABLE} values ({values})"


def load_timestamp() -> datetime:
    """One timestamp for the whole load: UTC, without time zone, to the second."""
    return datetime.now(UTC).replace(tzinfo=None, microsecond=0)


def _create_table_sql(schema: str, table: Table) -> str:
    """DDL for a raw table: contract columns as text, then the provenance columns."""
    columns = [f"{quote_identifier(name)} text" for name in table.column_names]
    columns += ["_source_file text", "_source_row integer", "_source_issue text", "_loaded_at timestamp"]
    return f"create table {quote_identifier(schema)}.{quote_identifier(table.name)} ({', '.join(columns)})"


# --------------------------------------------------------------------------------------------------
# DuckDB


def load_duckdb(
    extract_dir: Path,
    database: Path,
    contract: Contract | None = None,
    raw_schema: str | None = None,
    loaded_at: datetime | None = None,
    validated: Path | None = None,
) -> list[LoadedTable]:
    """Load the extract into a DuckDB database file (from `validated`, pif.validate's scratch
    database of the same files, when given: the files are not read again)."""
    import duckdb

    contract = contract or load_contract()
    schema = raw_schema or raw_schema_default()
    plans = plan_extract(extract_dir, contract)
    stamp = loaded_at or load_timestamp()
    database.parent.mkdir(parents=True, exist_ok=True)
    connection = duckdb.connect(str(database))
    try:
        connection.execute("set preserve_insertion_order = true")
        if validated is not None:
            connection.execute(f"attach {quote_literal(str(validated))} as pif_validated (read_only)")
        connection.execute("begin transaction")
        connection.execute(f"create schema if not exists {quote_identifier(schema)}")
        if validated is None:
            loaded = [load_duckdb_file(connection, schema, plan, stamp) for plan in _progress(plans)]
        else:
            loaded = [_copy_validated_duckdb(connection, schema, plan, stamp) for plan in plans]
        connection.execute(f"drop table if exists {quote_identifier(schema)}.{MANIFEST_TABLE}")
        connection.execute(_create_manifest_sql(schema))
        connection.executemany(_insert_manifest_sql(schema, "?"), manifest_rows(plans))
        connection.execute("commit")
    except FileRefused as refused:
        connection.execute("rollback")
        raise LoadError(f"the extract cannot be loaded: {refused.message}") from None
    except Exception:
        connection.execute("rollback")
        raise
    finally:
        connection.close()
    return loaded


def load_duckdb_file(
    connection: Any,
    schema: str,
    plan: FilePlan,
    stamp: datetime,
    issues: list[tuple[int, RowIssue]] | None = None,
) -> LoadedTable:
    """The normalised CSV of the file's records (pif.reading) into a temporary file, then read_csv.

    `issues`, when given, receives each record's row issues with its line (pif.validate reports them).
    """
    if plan.path is None:
        return insert_normalised(connection, schema, plan, stamp, None)
    with tempfile.TemporaryDirectory(prefix="pif-load-") as folder:
        normalised = Path(folder) / "records.csv"
        write_normalised(plan, normalised, issues)
        return insert_normalised(connection, schema, plan, stamp, normalised)


def write_normalised(plan: FilePlan, path: Path, issues: list[tuple[int, RowIssue]] | None = None) -> None:
    """The file's records (pif.reading) as normalised CSV (write_csv): the loaded columns, then
    _source_row and _source_issue. Raises FileRefused as pif.reading does."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        write_csv(handle, transformed_rows(plan, issues))


def insert_normalised(
    connection: Any, schema: str, plan: FilePlan, stamp: datetime, normalised: Path | None
) -> LoadedTable:
    """(Re)create the raw table and fill it from the file's normalised CSV (write_normalised) with
    DuckDB's read_csv; an empty table for an absent file (normalised None)."""
    import duckdb

    target = f"{quote_identifier(schema)}.{quote_identifier(plan.table.name)}"
    connection.execute(f"drop table if exists {target}")
    connection.execute(_create_table_sql(schema, plan.table))
    if normalised is None:
        return LoadedTable(plan.table.name, plan.table.file, 0, ())
    loaded = plan.loaded_columns
    types = ["VARCHAR"] * len(loaded) + ["INTEGER", "VARCHAR"]
    columns_struct = "{" + ", ".join(f"'c{i}': '{kind}'" for i, kind in enumerate(types)) + "}"
    field = {name: f"c{i}" for i, name in enumerate(loaded)}
    selected = ", ".join(
        [
            f"{field.get(name, 'cast(null as varchar)')} as {quote_identifier(name)}"
            for name in plan.table.column_names
        ]
        + [
            f"{quote_literal(plan.table.file)} as _source_file",
            f"c{len(loaded)} as _source_row",
            f"c{len(loaded) + 1} as _source_issue",
            f"timestamp '{stamp.isoformat(sep=' ')}' as _loaded_at",
        ]
    )
    try:
        # A quoted empty value ("") is NULL (allow_quoted_nulls), as an empty cell always is.
        connection.execute(
            f"insert into {target} select {selected} from read_csv(?, header = false, "
            f"auto_detect = false, columns = {columns_struct}, delim = ',', quote = '\"', "
            "escape = '\"', new_line = '\\n', strict_mode = true, encoding = 'utf-8', "
            "allow_quoted_nulls = true)",
            [str(normalised)],
        )
    except duckdb.Error as error:
        raise LoadError(f"{plan.table.file}: DuckDB could not load the file: {_first_line(error)}") from None
    rows = connection.execute(f"select count(*) from {target}").fetchone()[0]
    return LoadedTable(plan.table.name, plan.table.file, int(rows), plan.dropped_columns)


def _validated_select(plan: FilePlan) -> str:
    """The columns of a raw table, as read into the validator's scratch table (pif.validate)."""
    columns = [
        *map(quote_identifier, plan.table.column_names),
        "_source_file",
        "_source_row",
        "_source_issue",
    ]
    return f"select {', '.join(columns)} from {SCRATCH_SCHEMA}.{quote_identifier(plan.table.name)}"


def _copy_validated_duckdb(connection: Any, schema: str, plan: FilePlan, stamp: datetime) -> LoadedTable:
    """One raw table copied from the validator's scratch database (attached as pif_validated)."""
    target = f"{quote_identifier(schema)}.{quote_identifier(plan.table.name)}"
    connection.execute(f"drop table if exists {target}")
    connection.execute(_create_table_sql(schema, plan.table))
    if plan.path is None:
        return LoadedTable(plan.table.name, plan.table.file, 0, ())
    select = _validated_select(plan).replace(
        f" from {SCRATCH_SCHEMA}.", f" from pif_validated.{SCRATCH_SCHEMA}."
    )
    stamp_sql = f"timestamp '{stamp.isoformat(sep=' ')}'"
    connection.execute(f"insert into {target} select *, {stamp_sql} from ({select}) order by _source_row")
    rows = connection.execute(f"select count(*) from {target}").fetchone()[0]
    return LoadedTable(plan.table.name, plan.table.file, int(rows), plan.dropped_columns)


def _first_line(error: BaseException) -> str:
    """The first line of a database error (DuckDB and psycopg2 add pages of context)."""
    return (str(error).strip().splitlines() or [type(error).__name__])[0]


# --------------------------------------------------------------------------------------------------
# PostgreSQL


def load_postgres(
    extract_dir: Path,
    params: PostgresParams | None = None,
    contract: Contract | None = None,
    raw_schema: str | None = None,
    loaded_at: datetime | None = None,
    validated: Path | None = None,
) -> list[LoadedTable]:
    """Load the extract into PostgreSQL with COPY, in one transaction (from `validated`, pif.validate's
    scratch database of the same files, when given: the files are not read again)."""
    contract = contract or load_contract()
    params = params or PostgresParams.from_env()
    schema = raw_schema or raw_schema_default()
    plans = plan_extract(extract_dir, contract)
    stamp = loaded_at or load_timestamp()
    connection = connect_postgres(params)
    try:
        with connection, connection.cursor() as cursor:
            cursor.execute(f"create schema if not exists {quote_identifier(schema)}")
            if validated is None:
                loaded = [_load_postgres_file(cursor, schema, plan, stamp) for plan in _progress(plans)]
            else:
                loaded = [_copy_validated_postgres(cursor, schema, plan, stamp, validated) for plan in plans]
            cursor.execute(f"drop table if exists {quote_identifier(schema)}.{MANIFEST_TABLE}")
            cursor.execute(_create_manifest_sql(schema))
            cursor.executemany(_insert_manifest_sql(schema, "%s"), manifest_rows(plans))
            return loaded
    except FileRefused as refused:
        raise LoadError(f"the extract cannot be loaded: {refused.message}") from None
    finally:
        connection.close()


def _load_postgres_file(cursor: Any, schema: str, plan: FilePlan, stamp: datetime) -> LoadedTable:
    """Drop, create and COPY one raw table from the transformed CSV stream."""

    target = f"{quote_identifier(schema)}.{quote_identifier(plan.table.name)}"
    cursor.execute(f"drop table if exists {target}")
    cursor.execute(_create_table_sql(schema, plan.table))
    if plan.path is None:
        return LoadedTable(plan.table.name, plan.table.file, 0, ())
    stream = CopyStream(transformed_rows(plan))
    # _source_file and _loaded_at are the same on every row (column defaults while copying); a quoted
    # empty value ("") is NULL (FORCE_NULL), as an empty cell always is.
    loaded = [quote_identifier(name) for name in plan.loaded_columns]
    copied = ", ".join([*loaded, "_source_row", "_source_issue"])
    nullable = ", ".join([*loaded, "_source_issue"])
    cursor.execute(
        f"alter table {target} alter column _source_file set default {quote_literal(plan.table.file)}, "
        f"alter column _loaded_at set default timestamp '{stamp.isoformat(sep=' ')}'"
    )
    rows = _copy_postgres(cursor, plan, f"{target} ({copied})", f"force_null ({nullable})", stream)
    cursor.execute(
        f"alter table {target} alter column _source_file drop default, alter column _loaded_at drop default"
    )
    return LoadedTable(plan.table.name, plan.table.file, rows, plan.dropped_columns)


def _copy_postgres(cursor: Any, plan: FilePlan, into: str, options: str, source: Any) -> int:
    """COPY CSV text from `source` (a read()-able stream) into `into` (table and column list); the
    rows copied, or LoadError in one line naming the file."""
    import psycopg2

    with_options = ", ".join(["format csv", *([options] if options else [])])
    try:
        cursor.copy_expert(f"copy {into} from stdin with ({with_options})", source)
    except psycopg2.Error as error:
        raise LoadError(
            f"{plan.table.file}: PostgreSQL could not load the file: {_first_line(error)}"
        ) from None
    return int(cursor.rowcount)


def _copy_validated_postgres(
    cursor: Any, schema: str, plan: FilePlan, stamp: datetime, validated: Path
) -> LoadedTable:
    """One raw table from the validator's scratch database: DuckDB writes it as CSV (every value
    quoted, NULL as an empty cell), PostgreSQL COPYs it."""
    import duckdb

    target = f"{quote_identifier(schema)}.{quote_identifier(plan.table.name)}"
    cursor.execute(f"drop table if exists {target}")
    cursor.execute(_create_table_sql(schema, plan.table))
    if plan.path is None:
        return LoadedTable(plan.table.name, plan.table.file, 0, ())
    columns = [
        *map(quote_identifier, plan.table.column_names),
        "_source_file",
        "_source_row",
        "_source_issue",
    ]
    cursor.execute(
        f"alter table {target} alter column _loaded_at set default timestamp '{stamp.isoformat(sep=' ')}'"
    )
    with tempfile.TemporaryDirectory(prefix="pif-load-") as folder:
        exported = Path(folder) / "records.csv"
        scratch = duckdb.connect(str(validated), read_only=True)
        try:
            options = "(header false, force_quote *)"
            scratch.execute(f"copy ({_validated_select(plan)}) to {quote_literal(str(exported))} {options}")
        finally:
            scratch.close()
        with exported.open(encoding="utf-8", newline="") as handle:
            rows = _copy_postgres(cursor, plan, f"{target} ({', '.join(columns)})", "", handle)
    cursor.execute(f"alter table {target} alter column _loaded_at drop default")
    return LoadedTable(plan.table.name, plan.table.file, rows, plan.dropped_columns)


def transformed_rows(plan: FilePlan, issues: list[tuple[int, RowIssue]] | None = None) -> Iterator[tuple]:
    """Each record's values of the loaded columns (plan.loaded_columns; pif.reading, as the validator
    reads it) plus _source_row (its line) and _source_issue. Missing fields are None (NULL).
    `issues`, when given, receives each record's row issues with its line."""
    if plan.path is None:
        return
    width = len(plan.header)
    wanted = [position for position in plan.positions if position is not None]
    pick = itemgetter(*wanted) if len(wanted) > 1 else (lambda fields: (fields[wanted[0]],))
    for record in read_records(plan.path, plan.table, _layout(plan), plan.max_field_length):
        fields = record.fields
        if len(fields) >= width:
            values = pick(fields)
        else:
            count = len(fields)
            values = tuple(fields[position] if position < count else None for position in wanted)
        if record.issues:
            if issues is not None:
                issues.extend((record.line, issue) for issue in record.issues)
            yield (*values, record.line, record.issue_text)
        else:
            yield (*values, record.line, None)


def _layout(plan: FilePlan) -> Layout:
    """The plan's header as pif.reading's Layout (positions of the loaded columns)."""
    positions = {
        name: position
        for name, position in zip(plan.table.column_names, plan.positions, strict=True)
        if position is not None
    }
    return Layout(list(plan.header), positions, [], list(plan.dropped_columns))


def write_csv(handle: TextIO, rows: Iterable[Sequence[str | None]]) -> None:
    """Rows as normalised CSV: every value quoted, its quotes doubled (line breaks and carriage returns
    inside values are safe), LF line ends; None and '' are written "" and load as NULL on both
    databases (DuckDB allow_quoted_nulls, PostgreSQL FORCE_NULL). csv.writer runs at C speed."""
    csv.writer(handle, quoting=csv.QUOTE_ALL, lineterminator="\n").writerows(rows)


class CopyStream:
    """A read()-able text stream of normalised CSV (write_csv), rendered lazily from rows in chunks:
    what psycopg2's copy_expert reads."""

    def __init__(self, rows: Iterator[Sequence[str | None]]) -> None:
        self._rows = rows
        self._pending = ""
        self._exhausted = False

    def _fill(self, size: int) -> None:
        """Render rows until at least `size` characters are pending (or the rows run out)."""
        parts: list[str] = []
        length = len(self._pending)
        while not self._exhausted and (size < 0 or length < size):
            buffer = io.StringIO()
            write_csv(buffer, itertools.islice(self._rows, COPY_CHUNK_ROWS))
            text = buffer.getvalue()
            if not text:
                self._exhausted = True
            parts.append(text)
            length += len(text)
        self._pending += "".join(parts)

    def read(self, size: int = -1) -> str:
        """Up to `size` characters of CSV text ('' at the end)."""
        self._fill(size)
        if size < 0:
            text, self._pending = self._pending, ""
        else:
            text, self._pending = self._pending[:size], self._pending[size:]
        return text


def _progress(plans: list[FilePlan]) -> Iterator[FilePlan]:
    """A progress bar over the files (only on a terminal)."""
    yield from tqdm(plans, desc="Loading", unit="file", disable=None, leave=False)


def load_extract(
    extract_dir: Path,
    target: str,
    duckdb_path: Path | None = None,
    contract: Contract | None = None,
    validated: Path | None = None,
) -> list[LoadedTable]:
    """Load into a target of the pif profile, in its deployment's raw schema (<schema>_raw); from
    `validated` (pif.validate.validate_extract(keep=...) of the same folder) when given."""
    from pif.db import raw_schema, resolve_target

    resolved = resolve_target(target)
    schema = raw_schema(target)
    if resolved.type == "duckdb":
        path = duckdb_path or resolved.duckdb_path
        assert path is not None
        return load_duckdb(extract_dir, path, contract, raw_schema=schema, validated=validated)
    return load_postgres(extract_dir, resolved.postgres, contract, raw_schema=schema, validated=validated)
