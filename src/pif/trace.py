"""Trace a figure of the return to the records behind it (`pif trace CH/004e --year 2026-27`).

A figure of `pif_return` is the sum of the `item_value` of its items in `measure_items` (one row
per counted record: 1 for a count, the days for a total-days measure); a category-by-age cell
(CH/023 part a, breakdown age_ii) is the items in both the category part and the age part. The
candidates a measure's rules leave out are in `measure_exclusions`, each with its reason (kept per
measure, not per part). This module reads them for one figure, one part or a whole measure, so a
data officer can chase the records without writing SQL. Person ids only: the marts hold no
personal details.

What the officer types is read leniently (`CH/004e`, `CH/004 e`, `ch/004e`, `CH/023 a age_ii`,
a measure code alone for every part; year `2026-27` or `2026`) against the measure registry
(seeds/measure_registry.csv), and every mistake is one line saying what would work.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from pif.cells import safe_frame
from pif.db import query_frame, quote_identifier, quote_literal
from pif.nightly import EXIT_USAGE

# Exit codes of `pif trace` (as the CLI's: 2 usage, 5 cannot connect): 0 traced, 1 nothing to trace
# (measure not implemented, database not built, year not in the return) or records not adding up.
EXIT_NOTHING_TO_TRACE = 1
ITEM_COLUMNS: tuple[str, ...] = (
    "collection_year",
    "measure_code",
    "part",
    "breakdown",
    "item_type",
    "item_id",
    "person_id",
    "event_date",
    "item_value",
    "source_reference",
)
EXCLUSION_COLUMNS: tuple[str, ...] = (
    "collection_year",
    "measure_code",
    "item_type",
    "item_id",
    "person_id",
    "event_date",
    "exclusion_reason",
    "source_reference",
)
# The CSV: counted and excluded records in one file, told apart by `status`.
CSV_COLUMNS: tuple[str, ...] = ("status", *ITEM_COLUMNS[:-1], "exclusion_reason", "source_reference")
# The relations read, by the schema suffix dbt builds them in.
RELATIONS: dict[str, tuple[str, str]] = {
    "measure_items": ("marts", "measure_items"),
    "measure_exclusions": ("marts", "measure_exclusions"),
    "pif_return": ("return", "pif_return"),
    "measure_coverage": ("return", "measure_coverage"),
}


class TraceError(RuntimeError):
    """What the officer asked for cannot be traced; the message is one line, `exit_code` says why."""

    def __init__(self, message: str, exit_code: int) -> None:
        super().__init__(message)
        self.exit_code = exit_code


@dataclass(frozen=True)
class Figure:
    """What to trace: a measure, and optionally one part and one age-band breakdown of it."""

    measure_code: str
    part: str | None = None
    breakdown: str | None = None

    @property
    def label(self) -> str:
        """CH/004 part e, CH/023 part a breakdown age_ii, CH/001 (every part)."""
        text = self.measure_code
        if self.part is not None:
            text += f" part {self.part}" if self.part else ""
        else:
            text += " (every part)"
        if self.breakdown:
            text += f" breakdown {self.breakdown}"
        return text

    @property
    def slug(self) -> str:
        """A file-name-safe name: CH-004e, CH-023a-age_ii, CH-001."""
        text = self.measure_code.replace("/", "-") + (self.part or "")
        return text + (f"-{self.breakdown}" if self.breakdown else "")


def registry_parts(registry: pd.DataFrame) -> dict[str, list[str]]:
    """Measure code -> its parts in registry order ('' for a measure without parts)."""
    parts: dict[str, list[str]] = {}
    for code, part in zip(registry["measure_code"], registry["part"].fillna(""), strict=True):
        parts.setdefault(str(code), []).append(str(part))
    return parts


def read_registry(path: Path | None = None) -> pd.DataFrame:
    """The 2026-27 measure registry seed (measure_code, part, measure_name, part_label, ...)."""
    from pif.contract import project_root

    source = path or project_root() / "seeds" / "measure_registry.csv"
    return pd.read_csv(source, dtype=str, keep_default_na=False)


def parse_year(text: str) -> str:
    """`2026-27`, `2026/27`, `2026-2027` or `2026` -> `2026-27` (the year starting 1 April 2026)."""
    match = re.fullmatch(r"\s*(\d{4})\s*(?:[-/]\s*(\d{2}|\d{4}))?\s*", text)
    if not match:
        raise TraceError(
            f"year '{text}' not understood: give a collection year as 2026-27 (or 2026)", EXIT_USAGE
        )
    start = int(match.group(1))
    if match.group(2) and int(match.group(2)[-2:]) != (start + 1) % 100:
        raise TraceError(
            f"year '{text}' is not a collection year (1 April to 31 March): did you mean "
            f"{start}-{(start + 1) % 100:02d}?",
            EXIT_USAGE,
        )
    return f"{start}-{(start + 1) % 100:02d}"


def _suggest(wanted: str, candidates: list[str]) -> str:
    """' Did you mean X, Y?' with the closest candidates, or ''."""
    close = difflib.get_close_matches(wanted, candidates, n=4, cutoff=0.6)
    return f" Did you mean {', '.join(close)}?" if close else ""


def _part_list(code: str, parts: list[str], registry: pd.DataFrame) -> str:
    """'a Self, b Relative, ...' for a message (cut when long)."""
    rows = registry[registry["measure_code"] == code]
    labels = dict(zip(rows["part"], rows["part_label"], strict=True))
    named = [f"{part} {labels.get(part, '')}".strip() for part in parts]
    text = ", ".join(named)
    return text if len(text) <= 300 else text[:300] + "..."


def parse_figure(tokens: list[str], registry: pd.DataFrame) -> Figure:
    """What the officer typed (`CH/004e`, `CH/004 e`, `ch/004e`, `CH/023 a age_ii`, `CH/001`)."""
    parts = registry_parts(registry)
    codes = sorted(parts)
    text = " ".join(token.strip() for token in tokens).strip()
    match = re.fullmatch(r"(?i)([a-z]{2})\s*/?\s*(\d{1,3})(.*)", text)
    if not match:
        raise TraceError(
            f"'{text}' is not a measure code: give one as the catalogue writes it, e.g. CH/004e or "
            f"CH/004 e (a measure alone, e.g. CH/004, traces every part).{_suggest(text.upper(), codes)}",
            EXIT_USAGE,
        )
    base = f"{match.group(1).upper()}/{int(match.group(2)):03d}"
    rest = match.group(3)
    code = None
    # A measure whose code ends in a letter (CH/020a, AS/004b) when that letter is written against
    # the number; otherwise the letter is a part (CH/004e).
    letter = re.match(r"([A-Za-z])(?![A-Za-z0-9_])", rest)
    if letter and f"{base}{letter.group(1).lower()}" in parts:
        code, rest = f"{base}{letter.group(1).lower()}", rest[1:]
    elif base in parts:
        code = base
    if code is None:
        family = [known for known in codes if known.startswith(base)]
        hint = f" Its measures are {', '.join(family)}." if family else _suggest(base, codes)
        raise TraceError(f"{base}{rest.strip()} is not a measure of the 2026-27 catalogue.{hint}", EXIT_USAGE)
    pieces = [piece.lower() for piece in re.split(r"[\s/.,]+", rest.strip()) if piece]
    if len(pieces) > 2:
        raise TraceError(
            f"'{text}': give a measure, a part and at most one age band (e.g. CH/023 a age_ii)", EXIT_USAGE
        )
    known = parts[code]
    if not pieces:
        return Figure(code, None if known != [""] else "")
    part = pieces[0]
    if known == [""]:
        raise TraceError(f"{code} has no parts: trace it as {code}", EXIT_USAGE)
    if part not in known:
        raise TraceError(
            f"{code} has no part '{part}': its parts are {_part_list(code, known, registry)}.",
            EXIT_USAGE,
        )
    breakdown = pieces[1] if len(pieces) == 2 else None
    if breakdown is not None and (breakdown not in known or not breakdown.startswith("age_")):
        bands = [item for item in known if item.startswith("age_")]
        listed = ", ".join(bands) if bands else "none"
        raise TraceError(f"{code} has no age band '{breakdown}' (its age bands: {listed})", EXIT_USAGE)
    return Figure(code, part, breakdown)


def _relation(schemas: dict[str, str], name: str) -> str:
    schema_suffix, table = RELATIONS[name]
    return f"{quote_identifier(schemas[schema_suffix])}.{quote_identifier(table)}"


def missing_relations(connection: Any, schemas: dict[str, str]) -> list[str]:
    """The relations trace reads that the database does not have (not built yet)."""
    present = query_frame(
        connection,
        "select table_schema, table_name from information_schema.tables where table_schema in ("
        + ", ".join(quote_literal(schema) for schema in sorted(set(schemas.values())))
        + ")",
    )
    have = {(str(row.table_schema), str(row.table_name)) for row in present.itertuples(index=False)}
    return [
        f"{schemas[suffix]}.{table}"
        for suffix, table in RELATIONS.values()
        if (schemas[suffix], table) not in have
    ]


@dataclass
class Trace:
    """The records behind a figure: figures per part, the counted items and (optionally) exclusions."""

    figure: Figure
    year: str
    figures: pd.DataFrame  # part, breakdown, label, value (pif_return), records, traced (sum of item_value)
    items: pd.DataFrame  # ITEM_COLUMNS
    exclusions: pd.DataFrame | None  # EXCLUSION_COLUMNS, or None when not asked

    @property
    def matches(self) -> bool:
        """Every traced figure equals the sum of its items' values."""
        return bool((self.figures["value"] == self.figures["traced"]).all())


