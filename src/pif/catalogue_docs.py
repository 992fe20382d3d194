"""The catalogue's own wording, and the project's interpretations, in every measure model's docs.

For an auditor following a figure in the dbt docs: each measure model's description carries the
Definitions Catalogue's own wording of the measure (its name with the parts, and its Definition
section, from ../shared/catalogue/definitions-catalogue-2026-27.txt) and the interpretations the
project made for it (the rows of docs/interpretations.md naming the measure), and its `meta` says
the catalogue section and where in the catalogue the measure is defined.

Generated, not written by hand:

- models/marts/measures/_catalogue__docs.md: one docs block `catalogue_<model>` per measure model;
- in each measure folder's YAML, the model's description ends with `{{ doc("catalogue_<model>") }}`
  and the model has `config: meta: {catalogue_section, catalogue_reference}`.

    python -m pif.catalogue_docs            # write both (idempotent)
    python -m pif.catalogue_docs --check    # exit 1, listing what is missing or out of date
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from pif.contract import project_root

CATALOGUE = Path("..") / "shared" / "catalogue" / "definitions-catalogue-2026-27.txt"
CATALOGUE_TITLE = "Measuring Activity and Performance - Definitions Catalogue 2026-27"
DOCS_FILE = Path("models") / "marts" / "measures" / "_catalogue__docs.md"
MEASURES = Path("models") / "marts" / "measures"
MODEL_NAME = re.compile(r"^(ad|as|ch|ca)_\d{3}[a-z]?$")
CODE = re.compile(r"\b(AD|AS|CH|CA)/(\d{3})([a-z]?)\b")


def _plain(text: str) -> str:
    """Typographic apostrophes made straight, so headings compare equal."""
    return text.replace("\u2019", "'").strip()


@dataclass
class CatalogueMeasure:
    """One measure as the catalogue defines it."""

    code: str
    name: str
    section: str
    page: int | None
    definition: str = ""
    heading: str = ""  # how the catalogue introduces it: "Measure Reference: CH/004"
    parts: list[str] = field(default_factory=list)

    @property
    def reference(self) -> str:
        """Where an auditor finds it: section, the section's first page, and the heading."""
        page = f" (section from p. {self.page})" if self.page else ""
        return f"{CATALOGUE_TITLE}, {self.section}{page}, {self.heading}"


def catalogue_sections(lines: list[str]) -> dict[str, int]:
    """Section heading -> its first page, from the catalogue's Contents."""
    sections: dict[str, int] = {}
    inside = False
    for line in lines:
        if line.startswith("Metrics relating to Adults"):
            inside = True
        if line.startswith("Index of Measures"):
            break
        match = re.fullmatch(r"(.+?)[.\s]*\t?\s*(\d+)", line.strip())
        if inside and match and not match.group(1).startswith("Metrics relating"):
            sections[_plain(match.group(1).rstrip(". "))] = int(match.group(2))
    return sections


def _section_text(block: list[str], title: str, stops: tuple[str, ...]) -> str:
    """The paragraphs under `title` up to the next of `stops` (blank lines kept as paragraph breaks)."""
    try:
        start = next(index for index, line in enumerate(block) if line.strip() == title)
    except StopIteration:
        return ""
    text: list[str] = []
    for line in block[start + 1 :]:
        if line.strip() in stops:
            break
        text.append(line.rstrip())
    return "\n".join(text).strip()


def _parts(block: list[str]) -> list[str]:
    """The part lines printed under the measure's name ("- a. Self")."""
    parts: list[str] = []
    for line in block:
        if line.strip() in ("Measure Intent", "Definition"):
            break
        if re.match(r"\s*-\s+[a-z]{1,3}\.\s", line):
            parts.append(line.strip()[2:].strip())
    return parts


def _index_names(lines: list[str], start: int) -> dict[str, str]:
    """Measure code -> its name in the catalogue's Index of Measures."""
    names: dict[str, str] = {}
    for line in lines[start:]:
        match = re.match(r"((?:AD|AS|CH|CA)/\d{3}[a-z]?)\s+[\u2013-]\s+(.+)", line.strip())
        if match:
            names.setdefault(match.group(1), match.group(2).strip())
    return names


