"""Issue 13: absent data is "not available from this extract", never 0.

Builds one bad extract from the shipped sample - visits.csv with a header only, advocacy_offers.csv
absent, registration_conference_id left out of cp_registrations.csv, decision_by_role_code and
what_matters_conversation_held blank in every contact row, person_seen blank in every assessment
row - loads it into a scratch DuckDB and builds the return with its data tests (the relation tests
must skip, not fail): each measure part that needs what is absent has a null value and its reason,
the others keep the sample's figures, and the exported return says "not available".
"""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import duckdb
import pytest
from conftest import dbt_build

from pif.check import check, load_relations, read_figures, summarise
from pif.contract import Contract, project_root
from pif.export import read_return, write_export
from pif.load import MANIFEST_TABLE, load_duckdb
from pif.validate import WARNING, validate_extract

ROOT = project_root()
PREFIX = "not available from this extract: "


def _rewrite(path: Path, edit: object) -> None:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    fields = list(rows[0].keys())
    rows, fields = edit(rows, fields)  # type: ignore[operator]
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)


def _blank(column: str) -> object:
    def edit(rows: list[dict[str, str]], fields: list[str]) -> tuple[list[dict[str, str]], list[str]]:
        return [{**row, column: ""} for row in rows], fields

    return edit


def _absent_sample(folder: Path) -> Path:
    shutil.copytree(ROOT / "extracts" / "sample", folder)
    _rewrite(folder / "visits.csv", lambda rows, fields: ([], fields))
    (folder / "advocacy_offers.csv").unlink()
    _rewrite(
        folder / "cp_registrations.csv",
        lambda rows, fields: (rows, [name for name in fields if name != "registration_conference_id"]),
    )
    _rewrite(folder / "contacts.csv", _blank("decision_by_role_code"))
    _rewrite(folder / "contacts.csv", _blank("what_matters_conversation_held"))
    _rewrite(folder / "assessments.csv", _blank("person_seen"))
    return folder


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    from pif.contract import load_contract

    folder = tmp_path_factory.mktemp("absent")
    extract = _absent_sample(folder / "extract")
    database = folder / "absent.duckdb"
    load_duckdb(extract, database, load_contract())
    result = dbt_build(database, folder / "target", ["+pif_return", "+measure_coverage", "staging"])
    assert result.returncode == 0, result.stdout[-4000:]
    return extract, database


def _figures(database: Path, where: str) -> dict[tuple[str, str], tuple[object, object]]:
    with duckdb.connect(str(database), read_only=True) as connection:
        rows = connection.execute(
            "select measure_code, part, value, unavailable_reason from main_return.pif_return "
            f"where collection_year = '2025-26' and breakdown = '' and ({where})"
        ).fetchall()
    return {(code, part): (value, reason) for code, part, value, reason in rows}


def test_validation_warns_and_loading_records(contract: Contract, built: tuple[Path, Path]) -> None:
    extract, database = built
    findings = [f for f in validate_extract(extract, contract) if f.check in ("absent_file", "absent_column")]
    assert [(f.severity, f.file, f.column, f.check) for f in findings] == [
        (WARNING, "advocacy_offers.csv", None, "absent_file"),
        (WARNING, "cp_registrations.csv", "registration_conference_id", "absent_column"),
    ]
    with duckdb.connect(str(database), read_only=True) as connection:
        assert connection.execute("select count(*) from main_raw.advocacy_offers").fetchone() == (0,)
        statuses = connection.execute(
            f"select distinct table_name, file_status, column_status from main_raw.{MANIFEST_TABLE} "
            "where table_name = 'advocacy_offers' "
            "or (table_name = 'cp_registrations' and column_name = 'registration_conference_id')"
            " order by table_name"
        ).fetchall()
    assert statuses == [("advocacy_offers", "absent", "absent"), ("cp_registrations", "present", "absent")]


def test_absent_data_is_not_available(built: tuple[Path, Path]) -> None:
    _, database = built
    figures = _figures(
        database,
        "measure_code in ('CH/002', 'CH/003', 'CH/008', 'CH/028', 'CH/029', 'CH/030', 'CH/056', 'CH/057')",
    )
    assert figures[("CH/030", "a")] == (None, PREFIX + "visits.csv has a header but no data rows")
    assert figures[("CH/029", "")] == (None, PREFIX + "visits.csv has a header but no data rows")
    assert figures[("CH/056", "")] == (None, PREFIX + "advocacy_offers.csv is absent")
    assert figures[("CH/057", "")] == (None, PREFIX + "advocacy_offers.csv is absent")
    assert figures[("CH/028", "")] == (
        None,
        PREFIX + "column registration_conference_id is not in the header of cp_registrations.csv",
    )
    assert figures[("CH/003", "")] == (
        None,
        PREFIX + "column decision_by_role_code is blank in every row of contacts.csv",
    )
    assert figures[("CH/002", "")] == (
        None,
        PREFIX + "column what_matters_conversation_held is blank in every row of contacts.csv",
    )
    assert figures[("CH/008", "b")] == (
        None,
        PREFIX + "column person_seen is blank in every row of assessments.csv",
    )
    value, reason = figures[("CH/008", "a")]
    assert reason is None and value is not None and value > 0


def test_other_figures_unchanged(built: tuple[Path, Path], tmp_path: Path) -> None:
    """Figures that need nothing absent are the sample's (CH/001 reads contacts, people and plans)."""
    _, database = built
    kept = _figures(database, "measure_code in ('CH/001', 'CH/004', 'CH/023', 'AD/001')")
    assert all(reason is None for _, reason in kept.values())
    with duckdb.connect(str(database), read_only=True) as connection:
        (unavailable,) = connection.execute(
            "select count(*) from main_return.measure_coverage where unavailable_reason is not null"
        ).fetchone()
    assert unavailable > 0


def test_export_and_check_skip_not_available(built: tuple[Path, Path], tmp_path: Path) -> None:
    _, database = built
    with duckdb.connect(str(database), read_only=True) as connection:
        long = read_return(connection, "main_return", "main_reference")
    files = write_export(long, tmp_path / "out")
    with files.wide_csv.open(encoding="utf-8", newline="") as handle:
        rows = {(row["measure_code"], row["part"]): row for row in csv.DictReader(handle)}
    assert rows[("CH/003", "")]["2026-27"] == "not available"
    assert rows[("CH/003", "")]["unavailable_reason"].startswith(PREFIX)
    figures, _ = read_figures(files.wide_csv)
    summary = summarise(check(figures, load_relations()))
    assert summary.failed_must == 0 and summary.not_checked > 0
