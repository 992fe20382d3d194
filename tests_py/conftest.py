"""Shared fixtures: the real source contract and a minimal valid extract generated from it.

The extract is generated from the contract alone (header from the contract, values from each
column's type, code list and references), so a table added to the contract is covered by every
test without touching this file.
"""

from __future__ import annotations

import csv
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from pif.contract import Column, Contract, Table, load_contract

ROWS_PER_TABLE = 3
VALID_DATE = "01/04/2025"


@pytest.fixture(scope="session")
def contract() -> Contract:
    """The project's source contract and code lists."""
    return load_contract()


def key_value(table: Table, index: int) -> str:
    """Primary key of generated row `index` (0-based) of `table`; references use the same rule."""
    return f"{table.name.upper()}-{index + 1}"


def cell_value(contract: Contract, table: Table, column: Column, index: int) -> str:
    """A valid value for a column of generated row `index`, derived from the column's contract."""
    if column.name == table.primary_key:
        return key_value(table, index)
    if column.references and column.references in {other.name for other in contract.tables}:
        return key_value(contract.table(column.references), index)
    if column.code_list:
        codes = sorted(contract.codes(column.code_list))
        # A code list not (yet) in seeds/code_map.csv: blank when optional, so the gap shows only once.
        return codes[0] if codes else ("UNMAPPED" if table.is_required(column) else "")
    if column.allowed_values:
        # A number with a domain (e.g. a review interval of 3 or 6 months): its first allowed value.
        return f"{column.allowed_values[0]:g}"
    by_type = {"date": VALID_DATE, "flag": "Y", "integer": str(index + 1), "decimal": f"{index + 1}.50"}
    if column.type in by_type:
        return by_type[column.type]
    return f"{column.name} {index + 1}"


def write_minimal_extract(
    contract: Contract, folder: Path, rows: int = ROWS_PER_TABLE, personal: bool = False
) -> Path:
    """Write one valid CSV per contract table into `folder`; return the folder. Personal columns
    (never used, optional) are left out, as the README advises, unless `personal`."""
    folder.mkdir(parents=True, exist_ok=True)
    for table in contract.tables:
        columns = [column for column in table.columns if personal or not column.personal]
        with (folder / table.file).open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow([column.name for column in columns])
            for index in range(rows):
                writer.writerow([cell_value(contract, table, column, index) for column in columns])
    return folder


@pytest.fixture()
def extract(contract: Contract, tmp_path: Path) -> Path:
    """A minimal valid extract folder for every contract table."""
    return write_minimal_extract(contract, tmp_path / "extract")


def sub_contract(contract: Contract, names: list[str]) -> Contract:
    """The named tables plus every table they reference (recursively), with the same code lists.

    Validation costs great-expectations ~20 ms per expectation whatever the data size, so defect
    tests validate only the tables they need.
    """
    wanted: list[str] = []
    pending = list(names)
    while pending:
        name = pending.pop(0)
        if name in wanted:
            continue
        wanted.append(name)
        pending.extend(column.references for column in contract.table(name).columns if column.references)
    tables = tuple(table for table in contract.tables if table.name in wanted)
    return Contract(tables=tables, code_lists=contract.code_lists)


@pytest.fixture(scope="session")
def core_contract(contract: Contract) -> Contract:
    """People and contacts only: enough for every defect type, and quick to validate."""
    return sub_contract(contract, ["contacts"])


@pytest.fixture()
def core_extract(core_contract: Contract, tmp_path: Path) -> Path:
    """A minimal valid extract of the core tables."""
    return write_minimal_extract(core_contract, tmp_path / "core_extract")


def read_rows(path: Path) -> list[list[str]]:
    """All rows of a CSV file, header included."""
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.reader(handle))


def write_rows(path: Path, rows: list[list[str]]) -> None:
    """Overwrite a CSV file with `rows`."""
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(rows)


def set_cell(path: Path, row: int, column: str, value: str) -> None:
    """Set the cell at CSV line `row` (header = 1) and `column` to `value`."""
    rows = read_rows(path)
    rows[row - 1][rows[0].index(column)] = value
    write_rows(path, rows)


@pytest.fixture()
def edit_cell() -> Callable[[Path, int, str, str], None]:
    """The set_cell helper as a fixture, for tests that inject defects."""
    return set_cell


def dbt_build(database: Path, target_path: Path, select: list[str]) -> subprocess.CompletedProcess[str]:
    """`dbt build --select <select>` (no unit tests) on a scratch DuckDB file loaded from a bad extract."""
    root = Path(__file__).resolve().parent.parent
    return subprocess.run(
        [
            str(Path(sys.executable).parent / "dbt"),
            "build",
            "--select",
            *select,
            "--exclude-resource-type",
            "unit_test",
            # Checks every measure model at once, so it needs the whole build, not a selection.
            "--exclude",
            "assert_measure_items_well_formed",
            "--target",
            "duckdb",
            "--threads",
            "2",
            "--target-path",
            str(target_path),
        ],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=1800,
        env={**os.environ, "PIF_DUCKDB_PATH": str(database), "DBT_PROFILES_DIR": str(root)},
    )
