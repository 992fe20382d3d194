"""Write generated frames as a WCCIS-like extract: one CSV per contract table, chunk by chunk.

Values are formatted as the contract says (DD/MM/YYYY dates, Y/N flags, empty for missing), personal
columns get plausible fake values (so the loader and staging can show they drop them), and each
chunk gets realistic defects at the configured rates (model.DefectRates). Every defect is recorded
in `defects.json`: per file and defect type, the CSV line (header = 1) of each affected row, its
record id, the column, and what staging should do with it (reject, with the reason it gives, or
stage it). Rejecting defects are only put on rows no other row refers to, so a defect never
silently rejects rows of other files (a duplicated row is fine anywhere: the first copy is kept).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from pif.contract import Contract, Table
from pif.generate.model import DefectRates, Frames

UNKNOWN_CODE = "ZZQ9"
FORENAMES = np.array(
    [
        "Aled",
        "Bethan",
        "Carys",
        "Dafydd",
        "Eleri",
        "Ffion",
        "Gareth",
        "Harri",
        "Ioan",
        "Lowri",
        "Mali",
        "Nia",
        "Osian",
        "Rhys",
        "Seren",
        "Tomos",
        "Alex",
        "Sam",
        "Jordan",
        "Olivia",
        "Noah",
        "Amelia",
        "Leo",
    ]
)
SURNAMES = np.array(
    [
        "Jones",
        "Williams",
        "Davies",
        "Evans",
        "Thomas",
        "Roberts",
        "Hughes",
        "Lewis",
        "Morgan",
        "Griffiths",
        "Edwards",
        "Price",
        "Rees",
        "Jenkins",
        "Owen",
        "Powell",
        "Phillips",
        "Smith",
        "Taylor",
        "Morris",
    ]
)
STREETS = np.array(
    ["Heol y Bont", "Stryd Fawr", "Church Street", "Mill Lane", "Ffordd yr Orsaf", "Park Road"]
)
POSTCODE_AREAS = np.array(["CF", "SA", "LL", "NP", "SY", "LD"])
FIRST_DATE = np.datetime64("1900-01-01", "D")
LAST_DATE = np.datetime64("2041-01-01", "D")

# Defect types that staging rejects (with a reason) and those it stages.
REJECTING = ("duplicate_row", "missing_required", "unknown_code", "impossible_date", "reversed_dates")
STAGED = ("recorded_in_error", "code_variation")
# Defects that make one field unusable: staging keeps the row, reads the field as unknown and lists
# it in stg_wccis__field_issues (an unknown code in an optional column; a reversed field_date_order
# pair). The same random draws as before issue 13, only labelled apart from the rejecting ones.
FIELD_ISSUES = ("unknown_optional_code", "reversed_field_dates")


def _date_strings() -> np.ndarray:
    days = np.arange(FIRST_DATE, LAST_DATE)
    return pd.Series(days).dt.strftime("%d/%m/%Y").to_numpy(dtype=object)


@dataclass
class DefectLog:
    """Affected rows of one file and defect type, as parallel lists (compact for large extracts)."""

    rows: list[int] = field(default_factory=list)
    record_ids: list[str] = field(default_factory=list)
    columns: list[str] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)


class ExtractWriter:
    """Appends formatted chunks to the extract files and keeps the defects manifest."""

    def __init__(self, out_dir: Path, contract: Contract, seed: int, defects: DefectRates | None) -> None:
        self.out_dir = out_dir
        self.contract = contract
        self.seed = seed
        self.defects = defects
        self.rows: dict[str, int] = {}
        self.log: dict[str, dict[str, DefectLog]] = {}
        self._dates = _date_strings()
        out_dir.mkdir(parents=True, exist_ok=True)
        for table in contract.tables:
            with (out_dir / table.file).open("w", encoding="utf-8", newline="") as handle:
                handle.write(",".join(table.column_names) + "\n")
            self.rows[table.name] = 0

    # --- formatting ---------------------------------------------------------------------------

    def format_table(self, frame: pd.DataFrame, table: Table, rng: np.random.Generator) -> pd.DataFrame:
        """The frame as text in contract column order (missing columns empty)."""
        n = len(frame)
        out: dict[str, np.ndarray] = {}
        days_by_column: dict[str, np.ndarray] = {}
        self.last_days = days_by_column
        for column in table.columns:
            if column.personal:
                out[column.name] = self._fake(column.name, n, rng)
            elif column.name not in frame.columns:
                out[column.name] = np.full(n, "", dtype=object)
            elif column.type == "date":
                out[column.name] = self._format_dates(frame[column.name], days_by_column, column.name)
            elif column.type == "flag":
                flags = frame[column.name].astype("boolean")
                out[column.name] = np.where(flags.isna(), "", np.where(flags.fillna(False), "Y", "N")).astype(
                    object
                )
            else:
                values = frame[column.name]
                text = values.astype(object).where(values.notna(), "")
                if column.type == "integer":
                    text = text.map(lambda v: str(int(v)) if v != "" else "")
                out[column.name] = text.astype(str).to_numpy(dtype=object)
        return pd.DataFrame(out, columns=table.column_names)

    def _format_dates(
        self, values: pd.Series, days_by_column: dict[str, np.ndarray], name: str
    ) -> np.ndarray:
        days = pd.to_datetime(values).to_numpy(dtype="datetime64[D]")
        days_by_column[name] = days
        missing = np.isnat(days)
        index = np.where(missing, 0, (days - FIRST_DATE).astype(np.int64))
        text = self._dates[np.clip(index, 0, len(self._dates) - 1)]
        return np.where(missing, "", text).astype(object)

    @staticmethod
    def _fake(name: str, n: int, rng: np.random.Generator) -> np.ndarray:
        if name == "nhs_number":  # 999 numbers are never issued to real patients
            return np.char.add("999", rng.integers(1_000_000, 9_999_999, n).astype(str)).astype(object)
        if name == "forename":
            return FORENAMES[rng.integers(0, len(FORENAMES), n)].astype(object)
        if name in ("surname",):
            return SURNAMES[rng.integers(0, len(SURNAMES), n)].astype(object)
        if name.endswith("_name"):
            first = FORENAMES[rng.integers(0, len(FORENAMES), n)]
            return np.char.add(np.char.add(first, " "), SURNAMES[rng.integers(0, len(SURNAMES), n)]).astype(
                object
            )
        if name.endswith("postcode"):
            area = POSTCODE_AREAS[rng.integers(0, len(POSTCODE_AREAS), n)]
            district = rng.integers(1, 99, n).astype(str)
            sector = rng.integers(1, 9, n).astype(str)
            unit = np.char.add(
                np.array(list("ABDEFGHJLNPQRSTUWXYZ"))[rng.integers(0, 20, n)],
                np.array(list("ABDEFGHJLNPQRSTUWXYZ"))[rng.integers(0, 20, n)],
            )
            return np.char.add(
                np.char.add(np.char.add(area, district), " "), np.char.add(sector, unit)
            ).astype(object)
        if name.startswith("address"):
            number = rng.integers(1, 200, n).astype(str)
            return np.char.add(np.char.add(number, " "), STREETS[rng.integers(0, len(STREETS), n)]).astype(
                object
            )
        return np.full(n, "Synthetic note - not a real record", dtype=object)

    # --- writing ------------------------------------------------------------------------------

    def write_chunk(self, frames: Frames, chunk_index: int) -> None:
        referenced = _referenced_ids(frames, self.contract)
        for table_index, table in enumerate(self.contract.tables):
            frame = frames.get(table.name)
            if frame is None or frame.empty:
                continue
            rng = np.random.default_rng([self.seed, chunk_index, table_index, 7])
            text = self.format_table(frame, table, rng)
            if self.defects is not None:
                text = self._inject(text, table, referenced, rng)
            text.to_csv(self.out_dir / table.file, mode="a", header=False, index=False, lineterminator="\n")
            self.rows[table.name] += len(text)

    def close(self, extra: dict[str, object] | None = None) -> Path:
        manifest: dict[str, object] = {
            **(extra or {}),
            "seed": self.seed,
            "rates": asdict(self.defects) if self.defects else None,
            "line_numbers": "CSV line of the affected row; the header is line 1",
            "rejecting_defects": list(REJECTING),
            "staged_defects": list(STAGED),
            "field_issue_defects": list(FIELD_ISSUES),
            "rows": {self.contract.table(name).file: rows for name, rows in self.rows.items()},
            "files": {
                file: {kind: asdict(log) for kind, log in kinds.items()} for file, kinds in self.log.items()
            },
        }
        path = self.out_dir / "defects.json"
        path.write_text(json.dumps(manifest, separators=(",", ":")), encoding="utf-8")
        return path

    # --- defects ------------------------------------------------------------------------------

    def _record(
        self, table: Table, kind: str, rows: list[int], ids: list[str], cols: list[str], reasons: list[str]
    ) -> None:
        log = self.log.setdefault(table.file, {}).setdefault(kind, DefectLog())
        log.rows.extend(rows)
        log.record_ids.extend(ids)
        log.columns.extend(cols)
        log.reasons.extend(reasons)

    def _inject(
        self, text: pd.DataFrame, table: Table, referenced: pd.Index, rng: np.random.Generator
    ) -> pd.DataFrame:
        rates = self.defects
        assert rates is not None
        n = len(text)
        pk = table.primary_key
        values = {name: text[name].to_numpy(dtype=object).copy() for name in table.column_names}
        ids = values[pk]
        free = referenced.get_indexer(ids) < 0
        used = np.zeros(n, dtype=bool)

        def pick(rate: float, eligible: np.ndarray) -> np.ndarray:
            count = rng.binomial(n, rate) if rate > 0 else 0
            candidates = np.flatnonzero(eligible & ~used)
            chosen = np.sort(rng.permutation(candidates)[:count])
            used[chosen] = True
            return chosen

        plan: dict[str, list[tuple[int, str, str, str]]] = {
            kind: [] for kind in (*REJECTING, *STAGED, *FIELD_ISSUES)
        }

        def has(name: str) -> np.ndarray:
            return values[name] != ""

        required = [c.name for c in table.columns if c.required and c.name != pk and not c.personal]
        codes = [c for c in table.columns if c.code_list]
        dates = [c.name for c in table.columns if c.type == "date"]

        if required:
            filled = np.column_stack([has(c) for c in required])
            for row in pick(rates.missing_required, free & filled.any(axis=1)):
                column = required[rng.choice(np.flatnonzero(filled[row]))]
                values[column][row] = ""
                plan["missing_required"].append((row, ids[row], column, f"{column} is missing"))
        if codes:
            filled = np.column_stack([has(c.name) for c in codes])
            for row in pick(rates.unknown_code, free & filled.any(axis=1)):
                column = codes[rng.choice(np.flatnonzero(filled[row]))]
                values[column.name][row] = UNKNOWN_CODE
                reason = f"{column.name} '{UNKNOWN_CODE}' is not in code list {column.code_list}"
                reason += " (seeds/code_map.csv)"
                kind = "unknown_code" if table.is_required(column) else "unknown_optional_code"
                plan[kind].append((row, ids[row], column.name, reason))
        if dates:
            filled = np.column_stack([has(c) for c in dates])
            for row in pick(rates.impossible_date, free & filled.any(axis=1)):
                column = dates[rng.choice(np.flatnonzero(filled[row]))]
                bad = "31/02/" + values[column][row][-4:]
                values[column][row] = bad
                plan["impossible_date"].append(
                    (row, ids[row], column, f"{column} '{bad}' is not a valid date (expected DD/MM/YYYY)")
                )
        if table.date_order or table.field_date_order:
            pairs = [*table.date_order, *table.field_date_order]
            days = self.last_days
            strict = np.column_stack([_strictly_before(days.get(a), days.get(b_), n) for a, b_ in pairs])
            for row in pick(rates.reversed_dates, free & strict.any(axis=1)):
                first, second = pairs[rng.choice(np.flatnonzero(strict[row]))]
                values[first][row], values[second][row] = values[second][row], values[first][row]
                reason = f"{second} ({values[second][row]}) is before {first} ({values[first][row]})"
                kind = "reversed_dates" if (first, second) in table.date_order else "reversed_field_dates"
                plan[kind].append((row, ids[row], f"{first},{second}", reason))
        if "recorded_in_error" in values:
            for row in pick(rates.recorded_in_error, free):
                values["recorded_in_error"][row] = "Y"
                plan["recorded_in_error"].append((row, ids[row], "recorded_in_error", ""))
        if codes:
            filled = np.column_stack([has(c.name) for c in codes])
            chosen = pick(rates.code_variation, filled.any(axis=1))
            if len(chosen):
                which = np.array([rng.choice(np.flatnonzero(filled[row])) for row in chosen])
                style = rng.integers(0, 3, len(chosen))
                for row, column_index, how in zip(chosen, which, style, strict=True):
                    name = codes[column_index].name
                    value = values[name][row]
                    values[name][row] = (
                        value.lower() if how == 0 else (f" {value} " if how == 1 else f"{value.lower()} ")
                    )
                    plan["code_variation"].append((row, ids[row], name, ""))
        duplicates = pick(rates.duplicate_row, np.ones(n, dtype=bool))

        out = pd.DataFrame(values, columns=table.column_names)
        # Insert each duplicate right after its original; line numbers follow the final order.
        order = np.concatenate([np.arange(n), duplicates])
        position = np.concatenate([np.arange(n) * 2, duplicates * 2 + 1])
        out = out.iloc[order[np.argsort(position, kind="stable")]].reset_index(drop=True)
        shift = np.searchsorted(np.sort(duplicates), np.arange(n), side="left")  # duplicates before row
        base = self.rows[table.name] + 2  # line of the chunk's first row
        line = base + np.arange(n) + shift
        for kind, entries in plan.items():
            if entries:
                rows, rec, cols, reasons = zip(*entries, strict=True)
                self._record(table, kind, [int(line[r]) for r in rows], list(rec), list(cols), list(reasons))
        if len(duplicates):
            self._record(
                table,
                "duplicate_row",
                [int(line[r] + 1) for r in duplicates],
                [str(ids[r]) for r in duplicates],
                [pk] * len(duplicates),
                [f"duplicate {pk} '{ids[r]}' (first seen at row {int(line[r])})" for r in duplicates],
            )
        return out


def _strictly_before(first: np.ndarray | None, second: np.ndarray | None, n: int) -> np.ndarray:
    """Both dates present (as generated) and first < second."""
    if first is None or second is None:
        return np.zeros(n, dtype=bool)
    return ~np.isnat(first) & ~np.isnat(second) & (first < second)


def _referenced_ids(frames: Frames, contract: Contract) -> pd.Index:
    """Every identifier another row points at (identifier columns other than the row's own key)."""
    found: list[np.ndarray] = []
    for table in contract.tables:
        frame = frames.get(table.name)
        if frame is None or frame.empty:
            continue
        own = frame[table.primary_key].astype(str).to_numpy() if table.primary_key in frame else None
        for column in table.columns:
            if column.type != "identifier" or column.name == table.primary_key or column.name not in frame:
                continue
            values = (
                frame[column.name].astype(object).where(frame[column.name].notna(), "").astype(str).to_numpy()
            )
            keep = values != ""
            if own is not None:
                keep &= values != own
            found.append(values[keep])
    return pd.Index(np.unique(np.concatenate(found))) if found else pd.Index([], dtype=object)