def _index_sections(lines: list[str], start: int, sections: dict[str, int]) -> dict[str, str]:
    """Measure code -> the section it is listed under in the Index of Measures (the body lacks
    some headings, e.g. Adult Carer Support Plans before CA/008)."""
    found: dict[str, str] = {}
    section = ""
    for line in lines[start:]:
        if _plain(line) in sections:
            section = _plain(line)
        match = re.match(r"((?:AD|AS|CH|CA)/\d{3}[a-z]?)\s+[\u2013-]", line.strip())
        if match and section:
            found.setdefault(match.group(1), section)
    return found


def _index_parts(lines: list[str], start: int, code: str) -> list[str]:
    """The part lines under a measure's entry in the Index of Measures."""
    at = next(number for number in range(start, len(lines)) if lines[number].strip().startswith(code + " "))
    parts = []
    for line in lines[at + 1 :]:
        if re.match(r"\s*-\s+[a-z]{1,3}\.\s", line):
            parts.append(line.strip()[2:].strip())
        elif line.strip():
            break
    return parts


def parse_catalogue(path: Path) -> dict[str, list[CatalogueMeasure]]:
    """Measure code -> its definitions (CH/023 has two: parts a-i and j-k)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    sections = catalogue_sections(lines)
    index_start = max(number for number, line in enumerate(lines) if line.strip() == "Index of Measures")
    index_names = _index_names(lines, index_start)
    index_sections = _index_sections(lines, index_start, sections)
    references = [
        number for number, line in enumerate(lines[:index_start]) if line.startswith("Measure Reference:")
    ]
    stops = ("What to include in the Measure", "What not to include in the Measure", "Measure Intent")
    measures: dict[str, list[CatalogueMeasure]] = {}
    for position, start in enumerate(references):
        end = references[position + 1] if position + 1 < len(references) else index_start
        block = lines[start:end]
        heading = block[0].strip()
        match = CODE.search(heading)
        if not match or "discontinued" in heading:
            continue
        code = match.group(0)
        section = index_sections.get(code) or next(
            (_plain(line) for line in reversed(lines[:start]) if _plain(line) in sections), "(no section)"
        )
        name = next((line.split(":", 1)[1].strip() for line in block if line.startswith("Measure Name:")), "")
        definitions = [index for index, line in enumerate(block) if line.strip() == "Definition"]
        own = block[: definitions[1]] if len(definitions) > 1 else block
        measure = CatalogueMeasure(code, name, section, sections.get(section), heading=heading)
        measure.definition = _section_text(own, "Definition", stops)
        measure.parts = _parts(own)
        measures.setdefault(code, []).append(measure)
        if len(definitions) > 1:
            # A measure the catalogue prints without its own Measure Reference heading, inside the
            # previous one's pages (CA/008 after CA/007): the code the Index lists and no block has.
            missing = [
                known
                for known in index_names
                if known not in measures and known.startswith(code[:3]) and known > code
            ]
            if missing:
                own_section = index_sections.get(missing[0], section)
                unheaded = CatalogueMeasure(
                    missing[0],
                    index_names[missing[0]],
                    own_section,
                    sections.get(own_section),
                    heading=f"after {heading} (the catalogue prints it without a Measure Reference heading)",
                )
                unheaded.definition = _section_text(block[definitions[1] :], "Definition", stops)
                unheaded.parts = _index_parts(lines, index_start, missing[0])
                measures[missing[0]] = [unheaded]
    for code, measure_list in measures.items():
        for measure in measure_list:
            if not measure.name:
                measure.name = index_names.get(code, "")
    return measures


@dataclass(frozen=True)
class Interpretation:
    """One row of docs/interpretations.md naming a measure."""

    heading: str
    measures: str
    question: str
    choice: str


def _codes_in(cell: str) -> list[tuple[str, int, int, str]]:
    """(prefix, first number, last number, letters) for each code or range in a Measure cell:
    CH/004, CH/015-CH/019, CH/037a (letters 'a'), CH/037a-b (letters 'ab')."""
    found = []
    for item in re.split(r",|\band\b", cell):
        codes = list(CODE.finditer(item))
        if not codes:
            continue
        first = codes[0]
        last = codes[1] if len(codes) > 1 and "-" in item else first
        letters = first.group(3) if last is first else ""
        span = re.search(r"/\d{3}([a-z])-([a-z])\b", item)
        if letters and span:
            letters = "".join(chr(value) for value in range(ord(span.group(1)), ord(span.group(2)) + 1))
        found.append((first.group(1), int(first.group(2)), int(last.group(2)), letters))
    return found


def interpretations_for(code: str, rows: list[Interpretation]) -> list[Interpretation]:
    """The rows whose Measure cell names `code`, a range holding it, or a part of it (CH/017b)."""
    match = CODE.fullmatch(code)
    assert match, code
    prefix, number, letter = match.group(1), int(match.group(2)), match.group(3)
    chosen = []
    for row in rows:
        for cell_prefix, first, last, cell_letter in _codes_in(row.measures):
            in_range = cell_prefix == prefix and first <= number <= last
            if in_range and (not cell_letter or not letter or letter in cell_letter):
                chosen.append(row)
                break
    return chosen


def parse_interpretations(path: Path) -> list[Interpretation]:
    """Every table row of docs/interpretations.md whose first column is a Measure."""
    rows: list[Interpretation] = []
    heading = ""
    columns: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            heading, columns = line[3:].strip(), []
            continue
        if not line.startswith("|"):
            columns = [] if not line.strip() else columns
            continue
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if not columns:
            columns = [cell.lower() for cell in cells]
            continue
        if set(line.replace("|", "").strip()) <= {"-", " "}:
            continue
        if columns[0] != "measure" or len(cells) < 3:
            continue
        rows.append(Interpretation(heading, cells[0], cells[1], cells[2]))
    return rows


def model_code(model: str) -> str:
    """ch_020a -> CH/020a."""
    prefix, number = model.split("_", 1)
    return f"{prefix.upper()}/{number}"


def measure_models(root: Path) -> dict[str, Path]:
    """Measure model name -> its folder's YAML file."""
    found: dict[str, Path] = {}
    for sql in sorted((root / MEASURES).glob("*/*.sql")):
        if MODEL_NAME.match(sql.stem):
            yaml_files = sorted(sql.parent.glob("_*__models.yml"))
            assert yaml_files, f"no YAML beside {sql}"
            found[sql.stem] = yaml_files[0]
    return found


