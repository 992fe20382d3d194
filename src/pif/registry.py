"""The measure registry, written as the dbt seed ``seeds/measure_registry.csv``.

One row per reportable figure of every 2026-27 PIF measure, parsed from the text of the
Definitions Catalogue 2026-27 (``../shared/catalogue/definitions-catalogue-2026-27.txt``
relative to the project root). See ``docs/measure-registry.md`` for the columns.

Parsing rules, in short:

* A measure starts at ``Measure Reference: XX/NNN`` and runs to the next one (or to the
  ``Index of Measures``); its header is everything before ``Measure Intent``.
* Header lines ``a. ...`` / ``a) ...`` are parts. Age bands (``1. 18-24``, the roman
  ``i. Under age 1`` after ``And by age:``, AD/030's ``2) And Age: a) ...``) become rows
  with part ``age_<catalogue numbering>``: one row per figure the authority returns.
* ``section`` comes from the heading the measure sits under in the Index of Measures
  (falling back to the last section heading seen in the body).
* ``base_measure_code`` comes from "Base data = X", "derived from X" and "subset of X"
  sentences; a part code such as AD/001b is reduced to its measure (AD/001).
* ``filled_by_welsh_government`` is true where the measure text says it is
  "post-populated" (from the Children Looked After census) by Welsh Government.

Every correction the text needs is in one of the override tables below, each with its
reason. The script fails loudly rather than guess (e.g. two different base measures).

Regenerate with ``python -m pif.registry`` (``src`` on the import path).
"""

from __future__ import annotations

import argparse
import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypedDict

PROJECT_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_CATALOGUE_PATH = PROJECT_ROOT / ".." / "shared" / "catalogue" / "definitions-catalogue-2026-27.txt"
DEFAULT_SEED_PATH = PROJECT_ROOT / "seeds" / "measure_registry.csv"

COLUMNS: tuple[str, ...] = (
    "measure_code",
    "part",
    "measure_name",
    "part_label",
    "section",
    "unit",
    "base_measure_code",
    "filled_by_welsh_government",
    "population",
)

CODE = r"(?:AD|AS|CH|CA)/\d{3}[a-z]?"

# Section headings, in catalogue order (apostrophes normalised to '), and the population
# each section's measures are about.
SECTION_POPULATION: dict[str, str] = {
    "Adult Contacts": "adults",
    "Adult Assessments": "adults",
    "Reablement": "adults",
    "Adult Care and Support Plans": "adults",
    "Adult Safeguarding": "adults",
    "Types of Care and Support": "adults",
    "Adult Advocacy": "adults",
    "Children's Contacts": "children",
    "Children's Assessments": "children",
    "Children's Care and Support Plans": "children",
    "Children's Safeguarding": "children",
    "Children Looked After": "looked_after_children",
    "Care Leavers": "care_leavers",
    "Children's Advocacy": "children",
    "Adult Carer Contacts": "carers",
    "Adult Carer Assessments": "carers",
    "Adult Carer Support Plans": "carers",
    "Young Carer Contacts": "young_carers",
    "Young Carer Assessments": "young_carers",
    "Young Carer Support Plans": "young_carers",
}

# ---------------------------------------------------------------------------------------
# Manual overrides. Each entry says why the catalogue text cannot be used as it stands.
# ---------------------------------------------------------------------------------------

# Measures listed in the Index of Measures whose own "Measure Reference:" header is missing
# from the body, so name, parts and position are taken from the index entry.
INDEX_ONLY_MEASURES: dict[str, str] = {
    # The body jumps from CA/007's text straight into CA/008's intent: the
    # "Measure Reference: CA/008" / "Measure Name:" lines (and the "Adult Carer Support
    # Plans" heading) are lost, but CA/008 is a 2026-27 measure (index, V1.4 revision).
    "CA/008": "header missing from the body; name and parts a-b taken from the index",
}

# "Measure Reference:" lines that are not 2026-27 measures.
DISCONTINUED_REFERENCES: dict[str, str] = {
    # "Measure Reference: CH/037c was discontinued in collection year 2023-24."
    "CH/037c": "discontinued in collection year 2023-24; no figure is returned",
}

# Part letters printed wrongly in the catalogue: {measure: {printed: corrected}}.
PART_LETTER_OVERRIDES: dict[str, dict[str, str]] = {
    # CH/021b's perpetrator list is printed l..v (list numbering running on from CH/020b's
    # a..k); the categories are CH/020b's a..k, and CH/021c restarts at a.
    "CH/021b": dict(zip("lmnopqrstuv", "abcdefghijk", strict=True)),
}

