"""Load an extract folder into the raw schema, as-is, on DuckDB or PostgreSQL.

For each contract table the loader drops and recreates `<raw_schema>.<table>` with every contract
column as text (contract order), plus provenance: `_source_file` (the CSV name), `_source_row` (the
row number in the file, header = 1, first data row = 2) and `_loaded_at` (one UTC timestamp for the
whole load). Extra CSV columns are dropped, and so are personal columns (names, NHS numbers,
addresses, free text: never used, optional in the file, their raw columns hold NULL); a missing file
or needed column stops the load before anything is written, except where the contract allows it:
an optional file (table meta optional) that is absent loads as an empty raw table, and a column that
is not required and is left out of the header loads as blank in every row. Either is recorded in
`<raw_schema>._pif_extract_manifest` (one row per contract column: file present or absent, column in
the header or absent), which dbt reads to say which measures are not available from the extract
(stg_wccis__extract_availability). Both backends produce identical tables:

- empty cells load as NULL on both (DuckDB reads quoted and unquoted empties as NULL; the PostgreSQL
  stream writes them unquoted, which COPY reads as NULL); other values are loaded untrimmed;
- blank lines are skipped on both (DuckDB's CSV reader skips them), so `_source_row` counts records:
  it is the line number unless the file has blank lines or values spanning lines, which
  `pif validate` warns about;
- everything is loaded in one transaction, so a failure leaves the previous load in place.

DuckDB reads the file with read_csv (all columns VARCHAR, positional names) into a temporary table
whose rowid keeps the file order (insertion order is preserved; inside a transaction the rowids
start at a large offset, so the row number is row_number() over rowid order); PostgreSQL gets a COPY ... FROM
STDIN fed by a stream that picks the contract columns and appends the provenance values.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from tqdm import tqdm

from pif.contract import Contract, Table, load_contract, match_header, raw_schema_default, read_header
from pif.db import PostgresParams, connect_postgres, quote_identifier

FIRST_DATA_ROW = 2
COPY_CHUNK_ROWS = 2000


class LoadError(RuntimeError):
    """The extract cannot be loaded (a file or a contract column is missing)."""


@dataclass(frozen=True)
class FilePlan:
    """How one CSV file maps onto its raw table: header positions of the contract columns."""

    table: Table
    path: Path | None  # None: an optional file that is absent (its raw table is created empty)
    header: tuple[str, ...]
    positions: tuple[int | None, ...]
    dropped_columns: tuple[str, ...]
    absent_columns: tuple[str, ...] = ()  # needed columns left out of the header (loaded blank)


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
                plans.append(FilePlan(table, None, (), (None,) * len(table.column_names), (), absent))
            else:
                problems.append(f"{table.file} is missing (the contract requires it)")
            continue
        header = read_header(path)
        positions, missing, extras = match_header(header, table)
        required_missing = [name for name in missing if not table.may_be_left_out(name)]
        if required_missing:
            problems.append(f"{table.file} lacks columns {', '.join(required_missing)} (required)")
            continue
        # Personal columns are never loaded (position None: NULL), even when the file has them;
        # optional columns left out of the header load as blank (None) and are recorded.
        ordered = tuple(positions.get(name) for name in table.column_names)
        plans.append(FilePlan(table, path, tuple(header), ordered, tuple(extras), tuple(missing)))
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
    columns += ["_source_file text", "_source_row integer", "_loaded_at timestamp"]
    return f"create table {quote_identifier(schema)}.{quote_identifier(table.name)} ({', '.join(columns)})"


# --------------------------------------------------------------------------------------------------
# DuckDB


def load_duckdb(
    extract_dir: Path,
    database: Path,
    contract: Contract | None = None,
    raw_schema: str | None = None,
    loaded_at: datetime | None = None,
) -> list[LoadedTable]:
    """Load the extract into a DuckDB database file."""
    import duckdb

    contract = contract or load_contract()
    schema = raw_schema or raw_schema_default()
    plans = plan_extract(extract_dir, contract)
    stamp = loaded_at or load_timestamp()
    database.parent.mkdir(parents=True, exist_ok=True)
    connection = duckdb.connect(str(database))
    try:
        connection.execute("set preserve_insertion_order = true")
        connection.execute("begin transaction")
        connection.execute(f"create schema if not exists {quote_identifier(schema)}")
        loaded = [_load_duckdb_file(connection, schema, plan, stamp) for plan in _progress(plans)]
        connection.execute(f"drop table if exists {quote_identifier(schema)}.{MANIFEST_TABLE}")
        connection.execute(_create_manifest_sql(schema))
        connection.executemany(_insert_manifest_sql(schema, "?"), manifest_rows(plans))
        connection.execute("commit")
    except Exception:
        connection.execute("rollback")
        raise
    finally:
        connection.close()
    return loaded


def _load_duckdb_file(connection: Any, schema: str, plan: FilePlan, stamp: datetime) -> LoadedTable:
    """read_csv into a temporary table (file order = rowid), then build the raw table from it."""
    target = f"{quote_identifier(schema)}.{quote_identifier(plan.table.name)}"
    if plan.path is None:
        connection.execute(f"drop table if exists {target}")
        connection.execute(_create_table_sql(schema, plan.table))
        return LoadedTable(plan.table.name, plan.table.file, 0, ())
    names = [f"c{index}" for index in range(len(plan.header))]
    columns_struct = "{" + ", ".join(f"'{name}': 'VARCHAR'" for name in names) + "}"
    connection.execute(
        "create or replace temp table __pif_load as select * from read_csv(?, header = true, "
        f"auto_detect = false, columns = {columns_struct}, delim = ',', quote = '\"', escape = '\"', "
        "null_padding = true, parallel = false, encoding = 'utf-8')",
        [str(plan.path)],
    )
    selected = [
        f"cast({'null' if position is None else f'c{position}'} as varchar) as {quote_identifier(name)}"
        for name, position in zip(plan.table.column_names, plan.positions, strict=True)
    ]
    connection.execute(f"drop table if exists {target}")
    connection.execute(_create_table_sql(schema, plan.table))
    connection.execute(
        f"insert into {target} select {', '.join(selected)}, cast(? as varchar), "
        f"cast(row_number() over (order by rowid) + {FIRST_DATA_ROW - 1} as integer), cast(? as timestamp) "
        "from __pif_load order by rowid",
        [plan.table.file, stamp],
    )
    rows = connection.execute(f"select count(*) from {target}").fetchone()[0]
    connection.execute("drop table __pif_load")
    return LoadedTable(plan.table.name, plan.table.file, int(rows), plan.dropped_columns)


# --------------------------------------------------------------------------------------------------
# PostgreSQL


def load_postgres(
    extract_dir: Path,
    params: PostgresParams | None = None,
    contract: Contract | None = None,
    raw_schema: str | None = None,
    loaded_at: datetime | None = None,
) -> list[LoadedTable]:
    """Load the extract into PostgreSQL with COPY, in one transaction."""
    contract = contract or load_contract()
    params = params or PostgresParams.from_env()
    schema = raw_schema or raw_schema_default()
    plans = plan_extract(extract_dir, contract)
    stamp = loaded_at or load_timestamp()
    connection = connect_postgres(params)
    try:
        with connection, connection.cursor() as cursor:
            cursor.execute(f"create schema if not exists {quote_identifier(schema)}")
            loaded = [_load_postgres_file(cursor, schema, plan, stamp) for plan in _progress(plans)]
            cursor.execute(f"drop table if exists {quote_identifier(schema)}.{MANIFEST_TABLE}")
            cursor.execute(_create_manifest_sql(schema))
            cursor.executemany(_insert_manifest_sql(schema, "%s"), manifest_rows(plans))
            return loaded
    finally:
        connection.close()


def _load_postgres_file(cursor: Any, schema: str, plan: FilePlan, stamp: datetime) -> LoadedTable:
    """Drop, create and COPY one raw table from the transformed CSV stream."""
    target = f"{quote_identifier(schema)}.{quote_identifier(plan.table.name)}"
    cursor.execute(f"drop table if exists {target}")
    cursor.execute(_create_table_sql(schema, plan.table))
    if plan.path is None:
        return LoadedTable(plan.table.name, plan.table.file, 0, ())
    stream = CopyStream(transformed_rows(plan, stamp))
    cursor.copy_expert(f"copy {target} from stdin with (format csv)", stream)
    return LoadedTable(plan.table.name, plan.table.file, int(cursor.rowcount), plan.dropped_columns)


def transformed_rows(plan: FilePlan, stamp: datetime) -> Iterator[list[str]]:
    """Each data record's contract values (file order) plus _source_file, _source_row, _loaded_at.

    Blank lines are skipped and short records padded with empty values, as DuckDB's reader does.
    """
    stamp_text = stamp.isoformat(sep=" ")
    if plan.path is None:
        return
    with plan.path.open(newline="", encoding="utf-8-sig") as handle:
        reader = csv.reader(handle)
        next(reader, None)
        row_number = FIRST_DATA_ROW
        for record in reader:
            if not record:
                continue
            values = [
                record[position] if position is not None and position < len(record) else ""
                for position in plan.positions
            ]
            yield [*values, plan.table.file, str(row_number), stamp_text]
            row_number += 1


class CopyStream:
    """A read()-able text stream of CSV lines for psycopg2's copy_expert, built lazily from rows.

    Empty strings are written unquoted, which COPY (format csv) reads as NULL.
    """

    def __init__(self, rows: Iterator[Sequence[str]]) -> None:
        self._rows = rows
        self._pending = ""
        self._exhausted = False

    def _fill(self, size: int) -> None:
        """Render rows until at least `size` characters are pending (or the rows run out)."""
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        while not self._exhausted and (size < 0 or len(self._pending) + buffer.tell() < size):
            chunk = [row for _, row in zip(range(COPY_CHUNK_ROWS), self._rows, strict=False)]
            if not chunk:
                self._exhausted = True
            writer.writerows(chunk)
        self._pending += buffer.getvalue()

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
    extract_dir: Path, target: str, duckdb_path: Path | None = None, contract: Contract | None = None
) -> list[LoadedTable]:
    """Load into a target of the pif profile, in its deployment's raw schema (<schema>_raw)."""
    from pif.db import raw_schema, resolve_target

    resolved = resolve_target(target)
    schema = raw_schema(target)
    if resolved.type == "duckdb":
        path = duckdb_path or resolved.duckdb_path
        assert path is not None
        return load_duckdb(extract_dir, path, contract, raw_schema=schema)
    return load_postgres(extract_dir, resolved.postgres, contract, raw_schema=schema)
