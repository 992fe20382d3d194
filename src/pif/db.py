"""Connections to the two supported warehouses, read from the same dbt profile dbt uses.

The profile `pif` is read from profiles.yml in DBT_PROFILES_DIR, else the project folder, else
~/.dbt (dbt's own order), and rendered like dbt renders it (env_var, as_number), so the loader, the
exports and dbt always talk to the same database, schema and SSL settings. `--target` names one of
its outputs (duckdb or postgres); its `type` decides the backend.

Secrets: the password is never part of a repr, an error message or a log line. A connection that
fails raises WarehouseConnectionError, one line naming host, port, database and user.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd
import yaml

from pif.contract import project_root

TARGETS: tuple[str, ...] = ("duckdb", "postgres")
PROFILE_NAME = "pif"
# libpq SSL settings passed through from the profile (dbt-postgres names them the same way).
SSL_KEYS: tuple[str, ...] = ("sslmode", "sslcert", "sslkey", "sslrootcert")


class WarehouseConnectionError(RuntimeError):
    """The warehouse cannot be reached or refused the login (the message holds no secret)."""


class ProfileError(RuntimeError):
    """profiles.yml is missing, malformed or has no such target."""


@dataclass(frozen=True)
class PostgresParams:
    """Connection parameters for PostgreSQL; the password never appears in a repr."""

    host: str = "127.0.0.1"
    port: int = 5432
    user: str = "postgres"
    password: str = field(default="", repr=False)
    database: str = "pif"
    schema: str = "pif"
    ssl: tuple[tuple[str, str], ...] = ()

    def __repr__(self) -> str:
        masked = "'***'" if self.password else "''"
        return (
            f"PostgresParams(host={self.host!r}, port={self.port}, user={self.user!r}, "
            f"password={masked}, database={self.database!r}, schema={self.schema!r}, ssl={dict(self.ssl)!r})"
        )

    __str__ = __repr__

    @property
    def where(self) -> str:
        """host:port, database and user, for messages (never the password)."""
        return f"{self.host}:{self.port}, database {self.database}, user {self.user}"

    @classmethod
    def from_env(cls) -> PostgresParams:
        """Parameters of the profile's postgres target (which reads the PIF_PG_* variables)."""
        return resolve_target("postgres").postgres or cls()


@dataclass(frozen=True)
class ResolvedTarget:
    """One output of the pif profile: its name, backend type and schema, and where it connects."""

    name: str
    type: str
    schema: str
    duckdb_path: Path | None = None
    postgres: PostgresParams | None = None

    def model_schema(self, suffix: str) -> str:
        """Where dbt builds a folder with `+schema: suffix`, e.g. main_marts or pif_marts."""
        return f"{self.schema}_{suffix}"

    @property
    def where(self) -> str:
        """Where the target points, for messages."""
        if self.type == "duckdb":
            return f"DuckDB {self.duckdb_path}"
        assert self.postgres is not None
        return f"PostgreSQL {self.postgres.where}, schema {self.schema}"


def profiles_dir() -> Path:
    """dbt's order: DBT_PROFILES_DIR, else the project folder when it has profiles.yml, else ~/.dbt."""
    explicit = os.environ.get("DBT_PROFILES_DIR")
    if explicit:
        return Path(explicit).expanduser()
    root = project_root()
    if (root / "profiles.yml").is_file():
        return root
    return Path.home() / ".dbt"


def _render(text: str) -> Any:
    """profiles.yml rendered as dbt renders it (env_var with a default, as_number, as_bool)."""
    import jinja2

    def env_var(name: str, default: str | None = None) -> str:
        if name in os.environ:
            return os.environ[name]
        if default is None:
            raise ProfileError(f"profiles.yml needs the environment variable {name}")
        return default

    environment = jinja2.Environment(undefined=jinja2.StrictUndefined)
    environment.filters["as_number"] = lambda value: value
    environment.filters["as_bool"] = lambda value: value
    environment.filters["as_text"] = lambda value: value
    environment.globals["env_var"] = env_var

    def render(node: Any) -> Any:
        if isinstance(node, dict):
            return {key: render(value) for key, value in node.items()}
        if isinstance(node, list):
            return [render(value) for value in node]
        if isinstance(node, str) and "{{" in node:
            return environment.from_string(node).render()
        return node

    return render(yaml.safe_load(text) or {})


def load_profile() -> dict[str, Any]:
    """The rendered `pif` profile."""
    path = profiles_dir() / "profiles.yml"
    if not path.is_file():
        raise ProfileError(f"no profiles.yml in {path.parent} (DBT_PROFILES_DIR)")
    profile = _render(path.read_text(encoding="utf-8")).get(PROFILE_NAME)
    if not isinstance(profile, dict) or not profile.get("outputs"):
        raise ProfileError(f"{path} has no profile '{PROFILE_NAME}' with outputs")
    return profile


