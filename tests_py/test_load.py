"""The loader: raw tables with contract columns as text plus provenance, identical on both backends."""

from __future__ import annotations

import os
import uuid
from datetime import datetime
from pathlib import Path

import duckdb
import pytest
from conftest import ROWS_PER_TABLE, read_rows, set_cell, write_minimal_extract, write_rows

from pif.contract import Contract
from pif.db import PostgresParams
from pif.load import LoadError, load_duckdb, load_postgres

STAMP = datetime(2026, 5, 1, 9, 30, 0)
PROVENANCE = ["_source_file", "_source_row", "_source_issue", "_loaded_at"]


def duckdb_rows(database: Path, schema: str, table: str) -> list[tuple[object, ...]]:
    """All rows of a raw table, in row order."""
    with duckdb.connect(str(database), read_only=True) as connection:
        return connection.execute(f'select * from "{schema}"."{table}" order by _source_row').fetchall()


def test_duckdb_load_matches_the_files(contract: Contract, extract: Path, tmp_path: Path) -> None:
    """Every table: contract columns in order, then provenance; row counts; rows numbered as lines."""
    database = tmp_path / "raw.duckdb"
    loaded = load_duckdb(extract, database, contract, loaded_at=STAMP)
    assert [item.rows for item in loaded] == [ROWS_PER_TABLE] * len(contract.tables)
    with duckdb.connect(str(database), read_only=True) as connection:
        for table in contract.tables:
            described = connection.execute(f'describe "main_raw"."{table.name}"').fetchall()
            assert [row[0] for row in described] == [*table.column_names, *PROVENANCE]
            assert {row[1] for row in described[: len(table.columns)]} == {"VARCHAR"}
            assert [row[1] for row in described[-4:]] == ["VARCHAR", "INTEGER", "VARCHAR", "TIMESTAMP"]
            lines = read_rows(extract / table.file)
            expected = [
                (table.file, number, line[0], STAMP) for number, line in enumerate(lines[1:], start=2)
            ]
            got = connection.execute(
                f'select _source_file, _source_row, "{table.column_names[0]}", _loaded_at '
                f'from "main_raw"."{table.name}" order by _source_row'
            ).fetchall()
            assert got == expected


def test_row_numbers_follow_file_order_at_scale(contract: Contract, extract: Path, tmp_path: Path) -> None:
    """With enough rows for DuckDB to read in several chunks, _source_row is still the file line."""
    path = extract / "people.csv"
    rows = read_rows(path)
    template = rows[1]
    key = rows[0].index("person_id")
    many = [[*template[:key], f"P{number:07d}", *template[key + 1 :]] for number in range(2, 150_002)]
    write_rows(path, [rows[0], *many])
    database = tmp_path / "raw.duckdb"
    load_duckdb(extract, database, contract)
    with duckdb.connect(str(database), read_only=True) as connection:
        mismatched = connection.execute(
            "select count(*) from main_raw.people "
            "where person_id <> 'P' || lpad(cast(_source_row as varchar), 7, '0')"
        ).fetchone()
    assert mismatched == (0,)


def test_empty_cells_are_null_and_values_are_untrimmed(
    contract: Contract, extract: Path, tmp_path: Path
) -> None:
    set_cell(extract / "people.csv", 2, "date_of_birth", "")
    set_cell(extract / "people.csv", 3, "date_of_birth", "  01/04/2025 ")
    database = tmp_path / "raw.duckdb"
    load_duckdb(extract, database, contract)
    with duckdb.connect(str(database), read_only=True) as connection:
        got = connection.execute("select date_of_birth from main_raw.people order by _source_row").fetchall()
    assert got[:2] == [(None,), ("  01/04/2025 ",)]


