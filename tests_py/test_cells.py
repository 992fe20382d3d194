"""Issue 13 (Also): no formula injection in the files the project writes; reasons stay readable."""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd

from pif.cells import safe_frame, safe_text, short_value
from pif.validate import Finding, write_report

ATTACK = '=HYPERLINK("http://example.invalid","click")'


def test_text_starting_like_a_formula_is_neutralised_numbers_are_not() -> None:
    assert safe_text(ATTACK) == "'" + ATTACK
    for start in ("+1", "-1", "@SUM(A1)", "\tx", "\rx"):
        assert safe_text(start) == "'" + start
    assert safe_text("CT00001") == "CT00001"
    assert safe_text(-5) == -5
    assert safe_text(-2.5) == -2.5
    assert safe_text(None) is None
    frame = safe_frame(pd.DataFrame({"record_id": [ATTACK, "CT1"], "figure": [-3, 4]}))
    assert frame["record_id"].tolist() == ["'" + ATTACK, "CT1"]
    assert frame["figure"].tolist() == [-3, 4]


def test_validation_report_cells_cannot_run(tmp_path: Path) -> None:
    finding = Finding("error", "contacts.csv", 2, "contact_id", "required", ATTACK, "@bad")
    path = write_report([finding], tmp_path / "report.csv")
    with path.open(encoding="utf-8", newline="") as handle:
        row = next(csv.DictReader(handle))
    assert row["value"] == "'" + ATTACK
    assert row["message"] == "'@bad"


def test_long_values_are_cut_in_messages() -> None:
    value = "x" * 100_000
    cut = short_value(value)
    assert len(cut) < 250
    assert cut.endswith("... (100,000 characters)")
    assert short_value("short") == "short"
