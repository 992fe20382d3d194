"""The outputs people read: the workbook's structure, the HTML report, disclosure control.

A return built from the whole registry (every measure and part, six years, the age matrices
consistent) stands in for a build; `check_workbook` and `check_report` are also run on the real
run's files by tests_py/test_nightly_run.py (make test).
"""

from __future__ import annotations

import csv
import re
import shutil
import subprocess
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import load_workbook

from pif.export import LONG_COLUMNS, write_export
from pif.publication import DisclosureRule, Protected, derived_change, derived_rate, protect, round_half_up
from pif.report import render, write_report
from pif.returnbook import NOT_AVAILABLE, NOT_IMPLEMENTED, WELSH_GOVERNMENT, RunInfo, read_registry

YEARS = ["2021-22", "2022-23", "2023-24", "2024-25", "2025-26", "2026-27"]
CROSSED = {"CH/023": "abcdefghi", "AD/022": "abcde", "AD/030": "abcdefgh", "AD/031": "abcdefgh"}
INFO = RunInfo(
    run_id="20261120T010000000Z",
    extract_date="2026-11-20",
    started_at="2026-11-20T01:00:00+00:00",
    project_version="0.1.0",
    git_commit="abc123",
    catalogue_version="Definitions Catalogue 2026-27",
    authority_code="W06000099",
    authority_name="Test authority",
    dbt_vars={"adult_review_cycle_months": 6, "extract_date": "2026-11-20"},
)


def registry_return(
    skip: tuple[str, ...] = ("CH/057",), reason: tuple[str, str] | None = None
) -> pd.DataFrame:
    """Every registry figure in six years (value = a number per part and year), the age matrices
    of CROSSED filled so that each category's bands add up to it; measures in `skip` left out (not
    implemented); `reason` = (measure_code, text): that measure not available from the extract."""
    registry = read_registry()
    rows = []
    for index, row in enumerate(registry.itertuples(index=False)):
        if row.measure_code in skip:
            continue
        bands = registry[
            (registry["measure_code"] == row.measure_code) & registry["part"].str.startswith("age_")
        ]
        categories = CROSSED.get(row.measure_code, "")
        for number, year in enumerate(YEARS):
            value: float | None = float(1000 + index * 7 + number)
            if categories and row.part in categories:
                value = float(len(bands) * (number + 1))
                for band in bands["part"]:
                    rows.append((year, row.measure_code, row.part, band, float(number + 1), None))
            elif categories and row.part.startswith("age_"):
                value = float(len(categories) * (number + 1))
            text = None
            if reason and row.measure_code == reason[0]:
                value, text = None, reason[1]
            rows.append((year, row.measure_code, row.part, "", value, text))
    frame = pd.DataFrame(
        rows, columns=["collection_year", "measure_code", "part", "breakdown", "value", "unavailable_reason"]
    )
    labels = registry.set_index(["measure_code", "part"])
    frame["label"] = [
        labels.loc[(c, p), "part_label"] or labels.loc[(c, p), "measure_name"]
        for c, p in zip(frame["measure_code"], frame["part"], strict=True)
    ]
    frame["unit"] = [
        labels.loc[(c, p), "unit"] for c, p in zip(frame["measure_code"], frame["part"], strict=True)
    ]
    return frame.loc[:, list(LONG_COLUMNS)]


def read_csv_rows_safe(path: Path) -> list[list[str]]:
    with path.open(newline="", encoding="utf-8-sig") as handle:
        return list(csv.reader(handle))


# --------------------------------------------------------------------------------------------------
# Structural checks, shared with the real run's test