def trace(
    connection: Any,
    schemas: dict[str, str],
    figure: Figure,
    year: str | None,
    registry: pd.DataFrame,
    excluded: bool = False,
) -> Trace:
    """Read the figure(s), items and exclusions of `figure` in collection year `year` (None: the
    latest year of the return).

    `schemas` maps the dbt schema suffixes `marts` and `return` to the target's schemas.
    """
    missing = missing_relations(connection, schemas)
    if missing:
        raise TraceError(
            f"the database has no built return ({', '.join(missing)} missing): run `pif run <extract "
            "folder>` first (or `pif load` and then `dbt build`)",
            EXIT_NOTHING_TO_TRACE,
        )
    code = quote_literal(figure.measure_code)
    coverage = query_frame(
        connection,
        f"select is_implemented from {_relation(schemas, 'measure_coverage')} where measure_code = {code}",
    )
    if coverage.empty or not bool(coverage["is_implemented"].astype(bool).any()):
        raise TraceError(
            f"{figure.measure_code} is not implemented in this build: it has no figure and no records "
            "(measure_coverage lists what is implemented)",
            EXIT_NOTHING_TO_TRACE,
        )
    years = query_frame(
        connection, f"select distinct collection_year from {_relation(schemas, 'pif_return')}"
    )
    known_years = sorted(str(value) for value in years["collection_year"])
    year = year or (known_years[-1] if known_years else "")
    if year not in known_years:
        listed = f"{known_years[0]} to {known_years[-1]}" if known_years else "none"
        raise TraceError(
            f"{year} is not a collection year of this return (it has {listed}; the dbt vars "
            "first_collection_year and last_collection_year set them)",
            EXIT_NOTHING_TO_TRACE,
        )
    in_year = f"measure_code = {code} and collection_year = {quote_literal(year)}"
    returned = query_frame(
        connection,
        f"select part, breakdown, value from {_relation(schemas, 'pif_return')} where {in_year}",
    )
    returned["part"] = returned["part"].fillna("").astype(str)
    returned["breakdown"] = returned["breakdown"].fillna("").astype(str)
    items = _items(connection, schemas, in_year, returned)
    figures = _figures(figure, returned, items, registry)
    if figure.part is not None:
        items = items[items["part"] == figure.part]
    if figure.breakdown:
        items = items[items["breakdown"] == figure.breakdown]
    exclusions = None
    if excluded:
        select = ", ".join(EXCLUSION_COLUMNS)
        exclusions = query_frame(
            connection,
            f"select {select} from {_relation(schemas, 'measure_exclusions')} where {in_year} "
            "order by exclusion_reason, event_date, item_id",
        )
    return Trace(figure, year, figures, items.reset_index(drop=True), exclusions)