def _escape(text: str) -> str:
    """Text safe inside a docs block (no Jinja delimiters)."""
    return text.replace("{{", "{ {").replace("{%", "{ %").replace("{#", "{ #")


def docs_block(model: str, definitions: list[CatalogueMeasure], rows: list[Interpretation]) -> str:
    """The `catalogue_<model>` docs block: the catalogue's wording, then the interpretations."""
    out = [f"{{% docs catalogue_{model} %}}"]
    for measure in definitions:
        out.append(f"**The catalogue's wording** ({measure.reference}):\n")
        out.append(f"> **{measure.code}: {measure.name}**")
        for part in measure.parts:
            out.append(f"> - {part}")
        if measure.definition:
            out.append(">")
            out.extend(f"> {line}" if line else ">" for line in measure.definition.splitlines())
        out.append("")
    if rows:
        out.append(
            "**Interpretations** (docs/interpretations.md; the choices under *Everywhere* apply too):\n"
        )
        for row in rows:
            out.append(f"- *{row.heading}*, {row.measures}: **{row.question}** {row.choice}")
    else:
        out.append(
            "**Interpretations**: no row of docs/interpretations.md names this measure; the choices "
            "under *Everywhere* apply."
        )
    out.append("{% enddocs %}")
    return out[0] + "\n" + _escape("\n".join(out[1:-1])) + "\n" + out[-1] + "\n"


def render_docs(root: Path) -> tuple[str, dict[str, list[CatalogueMeasure]]]:
    """The generated docs file, and the catalogue definitions of each measure model."""
    catalogue = parse_catalogue((root / CATALOGUE).resolve())
    rows = parse_interpretations(root / "docs" / "interpretations.md")
    header = (
        "{#- Generated by `python -m pif.catalogue_docs` from the catalogue and docs/interpretations.md: "
        "do not edit by hand. -#}\n"
    )
    blocks = []
    per_model: dict[str, list[CatalogueMeasure]] = {}
    for model in sorted(measure_models(root)):
        definitions = catalogue.get(model_code(model), [])
        per_model[model] = definitions
        blocks.append(docs_block(model, definitions, interpretations_for(model_code(model), rows)))
    return header + "\n".join(blocks), per_model


