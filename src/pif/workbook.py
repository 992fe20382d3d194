"""The return workbook in the published layout (pif_return.xlsx, pif_return_published.xlsx).

Sheets:
- Return: title, authority and period, then every section in catalogue order (heading, measure
  stems, parts with short labels, Total lines), the current and previous collection years side by
  side with the change, thousands separators, wrapped labels, "-" with the reason for a figure not
  given; landscape, fit to one page wide, the column headings repeated on every printed page,
  frozen panes.
- Age matrices: the category-by-age tables (CH/023, AD/022, AD/030, AD/031) with band names, an
  All ages column, the column sums and the age parts' own figures (All categories), for both years.
- Trends: every figure in every collection year (six by default) and a line chart per section.
- Notes: authority, extract date, the period of each year (year to date when incomplete), run,
  versions, disclosure control, every interpretation var that differs from its default.

Every text cell goes through pif.cells.safe_text (no cell can run as a formula). With a disclosure
rule (pif export --publish) every figure is protected (pif.publication) and changes are computed
from the published figures.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd
from openpyxl import Workbook
from openpyxl.chart import LineChart, Reference, Series
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from pif.cells import safe_text
from pif.publication import DisclosureRule, Protected, derived_change, protect
from pif.returnbook import (
    NOT_SHOWN,
    Line,
    RunInfo,
    changed_vars,
    long_date,
    matrices,
    partial_year_warning,
    period_text,
    return_lines,
    show_var,
    years_of,
)

COUNT_FORMAT = "#,##0"
DECIMAL_FORMAT = "#,##0.0"
CHANGE_FORMAT = "+#,##0;-#,##0;0"
HEADER_FILL = PatternFill("solid", fgColor="1F4E79")
SECTION_FILL = PatternFill("solid", fgColor="D9E2F3")
STEM_FILL = PatternFill("solid", fgColor="F2F2F2")
WHITE_BOLD = Font(bold=True, color="FFFFFF")
THIN = Side(style="thin", color="BFBFBF")
WRAP = Alignment(wrap_text=True, vertical="top")
RETURN_COLUMNS = ("Reference", "Measure", "{current}", "{previous}", "Change", "Note")
RETURN_WIDTHS = (13, 70, 12, 12, 10, 55)
HEADER_ROW = 5
SERIES_PER_CHART = 8
CHART_ROWS = 16  # rows a 7.5 cm chart covers, and a gap


def _put(sheet: Worksheet, row: int, column: int, value: Any, **style: Any) -> Any:
    # Every text cell is neutralised (pif.cells), except the project's own lone "-" (a figure not
    # given), which no spreadsheet runs as a formula and which the published layout prints as is.
    cell = sheet.cell(row=row, column=column, value=value if value == NOT_SHOWN else safe_text(value))
    for name, setting in style.items():
        setattr(cell, name, setting)
    return cell


def _fit_height(sheet: Worksheet, row: int, texts: list[tuple[str, float, float]]) -> None:
    """Set a row's height to show every wrapped line of its texts (text, column width, font size):
    spreadsheets do not all grow rows for wrapped text written by a program."""
    lines = 1
    for text, width, size in texts:
        per_line = max(int(width * 11 / size * 1.15), 1)
        words, count, used = str(text or "").split(), 1, 0
        for word in words:
            if used and used + 1 + len(word) > per_line:
                count, used = count + 1, len(word)
            else:
                used += len(word) + (1 if used else 0)
        lines = max(lines, count)
    if lines > 1:
        sheet.row_dimensions[row].height = 15 * lines


def _figure(value: float | None, unit: str, rule: DisclosureRule | None) -> Protected:
    if rule is None:
        return Protected(value)
    return protect(value, rule, unit)


def _number_format(value: Any) -> str:
    return COUNT_FORMAT if isinstance(value, int) or float(value).is_integer() else DECIMAL_FORMAT


def _write_figure(
    sheet: Worksheet,
    row: int,
    column: int,
    figure: Protected,
    rule: DisclosureRule | None,
    change: bool = False,
) -> None:
    shown = figure.shown(rule.symbol if rule else "")
    if shown is None:
        return
    if isinstance(shown, float) and shown.is_integer():
        shown = int(shown)
    cell = _put(sheet, row, column, shown, alignment=Alignment(horizontal="right", vertical="top"))
    if not isinstance(shown, str):
        cell.number_format = CHANGE_FORMAT if change else _number_format(shown)


def _title(
    sheet: Worksheet, title: str, info: RunInfo, rule: DisclosureRule | None, years: list[str]
) -> None:
    _put(sheet, 1, 1, title, font=Font(bold=True, size=14))
    who = info.authority_name or "Authority not named (publication.yml)"
    code = f" ({info.authority_code})" if info.authority_code else ""
    _put(sheet, 2, 1, f"{who}{code}. Run {info.run_id}; extract date {info.extract_date or 'not given'}.")
    if years:
        period = period_text(years[0], info)
        previous = f"; previous year {years[1]}" if len(years) > 1 else ""
        warning = partial_year_warning(years, info)
        warning = f" {warning}" if warning else ""
        _put(sheet, 3, 1, f"Current year {period}{previous}.{warning} Notes sheet: what made this return.")
    control = (
        f"PUBLISHED with disclosure control: {rule.describe()}."
        if rule
        else "INTERNAL: exact figures, no disclosure control. Not for publication (pif export --publish)."
    )
    _put(sheet, 4, 1, control, font=Font(italic=True, color="C00000" if not rule else "375623"))
    # The lines under the title wrap within the printed width (never widen the page).
    last = get_column_letter(len(RETURN_COLUMNS))
    for row in (2, 3, 4):
        sheet.merge_cells(f"A{row}:{last}{row}")
        sheet.cell(row=row, column=1).alignment = WRAP
        _fit_height(sheet, row, [(sheet.cell(row=row, column=1).value, sum(RETURN_WIDTHS) * 0.9, 11)])


def write_return_sheet(
    sheet: Worksheet, lines: list[Line], years: list[str], info: RunInfo, rule: DisclosureRule | None
) -> None:
    current = years[0] if years else ""
    previous = years[1] if len(years) > 1 else ""
    sheet.title = "Return"
    _title(sheet, "Performance and Improvement Framework: social services return", info, rule, years)
    headings = [name.format(current=current, previous=previous) for name in RETURN_COLUMNS]
    for column, (heading, width) in enumerate(zip(headings, RETURN_WIDTHS, strict=True), start=1):
        align = Alignment(wrap_text=True, vertical="top", horizontal="right" if 3 <= column <= 5 else None)
        _put(sheet, HEADER_ROW, column, heading, font=WHITE_BOLD, fill=HEADER_FILL, alignment=align)
        sheet.column_dimensions[get_column_letter(column)].width = width
    row = HEADER_ROW
    for line in lines:
        row += 1
        if line.kind == "section":
            for column in range(1, len(headings) + 1):
                _put(sheet, row, column, None, fill=SECTION_FILL)
            _put(sheet, row, 1, line.label, font=Font(bold=True, size=12), fill=SECTION_FILL)
            continue
        bold = line.kind in ("stem", "total")
        _put(sheet, row, 1, line.ref, font=Font(bold=bold), alignment=WRAP)
        _put(
            sheet,
            row,
            2,
            line.label,
            font=Font(bold=bold),
            alignment=Alignment(wrap_text=True, vertical="top", indent=0 if line.kind == "stem" else 1),
        )
        if line.kind == "stem":
            for column in range(1, len(headings) + 1):
                sheet.cell(row=row, column=column).fill = STEM_FILL
        # A stem carries figures only when its measure has no parts.
        has_figures = line.kind != "stem" or bool(line.values)
        if has_figures and not line.shown:
            for column in (3, 4, 5):
                _put(sheet, row, column, NOT_SHOWN, alignment=Alignment(horizontal="right", vertical="top"))
        elif has_figures:
            now = _figure(line.value(current), line.unit, rule)
            before = _figure(line.value(previous), line.unit, rule) if previous else Protected(None)
            _write_figure(sheet, row, 3, now, rule)
            _write_figure(sheet, row, 4, before, rule)
            _write_figure(sheet, row, 5, derived_change(now, before), rule, change=True)
        if line.note:
            _put(sheet, row, 6, line.note, alignment=WRAP, font=Font(size=9))
        label_width = RETURN_WIDTHS[1] * (0.9 if bold else 1.0)
        _fit_height(sheet, row, [(line.label, label_width, 11), (line.note, RETURN_WIDTHS[5], 9)])
        if line.kind == "total":
            for column in range(1, len(headings) + 1):
                sheet.cell(row=row, column=column).border = Border(top=THIN)
    sheet.freeze_panes = sheet.cell(row=HEADER_ROW + 1, column=3)
    _print_setup(sheet, HEADER_ROW)


def _print_setup(sheet: Worksheet, header_row: int) -> None:
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = f"{header_row}:{header_row}"
    sheet.print_options.gridLines = False
    sheet.page_margins.left = sheet.page_margins.right = 0.4
    sheet.oddFooter.center.text = "&A - page &P of &N"


def write_matrix_sheet(sheet: Worksheet, long: pd.DataFrame, rule: DisclosureRule | None) -> None:
    _put(sheet, 1, 1, "Category by age: the return's matrices", font=Font(bold=True, size=14))
    _put(
        sheet,
        2,
        1,
        "Each row is a category, each column an age band; All ages is the category's own figure, "
        "All categories the age band's own figure (each item once: less than the sum of the categories "
        "where an item may be in several).",
    )
    row = 3
    widest = 2
    for matrix in matrices(long):
        row += 2
        title = f"{matrix.measure_code} {matrix.year}: {matrix.name}"
        _put(sheet, row, 1, title, font=Font(bold=True, size=12))
        row += 1
        headings = ["Reference", "Category", *[name for _, name in matrix.bands], "All ages"]
        widest = max(widest, len(headings))
        for column, heading in enumerate(headings, start=1):
            _put(sheet, row, column, heading, font=WHITE_BOLD, fill=HEADER_FILL, alignment=WRAP)
        for ref, label, cells, all_ages in matrix.rows:
            row += 1
            _put(sheet, row, 1, ref, alignment=WRAP)
            _put(sheet, row, 2, label, alignment=WRAP)
            _fit_height(sheet, row, [(label, 50, 11)])
            for column, value in enumerate([*cells, all_ages], start=3):
                _write_figure(sheet, row, column, _figure(value, matrix.unit, rule), rule)
        row += 1
        _put(sheet, row, 2, "Sum of the categories", font=Font(bold=True))
        for column, value in enumerate([*matrix.band_totals, matrix.grand_total], start=3):
            _write_figure(sheet, row, column, _figure(value, matrix.unit, rule), rule)
            sheet.cell(row=row, column=column).font = Font(bold=True)
        for column in range(1, len(headings) + 1):
            sheet.cell(row=row, column=column).border = Border(top=THIN)
        row += 1
        _put(sheet, row, 2, "All categories (the age parts' own figures)", font=Font(italic=True))
        for column, value in enumerate(matrix.age_parts, start=3):
            _write_figure(sheet, row, column, _figure(value, matrix.unit, rule), rule)
        if matrix.age_parts != matrix.band_totals[: len(matrix.age_parts)]:
            _put(
                sheet,
                row,
                len(headings) + 1,
                "less than the sum: an item may be in several categories (docs/interpretations.md)",
                font=Font(italic=True, size=9),
            )
    sheet.column_dimensions["A"].width = 14
    sheet.column_dimensions["B"].width = 50
    for column in range(3, widest + 1):
        sheet.column_dimensions[get_column_letter(column)].width = 12
    sheet.freeze_panes = "C3"
    _print_setup(sheet, 3)


def write_trends_sheet(
    sheet: Worksheet, lines: list[Line], years: list[str], rule: DisclosureRule | None
) -> None:
    ascending = list(reversed(years))
    _put(
        sheet,
        1,
        1,
        "Trends: every figure in every collection year, a chart per section",
        font=Font(bold=True, size=14),
    )
    headings = ["Reference", "Measure", *ascending]
    for column, heading in enumerate(headings, start=1):
        _put(sheet, 3, column, heading, font=WHITE_BOLD, fill=HEADER_FILL)
    sheet.column_dimensions["A"].width = 13
    sheet.column_dimensions["B"].width = 60
    for column in range(3, len(headings) + 1):
        sheet.column_dimensions[get_column_letter(column)].width = 11
    row = 3
    section_rows: list[tuple[str, int, list[int]]] = []
    for line in lines:
        if line.kind == "section":
            row += 1
            _put(sheet, row, 1, line.label, font=Font(bold=True), fill=SECTION_FILL)
            section_rows.append((line.label, row, []))
            continue
        if line.kind == "stem" and not line.values:
            continue
        row += 1
        _put(sheet, row, 1, line.ref)
        _put(sheet, row, 2, line.label, alignment=Alignment(wrap_text=False))
        if not line.shown:
            _put(sheet, row, 3, NOT_SHOWN)
            continue
        for column, year in enumerate(ascending, start=3):
            _write_figure(sheet, row, column, _figure(line.value(year), line.unit, rule), rule)
        section_rows[-1][2].append(row)
    free_row = 1  # charts sit beside their section, below the previous chart (never overlapping)
    for title, heading_row, data_rows in section_rows:
        chosen = _chart_rows(sheet, data_rows, len(ascending))
        if not chosen:
            continue
        chart = LineChart()
        chart.title = title
        chart.y_axis.title = "Figure"
        chart.x_axis.title = "Collection year"
        chart.height, chart.width = 7.5, 16
        for data_row in chosen:
            values = Reference(
                sheet, min_col=3, max_col=2 + len(ascending), min_row=data_row, max_row=data_row
            )
            series = Series(values, title=str(sheet.cell(row=data_row, column=1).value))
            chart.series.append(series)
        chart.set_categories(Reference(sheet, min_col=3, max_col=2 + len(ascending), min_row=3, max_row=3))
        anchor_row = max(heading_row, free_row)
        sheet.add_chart(chart, f"{get_column_letter(len(headings) + 2)}{anchor_row}")
        free_row = anchor_row + CHART_ROWS
    sheet.freeze_panes = "C4"
    _print_setup(sheet, 3)


def _chart_rows(sheet: Worksheet, rows: list[int], width: int) -> list[int]:
    """The section's largest figures in the latest year (a chart of up to SERIES_PER_CHART lines)."""

    def latest(row: int) -> float:
        value = sheet.cell(row=row, column=2 + width).value
        return float(value) if isinstance(value, int | float) else -1.0

    numeric = [row for row in rows if latest(row) >= 0]
    return sorted(sorted(numeric, key=latest, reverse=True)[:SERIES_PER_CHART])


