"""`pif check FILE`: check the relations between the figures of any PIF return.

The relations the Definitions Catalogue states or implies between figures (a part or subset not
greater than its base, parts summing to a total, two splits of the same items summing equal) are
reference data: src/pif/measure_relations.csv (docs/relations.md), one row per relation with the
catalogue sentence it comes from and whether it must hold or is only expected to.

A return is read from a CSV in one of these layouts, detected from the header:

- long: collection_year, measure_code, part, value (and optionally breakdown, label, unit), as
  `pif export` writes output/pif_return_long.csv, or as a team builds one by hand;
- wide: measure_code, part, a label, and one column per collection year (`2026-27` or
  `value_2026_27`), as `pif export` writes output/pif_return.csv;
- published: a code with its part in one column (`CH/004a`, `CH/004` for the printed Total), a
  label, and one column per collection year, as authorities publish their figures
  (e.g. ../shared/reference/la-published-children-metrics-2022-23.csv). A category-by-age matrix
  (CH/023) is read from its labels: "all ages" rows are the category parts, the "all categories"
  rows by age the age parts, and the cells are left out.

Values may carry thousands separators; blank, "-", "..", "." "x", "c", "*", "not available" mean not
available (never zero). A relation with a figure not available in the file is "not checked", never a pass.

Exit codes: 0 no must-hold relation fails, 1 a must-hold relation fails, 2 the file cannot be read
(missing, unknown layout).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

RELATIONS_FILE = Path(__file__).with_name("measure_relations.csv")
REGISTRY_FILE = Path(__file__).resolve().parents[2] / "seeds" / "measure_registry.csv"
KINDS = ("not_greater_than", "parts_sum_to_total", "part_groups_sum_equal")
STRENGTHS = ("must", "expected")
NOT_AVAILABLE = frozenset({"", "-", "..", ".", "x", "c", "*", ":", "n/a", "na", "notavailable"})
EXIT_OK = 0
EXIT_MUST_FAILED = 1
EXIT_UNREADABLE = 2
TOTAL_PART = "total"
HEADLINE_BREAKDOWNS = frozenset({"", "all", "total"})
LONG_REQUIRED = ("collection_year", "measure_code", "part", "value")
EXPECTED_LAYOUTS = (
    "long: collection_year, measure_code, part, value; "
    "wide: measure_code, part, label, one column per year (2026-27 or value_2026_27); "
    "published: measure_code (code with part, e.g. CH/004a), label, one column per year"
)
YEAR_COLUMN = re.compile(r"^(?:value_)?(\d{4})[-_/](\d{2})$")
CODE_WITH_PART = re.compile(r"^([A-Z]{2}/\d{3})([a-z]{1,2})$")
CODE = re.compile(r"^[A-Z]{2}/\d{3}[a-z]?$")


class LayoutError(ValueError):
    """The file is not in a layout `pif check` reads."""


@dataclass(frozen=True)
class Relation:
    """One row of measure_relations.csv."""

    relation_id: str
    kind: str
    measure_code: str
    parts: tuple[str, ...]
    other_measure_code: str
    other_parts: tuple[str, ...]
    strength: str
    reason: str
    catalogue_measure: str
    catalogue_quote: str
    dbt_test: str

    def sides(self) -> tuple[str, str]:
        """The two sides in words: `CH/018a` and `CH/019a`, `sum of CH/004 a-r` and `CH/001`."""
        return _side(self.measure_code, self.parts, self.kind != "not_greater_than"), _side(
            self.other_measure_code, self.other_parts, self.kind == "part_groups_sum_equal"
        )

    def operator(self) -> str:
        return "<=" if self.kind == "not_greater_than" else "="


@dataclass(frozen=True)
class Result:
    """A relation checked (or not) in one collection year."""

    relation: Relation
    collection_year: str
    status: str  # pass, fail, not checked
    value: float | None
    other_value: float | None
    missing: str

    def row(self) -> dict[str, object]:
        left, right = self.relation.sides()
        return {
            "relation_id": self.relation.relation_id,
            "collection_year": self.collection_year,
            "status": self.status,
            "strength": self.relation.strength,
            "kind": self.relation.kind,
            "side": left,
            "value": self.value,
            "operator": self.relation.operator(),
            "other_side": right,
            "other_value": self.other_value,
            "missing": self.missing,
            "catalogue_measure": self.relation.catalogue_measure,
            "catalogue_quote": self.relation.catalogue_quote,
            "reason": self.relation.reason,
        }


def figure_name(code: str, part: str) -> str:
    """CH/004a, CH/004 Total, CH/023 age_ii, CH/001."""
    if part == TOTAL_PART:
        return f"{code} Total"
    return f"{code} {part}" if "_" in part else f"{code}{part}"


def _side(code: str, parts: tuple[str, ...], summed: bool) -> str:
    named = [figure_name(code, part) for part in parts]
    if parts == (TOTAL_PART,):
        return f"{code} Total"
    if summed and len(parts) > 1:
        return f"sum of {code} {parts[0]}-{parts[-1]}" if len(parts) > 2 else " + ".join(named)
    return named[0] if named else code


def load_relations(path: Path = RELATIONS_FILE) -> list[Relation]:
    """The reference relations; stops on a row with an unknown kind or strength."""
    relations = []
    with path.open(newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            relation = Relation(
                relation_id=row["relation_id"],
                kind=row["kind"],
                measure_code=row["measure_code"],
                parts=tuple(row["parts"].split()) or ("",),
                other_measure_code=row["other_measure_code"],
                other_parts=tuple(row["other_parts"].split()) or ("",),
                strength=row["strength"],
                reason=row["reason"],
                catalogue_measure=row["catalogue_measure"],
                catalogue_quote=row["catalogue_quote"],
                dbt_test=row["dbt_test"],
            )
            if relation.kind not in KINDS or relation.strength not in STRENGTHS:
                raise ValueError(f"{path}: relation {relation.relation_id}: unknown kind or strength")
            relations.append(relation)
    return relations


def parse_value(text: object) -> float | None:
    """A figure, or None when not available: thousands separators allowed; blank, '-', '..' = None."""
    if text is None or (isinstance(text, float) and pd.isna(text)):
        return None
    cleaned = str(text).strip().replace(",", "").replace("\u00a0", "").replace(" ", "")
    if cleaned.lower() in NOT_AVAILABLE:
        return None
    try:
        return float(cleaned)
    except ValueError:
        return None


def _year(column: str) -> str | None:
    match = YEAR_COLUMN.match(column.strip())
    return f"{match.group(1)}-{match.group(2)}" if match else None


def detect_layout(columns: Iterable[str]) -> str:
    """long, wide or published from the header; LayoutError naming the columns expected otherwise."""
    names = [str(column).strip().lower() for column in columns]
    if all(column in names for column in LONG_REQUIRED):
        return "long"
    years = [column for column in names if _year(column)]
    code_column = next((c for c in names if c in ("measure_code", "code")), None)
    if years and code_column:
        return "wide" if "part" in names else "published"
    raise LayoutError(
        f"unknown layout (columns: {', '.join(names) or 'none'}); expected one of {EXPECTED_LAYOUTS}"
    )


def _registry() -> pd.DataFrame:
    return pd.read_csv(REGISTRY_FILE, dtype=str, keep_default_na=False)


def _age_key(text: str) -> str:
    text = re.sub(r"\bage\b", "", text.lower().replace("age:", ""))
    return re.sub(r"[\s\-–]+", "-", text).strip("-").replace("under-", "under")


def split_code(code: str, label: str, registry: pd.DataFrame) -> tuple[str, str] | None:
    """A published code and label as (measure_code, part), or None for a matrix cell.

    `CH/004a` -> (CH/004, a); `CH/020a` (a measure code of its own) -> (CH/020a, ''); `CH/004` of
    a measure with parts only -> (CH/004, total), the printed Total row. A category-by-age matrix
    (CH/023): "all ages" rows are the category parts (the all-categories one the Total), the
    all-categories rows by age the age parts, and the other cells None.
    """
    code = code.strip()
    codes = set(registry["measure_code"])
    if code in codes:
        measure, part = code, ""
    else:
        match = CODE_WITH_PART.match(code)
        if not match:
            return (code, "")
        measure, part = match.group(1), match.group(2)
    parts = registry.loc[registry["measure_code"] == measure, ["part", "part_label"]]
    age_parts = parts[parts["part"].str.startswith("age_")]
    lowered = label.lower()
    if not age_parts.empty and ("; age" in lowered or "all ages" in lowered):
        if "all ages" in lowered:
            return (measure, part or TOTAL_PART)
        if part:
            return None
        band = _age_key(lowered.rsplit("; age", 1)[1])
        for age_part, age_label in zip(age_parts["part"], age_parts["part_label"], strict=True):
            if _age_key(age_label) == band:
                return (measure, age_part)
        return None
    if not part and not parts.empty and "" not in set(parts["part"]):
        return (measure, TOTAL_PART)
    return (measure, part)


def read_figures(path: Path) -> tuple[pd.DataFrame, str]:
    """The return's part figures (collection_year, measure_code, part, value; value None = not
    available) and the layout read."""
    try:
        raw = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    except (OSError, pd.errors.ParserError, pd.errors.EmptyDataError, UnicodeDecodeError) as error:
        if isinstance(error, pd.errors.ParserError):
            first = str(error).splitlines()[0] if str(error) else "malformed"
            raise LayoutError(
                f"{path} is not a comma-separated return ({first}); expected one of {EXPECTED_LAYOUTS}"
            ) from error
        raise LayoutError(f"cannot read {path}: {error}") from error
    raw.columns = [str(column).strip().lower() for column in raw.columns]
    layout = detect_layout(raw.columns)
    if layout == "long":
        frame = raw.copy()
        if "breakdown" in frame.columns:
            frame = frame[frame["breakdown"].str.strip().str.lower().isin(HEADLINE_BREAKDOWNS)]
        frame = frame.loc[:, list(LONG_REQUIRED)]
    else:
        code_column = "measure_code" if "measure_code" in raw.columns else "code"
        label_column = next((c for c in raw.columns if "label" in c or c == "name"), None)
        year_columns = [column for column in raw.columns if _year(column)]
        registry = _registry() if layout == "published" else None
        records = []
        for _, row in raw.iterrows():
            code = row[code_column].strip()
            if not CODE.match(code) and not CODE_WITH_PART.match(code):
                continue
            if "breakdown" in raw.columns and row["breakdown"].strip().lower() not in HEADLINE_BREAKDOWNS:
                continue  # a matrix cell of the wide export, not a part figure
            if layout == "wide":
                key: tuple[str, str] | None = (code, row["part"].strip())
            else:
                key = split_code(code, row[label_column] if label_column else "", registry)
            if key is None:
                continue
            for column in year_columns:
                records.append((_year(column), key[0], key[1], row[column]))
        frame = pd.DataFrame(records, columns=list(LONG_REQUIRED))
    frame = frame.assign(
        collection_year=[_year(str(year)) or str(year).strip() for year in frame["collection_year"]],
        measure_code=frame["measure_code"].astype(str).str.strip(),
        part=frame["part"].astype(str).str.strip(),
        text=frame["value"].astype(str).str.strip(),
        value=[parse_value(value) for value in frame["value"]],
    )
    return frame.reset_index(drop=True), layout


def unreadable_values(figures: pd.DataFrame) -> pd.DataFrame:
    """Values that are neither a number nor a not-available mark (read as not available)."""
    marked = figures["text"].str.lower().isin(NOT_AVAILABLE)
    return figures[figures["value"].isna() & ~marked]


def conflicting_figures(figures: pd.DataFrame) -> pd.DataFrame:
    """Figures given more than once with different values (the check uses the first given)."""
    keys = ["collection_year", "measure_code", "part"]
    counts = figures.assign(value=figures["value"].astype(str)).groupby(keys)["value"].nunique()
    return counts[counts > 1].reset_index().loc[:, keys]


def check(figures: pd.DataFrame, relations: list[Relation], year: str | None = None) -> list[Result]:
    """Every relation in every collection year of the file (or `year` only)."""
    lookup: dict[tuple[str, str, str], float | None] = {}
    for row in figures.itertuples(index=False):
        key = (row.collection_year, row.measure_code, row.part)
        if lookup.get(key) is None:
            lookup[key] = None if pd.isna(row.value) else float(row.value)
    years = sorted({str(y) for y in figures["collection_year"]}, reverse=True)
    if year:
        years = [y for y in years if y == year] or [year]
    results = []
    for relation in relations:
        for collection_year in years:
            results.append(_check_one(relation, collection_year, lookup))
    return results


def _sum(
    lookup: dict[tuple[str, str, str], float | None], year: str, code: str, parts: tuple[str, ...]
) -> tuple[float | None, list[str]]:
    values = [lookup.get((year, code, part)) for part in parts]
    missing = [figure_name(code, p) for p, v in zip(parts, values, strict=True) if v is None]
    return (None if missing else float(sum(v for v in values if v is not None))), missing


def _check_one(relation: Relation, year: str, lookup: dict[tuple[str, str, str], float | None]) -> Result:
    value, missing = _sum(lookup, year, relation.measure_code, relation.parts)
    other, other_missing = _sum(lookup, year, relation.other_measure_code, relation.other_parts)
    if missing or other_missing:
        return Result(relation, year, "not checked", value, other, ", ".join([*missing, *other_missing]))
    assert value is not None and other is not None
    holds = value <= other if relation.kind == "not_greater_than" else abs(value - other) < 1e-9
    return Result(relation, year, "pass" if holds else "fail", value, other, "")


@dataclass(frozen=True)
class Summary:
    checked: int
    failed_must: int
    failed_expected: int
    not_checked: int

    def line(self) -> str:
        return (
            f"{self.checked} checked, {self.failed_must} failed must-hold, "
            f"{self.failed_expected} failed expected, {self.not_checked} not checked"
        )

    @property
    def exit_code(self) -> int:
        return EXIT_MUST_FAILED if self.failed_must else EXIT_OK


def summarise(results: list[Result]) -> Summary:
    failed = [r for r in results if r.status == "fail"]
    return Summary(
        checked=sum(r.status in ("pass", "fail") for r in results),
        failed_must=sum(r.relation.strength == "must" for r in failed),
        failed_expected=sum(r.relation.strength == "expected" for r in failed),
        not_checked=sum(r.status == "not checked" for r in results),
    )


def _number(value: float | None) -> str:
    if value is None:
        return "n/a"
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"


def failure_lines(results: list[Result]) -> list[str]:
    """One block per failing relation: both sides with their figures, the year, the catalogue."""
    lines = []
    for result in results:
        if result.status != "fail":
            continue
        relation = result.relation
        left, right = relation.sides()
        word = "MUST-HOLD" if relation.strength == "must" else "expected"
        lines.append(
            f"{word} {relation.relation_id} {result.collection_year}: {left} = {_number(result.value)} "
            f"should be {relation.operator()} {right} = {_number(result.other_value)}"
        )
        lines.append(f'    catalogue {relation.catalogue_measure}: "{relation.catalogue_quote}"')
        if relation.reason:
            lines.append(f"    why: {relation.reason}")
    return lines


def write_results(results: list[Result], path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    pd.DataFrame([result.row() for result in results]).to_csv(path, index=False)
    return path