def _items(connection: Any, schemas: dict[str, str], in_year: str, returned: pd.DataFrame) -> pd.DataFrame:
    """The measure's items in the year, with the age band of the items of crossed category parts."""
    select = ", ".join(column for column in ITEM_COLUMNS if column != "breakdown")
    items = query_frame(
        connection,
        f"select {select} from {_relation(schemas, 'measure_items')} where {in_year} "
        "order by part, event_date, item_id",
    )
    items["part"] = items["part"].fillna("").astype(str)
    crossed = set(returned.loc[returned["breakdown"] != "", "part"])
    bands = items.loc[items["part"].str.startswith("age_"), ["item_id", "part"]].rename(
        columns={"part": "age_band"}
    )
    bands = bands.drop_duplicates("item_id")
    items = items.merge(bands, on="item_id", how="left")
    items["breakdown"] = items["age_band"].where(items["part"].isin(crossed), "").fillna("")
    items["item_value"] = pd.to_numeric(items["item_value"])
    return items[list(ITEM_COLUMNS)]


def _figures(
    figure: Figure, returned: pd.DataFrame, items: pd.DataFrame, registry: pd.DataFrame
) -> pd.DataFrame:
    """One row per traced figure: its value in pif_return beside the count and sum of its items."""
    cells = returned
    if figure.breakdown:
        cells = cells[(cells["part"] == figure.part) & (cells["breakdown"] == figure.breakdown)]
    elif figure.part is not None:
        cells = cells[cells["part"] == figure.part]  # with its age-band cells when it has them
    else:
        cells = cells[cells["breakdown"] == ""]
    totals = (
        items.groupby(["part", "breakdown"])["item_value"].agg(["size", "sum"]).reset_index()
        if not items.empty
        else pd.DataFrame(columns=["part", "breakdown", "size", "sum"])
    )
    whole_parts = items.groupby("part")["item_value"].agg(["size", "sum"]).reset_index()
    whole_parts["breakdown"] = ""
    totals = pd.concat([totals[totals["breakdown"] != ""], whole_parts], ignore_index=True)
    merged = cells.merge(totals, on=["part", "breakdown"], how="left")
    labels = registry[registry["measure_code"] == figure.measure_code][["part", "part_label"]]
    merged = merged.merge(labels, on="part", how="left")
    merged["records"] = merged["size"].fillna(0).astype(int)
    merged["traced"] = pd.to_numeric(merged["sum"]).fillna(0)
    merged["value"] = pd.to_numeric(merged["value"])
    merged["label"] = merged["part_label"].fillna("")
    order = {part: index for index, part in enumerate(labels["part"])}
    merged["_order"] = merged["part"].map(order).fillna(len(order))
    merged = merged.sort_values(["_order", "breakdown"], kind="stable")
    return merged[["part", "breakdown", "label", "value", "records", "traced"]].reset_index(drop=True)


def csv_frame(result: Trace) -> pd.DataFrame:
    """Counted (and, when asked, excluded) records in one frame, in CSV_COLUMNS order."""
    counted = result.items.assign(status="counted", exclusion_reason="")
    frames = [counted]
    if result.exclusions is not None:
        frames.append(result.exclusions.assign(status="excluded", part="", breakdown="", item_value=None))
    combined = pd.concat(frames, ignore_index=True) if len(frames) > 1 else counted
    combined["item_value"] = pd.to_numeric(combined["item_value"]).astype(
        "Int64"
    )  # bigint, blank when excluded
    return combined[list(CSV_COLUMNS)]


def write_csv(result: Trace, path: Path) -> Path:
    """The records as CSV: UTF-8 with a byte order mark (Excel), cells safe from formulas."""
    path.parent.mkdir(parents=True, exist_ok=True)
    frame = csv_frame(result)
    text_columns = [column for column in frame.columns if column not in {"item_value"}]
    frame[text_columns] = frame[text_columns].astype(object).where(frame[text_columns].notna(), "")
    frame[text_columns] = frame[text_columns].astype(str)
    safe_frame(frame).to_csv(path, index=False, encoding="utf-8-sig")
    return path
