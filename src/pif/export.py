"""Export the PIF return as local authorities publish it: one row per measure and part, one column
per collection year (by default the current year and the one before, side by side).

Reads the `pif_return` mart (collection_year, measure_code, part, breakdown, value) joined with the
measure registry seed (measure_name, part_label, unit) and writes:

- output/pif_return.csv and output/pif_return.xlsx: the wide, published layout;
- output/pif_return_long.csv: every row of the mart with its registry labels.

A figure the extract cannot give (pif_return.unavailable_reason: a file or column it needs is absent
or empty) is written as "not available" in every file, never 0 or blank, with the reason in an
unavailable_reason column (the wide layout has it when any figure is not available).

A mart row's breakdown (when the mart has any besides empty/'all'/'total') is kept as a column of
the wide layout, so figures broken down further are never summed or dropped silently.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from rich.console import Console
from rich.table import Table as RichTable

from pif.cells import safe_frame
from pif.db import query_frame, quote_identifier

LONG_COLUMNS: tuple[str, ...] = (
    "collection_year",
    "measure_code",
    "part",
    "breakdown",
    "label",
    "unit",
    "value",
    "unavailable_reason",
)
NOT_AVAILABLE_TEXT = "not available"
HEADLINE_BREAKDOWNS: frozenset[str] = frozenset({"", "all", "total"})
WELSH_GOVERNMENT_NOTE = " [filled in by Welsh Government from the CLA census; computed as a check]"
MAX_COLUMN_WIDTH = 80


@dataclass(frozen=True)
class ExportFiles:
    """Paths of the files an export wrote."""

    wide_csv: Path
    wide_xlsx: Path
    long_csv: Path


def read_return(connection: Any, marts_schema: str, reference_schema: str) -> pd.DataFrame:
    """The long return: every pif_return row with its registry label and unit."""
    columns = query_frame(
        connection, f"select * from {quote_identifier(marts_schema)}.pif_return where 1 = 0"
    ).columns
    reason = "r.unavailable_reason" if "unavailable_reason" in columns else "cast(null as varchar(500))"
    sql = f"""
        select
            cast(r.collection_year as varchar(7)) as collection_year,
            r.measure_code,
            r.part,
            r.breakdown,
            g.measure_name,
            g.part_label,
            g.unit,
            g.filled_by_welsh_government,
            r.value,
            {reason} as unavailable_reason
        from {quote_identifier(marts_schema)}.pif_return as r
        left join {quote_identifier(reference_schema)}.measure_registry as g
            on g.measure_code = r.measure_code
            and coalesce(cast(g.part as varchar(50)), '') = coalesce(cast(r.part as varchar(50)), '')
    """
    frame = query_frame(connection, sql)
    return long_table(frame)


def long_table(frame: pd.DataFrame) -> pd.DataFrame:
    """Tidy the joined rows: one label column, text keys without NaN, numbers as numbers, sorted."""
    frame = frame.copy()
    if "unavailable_reason" not in frame.columns:
        frame["unavailable_reason"] = ""
    for column in ("part", "breakdown", "measure_name", "part_label", "unit", "unavailable_reason"):
        frame[column] = frame[column].astype(object).where(frame[column].notna(), "").astype(str)
    frame["label"] = [
        label(name, part) for name, part in zip(frame["measure_name"], frame["part_label"], strict=True)
    ]
    if "filled_by_welsh_government" in frame.columns:
        # Measures Welsh Government fills in from the Children Looked After census: the authority's
        # figure is its own check, and the return says so on the row.
        flagged = frame["filled_by_welsh_government"].astype(str).str.lower().isin(["true", "1"])
        frame.loc[flagged, "label"] = frame.loc[flagged, "label"] + WELSH_GOVERNMENT_NOTE
    frame["value"] = pd.to_numeric(frame["value"], errors="coerce")
    frame = frame.sort_values(["measure_code", "part", "breakdown", "collection_year"], kind="stable")
    return frame.loc[:, list(LONG_COLUMNS)].reset_index(drop=True)


def label(measure_name: str, part_label: str) -> str:
    """The row label: the measure name, followed by the part's label when it has one."""
    if not part_label:
        return measure_name
    if not measure_name or part_label.startswith(measure_name):
        return part_label
    return f"{measure_name.rstrip(' :')}: {part_label}"


