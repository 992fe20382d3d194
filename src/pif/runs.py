"""Run records and the run-keyed return history, kept in the warehouse beside the return.

Two tables in the return schema (<schema>_return), written only by `pif run`:

- pif_runs: one row per run: status (running, passed, failed_validation, failed_load, failed_build,
  failed_export, interrupted), the step reached, start and end time, and what made its return:
  extract file checksums, project version and git commit, catalogue version, every dbt var in
  force, dbt and adapter versions (also written as run.json beside the run's outputs);
- pif_return_history: every figure of the return of every passed run (run_id + the long return),
  so the history says which run changed which figure, and `pif export` publishes a tested return.

A figure in pif_return_history always went through the whole build (models and data tests):
`pif run` copies the return there only after `dbt build` passed.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from typing import Any

import pandas as pd

from pif.db import query_frame, quote_identifier

RUNS_TABLE = "pif_runs"
HISTORY_TABLE = "pif_return_history"
RUN_COLUMNS: tuple[str, ...] = (
    "run_id",
    "status",
    "step",
    "target",
    "extract_dir",
    "extract_date",
    "started_at",
    "ended_at",
    "project_version",
    "git_commit",
    "catalogue_version",
    "dbt_version",
    "adapter_version",
    "dbt_vars",
    "extract_checksums",
    "warnings",
    "rejected_rows",
    "output_dir",
    "message",
)
HISTORY_COLUMNS: tuple[str, ...] = (
    "run_id",
    "collection_year",
    "measure_code",
    "part",
    "breakdown",
    "label",
    "unit",
    "value",
    "unavailable_reason",
)
FIGURE_KEY: list[str] = ["collection_year", "measure_code", "part", "breakdown"]
PASSED = "passed"


class ExportRefused(RuntimeError):
    """No tested return to export (the latest run did not pass, or no run passed)."""


@dataclass(frozen=True)
class Tables:
    """Where the run tables live."""

    schema: str

    def name(self, table: str) -> str:
        return f"{quote_identifier(self.schema)}.{quote_identifier(table)}"


def _is_postgres(connection: Any) -> bool:
    return "psycopg" in type(connection).__module__


def _placeholder(connection: Any) -> str:
    """Parameter marker: DuckDB takes ?, psycopg2 %s."""
    return "%s" if _is_postgres(connection) else "?"


def ensure_tables(connection: Any, schema: str) -> Tables:
    """Create the schema and both tables when missing (text columns: portable, exact)."""
    tables = Tables(schema)
    cursor = connection.cursor()
    try:
        cursor.execute(f"create schema if not exists {quote_identifier(schema)}")
        columns = ", ".join(f"{quote_identifier(name)} text" for name in RUN_COLUMNS)
        cursor.execute(f"create table if not exists {tables.name(RUNS_TABLE)} ({columns})")
        history = ", ".join(f"{quote_identifier(name)} text" for name in HISTORY_COLUMNS)
        cursor.execute(f"create table if not exists {tables.name(HISTORY_TABLE)} ({history})")
        # A history table from before unavailable_reason existed gains the column (empty).
        cursor.execute(
            f"alter table {tables.name(HISTORY_TABLE)} add column if not exists unavailable_reason text"
        )
        if _is_postgres(connection):
            _grant_readers(cursor, tables)
    finally:
        cursor.close()
    _commit(connection)
    return tables


def _grant_readers(cursor: Any, tables: Tables) -> None:
    """The run tables are part of the aggregate return: readable by the reporting and analyst
    roles (env PIF_REPORTING_ROLE, PIF_ANALYST_ROLE, as dbt_project.yml's grants), when they exist."""
    roles = [
        os.environ.get("PIF_REPORTING_ROLE", "pif_reporting"),
        os.environ.get("PIF_ANALYST_ROLE", "pif_analyst"),
    ]
    for role in filter(None, roles):
        cursor.execute("select 1 from pg_roles where rolname = %s", [role])
        if cursor.fetchone():
            for table in (RUNS_TABLE, HISTORY_TABLE):
                cursor.execute(f"grant select on {tables.name(table)} to {quote_identifier(role)}")


def _commit(connection: Any) -> None:
    if _is_postgres(connection):
        connection.commit()


def table_exists(connection: Any, schema: str, table: str) -> bool:
    frame = query_frame(
        connection,
        "select count(*) as n from information_schema.tables "
        f"where table_schema = '{schema.replace(chr(39), '')}' and table_name = '{table}'",
    )
    return int(frame["n"].iloc[0]) > 0


def write_run(connection: Any, schema: str, record: dict[str, Any]) -> None:
    """Insert or replace a run's row (the run updates it as it goes)."""
    tables = ensure_tables(connection, schema)
    marker = _placeholder(connection)
    values = [_text(record.get(name)) for name in RUN_COLUMNS]
    cursor = connection.cursor()
    try:
        cursor.execute(f"delete from {tables.name(RUNS_TABLE)} where run_id = {marker}", [record["run_id"]])
        cursor.execute(
            f"insert into {tables.name(RUNS_TABLE)} values ({', '.join([marker] * len(RUN_COLUMNS))})", values
        )
    finally:
        cursor.close()
    _commit(connection)


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, dict | list):
        return json.dumps(value, sort_keys=True)
    return str(value)