# Base measure where the text names two different ones (or a wrong one).
BASE_OVERRIDES: dict[str, str] = {
    # "derived from AD/017 and AD/018" / "Base Data = AD/017 and AD/018": AD/019 is the
    # intersection; AD/018 (direct-payment plans due a review) is the population it is
    # a proportion of, so it is recorded as the base.
    "AD/019": "AD/018",
    # "derived from data collected in (CA/014)" but "Base data = CA/004": CA/016 is about
    # young carers' assessments (CA/014); CA/004 (adult carers) is a copy-paste slip.
    "CA/016": "CA/014",
}

# Base measure for single parts, overriding the measure's base.
PART_BASE_OVERRIDES: dict[tuple[str, str], str] = {
    # "Base data = AD/026" is stated for part a only; part b counts all open protection
    # plans on 31 March, whenever the enquiry happened.
    ("AD/028", "b"): "",
}


class RegistryRow(TypedDict):
    measure_code: str
    part: str
    measure_name: str
    part_label: str
    section: str
    unit: str
    base_measure_code: str
    filled_by_welsh_government: str
    population: str


@dataclass
class Part:
    key: str
    label: str


@dataclass
class Measure:
    code: str
    name: str
    parts: list[Part] = field(default_factory=list)
    body: str = ""
    body_section: str = ""


# --------------------------------------------------------------------------- text helpers


def clean(text: str) -> str:
    """Drop markdown emphasis and squeeze whitespace."""
    text = text.replace("**", "").replace("*", "")
    return re.sub(r"\s+", " ", text).strip()


def normalise_heading(text: str) -> str:
    return clean(text).replace("\u2019", "'")


ITEM = re.compile(r"^-?\s*([a-z]+|\d+)[.)]\s+(.+)$")
SUBLIST_HEADING = re.compile(r"^-?\s*(?:\d\)\s*)?types of care and support:$", re.IGNORECASE)
AGE_HEADER = re.compile(r"^(?:-\s*)?(?:\d\)\s*)?and (?:by )?age:?$", re.IGNORECASE)


def parse_header(lines: list[str]) -> tuple[str, list[Part]]:
    """Name and parts of a measure from its header lines (after ``Measure Name:``)."""
    name = ""
    parts: list[Part] = []
    in_age_bands = False
    for raw in lines:
        line = clean(raw)
        if not line:
            continue
        if not name:
            name = line.removeprefix("- ")
            if name.endswith("by age:"):  # AD/023: the numbered list is age bands only
                in_age_bands = True
            continue
        if AGE_HEADER.match(line):
            in_age_bands = True
            continue
        if SUBLIST_HEADING.match(line):
            continue  # AD/030's "1) Types of care and support:" (AD/031: without "1)")
        item = ITEM.match(line)
        if item is None:
            raise ValueError(f"unrecognised header line: {raw!r}")
        token, label = item.groups()
        if token.isdigit() or in_age_bands:
            parts.append(Part(f"age_{token}", f"Age: {label}"))
        else:
            parts.append(Part(token, label))
    return name, parts


# ----------------------------------------------------------------------------- catalogue


REFERENCE = re.compile(rf"^Measure Reference:\s*({CODE})(.*)$")


def split_body(text: str) -> tuple[list[str], list[str]]:
    """The body's lines (from the first measure) and the index's lines."""
    lines = text.splitlines()
    first = next(i for i, line in enumerate(lines) if REFERENCE.match(line))
    index_start = next(i for i in range(first, len(lines)) if lines[i].strip() == "Index of Measures")
    return lines[first:index_start], lines[index_start + 1 :]


def parse_body(body: list[str]) -> list[Measure]:
    measures: list[Measure] = []
    section = ""
    current: Measure | None = None
    header: list[str] | None = None
    block: list[str] = []

    def close() -> None:
        if current is not None:
            current.body = "\n".join(block)

    for line in body:
        heading = normalise_heading(line)
        if heading in SECTION_POPULATION:
            section = heading
        match = REFERENCE.match(line)
        if match:
            close()
            code, rest = match.groups()
            if "discontinued" in rest:
                if code not in DISCONTINUED_REFERENCES:
                    raise ValueError(f"unexpected discontinued measure {code}")
                current, header, block = None, None, []
                continue
            current = Measure(code=code, name="", body_section=section)
            measures.append(current)
            header, block = [], []
            continue
        if current is None:
            continue
        block.append(line)
        if header is not None:
            if line.strip() == "Measure Intent":
                current.name, current.parts = parse_header(header)
                header = None
            else:
                header.append(line.removeprefix("Measure Name:"))
    close()
    return measures


INDEX_ENTRY = re.compile(rf"^({CODE})(?:\s*\([a-z]-[a-z]\))?\s*[\u2013-]\s*(.+)$")