def notes_rows(
    info: RunInfo, years: list[str], rule: DisclosureRule | None, defaults: dict | None = None
) -> list[tuple[str, str]]:
    """The Notes sheet (and the report's header) as (item, value) pairs."""
    rows = [
        ("Authority", info.authority_name or "not named (publication.yml authority_name)"),
        ("Authority code", info.authority_code or "not set (publication.yml authority_code)"),
        (
            "Extract date",
            long_date(info.extract_date)
            if info.extract_date
            else "not given: figures for whole collection years",
        ),
    ]
    if years:
        rows.append(("Current collection year", period_text(years[0], info)))
    if len(years) > 1:
        rows.append(("Previous collection year", f"{years[1]} (whole year)"))
    rows += [
        ("Collection years in the return", f"{years[-1]} to {years[0]}" if years else "none"),
        ("Run identifier", info.run_id),
        ("Run started (UTC)", info.started_at or "not recorded"),
        ("Extract folder", info.extract_dir or "not recorded"),
        ("Project version", info.project_version or "not recorded"),
        ("Project commit", info.git_commit or "not recorded"),
        ("Catalogue version", info.catalogue_version or "not recorded"),
        ("Warehouse target", info.target or "not recorded"),
        ("dbt version", info.dbt_version or "not recorded"),
        (
            "Disclosure control",
            f"applied: {rule.describe()}"
            if rule
            else "none: internal return with exact figures, not for publication",
        ),
        (
            "Figures shown as -",
            "not implemented, filled in by Welsh Government, or not available from this extract: "
            "the Note says which",
        ),
    ]
    changed = changed_vars(info, defaults)
    if not changed:
        rows.append(("Interpretation vars", "every interpretation var at its default (dbt_project.yml)"))
    for name, value, default in changed:
        rows.append(
            (f"var {name}", f"{show_var(value)} (default {show_var(default)}; docs/interpretations.md)")
        )
    return rows