def write_history(connection: Any, schema: str, run_id: str, long: pd.DataFrame) -> int:
    """Store a passed run's return (the long frame pif export writes) under its run_id."""
    tables = ensure_tables(connection, schema)
    marker = _placeholder(connection)
    frame = long.assign(run_id=run_id)
    if "unavailable_reason" not in frame.columns:
        frame = frame.assign(unavailable_reason=None)
    # Text, exactly as the export writes it, so a stored return exports byte for byte the same.
    rows = [
        [None if pd.isna(value) else str(value) for value in row]
        for row in frame.loc[:, list(HISTORY_COLUMNS)].itertuples(index=False, name=None)
    ]
    cursor = connection.cursor()
    try:
        cursor.execute(f"delete from {tables.name(HISTORY_TABLE)} where run_id = {marker}", [run_id])
        names = ", ".join(quote_identifier(name) for name in HISTORY_COLUMNS)
        cursor.executemany(
            f"insert into {tables.name(HISTORY_TABLE)} ({names}) "
            f"values ({', '.join([marker] * len(HISTORY_COLUMNS))})",
            rows,
        )
    finally:
        cursor.close()
    _commit(connection)
    return len(rows)


def read_runs(connection: Any, schema: str) -> pd.DataFrame:
    """Every run, the latest first (empty when no run was recorded)."""
    if not table_exists(connection, schema, RUNS_TABLE):
        return pd.DataFrame(columns=list(RUN_COLUMNS))
    frame = query_frame(connection, f"select * from {Tables(schema).name(RUNS_TABLE)}")
    return frame.sort_values(["started_at", "run_id"], ascending=False).reset_index(drop=True)


def read_history(connection: Any, schema: str, run_id: str | None = None) -> pd.DataFrame:
    """The stored figures of one run (or of every run)."""
    if not table_exists(connection, schema, HISTORY_TABLE):
        return pd.DataFrame(columns=list(HISTORY_COLUMNS))
    where = f" where run_id = '{run_id.replace(chr(39), '')}'" if run_id else ""
    frame = query_frame(connection, f"select * from {Tables(schema).name(HISTORY_TABLE)}{where}")
    for column in HISTORY_COLUMNS:
        if column not in frame.columns:  # a history table from before the column existed
            frame[column] = ""
        if column != "value":
            frame[column] = frame[column].fillna("").astype(str)
    values = pd.to_numeric(frame["value"].astype(object), errors="coerce")
    whole = values.notna().all() and bool((values == values.round()).all())
    frame["value"] = values.astype("int64") if whole and len(values) else values
    return frame.sort_values([*FIGURE_KEY, "run_id"], kind="stable").reset_index(drop=True)


def stored_return(connection: Any, schema: str, run_id: str) -> pd.DataFrame:
    """A passed run's return as `pif export` writes it (the long layout, export order)."""
    from pif.export import LONG_COLUMNS

    frame = read_history(connection, schema, run_id)
    if "unavailable_reason" not in frame.columns:
        frame["unavailable_reason"] = ""
    frame = frame.sort_values(["measure_code", "part", "breakdown", "collection_year"], kind="stable")
    return frame.loc[:, list(LONG_COLUMNS)].reset_index(drop=True)


def run_to_export(runs: pd.DataFrame, run_id: str | None = None) -> pd.Series:
    """The run whose return may be published: the one asked for (it must have passed), else the
    latest run, which must have passed. ExportRefused otherwise, naming the last good run."""
    if runs.empty:
        raise ExportRefused(
            "no `pif run` has been recorded in this database, so no return has passed its build and "
            "tests: run `pif run EXTRACT` (or export the untested tables with --untested)"
        )
    passed = runs[runs["status"] == PASSED]
    last_good = passed.iloc[0] if not passed.empty else None
    if run_id:
        chosen = runs[runs["run_id"] == run_id]
        if chosen.empty:
            raise ExportRefused(f"no run {run_id} in this database (`pif runs list`)")
        if chosen.iloc[0]["status"] != PASSED:
            raise ExportRefused(f"run {run_id} did not pass ({chosen.iloc[0]['status']}): nothing to export")
        return chosen.iloc[0]
    latest = runs.iloc[0]
    if latest["status"] == PASSED:
        return latest
    hint = (
        f"the last good run is {last_good['run_id']} (extract {last_good['extract_dir']}); "
        f"export it with --run {last_good['run_id']}"
        if last_good is not None
        else "no run has passed yet"
    )
    raise ExportRefused(
        f"the latest run {latest['run_id']} did not pass ({latest['status']} at step {latest['step']}): "
        f"the database may hold an untested or half-built return. Not exported; {hint}"
    )


def compare_figures(left: pd.DataFrame, right: pd.DataFrame) -> pd.DataFrame:
    """Figures that differ between two runs' returns (missing on one side included)."""
    merged = left[[*FIGURE_KEY, "value"]].merge(
        right[[*FIGURE_KEY, "value"]], on=FIGURE_KEY, how="outer", suffixes=("_a", "_b")
    )
    same = (merged["value_a"] == merged["value_b"]) | (merged["value_a"].isna() & merged["value_b"].isna())
    return merged[~same].reset_index(drop=True)


def figure_changes(history: pd.DataFrame, runs: pd.DataFrame) -> pd.DataFrame:
    """For every figure, the passed runs that changed it (its first value included): run_id, the
    previous value and the new one."""
    order = runs[runs["status"] == PASSED][["run_id", "started_at"]]
    frame = history.merge(order, on="run_id").sort_values([*FIGURE_KEY, "started_at", "run_id"])
    frame["previous_value"] = frame.groupby(FIGURE_KEY, dropna=False)["value"].shift()
    first = frame.groupby(FIGURE_KEY, dropna=False).cumcount() == 0
    changed = first | (frame["value"] != frame["previous_value"])
    return frame[changed][["run_id", "started_at", *FIGURE_KEY, "previous_value", "value"]].reset_index(
        drop=True
    )
