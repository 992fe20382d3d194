"""Connections to the two supported warehouses, configured like profiles.yml.

DuckDB is the embedded default (a file, `pif.duckdb` in the project root unless PIF_DUCKDB_PATH says
otherwise); PostgreSQL takes PIF_PG_HOST, PIF_PG_PORT, PIF_PG_USER, PIF_PG_PASSWORD, PIF_PG_DATABASE
and PIF_PG_SCHEMA, with the same defaults as profiles.yml, so the loader, the exports and dbt all
talk to the same database.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from pif.contract import project_root

TARGETS: tuple[str, ...] = ("duckdb", "postgres")


@dataclass(frozen=True)
class PostgresParams:
    """Connection parameters for PostgreSQL."""

    host: str = "127.0.0.1"
    port: int = 5432
    user: str = "postgres"
    password: str = ""
    database: str = "pif"

    @classmethod
    def from_env(cls) -> PostgresParams:
        """Parameters from the PIF_PG_* environment variables profiles.yml reads (same defaults)."""
        return cls(
            host=os.environ.get("PIF_PG_HOST", cls.host),
            port=int(os.environ.get("PIF_PG_PORT", str(cls.port))),
            user=os.environ.get("PIF_PG_USER", cls.user),
            password=os.environ.get("PIF_PG_PASSWORD", cls.password),
            database=os.environ.get("PIF_PG_DATABASE", cls.database),
        )


def default_target() -> str:
    """The target from PIF_TARGET (as profiles.yml), else duckdb."""
    target = os.environ.get("PIF_TARGET", "duckdb")
    if target not in TARGETS:
        raise ValueError(f"PIF_TARGET must be one of {', '.join(TARGETS)}, not {target}")
    return target


def default_duckdb_path() -> Path:
    """PIF_DUCKDB_PATH, else pif.duckdb in the project root; relative paths are taken from the root,
    where dbt runs, so `pif load` writes the file dbt reads."""
    path = Path(os.environ.get("PIF_DUCKDB_PATH", "pif.duckdb"))
    return path if path.is_absolute() else project_root() / path


def target_schema(target: str) -> str:
    """The dbt target schema: main on DuckDB, PIF_PG_SCHEMA (default pif) on PostgreSQL."""
    return "main" if target == "duckdb" else os.environ.get("PIF_PG_SCHEMA", "pif")


def model_schema(target: str, suffix: str) -> str:
    """Where dbt builds a folder with `+schema: suffix`, e.g. main_marts or pif_marts."""
    return f"{target_schema(target)}_{suffix}"


def connect(target: str, duckdb_path: Path | None = None, read_only: bool = False) -> Any:
    """A DB-API connection to the target warehouse (close it when done)."""
    if target == "duckdb":
        import duckdb

        path = duckdb_path or default_duckdb_path()
        if read_only and not path.is_file():
            raise FileNotFoundError(f"no DuckDB database at {path}: run `pif load` and `dbt build` first")
        return duckdb.connect(str(path), read_only=read_only)
    if target == "postgres":
        import psycopg2

        params = PostgresParams.from_env()
        return psycopg2.connect(
            host=params.host,
            port=params.port,
            user=params.user,
            password=params.password,
            dbname=params.database,
        )
    raise ValueError(f"unknown target {target}: expected one of {', '.join(TARGETS)}")


def quote_identifier(name: str) -> str:
    """A double-quoted SQL identifier (valid on both DuckDB and PostgreSQL)."""
    return '"' + name.replace('"', '""') + '"'


def query_frame(connection: Any, sql: str) -> pd.DataFrame:
    """Run a query and return its rows as a DataFrame (works for DuckDB and psycopg2)."""
    cursor = connection.cursor()
    try:
        cursor.execute(sql)
        names = [column[0] for column in cursor.description]
        return pd.DataFrame(cursor.fetchall(), columns=names)
    finally:
        cursor.close()