def check_workbook(path: Path, expect_year_to_date: bool = True) -> None:
    """Sections in catalogue order, labels whole, every registry measure and part, Notes filled,
    matrices adding up, printing set up."""
    registry = read_registry()
    workbook = load_workbook(path)
    assert workbook.sheetnames == ["Return", "Age matrices", "Trends", "Notes"]
    sheet = workbook["Return"]
    rows = list(sheet.iter_rows(values_only=True))
    header = next(index for index, row in enumerate(rows) if row[0] == "Reference")
    body = rows[header + 1 :]
    sections = [row[0] for row in body if row[0] and row[1] is None]
    assert sections == list(registry["section"].drop_duplicates())
    refs = {row[0]: row for row in body if row[0]}
    for measure_code, parts in registry.groupby("measure_code", sort=False):
        stem = refs[measure_code]
        assert stem[1] == parts.iloc[0]["measure_name"]  # the whole name, never cut
        for part, part_label in zip(parts["part"], parts["part_label"], strict=True):
            if not part:
                continue
            ref = f"{measure_code} ({part[4:]})" if part.startswith("age_") else f"{measure_code}{part}"
            line = refs[ref]
            assert line[1] == part_label, ref
            figures = line[2:5]
            assert all(value == "-" for value in figures) or not any(value == "-" for value in figures)
            if "-" in figures:
                assert line[5], f"{ref} shows - without saying why"
    # printing: landscape, one page wide, headings repeated; frozen panes
    assert sheet.page_setup.orientation == "landscape"
    assert sheet.page_setup.fitToWidth == 1 and sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet.print_title_rows and str(header + 1) in sheet.print_title_rows
    assert sheet.freeze_panes == f"C{header + 2}"
    assert sheet.column_dimensions["B"].width >= 60
    # matrices: every category's bands add up to its All ages figure, every band's column to its sum
    matrices = workbook["Age matrices"]
    block: list[tuple] = []
    for row in matrices.iter_rows(values_only=True):
        if row[0] == "Reference":
            block = []
            width = sum(1 for value in row if value is not None)
        elif row[1] == "Sum of the categories":
            numbers = [value for value in row[2:width] if isinstance(value, int | float)]
            assert len(numbers) == width - 2
            for column in range(2, width):
                assert sum(r[column] for r in block) == row[column]
        elif block is not None and row[0] and isinstance(row[2], int | float):
            assert sum(row[2 : width - 1]) == row[width - 1], row
            block.append(row)
    # Notes
    notes = {row[0]: row[1] for row in workbook["Notes"].iter_rows(values_only=True) if row[0]}
    for item in (
        "Authority",
        "Authority code",
        "Extract date",
        "Run identifier",
        "Project version",
        "Project commit",
        "Catalogue version",
        "Disclosure control",
    ):
        assert notes.get(item) and "not recorded" not in str(notes[item]), item
    if expect_year_to_date:
        assert re.match(r"\d{4}-\d{2} to \d+ \w+ \d{4} \(year to date\)", notes["Current collection year"])
    assert any(str(key).startswith("var ") for key in notes) or notes.get("Interpretation vars")


def check_report(text: str) -> None:
    """Every section, every registry measure, the relation check, nothing loaded from elsewhere."""
    for section in ("summary", "return", "matrices", "relations", "quality", "coverage", "vars", "notes"):
        assert f'<section id="{section}">' in text, section
    for measure_code in read_registry()["measure_code"].drop_duplicates():
        assert f'data-ref="{measure_code}"' in text, measure_code
    assert "relations checked" in text and "<svg" in text
    assert not re.search(r"(?:src|href)\s*=\s*[\"']?(?:https?:)?//", text), "an external resource"
    assert "<script" not in text.lower() and "@import" not in text and "url(" not in text


# --------------------------------------------------------------------------------------------------
# The workbook


def test_workbook_structure(tmp_path: Path) -> None:
    reason = ("AD/007", "the extract has no secure estate flag")
    long = registry_return(reason=reason)
    files = write_export(long, tmp_path, years=2, info=INFO)
    check_workbook(files.wide_xlsx)
    sheet = load_workbook(files.wide_xlsx)["Return"]
    refs = {row[0]: row for row in sheet.iter_rows(values_only=True) if row[0]}
    # not implemented, filled in by Welsh Government, not available from this extract: "-" and why
    assert refs["CH/057"][2:5] == ("-", "-", "-") and refs["CH/057"][5] == NOT_IMPLEMENTED
    assert refs["CH/039"][2] == "-" and refs["CH/039"][5].startswith(WELSH_GOVERNMENT)
    assert refs["AD/007"][2] == "-" and refs["AD/007"][5] == f"{NOT_AVAILABLE}: {reason[1]}"
    # current and previous year side by side with the change, thousands separators
    current, previous, change = refs["AD/002"][2:5]
    assert change == current - previous
    formats = {
        cell.number_format
        for row in sheet.iter_rows(min_col=3, max_col=4)
        for cell in row
        if isinstance(cell.value, int)
    }
    assert formats == {"#,##0"}
    # a Total where the catalogue's parts add up to one
    assert refs["AD/003 Total"][1] == "Total" and "AD/002" in refs["AD/003 Total"][5]
    notes = {
        row[0]: row[1]
        for row in load_workbook(files.wide_xlsx)["Notes"].iter_rows(values_only=True)
        if row[0]
    }
    assert notes["var adult_review_cycle_months"].startswith("6 (default 12")
    assert notes["Current collection year"] == "2026-27 to 20 November 2026 (year to date)"
    trends = load_workbook(files.wide_xlsx)["Trends"]
    assert [cell.value for cell in trends[3]][2:8] == YEARS
    assert len(trends._charts) == len(read_registry()["section"].drop_duplicates())


def test_csv_identity_bom_and_formula_cells(tmp_path: Path) -> None:
    long = registry_return()
    long.loc[0, "label"] = '=HYPERLINK("http://x")'
    files = write_export(long, tmp_path, years=2, info=INFO)
    raw = files.long_csv.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = read_csv_rows_safe(files.long_csv)
    assert rows[0][:3] == ["authority_code", "extract_date", "run_id"]
    assert {tuple(row[:3]) for row in rows[1:]} == {("W06000099", "2026-11-20", INFO.run_id)}
    label = rows[0].index("label")
    assert any(row[label].startswith("'=HYPERLINK") for row in rows[1:])


# --------------------------------------------------------------------------------------------------
# Disclosure control at its boundaries

