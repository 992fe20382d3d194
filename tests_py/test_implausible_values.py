"""Issue 13: implausible dates and out-of-domain values are stopped by the contract, in validation and
staging alike, and the return still comes out.

Builds one bad extract from the shipped sample: a date of birth of 01/01/1900, a contact received in
1900, a plan ending in 2099, a direct payment first made in 1900, a negative weekly charge and one of
12.345, pathway review intervals of -6, 0 and 999999999 months. Staging keeps each row whose record
is still usable and reads the one field as unknown (<column>_issue, stg_wccis__field_issues); it
rejects the contact (a required date) and the plan (an end date: unknown would read as still open).
The canonical accepted_values test on the review interval no longer stops the build: the return is
built with every data test passing.
"""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import duckdb
import pytest
from conftest import dbt_build

from pif.contract import Contract, load_contract, project_root
from pif.load import load_duckdb
from pif.validate import validate_extract

ROOT = project_root()
EVENTS = "01/01/1950 to 31/03/2028"
BIRTHS = "31/03/1917 to 31/03/2028"


def _edit(path: Path, changes: dict[int, dict[str, str]]) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    fields = list(rows[0].keys())
    for index, values in changes.items():
        rows[index].update(values)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fields)
        writer.writeheader()
        writer.writerows(rows)
    return rows


def _bad_sample(folder: Path) -> Path:
    shutil.copytree(ROOT / "extracts" / "sample", folder)
    _edit(
        folder / "people.csv",
        {0: {"date_of_birth": "01/01/1900"}},
    )
    _edit(folder / "contacts.csv", {0: {"received_date": "01/01/1900", "decision_date": ""}})
    _edit(
        folder / "plans.csv",
        {0: {"end_date": "31/12/2099"}, 1: {"direct_payment_first_payment_date": "01/01/1900"}},
    )
    _edit(
        folder / "financial_assessments.csv",
        {0: {"assessed_weekly_charge": "-5.00"}, 1: {"assessed_weekly_charge": "12.345"}},
    )
    _edit(
        folder / "care_leavers.csv",
        {
            0: {"pathway_review_interval_months": "-6"},
            1: {"pathway_review_interval_months": "0"},
            2: {"pathway_review_interval_months": "999999999"},
        },
    )
    return folder


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("implausible")
    extract = _bad_sample(folder / "extract")
    database = folder / "implausible.duckdb"
    load_duckdb(extract, database, load_contract())
    result = dbt_build(database, folder / "target", ["staging", "+pif_return"])
    assert result.returncode == 0, result.stdout[-4000:]
    return extract, database


def _issues(database: Path) -> dict[tuple[str, int, str], str]:
    with duckdb.connect(str(database), read_only=True) as connection:
        rows = connection.execute(
            "select entity, source_row, field_name, field_issue from main_staging.stg_wccis__field_issues"
        ).fetchall()
    return {(entity, row, field): issue for entity, row, field, issue in rows}


def _rejections(database: Path) -> dict[tuple[str, int], str]:
    with duckdb.connect(str(database), read_only=True) as connection:
        rows = connection.execute(
            "select entity, source_row, rejection_reason from main_staging.stg_wccis__rejections"
        ).fetchall()
    return {(entity, row): reason for entity, row, reason in rows}


def test_fields_read_as_unknown(built: tuple[Path, Path]) -> None:
    _, database = built
    issues = _issues(database)
    assert issues[("people", 2, "date_of_birth")] == (
        f"date_of_birth (01/01/1900) is outside the plausible range {BIRTHS}: read as unknown"
    )
    assert issues[("plans", 3, "direct_payment_first_payment_date")] == (
        "direct_payment_first_payment_date (01/01/1900) is outside the plausible range "
        f"{EVENTS}: read as unknown"
    )
    assert issues[("financial_assessments", 2, "assessed_weekly_charge")] == (
        "assessed_weekly_charge (-5.00) is below the minimum 0: read as unknown"
    )
    assert issues[("financial_assessments", 3, "assessed_weekly_charge")] == (
        "assessed_weekly_charge (12.345) has more than 2 decimal places: read as unknown"
    )
    for row, value in ((2, "-6"), (3, "0"), (4, "999999999")):
        assert issues[("care_leavers", row, "pathway_review_interval_months")] == (
            f"pathway_review_interval_months ({value}) is not one of 3, 6: read as unknown"
        )
    with duckdb.connect(str(database), read_only=True) as connection:
        kept = connection.execute(
            "select date_of_birth from main_staging.stg_wccis__people where source_row = 2"
        ).fetchall()
        charges = connection.execute(
            "select assessed_weekly_charge from main_staging.stg_wccis__financial_assessments "
            "where source_row in (2, 3)"
        ).fetchall()
    assert kept == [(None,)] and charges == [(None,), (None,)]


def test_rows_rejected_when_the_record_cannot_be_used(built: tuple[Path, Path]) -> None:
    _, database = built
    rejections = _rejections(database)
    assert (
        rejections[("contacts", 2)] == f"received_date (01/01/1900) is outside the plausible range {EVENTS}"
    )
    assert rejections[("plans", 2)] == f"end_date (31/12/2099) is outside the plausible range {EVENTS}"
    with duckdb.connect(str(database), read_only=True) as connection:
        raw, accepted, refused = (
            connection.execute(f"select count(*) from {relation}").fetchone()[0]
            for relation in (
                "main_raw.care_leavers",
                "main_staging.stg_wccis__care_leavers",
                "main_staging.stg_wccis__care_leavers_rejected",
            )
        )
        kept = connection.execute(
            "select count(*) from main_staging.stg_wccis__care_leavers where source_row in (2, 3, 4)"
        ).fetchone()[0]
        returned = connection.execute("select count(*) from main_return.pif_return").fetchone()[0]
    assert raw == accepted + refused and kept == 3
    assert returned > 0


def test_validation_says_the_same(contract: Contract, built: tuple[Path, Path]) -> None:
    extract, _ = built
    found = {
        (f.file, f.row, f.column): f.message
        for f in validate_extract(extract, contract)
        if f.check in ("domain", "date_range", "date_order")
    }
    assert found[("people.csv", 2, "date_of_birth")] == (
        f"people.csv row 2, date_of_birth: '01/01/1900' is outside the plausible range {BIRTHS}; "
        "the row is kept, the date read as unknown"
    )
    assert found[("contacts.csv", 2, "received_date")] == (
        f"contacts.csv row 2, received_date: '01/01/1900' is outside the plausible range {EVENTS}; "
        "the row is rejected"
    )
    assert found[("plans.csv", 2, "end_date")].endswith("the row is rejected")
    assert found[("financial_assessments.csv", 3, "assessed_weekly_charge")] == (
        "financial_assessments.csv row 3, assessed_weekly_charge: '12.345' is outside the plausible domain "
        "(at least 0, at most 2 decimal places); the row is kept, the value read as unknown"
    )
    assert found[("care_leavers.csv", 4, "pathway_review_interval_months")] == (
        "care_leavers.csv row 4, pathway_review_interval_months: '999999999' is outside the plausible domain "
        "(one of 3, 6); the row is kept, the value read as unknown"
    )