def test_personal_columns_are_never_loaded(contract: Contract, tmp_path: Path) -> None:
    """Supplied or not, personal columns load as NULL: nothing personal the project does not need."""
    folder = write_minimal_extract(contract, tmp_path / "with_personal", personal=True)
    database = tmp_path / "raw.duckdb"
    (people,) = [item for item in load_duckdb(folder, database, contract) if item.table == "people"]
    assert {"forename", "nhs_number", "postcode"} <= set(people.dropped_columns)
    with duckdb.connect(str(database), read_only=True) as connection:
        got = connection.execute(
            "select count(*), count(forename), count(nhs_number), count(address_line_1) from main_raw.people"
        ).fetchone()
    assert got == (ROWS_PER_TABLE, 0, 0, 0)


def test_extra_columns_are_dropped(contract: Contract, extract: Path, tmp_path: Path) -> None:
    path = extract / "plans.csv"
    write_rows(path, [["Notes", *row] for row in read_rows(path)])
    database = tmp_path / "raw.duckdb"
    (plans,) = [item for item in load_duckdb(extract, database, contract) if item.table == "plans"]
    assert plans.dropped_columns == ("Notes",)
    with duckdb.connect(str(database), read_only=True) as connection:
        columns = [row[0] for row in connection.execute("describe main_raw.plans").fetchall()]
    assert columns == [*contract.table("plans").column_names, *PROVENANCE]


def test_missing_column_refuses_before_writing(contract: Contract, extract: Path, tmp_path: Path) -> None:
    path = extract / "contacts.csv"
    rows = read_rows(path)
    drop = rows[0].index("received_date")
    write_rows(path, [row[:drop] + row[drop + 1 :] for row in rows])
    database = tmp_path / "raw.duckdb"
    with pytest.raises(LoadError, match="contacts.csv lacks columns received_date"):
        load_duckdb(extract, database, contract)
    assert not database.exists()


def test_reload_replaces_tables(contract: Contract, extract: Path, tmp_path: Path) -> None:
    database = tmp_path / "raw.duckdb"
    load_duckdb(extract, database, contract)
    path = extract / "plans.csv"
    write_rows(path, read_rows(path)[:2])
    (plans,) = [item for item in load_duckdb(extract, database, contract) if item.table == "plans"]
    assert plans.rows == 1
    assert len(duckdb_rows(database, "main_raw", "plans")) == 1


@pytest.mark.skipif(
    "PIF_PG_PORT" not in os.environ, reason="PIF_PG_PORT not set: no PostgreSQL server to test"
)
def test_postgres_load_is_identical_to_duckdb(contract: Contract, extract: Path, tmp_path: Path) -> None:
    """Same tables, column types and values on PostgreSQL as on DuckDB (in a throwaway schema)."""
    import psycopg2

    set_cell(extract / "people.csv", 2, "date_of_birth", "")
    set_cell(extract / "people.csv", 3, "date_of_birth", ' 1 "High" Street,\nFlat 2 ')
    schema = f"raw_test_{uuid.uuid4().hex[:8]}"
    database = tmp_path / "raw.duckdb"
    load_duckdb(extract, database, contract, raw_schema=schema, loaded_at=STAMP)
    params = PostgresParams.from_env()
    loaded = load_postgres(extract, params, contract, raw_schema=schema, loaded_at=STAMP)
    assert [item.rows for item in loaded] == [ROWS_PER_TABLE] * len(contract.tables)
    connection = psycopg2.connect(
        host=params.host, port=params.port, user=params.user, password=params.password, dbname=params.database
    )
    try:
        with connection.cursor() as cursor:
            for table in contract.tables:
                cursor.execute(f'select * from "{schema}"."{table.name}" order by _source_row')
                assert cursor.fetchall() == duckdb_rows(database, schema, table.name), table.name
                cursor.execute(
                    "select data_type from information_schema.columns "
                    "where table_schema = %s and table_name = %s order by ordinal_position",
                    (schema, table.name),
                )
                types = [row[0] for row in cursor.fetchall()]
                provenance = ["integer", "text", "timestamp without time zone"]
                assert types == ["text"] * (len(types) - 3) + provenance
            cursor.execute(f'drop schema "{schema}" cascade')
        connection.commit()
    finally:
        connection.close()