def write_notes_sheet(sheet: Worksheet, info: RunInfo, years: list[str], rule: DisclosureRule | None) -> None:
    _put(sheet, 1, 1, "Notes: what made this return", font=Font(bold=True, size=14))
    _put(sheet, 3, 1, "Item", font=WHITE_BOLD, fill=HEADER_FILL)
    _put(sheet, 3, 2, "Value", font=WHITE_BOLD, fill=HEADER_FILL)
    for row, (item, value) in enumerate(notes_rows(info, years, rule), start=4):
        _put(sheet, row, 1, item, font=Font(bold=True), alignment=WRAP)
        _put(sheet, row, 2, value, alignment=WRAP)
        _fit_height(sheet, row, [(item, 38, 11), (value, 110, 11)])
    sheet.column_dimensions["A"].width = 42
    sheet.column_dimensions["B"].width = 110
    _print_setup(sheet, 3)


def write_workbook(
    long: pd.DataFrame, path: Path, info: RunInfo, rule: DisclosureRule | None = None, years: int = 2
) -> Path:
    """The return workbook: Return, Age matrices, Trends and Notes sheets."""
    all_years = years_of(long)
    lines = return_lines(long)
    workbook = Workbook()
    write_return_sheet(workbook.active, lines, all_years[:years], info, rule)
    write_matrix_sheet(workbook.create_sheet("Age matrices"), long, rule)
    write_trends_sheet(workbook.create_sheet("Trends"), lines, all_years, rule)
    write_notes_sheet(workbook.create_sheet("Notes"), info, all_years, rule)
    path.parent.mkdir(parents=True, exist_ok=True)
    workbook.save(path)
    return path