def wide_table(long: pd.DataFrame, years: int = 2) -> pd.DataFrame:
    """One row per measure and part (and breakdown when present), one column per collection year.

    The year columns are the latest `years` collection years in the data, the current year first,
    as published returns put them (2026-27, then 2025-26).
    """
    chosen = sorted(long["collection_year"].dropna().unique(), reverse=True)[:years]
    keys = ["measure_code", "part", "breakdown", "label", "unit"]
    subset = long[long["collection_year"].isin(chosen)]
    # One figure per key and year is expected; sum(min_count=1) keeps a missing figure empty.
    grouped = subset.groupby([*keys, "collection_year"], sort=False)["value"].sum(min_count=1)
    wide = grouped.unstack("collection_year").reindex(columns=chosen).reset_index()
    wide.columns.name = None
    reasons = _reasons(subset, keys)
    if reasons is not None:
        # A figure not available from the extract says so, with the reason, never blank or 0.
        wide = wide.merge(reasons, on=keys, how="left")
        wide["unavailable_reason"] = wide["unavailable_reason"].fillna("")
        unavailable = wide["unavailable_reason"] != ""
        for year in chosen:
            wide[year] = wide[year].astype(object).where(~unavailable, NOT_AVAILABLE_TEXT)
    if set(long["breakdown"].str.lower()) <= HEADLINE_BREAKDOWNS:
        wide = wide.drop(columns="breakdown")
    order = [column for column in ("measure_code", "part", "breakdown") if column in wide.columns]
    return wide.sort_values(order, kind="stable").reset_index(drop=True)


def _reasons(long: pd.DataFrame, keys: list[str]) -> pd.DataFrame | None:
    """The unavailable reason of each key that has one, or None when every figure is available."""
    if "unavailable_reason" not in long.columns:
        return None
    marked = long[long["unavailable_reason"].fillna("") != ""]
    if marked.empty:
        return None
    return marked.groupby(keys, sort=False)["unavailable_reason"].first().reset_index()


def long_file(long: pd.DataFrame) -> pd.DataFrame:
    """The long return as written: a figure not available reads "not available", never blank."""
    frame = long.copy()
    if "unavailable_reason" in frame.columns:
        unavailable = frame["unavailable_reason"].fillna("") != ""
        frame["value"] = frame["value"].astype(object).where(~unavailable, NOT_AVAILABLE_TEXT)
    return frame


def write_xlsx(wide: pd.DataFrame, path: Path) -> Path:
    """The wide return as a spreadsheet: bold header, frozen header row, widths fitted to content."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "PIF return"
    sheet.append([str(column) for column in wide.columns])
    for row in wide.itertuples(index=False):
        sheet.append([None if pd.isna(value) else value for value in row])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    for index, column in enumerate(wide.columns, start=1):
        longest = max([len(str(column)), *(len(str(value)) for value in wide[column] if not pd.isna(value))])
        sheet.column_dimensions[get_column_letter(index)].width = min(longest + 2, MAX_COLUMN_WIDTH)
    path.parent.mkdir(parents=True, exist_ok=True)
    workbook.save(path)
    return path


def write_export(long: pd.DataFrame, output_dir: Path, years: int = 2) -> ExportFiles:
    """Write the wide CSV and XLSX and the long CSV into `output_dir`."""
    output_dir.mkdir(parents=True, exist_ok=True)
    wide = wide_table(long, years)
    files = ExportFiles(
        wide_csv=output_dir / "pif_return.csv",
        wide_xlsx=output_dir / "pif_return.xlsx",
        long_csv=output_dir / "pif_return_long.csv",
    )
    safe_frame(wide).to_csv(files.wide_csv, index=False)
    write_xlsx(safe_frame(wide), files.wide_xlsx)
    safe_frame(long_file(long)).to_csv(files.long_csv, index=False)
    return files


def print_return_summary(
    long: pd.DataFrame, years: int = 2, console: Console | None = None, rows: int = 60
) -> None:
    """A short terminal view: the first rows of the wide return (figures first, label last) plus counts."""
    console = console or Console()
    wide = wide_table(long, years)
    leading = [column for column in wide.columns if column not in ("label", "unit", "unavailable_reason")]
    wide = wide[[*leading, "label"]]
    table = RichTable(title=f"PIF return (first {min(rows, len(wide))} of {len(wide)} rows)")
    used = 1
    for column in wide.columns:
        numeric = column not in ("measure_code", "part", "breakdown", "label", "unit")
        if column == "label":
            continue
        width = max(
            [len(str(column)), *(len(_display(value)) for value in wide[column] if not pd.isna(value))]
        )
        table.add_column(str(column), justify="right" if numeric else "left", no_wrap=True, min_width=width)
        used += width + 3
    label_width = max(20, console.width - used - 4)
    table.add_column("label", no_wrap=True, max_width=label_width, overflow="ellipsis")
    for row in wide.head(rows).itertuples(index=False):
        table.add_row(*["" if pd.isna(value) else _display(value) for value in row])
    console.print(table)
    console.print(
        f"{long['measure_code'].nunique()} measures, {len(wide)} measure parts, "
        f"{long['collection_year'].nunique()} collection years, {len(long)} figures"
    )


def _display(value: object) -> str:
    """Whole numbers without a decimal point, other numbers to two places."""
    if isinstance(value, float):
        return f"{value:,.0f}" if value.is_integer() else f"{value:,.2f}"
    return str(value)
