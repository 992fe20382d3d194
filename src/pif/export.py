"""Export the PIF return as local authorities publish it: one row per measure and part, one column
per collection year (by default the current year and the one before, side by side).

Reads the `pif_return` mart (collection_year, measure_code, part, breakdown, value) joined with the
measure registry seed (measure_name, part_label, unit) and writes:

- pif_return.csv: the wide layout, one row per figure, the years side by side;
- pif_return.xlsx: the return workbook in the published layout (pif.workbook: sections, stems,
  parts, totals, age matrices, trends with charts, notes on what made it);
- pif_return_long.csv: every row of the mart with its registry labels;
- with `publish` (pif export --publish): pif_return_published.csv/.xlsx and
  pif_return_published_long.csv, every figure under the disclosure rule (pif.publication).

Every CSV carries the authority code, the extract date and the run identifier on each row and is
written UTF-8 with a byte order mark (so Excel opens it with the right characters).

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
from rich.console import Console
from rich.table import Table as RichTable

from pif.cells import safe_frame
from pif.db import query_frame, quote_identifier
from pif.publication import DisclosureRule, protect
from pif.returnbook import RunInfo

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
# Optional column of pif_return: why a figure is not available from the extract (value null).
REASON_COLUMN = "unavailable_reason"
# The columns that say which authority, extract and run every CSV row comes from.
IDENTITY_COLUMNS: tuple[str, ...] = ("authority_code", "extract_date", "run_id")
CSV_ENCODING = "utf-8-sig"
NOT_AVAILABLE_TEXT = "not available"
HEADLINE_BREAKDOWNS: frozenset[str] = frozenset({"", "all", "total"})
WELSH_GOVERNMENT_NOTE = " [filled in by Welsh Government from the CLA census; computed as a check]"


@dataclass(frozen=True)
class ExportFiles:
    """Paths of the files an export wrote."""

    wide_csv: Path
    wide_xlsx: Path
    long_csv: Path
    published: bool = False


def _has_column(connection: Any, schema: str, table: str, column: str) -> bool:
    frame = query_frame(
        connection,
        "select count(*) as n from information_schema.columns where table_schema = "
        f"'{schema.replace(chr(39), '')}' and table_name = '{table}' and column_name = '{column}'",
    )
    return int(frame["n"].iloc[0]) > 0


def read_return(connection: Any, marts_schema: str, reference_schema: str) -> pd.DataFrame:
    """The long return: every pif_return row with its registry label and unit (and why a figure is
    not available from the extract, when pif_return has the unavailable_reason column)."""
    reason = (
        f"r.{REASON_COLUMN}"
        if _has_column(connection, marts_schema, "pif_return", REASON_COLUMN)
        else f"cast(null as varchar(10)) as {REASON_COLUMN}"
    )
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
            {reason}
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
    return f"{measure_name.rstrip(' :.')}: {part_label}"


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
    wide = wide.sort_values(order, kind="stable").reset_index(drop=True)
    # Catalogue order (the registry's), as the workbook prints it; figures not in the registry last.
    position = catalogue_position()
    rank = [
        position.get((code, part), len(position))
        for code, part in zip(wide["measure_code"], wide["part"], strict=True)
    ]
    return (
        wide.assign(_rank=rank)
        .sort_values("_rank", kind="stable")
        .drop(columns="_rank")
        .reset_index(drop=True)
    )


def catalogue_position() -> dict[tuple[str, str], int]:
    """(measure_code, part) -> its place in the catalogue (seeds/measure_registry.csv order)."""
    from pif.returnbook import read_registry

    registry = read_registry()
    return {
        (code, part): index
        for index, (code, part) in enumerate(zip(registry["measure_code"], registry["part"], strict=True))
    }


def identified(frame: pd.DataFrame, info: RunInfo) -> pd.DataFrame:
    """`frame` with the authority code, extract date and run identifier as its first columns."""
    identity = pd.DataFrame(
        {
            "authority_code": info.authority_code,
            "extract_date": info.extract_date,
            "run_id": info.run_id,
        },
        index=frame.index,
    )
    return pd.concat([identity, frame], axis=1)


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


def write_csv(frame: pd.DataFrame, path: Path) -> Path:
    """A CSV safe to open in a spreadsheet (no formulas), UTF-8 with a byte order mark."""
    path.parent.mkdir(parents=True, exist_ok=True)
    safe_frame(frame).to_csv(path, index=False, encoding=CSV_ENCODING)
    return path


def published_values(frame: pd.DataFrame, columns: list[str], rule: DisclosureRule) -> pd.DataFrame:
    """`columns` of `frame` under the disclosure rule: a number, the symbol, or empty."""
    frame = frame.copy()
    for column in columns:
        shown = [
            value
            if value == NOT_AVAILABLE_TEXT
            else protect(None if pd.isna(value) else float(value), rule, unit).shown(rule.symbol)
            for value, unit in zip(frame[column], frame["unit"], strict=True)
        ]
        # As text: whole numbers stay whole (110, not 110.0) beside the symbol and empty cells.
        frame[column] = [_display_figure(value) for value in shown]
    return frame


def _display_figure(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def write_export(
    long: pd.DataFrame,
    output_dir: Path,
    years: int = 2,
    info: RunInfo | None = None,
    publish: DisclosureRule | None = None,
) -> ExportFiles:
    """Write the wide CSV, the workbook and the long CSV into `output_dir`: the internal return, or
    with `publish` the published files (pif_return_published.*) under that disclosure rule."""
    from pif.workbook import write_workbook

    info = info or RunInfo()
    output_dir.mkdir(parents=True, exist_ok=True)
    wide = wide_table(long, years)
    stem = "pif_return_published" if publish else "pif_return"
    files = ExportFiles(
        wide_csv=output_dir / f"{stem}.csv",
        wide_xlsx=output_dir / f"{stem}.xlsx",
        long_csv=output_dir / f"{stem}_long.csv",
        published=publish is not None,
    )
    long_out = long_file(long)
    if publish:
        year_columns = [column for column in wide.columns if column not in LONG_COLUMNS]
        wide = published_values(wide, year_columns, publish)
        long_out = published_values(long_file(long), ["value"], publish)
    write_csv(identified(wide, info), files.wide_csv)
    write_workbook(long, files.wide_xlsx, info, publish, years)
    write_csv(identified(long_out, info), files.long_csv)
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