RULE = DisclosureRule(suppression_threshold=5, rounding_base=5, symbol="*")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (0, Protected(0)),  # a true zero is not disclosive
        (1, Protected(None, True)),
        (4, Protected(None, True)),  # threshold - 1: suppressed
        (5, Protected(5)),  # threshold: shown, rounded
        (7, Protected(5)),
        (7.5, Protected(10)),  # a half rounds up
        (12.5, Protected(15)),
        (2.5, Protected(None, True)),  # below the threshold whatever rounding would give
        (8, Protected(10)),
        (1234, Protected(1235)),
        (None, Protected(None)),
    ],
)
def test_protect_boundaries(value: float | None, expected: Protected) -> None:
    assert protect(value, RULE) == expected


def test_rounding_halves_and_zero_rule() -> None:
    assert round_half_up(2.5, 5) == 5 and round_half_up(7.5, 5) == 10 and round_half_up(2.4, 5) == 0
    assert protect(0, DisclosureRule(show_zero=False)) == Protected(0, True)
    assert protect(3, RULE, unit="unit") == Protected(3)  # a unit the rule does not cover


def test_rates_and_changes_only_from_published_figures() -> None:
    suppressed, shown = protect(3, RULE), protect(40, RULE)
    assert derived_rate(suppressed, shown) == Protected(None, True)  # numerator suppressed
    assert derived_rate(shown, suppressed) == Protected(None, True)
    assert derived_rate(protect(12, RULE), shown) == Protected(25.0)  # 10 of 40, both as published
    assert derived_change(shown, suppressed).suppressed
    assert derived_change(protect(47, RULE), shown) == Protected(5)  # 45 - 40, not 47 - 40


def test_published_files(tmp_path: Path) -> None:
    long = registry_return()
    long.loc[long["measure_code"] == "AD/002", "value"] = 3.0
    files = write_export(long, tmp_path, years=2, info=INFO, publish=RULE)
    assert files.wide_csv.name == "pif_return_published.csv" and files.published
    rows = read_csv_rows_safe(files.wide_csv)
    ad002 = next(row for row in rows if row[3] == "AD/002")
    assert ad002[-2:] == ["*", "*"]
    assert all(row[-1] in ("*", "") or int(row[-1]) % 5 == 0 for row in rows[1:])
    sheet = load_workbook(files.wide_xlsx)["Return"]
    refs = {row[0]: row for row in sheet.iter_rows(values_only=True) if row[0]}
    assert refs["AD/002"][2:5] == ("*", "*", "*")
    assert "PUBLISHED" in str(sheet["A4"].value)
    assert not (tmp_path / "pif_return.csv").exists()


# --------------------------------------------------------------------------------------------------
# The report


def test_report_structure_and_relation_check(tmp_path: Path) -> None:
    long = registry_return()
    # a planted failure: CH/005b greater than CH/005a (must hold)
    bad = (long["measure_code"] == "CH/005") & (long["part"] == "b") & (long["collection_year"] == "2026-27")
    long.loc[bad, "value"] = 10**6
    run_dir = tmp_path / "run"
    run_dir.mkdir()
    pd.DataFrame(
        {
            "entity": ["contacts"] * 3,
            "source_file": ["contacts.csv"] * 3,
            "source_row": ["2", "3", "4"],
            "record_id": ["C1", "C2", "C3"],
            "rejection_reason": ["received_date 'x' is not a valid date"] * 2 + ["duplicate contact_id 'C3'"],
        }
    ).to_csv(run_dir / "rejections.csv", index=False)
    path = write_report(long, tmp_path / "pif_report.html", INFO, run_dir)
    text = path.read_text(encoding="utf-8")
    check_report(text)
    relations = text[text.index('<section id="relations">') : text.index('<section id="quality">')]
    assert "CH/005b" in relations and "1,000,000" in relations and "must hold" in relations
    quality = text[text.index('<section id="quality">') : text.index('<section id="coverage">')]
    assert "received_date … is not a valid date" in quality and ">2<" in quality
    assert "adult_review_cycle_months" in text and 'class="changed"' in text
    coverage = text[text.index('<section id="coverage">') : text.index('<section id="vars">')]
    assert "Not implemented (shown -)</td><td class=n>1<" in coverage  # CH/057 left out
    assert "Registry measures (Definitions Catalogue 2026-27)</td><td class=n>124<" in coverage


def test_report_escapes_text() -> None:
    long = registry_return()
    info = RunInfo(authority_name="<script>alert(1)</script>")
    assert "<script>alert" not in render(long, info)


@pytest.mark.skipif(not shutil.which("chromium"), reason="Chromium not installed (apt-get install chromium)")
def test_report_renders_in_chromium(tmp_path: Path) -> None:
    path = write_report(registry_return(), tmp_path / "pif_report.html", INFO)
    shot = tmp_path / "report.png"
    subprocess.run(
        [
            "chromium",
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            f"--screenshot={shot}",
            "--window-size=1400,1000",
            path.as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    assert shot.stat().st_size > 20_000  # a rendered page, not a blank one
