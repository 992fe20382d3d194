"""The return in the published layout: sections, measures, parts, totals and age matrices.

`return_lines` turns the long return (pif_return as exported) and the measure registry into the
lines a published return prints, in catalogue order (the registry's order, seeds/measure_registry.csv):

- a section heading per catalogue section;
- a stem line per measure with its full name (and its figure when it has no parts), then one line
  per part with its short label (`CH/004a`, `Self`);
- a Total line after a group of parts where the catalogue's relations say the parts add up to a
  total (src/pif/measure_relations.csv, parts_sum_to_total, must hold);
- every registry measure, also those without a figure: not implemented, filled in by Welsh
  Government, or not available from this extract (pif_return.unavailable_reason) show "-" and say why.

`matrices` gives the category-by-age tables of the measures the return crosses (CH/023, AD/022,
AD/030, AD/031: pif_return rows with an age_* breakdown), with band names, an "All ages" column
(the category's own figure), a "Sum of the categories" row (the column sums) and an "All categories"
row (the age parts' own figures: each item once, so less than the sum where an item may be in
several categories, as AD/022's reports).

`RunInfo` is what made the return (run id, extract date, versions, vars): the workbook's Notes sheet,
the CSVs' identifying columns and the report's header are filled in from it.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pandas as pd
import yaml

from pif.check import REGISTRY_FILE, load_relations

HEADLINE = frozenset({"", "all", "total"})
NOT_SHOWN = "-"
NOT_IMPLEMENTED = "Not implemented by this project yet (measure_coverage): no figure is estimated."
WELSH_GOVERNMENT = "Filled in by Welsh Government from the Children Looked After census, not by the authority"
NOT_AVAILABLE = "Not available from this extract"
PROJECT_FILE = REGISTRY_FILE.parents[1] / "dbt_project.yml"
# dbt vars that say what is computed rather than how a definition is read: not interpretations.
NON_INTERPRETATION_VARS = frozenset(
    {"raw_schema", "first_collection_year", "last_collection_year", "extract_date"}
)


# --------------------------------------------------------------------------------------------------
# What made the return


@dataclass(frozen=True)
class RunInfo:
    """The run behind a return: every output names it."""

    run_id: str = "untested"
    extract_date: str = ""
    started_at: str = ""
    project_version: str = ""
    git_commit: str = ""
    catalogue_version: str = ""
    target: str = ""
    dbt_version: str = ""
    extract_dir: str = ""
    authority_code: str = ""
    authority_name: str = ""
    dbt_vars: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_record(
        cls, record: Mapping[str, Any], authority_code: str = "", authority_name: str = ""
    ) -> RunInfo:
        """From a run record (pif_runs row or the run's own dict): dbt_vars as dict or JSON text."""
        raw_vars = record.get("dbt_vars") or {}
        if isinstance(raw_vars, str):
            try:
                raw_vars = json.loads(raw_vars)
            except ValueError:
                raw_vars = {}

        def text(name: str) -> str:
            value = record.get(name)
            return "" if value is None or (isinstance(value, float) and value != value) else str(value)

        return cls(
            run_id=text("run_id") or "untested",
            extract_date=text("extract_date"),
            started_at=text("started_at"),
            project_version=text("project_version"),
            git_commit=text("git_commit"),
            catalogue_version=text("catalogue_version"),
            target=text("target"),
            dbt_version=text("dbt_version"),
            extract_dir=text("extract_dir"),
            authority_code=authority_code,
            authority_name=authority_name,
            dbt_vars=dict(raw_vars),
        )


def default_vars(path: Path = PROJECT_FILE) -> dict[str, Any]:
    """The dbt vars as dbt_project.yml sets them (the defaults a run's --vars change)."""
    project = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return dict(project.get("vars") or {})


def vars_in_force(info: RunInfo, defaults: Mapping[str, Any] | None = None) -> list[tuple[str, Any, Any]]:
    """Every interpretation var: (name, value in force, default). A run without recorded vars
    (an untested export) is taken to use the defaults."""
    defaults = default_vars() if defaults is None else defaults
    names = [name for name in defaults if name not in NON_INTERPRETATION_VARS]
    names += [name for name in info.dbt_vars if name not in defaults and name not in NON_INTERPRETATION_VARS]
    return [(name, info.dbt_vars.get(name, defaults.get(name)), defaults.get(name)) for name in names]


def changed_vars(info: RunInfo, defaults: Mapping[str, Any] | None = None) -> list[tuple[str, Any, Any]]:
    """The interpretation vars whose value in force differs from dbt_project.yml's default."""
    return [row for row in vars_in_force(info, defaults) if row[1] != row[2]]


def show_var(value: Any) -> str:
    if isinstance(value, list | dict):
        return json.dumps(value)
    return "null" if value is None else str(value)


def year_end(collection_year: str) -> date:
    """31 March that ends a collection year ('2026-27' -> 2027-03-31)."""
    return date(int(collection_year[:4]) + 1, 3, 31)


def iso_date(text: str) -> date | None:
    """The date at the start of an ISO date or timestamp text, or None when it is not one."""
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return None


def long_date(text: str) -> str:
    day = iso_date(text)
    return f"{day.day} {day.strftime('%B %Y')}" if day else text


def period_text(collection_year: str, info: RunInfo) -> str:
    """'2026-27 to 20 November 2026 (year to date)' when the year is incomplete, else '2026-27'."""
    extracted = iso_date(info.extract_date)
    if extracted:
        if extracted < year_end(collection_year):
            return f"{collection_year} to {long_date(info.extract_date)} (year to date)"
        return f"{collection_year} (whole year)"
    started = iso_date(info.started_at) or datetime.now(UTC).date()
    if started < year_end(collection_year):
        return (
            f"{collection_year} to the extract's date (year to date; no extract date was given, "
            f"run on {long_date(started.isoformat())})"
        )
    return f"{collection_year} (whole year)"


def partial_year_warning(years: list[str], info: RunInfo) -> str:
    """A sentence when the current year is year to date: its change on the year is not like for like."""
    if len(years) < 2 or "year to date" not in period_text(years[0], info):
        return ""
    return (
        f"{years[0]} is year to date, so its change on {years[1]} (a whole year) compares part of a "
        "year with a whole one."
    )


# --------------------------------------------------------------------------------------------------
# The lines of the return


@dataclass
class Line:
    """One printed line: a section heading, a measure stem, a part, or a Total."""

    kind: str  # section | stem | part | total
    section: str
    measure_code: str = ""
    part: str = ""
    ref: str = ""
    label: str = ""
    unit: str = "count"
    values: dict[str, float | None] = field(default_factory=dict)
    shown: bool = True  # False: the figures print as "-" (note says why)
    note: str = ""

    def value(self, year: str) -> float | None:
        return self.values.get(year)


@dataclass
class Matrix:
    """A category-by-age table of one measure in one year."""

    measure_code: str
    name: str
    year: str
    unit: str
    bands: list[tuple[str, str]]  # (age part, band name); a last ("", "Age not known") when needed
    rows: list[tuple[str, str, list[float | None], float | None]]  # ref, label, cells, all ages
    band_totals: list[float | None]  # column sums of the cells (Sum of the categories)
    grand_total: float | None  # sum of the categories' own figures
    age_parts: list[float | None]  # the age parts' own figures (the registry's age_* parts)


def read_registry(path: Path = REGISTRY_FILE) -> pd.DataFrame:
    registry = pd.read_csv(path, dtype=str, keep_default_na=False)
    return registry


def years_of(long: pd.DataFrame) -> list[str]:
    """The collection years in the return, the latest first."""
    return sorted({str(year) for year in long["collection_year"].dropna()}, reverse=True)


def _headline(long: pd.DataFrame) -> pd.DataFrame:
    breakdown = long["breakdown"].fillna("").astype(str).str.lower()
    return long[breakdown.isin(HEADLINE)]


def _figures(long: pd.DataFrame) -> dict[tuple[str, str], dict[str, float | None]]:
    figures: dict[tuple[str, str], dict[str, float | None]] = {}
    for row in _headline(long).itertuples(index=False):
        value = None if pd.isna(row.value) else float(row.value)
        figures.setdefault((row.measure_code, row.part or ""), {})[str(row.collection_year)] = value
    return figures


def _reasons(long: pd.DataFrame) -> dict[tuple[str, str], str]:
    """unavailable_reason per figure (the column is optional: a return without it has none)."""
    if "unavailable_reason" not in long.columns:
        return {}
    reasons: dict[tuple[str, str], str] = {}
    rows = _headline(long)
    for code, part, reason in zip(
        rows["measure_code"], rows["part"], rows["unavailable_reason"], strict=True
    ):
        if isinstance(reason, str) and reason.strip():
            reasons.setdefault((code, part or ""), reason.strip())
    return reasons


def _sum(values: list[float | None]) -> float | None:
    return None if any(value is None for value in values) else float(sum(values))  # type: ignore[arg-type]


def _gap(all_ages: float | None, cells: list[float | None]) -> float | None:
    known = _sum(cells)
    return None if all_ages is None or known is None else all_ages - known


def part_ref(code: str, part: str) -> str:
    """CH/004a; an age part as CH/023 (ii), AD/022 (1)."""
    if not part:
        return code
    if part.startswith("age_"):
        return f"{code} ({part[4:]})"
    return f"{code}{part}"


def band_name(part_label: str) -> str:
    """'Age: Under age 1' -> 'Under age 1'."""
    return part_label.split(":", 1)[1].strip() if part_label.lower().startswith("age:") else part_label


def _total_groups() -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """Per measure, the groups of its parts the catalogue adds up to a total (must hold), with what
    the total equals."""
    groups: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for relation in load_relations():
        if relation.kind != "parts_sum_to_total" or relation.strength != "must" or len(relation.parts) < 2:
            continue
        if relation.other_measure_code == relation.measure_code:
            equals = "the catalogue's Total"
        else:
            equals = f"equals {relation.other_measure_code}"
        known = groups.setdefault(relation.measure_code, [])
        if relation.parts not in [parts for parts, _ in known]:
            known.append((relation.parts, equals))
    return groups


def return_lines(long: pd.DataFrame, registry: pd.DataFrame | None = None) -> list[Line]:
    """Every registry measure and part in catalogue order, with its figures and notes."""
    registry = read_registry() if registry is None else registry
    figures = _figures(long)
    reasons = _reasons(long)
    implemented = set(long["measure_code"])
    years = years_of(long)
    totals = _total_groups()
    lines: list[Line] = []
    section = None
    for code, parts in registry.groupby("measure_code", sort=False):
        first = parts.iloc[0]
        if first["section"] != section:
            section = first["section"]
            lines.append(Line("section", section, label=section))
        welsh_government = str(first.get("filled_by_welsh_government", "")).lower() in ("true", "1")
        has_parts = not (len(parts) == 1 and parts.iloc[0]["part"] == "")
        stem = Line("stem", section, code, "", code, first["measure_name"], first["unit"])
        lines.append(stem)
        part_lines = [stem] if not has_parts else []
        for row in parts.itertuples(index=False) if has_parts else []:
            part_lines.append(
                Line(
                    "part",
                    section,
                    code,
                    row.part,
                    part_ref(code, row.part),
                    row.part_label or row.part,
                    row.unit,
                )
            )
        for line in part_lines:
            key = (code, line.part)
            line.values = {year: figures.get(key, {}).get(year) for year in years}
            if code not in implemented:
                line.shown, line.note = False, NOT_IMPLEMENTED
            elif welsh_government:
                line.shown = False
                current = line.values.get(years[0]) if years else None
                check = (
                    ""
                    if current is None
                    else f"; this extract gives {current:,.0f} for {years[0]} as a check"
                )
                line.note = f"{WELSH_GOVERNMENT}{check}."
            elif key in reasons:
                line.shown, line.note = False, f"{NOT_AVAILABLE}: {reasons[key]}"
            elif key not in figures:
                line.shown, line.note = False, "No figure in this return for this part."
        if not has_parts:
            continue
        for line in part_lines:
            lines.append(line)
            for group, equals in totals.get(code, []):
                if line.part == group[-1]:
                    lines.append(_total_line(code, section, group, equals, part_lines, years))
    return lines


def _total_line(
    code: str, section: str, group: tuple[str, ...], equals: str, part_lines: list[Line], years: list[str]
) -> Line:
    members = [line for line in part_lines if line.part in group]
    values: dict[str, float | None] = {}
    for year in years:
        numbers = [line.value(year) for line in members]
        values[year] = None if any(number is None for number in numbers) else float(sum(numbers))  # type: ignore[arg-type]
    which = "all ages" if group[0].startswith("age_") else f"parts {group[0]}-{group[-1]}"
    shown = all(line.shown for line in members)
    note = f"Sum of {which}; {equals}." if shown else members[0].note
    return Line(
        "total", section, code, "total", f"{code} Total", "Total", members[0].unit, values, shown, note
    )


def matrices(long: pd.DataFrame, registry: pd.DataFrame | None = None) -> list[Matrix]:
    """The category-by-age tables (measures with age_* breakdowns), the latest year first."""
    registry = read_registry() if registry is None else registry
    breakdown = long["breakdown"].fillna("").astype(str)
    crossed = long[breakdown.str.startswith("age_")]
    if crossed.empty:
        return []
    figures = _figures(long)
    cells = {
        (row.collection_year, row.measure_code, row.part, row.breakdown): (
            None if pd.isna(row.value) else float(row.value)
        )
        for row in crossed.itertuples(index=False)
    }
    result = []
    for code in [c for c in registry["measure_code"].drop_duplicates() if c in set(crossed["measure_code"])]:
        parts = registry[registry["measure_code"] == code]
        bands = [
            (p, band_name(label))
            for p, label in zip(parts["part"], parts["part_label"], strict=True)
            if p.startswith("age_")
        ]
        categories = sorted(
            set(crossed.loc[crossed["measure_code"] == code, "part"]),
            key=list(parts["part"]).index,
        )
        labels = dict(zip(parts["part"], parts["part_label"], strict=True))
        for year in years_of(long)[:2]:
            rows = []
            for category in categories:
                row_cells = [cells.get((year, code, category, band)) for band, _ in bands]
                rows.append(
                    (
                        part_ref(code, category),
                        labels.get(category, category),
                        row_cells,
                        figures.get((code, category), {}).get(year),
                    )
                )
            # Items of a category with no age band (no date of birth): the gap, shown, never hidden.
            gaps = [_gap(all_ages, row_cells) for _, _, row_cells, all_ages in rows]
            year_bands = list(bands)
            if any(gap for gap in gaps):
                year_bands.append(("", "Age not known"))
                rows = [
                    (ref, label, [*c, gap], total)
                    for (ref, label, c, total), gap in zip(rows, gaps, strict=True)
                ]
            width = len(year_bands)
            band_totals = [_sum([row[2][index] for row in rows]) for index in range(width)]
            grand = _sum([row[3] for row in rows])
            age_parts = [figures.get((code, band), {}).get(year) for band, _ in bands]
            result.append(
                Matrix(
                    code,
                    parts.iloc[0]["measure_name"],
                    year,
                    parts.iloc[0]["unit"],
                    year_bands,
                    rows,
                    band_totals,
                    grand,
                    age_parts,
                )
            )
    return result
