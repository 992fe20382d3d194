"""Issue 13: records dated after the person's date of death and a date of death before the date of
birth are warnings, in validation and staging alike, never rejections: every row stays counted and
the return is the same as the unmodified sample's.

Builds one extract from the shipped sample: C0001 (people.csv line 2, contacts on 10/10/2025) dies on
01/10/2025; C0002 (line 3, born 16/01/2018) has a date of death of 01/01/2017.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
from conftest import set_cell

from pif.contract import Contract, load_contract, project_root
from pif.load import load_duckdb
from pif.validate import validate_extract

ROOT = project_root()
AFTER = (
    "received_date 10/10/2025 is after the person's date of death 01/10/2025 (people.csv line 2): "
    "kept; check which date is wrong"
)
BEFORE = (
    "date_of_death 01/01/2017 is before the date of birth 16/01/2018: kept with both dates as recorded; "
    "check which date is wrong"
)


def _build(extract: Path, folder: Path) -> Path:
    database = folder / "built.duckdb"
    load_duckdb(extract, database, load_contract())
    # assert_measure_items_well_formed reads every section's exclusion models, not built here
    result = subprocess.run(
        [str(Path(sys.executable).parent / "dbt"), "build", "--select", "staging", "+pif_return"]
        + ["--exclude", "assert_measure_items_well_formed", "--exclude-resource-type", "unit_test"]
        + ["--target", "duckdb", "--threads", "2", "--target-path", str(folder / "target")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=1800,
        env={**os.environ, "PIF_DUCKDB_PATH": str(database), "DBT_PROFILES_DIR": str(ROOT)},
    )
    assert result.returncode == 0, result.stdout[-4000:]
    return database


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, Path]:
    """(changed extract, its database, the unmodified sample's database)."""
    folder = tmp_path_factory.mktemp("implausible_dates")
    extract = folder / "extract"
    shutil.copytree(ROOT / "extracts" / "sample", extract)
    set_cell(extract / "people.csv", 2, "date_of_death", "01/10/2025")
    set_cell(extract / "people.csv", 3, "date_of_death", "01/01/2017")
    (folder / "changed").mkdir()
    (folder / "sample").mkdir()
    changed = _build(extract, folder / "changed")
    sample = _build(ROOT / "extracts" / "sample", folder / "sample")
    return extract, changed, sample


def _warnings(database: Path) -> dict[tuple[str, int, str], str]:
    with duckdb.connect(str(database), read_only=True) as connection:
        rows = connection.execute(
            "select source_file, source_row, person_id, implausibility "
            "from main_staging.stg_wccis__implausible_dates"
        ).fetchall()
    return {(file, row, person): reason for file, row, person, reason in rows}


def test_staging_lists_the_warnings(built: tuple[Path, Path, Path]) -> None:
    _, changed, sample = built
    warnings = _warnings(changed)
    assert warnings[("contacts.csv", 2, "C0001")] == AFTER
    assert warnings[("people.csv", 3, "C0002")] == BEFORE
    assert ("contacts.csv", 3, "C0001") not in warnings  # received 24/06/2024, before the death
    assert _warnings(sample) == {}
    with duckdb.connect(str(changed), read_only=True) as connection:
        kept = connection.execute(
            "select date_of_death, date_of_birth from main_staging.stg_wccis__people "
            "where person_id = 'C0002'"
        ).fetchall()
    assert [(str(death), str(birth)) for death, birth in kept] == [("2017-01-01", "2018-01-16")]


def test_rows_conserved_and_return_unchanged(built: tuple[Path, Path, Path]) -> None:
    _, changed, sample = built
    counts = {}
    returns = {}
    for name, database in (("changed", changed), ("sample", sample)):
        with duckdb.connect(str(database), read_only=True) as connection:
            counts[name] = (
                connection.execute(
                    "select entity, count(*) from main_staging.stg_wccis__rejections "
                    "group by entity order by entity"
                ).fetchall(),
                [
                    connection.execute(f"select count(*) from main_staging.stg_wccis__{table}").fetchone()[0]
                    for table in ("people", "contacts", "assessments")
                ],
            )
            returns[name] = connection.execute("select * from main_return.pif_return order by all").fetchall()
    assert counts["changed"] == counts["sample"]
    assert returns["changed"] == returns["sample"] and returns["sample"]


def test_validation_says_the_same(contract: Contract, built: tuple[Path, Path, Path]) -> None:
    extract, changed, _ = built
    found = {
        (f.file, f.row, f.column): f.message
        for f in validate_extract(extract, contract)
        if f.check in ("after_death", "death_before_birth")
    }
    assert found[("contacts.csv", 2, "received_date")] == f"contacts.csv row 2, received_date: {AFTER}"
    assert found[("people.csv", 3, "date_of_death")] == f"people.csv row 3, date_of_death: {BEFORE}"
    # every staging warning is a validation warning on the same line (validation also sees rows
    # staging rejects for another reason)
    for (file, row, _), reason in _warnings(changed).items():
        assert any(
            key[0] == file and key[1] == row and message.endswith(reason) for key, message in found.items()
        ), (file, row, reason)