def parse_index(index: list[str]) -> tuple[dict[str, str], dict[str, Measure]]:
    """Each indexed measure's section, and the index entries themselves (name, parts)."""
    sections: dict[str, str] = {}
    entries: dict[str, Measure] = {}
    section = ""
    current: Measure | None = None
    for line in index:
        heading = normalise_heading(line)
        if heading in SECTION_POPULATION:
            section, current = heading, None
            continue
        match = INDEX_ENTRY.match(line.strip())
        if match:
            code, name = match.groups()
            sections.setdefault(code, section)
            current = entries.setdefault(code, Measure(code=code, name=clean(name)))
            continue
        item = ITEM.match(clean(line))
        if current is not None and item is not None:
            current.parts.append(Part(item.group(1), item.group(2)))
    return sections, entries


# ------------------------------------------------------------------------ derived fields


BASE_PATTERNS = (
    re.compile(
        rf"base[- ]data\s*(?:=|:|\u2013|-)\s*\(?({CODE}(?:\s*(?:and|,)\s*{CODE})*)",
        re.I,
    ),
    re.compile(rf"derived from (?:data collected in )?\(?({CODE})", re.I),
    re.compile(
        rf"(?<!not )(?<!not a )sub-?set of (?:the data in |data collected in )?({CODE})",
        re.I,
    ),
)


def cited_bases(measure: Measure) -> set[str]:
    text = clean(measure.body)
    found: set[str] = set()
    for pattern in BASE_PATTERNS:
        for match in pattern.finditer(text):
            found.update(re.findall(CODE, match.group(1)))
    found.discard(measure.code)  # e.g. CH/025b: "(CH/025a is a subset of CH/025b)"
    return found


def to_measure_code(code: str, known: set[str]) -> str:
    """AD/001b -> AD/001 unless the code is itself a measure (CH/020a)."""
    if code in known:
        return code
    stripped = code.rstrip("abcdefghijklmnopqrstuvwxyz")
    if stripped not in known:
        raise ValueError(f"base {code} is not a measure in the registry")
    return stripped


def base_measure(measure: Measure, known: set[str]) -> str:
    if measure.code in BASE_OVERRIDES:
        return BASE_OVERRIDES[measure.code]
    bases = {to_measure_code(code, known) for code in cited_bases(measure)}
    bases.discard(measure.code)
    if len(bases) > 1:
        raise ValueError(f"{measure.code} cites several bases {sorted(bases)}: add an override")
    return bases.pop() if bases else ""


POST_POPULATED = re.compile(r"post[- ]populated .*Welsh Government", re.I)


def filled_by_welsh_government(measure: Measure) -> bool:
    return any(POST_POPULATED.search(clean(line)) for line in measure.body.splitlines())


def unit(name: str) -> str:
    """What the figure is: a count, or a sum of days (AD/014, CH/035)."""
    return "total_days" if "total number of days" in name.lower() else "count"


# ----------------------------------------------------------------------------- the rows


def load_measures(text: str) -> tuple[list[Measure], dict[str, str]]:
    body, index = split_body(text)
    measures = parse_body(body)
    sections, entries = parse_index(index)
    for code in INDEX_ONLY_MEASURES:
        if any(m.code == code for m in measures):
            raise ValueError(f"{code} now has a body header: drop its override")
        entry = entries[code]
        # after the last measure of the same prefix (CA/) whose code sorts before it
        position = 1 + max(i for i, m in enumerate(measures) if m.code[:3] == code[:3] and m.code < code)
        measures.insert(position, entry)
    for measure in measures:
        letters = PART_LETTER_OVERRIDES.get(measure.code, {})
        for part in measure.parts:
            part.key = letters.get(part.key, part.key)
    return measures, sections


def build_registry(text: str) -> list[RegistryRow]:
    measures, index_sections = load_measures(text)
    known = {m.code for m in measures}
    rows: list[RegistryRow] = []
    for measure in measures:
        section = index_sections.get(measure.code) or measure.body_section
        base = base_measure(measure, known)
        parts = measure.parts or [Part("", "")]
        for part in parts:
            rows.append(
                RegistryRow(
                    measure_code=measure.code,
                    part=part.key,
                    measure_name=measure.name,
                    part_label=part.label,
                    section=section,
                    unit=unit(measure.name),
                    base_measure_code=PART_BASE_OVERRIDES.get((measure.code, part.key), base),
                    filled_by_welsh_government=str(filled_by_welsh_government(measure)).lower(),
                    population=SECTION_POPULATION[section],
                )
            )
    return rows


def render_registry_csv(rows: list[RegistryRow]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def write_registry_seed(catalogue_path: Path, seed_path: Path) -> int:
    rows = build_registry(catalogue_path.read_text(encoding="utf-8"))
    seed_path.write_text(render_registry_csv(rows), encoding="utf-8")
    return len(rows)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("catalogue", nargs="?", type=Path, default=DEFAULT_CATALOGUE_PATH)
    parser.add_argument("--output", type=Path, default=DEFAULT_SEED_PATH)
    args = parser.parse_args(argv)
    count = write_registry_seed(args.catalogue, args.output)
    print(f"wrote {count} rows to {args.output}")


if __name__ == "__main__":
    main()