def _entry_bounds(lines: list[str], model: str) -> tuple[int, int] | None:
    """First and past-last line of the model's entry in a YAML `models:` list (2-space items)."""
    try:
        start = lines.index(f"  - name: {model}")
    except ValueError:
        return None
    end = start + 1
    while end < len(lines) and not re.match(r"^(  - |\S)", lines[end]):
        end += 1
    return start, end


def yaml_meta(definitions: list[CatalogueMeasure]) -> list[str]:
    """The config lines of a measure model's entry (CH/023: both of its catalogue entries)."""
    section = definitions[0].section if definitions else "(not in the catalogue)"
    reference = "; ".join(measure.reference for measure in definitions) or "(not in the catalogue)"
    return [
        "    config:",
        "      meta:",
        f"        catalogue_section: {_yaml_string(section)}",
        f"        catalogue_reference: {_yaml_string(reference)}",
    ]


def _yaml_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def update_yaml(text: str, model: str, definitions: list[CatalogueMeasure]) -> str:
    """The YAML with the model's description ending in its catalogue docs block and its meta set."""
    lines = text.split("\n")
    bounds = _entry_bounds(lines, model)
    if bounds is None:
        raise ValueError(f"no entry '  - name: {model}'")
    start, end = bounds
    entry = lines[start:end]
    reference = f'      {{{{ doc("catalogue_{model}") }}}}'
    if reference not in entry:
        described = next(index for index, line in enumerate(entry) if line.startswith("    description: >"))
        last = described + 1
        while last < len(entry) and entry[last].startswith("      "):
            last += 1
        entry[last:last] = ["", reference]
    meta = yaml_meta(definitions)
    if "    config:" in entry:
        at = entry.index("    config:")
        stop = at + 1
        while stop < len(entry) and entry[stop].startswith("      "):
            stop += 1
        kept = [
            line
            for line in entry[at + 1 : stop]
            if not line.startswith(("      meta:", "        catalogue_"))
        ]
        entry[at:stop] = [*meta[:1], *kept, *meta[1:]]
    else:
        described = next(index for index, line in enumerate(entry) if line.startswith("    description: >"))
        last = described + 1
        while last < len(entry) and (entry[last].startswith("      ") or not entry[last].strip()):
            last += 1
        entry[last:last] = meta
    lines[start:end] = entry
    return "\n".join(lines)


def _sync(base: Path, apply: bool) -> list[str]:
    """What is missing or out of date; with `apply`, write the docs file and the YAML files."""
    rendered, per_model = render_docs(base)
    found: list[str] = []
    docs_path = base / DOCS_FILE
    if not docs_path.is_file() or docs_path.read_text(encoding="utf-8") != rendered:
        found.append(f"{DOCS_FILE} is missing or out of date")
        if apply:
            docs_path.write_text(rendered, encoding="utf-8")
    for model, yaml_path in measure_models(base).items():
        definitions = per_model[model]
        if not definitions or not all(measure.name and measure.definition for measure in definitions):
            found.append(f"{model}: the catalogue's name or Definition of {model_code(model)} not found")
        text = yaml_path.read_text(encoding="utf-8")
        updated = update_yaml(text, model, definitions)
        if updated != text:
            found.append(f"{yaml_path.relative_to(base)}: {model} lacks its catalogue docs block or meta")
            if apply:
                yaml_path.write_text(updated, encoding="utf-8")
    return found


def problems(root: Path | None = None) -> list[str]:
    """What is missing or out of date (empty when the docs carry the catalogue's wording)."""
    return _sync(root or project_root(), apply=False)


def write(root: Path | None = None) -> list[str]:
    """Write the docs file and update every measure folder's YAML; what was changed."""
    return _sync(root or project_root(), apply=True)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if "--check" in args:
        found = problems()
        for line in found:
            print(line)
        print(f"catalogue docs check: {len(found)} problems")
        return 1 if found else 0
    for line in write():
        print(f"updated: {line}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
