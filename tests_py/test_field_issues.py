"""Issue 13: a field-level problem keeps the row (staging reads the field as unknown, with its reason).

Builds a bad extract from the shipped sample - one contact whose decision is dated the day before
its receipt, one with an unknown contact method (an optional code), one with a 100,000-character
flag (rejected, its reason cut to a readable length) - loads it into a scratch DuckDB
and builds staging with dbt: both contacts are accepted, the fields are null with their reasons in
<column>_issue and stg_wccis__field_issues, and no row is lost (accepted + rejected = raw).
"""

from __future__ import annotations

import csv
import os
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb

from pif.contract import Contract, project_root
from pif.load import load_duckdb

ROOT = project_root()
BIN = Path(sys.executable).parent


def _bad_sample(folder: Path) -> Path:
    shutil.copytree(ROOT / "extracts" / "sample", folder)
    path = folder / "contacts.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
        fields = list(rows[0].keys())
    rows[0]["received_date"], rows[0]["decision_date"] = "10/10/2025", "09/10/2025"
    rows[1]["contact_method_code"] = "PIGEON"
    rows[2]["recorded_in_error"] = "x" * 100_000
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows)
    return folder


def test_field_issues_keep_the_row(contract: Contract, tmp_path: Path) -> None:
    extract = _bad_sample(tmp_path / "extract")
    database = tmp_path / "field_issues.duckdb"
    load_duckdb(extract, database, contract)
    built = subprocess.run(
        [
            str(BIN / "dbt"),
            "build",
            "--select",
            "+staging",
            "measure_part_map",
            "--exclude-resource-type",
            "unit_test",
            "--target",
            "duckdb",
            "--threads",
            "2",
            "--target-path",
            str(tmp_path / "target"),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=900,
        env={**os.environ, "PIF_DUCKDB_PATH": str(database), "DBT_PROFILES_DIR": str(ROOT)},
    )
    assert built.returncode == 0, built.stdout[-3000:]
    with duckdb.connect(str(database), read_only=True) as connection:
        first, second = (
            connection.execute(
                "select contact_id, received_date, decision_date, decision_date_issue, "
                "contact_method_code, contact_method_code_issue "
                f"from main_staging.stg_wccis__contacts where source_row = {row}"
            ).fetchone()
            for row in (2, 3)
        )
        assert first[0] == "CT00001"
        assert str(first[1]) == "2025-10-10" and first[2] is None
        assert first[3] == (
            "decision_date (09/10/2025) is before received_date (10/10/2025): decision_date read as unknown"
        )
        assert second[4] is None
        assert second[5] == (
            "contact_method_code 'PIGEON' is not in code list contact_method (seeds/code_map.csv): "
            "read as not recorded"
        )
        issues = connection.execute(
            "select entity, source_row, record_id, field_name from main_staging.stg_wccis__field_issues "
            "where entity = 'contacts' and source_row in (2, 3) order by source_row"
        ).fetchall()
        assert issues == [
            ("contacts", 2, "CT00001", "decision_date"),
            ("contacts", 3, rows_id(extract, 1), "contact_method_code"),
        ]
        rejected = connection.execute(
            "select count(*) from main_staging.stg_wccis__contacts_rejected where source_row in (2, 3)"
        ).fetchone()
        assert rejected == (0,)
        (reason,) = connection.execute(
            "select rejection_reason from main_staging.stg_wccis__contacts_rejected where source_row = 4"
        ).fetchone()
        # over the contract's max_field_length (2,000): loaded cut to it, the row rejected for both
        too_long = "x" * 200 + "... (100,000 characters)"
        cut = "x" * 200 + "... (2000 characters)"
        assert reason == (
            "recorded_in_error is 100,000 characters long, more than the 2,000 the source contract allows "
            f"(max_field_length): '{too_long}'; recorded_in_error '{cut}' is not a flag (expected Y or N)"
        )
        raw, accepted, refused = (
            connection.execute(f"select count(*) from {relation}").fetchone()[0]
            for relation in (
                "main_raw.contacts",
                "main_staging.stg_wccis__contacts",
                "main_staging.stg_wccis__contacts_rejected",
            )
        )
        assert raw == accepted + refused


def rows_id(extract: Path, index: int) -> str:
    with (extract / "contacts.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))[index]["contact_id"]