def default_target() -> str:
    """The profile's default target (PIF_TARGET in the project's profiles.yml, else duckdb)."""
    target = os.environ.get("PIF_TARGET")
    if target:
        return target
    try:
        return str(load_profile().get("target") or "duckdb")
    except ProfileError:
        return "duckdb"


def resolve_target(name: str | None = None) -> ResolvedTarget:
    """The named output of the pif profile (default: the profile's target)."""
    profile = load_profile()
    chosen = name or str(profile.get("target") or "duckdb")
    outputs = profile["outputs"]
    if chosen not in outputs:
        raise ProfileError(
            f"the pif profile ({profiles_dir() / 'profiles.yml'}) has no target '{chosen}': "
            f"it has {', '.join(outputs)}"
        )
    output = outputs[chosen]
    kind = str(output.get("type"))
    if kind == "duckdb":
        path = Path(str(output.get("path") or "pif.duckdb"))
        path = path if path.is_absolute() else project_root() / path
        return ResolvedTarget(chosen, kind, str(output.get("schema") or "main"), duckdb_path=path)
    if kind == "postgres":
        params = PostgresParams(
            host=str(output.get("host", "127.0.0.1")),
            port=int(output.get("port", 5432)),
            user=str(output.get("user", "postgres")),
            password=str(output.get("password", output.get("pass", "")) or ""),
            database=str(output.get("dbname", output.get("database", "pif"))),
            schema=str(output.get("schema", "pif")),
            ssl=tuple((key, str(output[key])) for key in SSL_KEYS if output.get(key)),
        )
        return ResolvedTarget(chosen, kind, params.schema, postgres=params)
    raise ProfileError(f"target '{chosen}' has type {kind}: pif supports duckdb and postgres")


def default_duckdb_path() -> Path:
    """The DuckDB file of the profile's duckdb target (PIF_DUCKDB_PATH, else pif.duckdb)."""
    try:
        path = resolve_target("duckdb").duckdb_path
    except ProfileError:
        path = None
    if path is None:
        path = Path(os.environ.get("PIF_DUCKDB_PATH", "pif.duckdb"))
    return path if path.is_absolute() else project_root() / path


def target_schema(target: str) -> str:
    """The dbt target schema of a target: main on DuckDB, the profile's schema on PostgreSQL."""
    return resolve_target(target).schema


def model_schema(target: str, suffix: str) -> str:
    """Where dbt builds a folder with `+schema: suffix`, e.g. main_marts or pif_marts."""
    return f"{target_schema(target)}_{suffix}"


def raw_schema(target: str) -> str:
    """Where the loader writes and the dbt sources read: <target schema>_raw, one per deployment
    (the dbt var raw_schema overrides it on both sides when set)."""
    from pif.contract import raw_schema_override

    return raw_schema_override() or model_schema(target, "raw")


def connect_postgres(params: PostgresParams, **options: Any) -> Any:
    """A psycopg2 connection; any failure becomes one line without the password."""
    import psycopg2

    try:
        return psycopg2.connect(
            host=params.host,
            port=params.port,
            user=params.user,
            password=params.password,
            dbname=params.database,
            connect_timeout=int(os.environ.get("PIF_PG_CONNECT_TIMEOUT", "15")),
            **dict(params.ssl),
            **options,
        )
    except psycopg2.Error as error:
        reason = " ".join(str(error).split()) or type(error).__name__
        if params.password:
            reason = reason.replace(params.password, "***")
        raise WarehouseConnectionError(f"cannot connect to PostgreSQL at {params.where}: {reason}") from None


def connect(target: str, duckdb_path: Path | None = None, read_only: bool = False) -> Any:
    """A DB-API connection to the target warehouse (close it when done)."""
    resolved = resolve_target(target)
    if resolved.type == "duckdb":
        import duckdb

        path = duckdb_path or resolved.duckdb_path or default_duckdb_path()
        if read_only and not path.is_file():
            raise WarehouseConnectionError(
                f"no DuckDB database at {path}: run `pif run` (or `pif load` and `dbt build`) first"
            )
        try:
            return duckdb.connect(str(path), read_only=read_only)
        except duckdb.Error as error:
            raise WarehouseConnectionError(f"cannot open DuckDB {path}: {error}") from None
    assert resolved.postgres is not None
    return connect_postgres(resolved.postgres)


def quote_identifier(name: str) -> str:
    """A double-quoted SQL identifier (valid on both DuckDB and PostgreSQL)."""
    return '"' + name.replace('"', '""') + '"'


def quote_literal(value: str) -> str:
    """A single-quoted SQL string literal (valid on both DuckDB and PostgreSQL)."""
    return "'" + value.replace("'", "''") + "'"


def query_frame(connection: Any, sql: str, parameters: Any = None) -> pd.DataFrame:
    """Run a query and return its rows as a DataFrame (works for DuckDB and psycopg2)."""
    cursor = connection.cursor()
    try:
        cursor.execute(sql, parameters) if parameters is not None else cursor.execute(sql)
        names = [column[0] for column in cursor.description]
        return pd.DataFrame(cursor.fetchall(), columns=names)
    finally:
        cursor.close()
