"""Documents generated from the source contract, so the contract is written down once.

- docs/source-contract.md: the extract specification a data officer produces the files from.
- models/staging/wccis/_wccis__models.yml: the description of every staging model and column.

Both are committed; `pif contract-docs` rewrites them and tests_py/test_contract_docs.py fails when
they are out of date.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from pathlib import Path

import yaml

from pif.contract import CODE_MAP, CONTRACT_FOLDER, Contract, Table, load_contract, project_root

MARKDOWN_PATH = Path("docs") / "source-contract.md"
STAGING_YAML_PATH = CONTRACT_FOLDER / "_wccis__models.yml"

FORMAT_RULES = """\
## File format

- One CSV file per entity, named as below, UTF-8, comma separated, with a header row holding the
  column names exactly as listed (extra columns are ignored with a warning; a missing required
  column, or a missing file that is not optional, stops the load). Header names are matched trimmed
  and in any case; a contract column named twice (even in another case or with spaces) refuses the
  file.
- Line endings may be CRLF or LF, even mixed; a quoted value may hold line breaks (legal CSV). Row
  numbers in every message are lines as a person counts them (header = line 1, blank lines counted;
  a record spanning lines has the number of its first line), the same in `pif validate`, the loaded
  `_source_row` and `stg_wccis__rejections`.
- A file is refused as a whole, in one line naming file, line, column and value, when it is empty
  (no header), has bytes that are not UTF-8, has a quoted value never closed, or has its dates
  written month first (`MM/DD/YYYY`): more dates that can only be month-first (second number over
  12) than dates that can only be day-first (first number over 12), and at least one.
- A row is rejected (and listed) when it has more or fewer fields than the header, text after a
  closing quote, a NUL character, or a value longer than {max_field_length} characters (source meta
  `max_field_length`), on both databases alike.
- Every value is trimmed of the same whitespace everywhere (validator and staging on both
  databases, macro `pif_trim`): space, tab, CR, LF, VT, FF, NEL, no-break space (U+00A0), the
  Unicode spaces U+1680, U+2000-U+200B, U+2028, U+2029, U+202F, U+205F, U+3000 and U+FEFF.
- Absent data is "not available", never 0. A file marked optional below may be absent or hold a
  header only: it loads as empty. A column that is not required may be left out of the header: it
  loads as blank. A measure part that needs such a file, or a column that is left out or blank in
  every row (unless a blank means "no"), is "not available from this extract" with the reason in
  the return (`pif_return.unavailable_reason`, `measure_coverage`), and its value is empty.
- Dates are `DD/MM/YYYY` (`YYYY-MM-DD` is also accepted). Flags are `Y` or `N` (`Yes`/`No`,
  `True`/`False`, `1`/`0` in any case are accepted). An empty cell is a missing value. For each flag
  the contract says what an empty cell means (Rule column): "blank = no" flags read it as `N`;
  "blank = not recorded" flags (evidence such as a what matters conversation or a child seen) keep
  it unknown: never counted as evidence, and a needed one blank in every row makes the measure part
  not available.
- Codes are your system's local codes: `seeds/code_map.csv` maps each to its national category
  (case and surrounding spaces are ignored). Add or change a mapping there, never in SQL.
- Personal columns (names, addresses, NHS numbers, free text) are never used: leave them out of the
  extract. They are optional, and never loaded even when supplied (their raw columns hold NULL;
  `pif validate` warns), so they cannot reach any layer of the warehouse.
- A row that breaks a rule below is rejected in staging with its reason (`pif rejections`, model
  `stg_wccis__rejections`) and the figures are produced from the other rows. `pif validate` reports
  the same problems, by file, row and column, before loading.

A row is rejected when: a required value is missing; a date, flag or number cannot be read; a code
in a required column is not in its code list; its identifier repeats an earlier row, compared
ignoring case (`ct00001` repeats `CT00001`; the first is kept); an identifier that references
another file matches no accepted row there (compared exactly: `c0001` does not match `C0001`); or
two dates are in impossible order.

Plausible values: a number outside its domain below (a negative charge, a charge with more than two
decimal places, a review interval that is not 3 or 6 months) is read as unknown with its reason. A
date must fall in its window: events from 01/01/1950 (dbt var `earliest_event_date`) to 31 March of
the year after the last collection year ends (`latest_event_years_after_collection`; 31/03/2028 by
default); dates of birth no more than 110 years (`maximum_age_years`) before the last collection
year ends (31/03/1917 by default). Outside it a required date, or an end date whose absence would
read as "still open", rejects the row; any other date is read as unknown (a date of birth of
01/01/1900 becomes no date of birth).

When only one field of a row is unusable and the record still counts elsewhere, the row is kept and
that field is read as unknown: a code in an optional column that is not in its code list is read as
not recorded, and a date listed as "read as unknown when before" below is nulled when it is before
its pair (a contact's decision dated before its receipt: the contact still counts in CH/001, CH/002,
CH/004, AD/001-AD/003 and is excluded from CH/003 with the reason). The reason is kept in the
staging column `<column>_issue`, listed by `pif rejections` (model `stg_wccis__field_issues`), and
the measures that need the field list the record in their exclusions with it.
"""


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def render_markdown(contract: Contract, code_rows: list[dict[str, str]]) -> str:
    """The extract specification as Markdown."""
    lines = [
        "# The source contract: the WCCIS-like extract",
        "",
        "<!-- Generated by `pif contract-docs` from models/staging/wccis/_wccis__sources*.yml and",
        "     seeds/code_map.csv. Edit those, not this file. -->",
        "",
        FORMAT_RULES.replace("{max_field_length}", f"{contract.max_field_length:,}"),
        "## Files",
        "",
        "| File | One row per | Key |",
        "|---|---|---|",
    ]
    for table in contract.tables:
        summary = _cell(table.description).split(". ")[0].rstrip(".")
        lines.append(f"| [`{table.file}`](#{table.name}) | {summary} | `{table.primary_key}` |")
    lines.append("")
    for table in contract.tables:
        lines.extend(_table_markdown(table))
    lines.extend(
        [
            "## Code lists",
            "",
            "Local codes as the sample extract uses them, and their national categories.",
            "",
        ]
    )
    by_list: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row in code_rows:
        by_list[row["code_list"]].append(row)
    for code_list in sorted(by_list):
        lines.extend(
            [f"### {code_list}", "", "| Local code | Local label | National code | National label |"]
        )
        lines.append("|---|---|---|---|")
        for row in by_list[code_list]:
            lines.append(
                f"| `{row['local_code']}` | {_cell(row['local_label'])} | `{row['national_code']}` "
                f"| {_cell(row['national_label'])} |"
            )
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def _table_markdown(table: Table) -> list[str]:
    lines = [f'<a id="{table.name}"></a>', f"### {table.file}", "", _cell(table.description), ""]
    lines.append(f"Key: `{table.primary_key}`.")
    if table.optional:
        lines.append(
            "Optional file: when absent or header-only, the measures that need it are not available."
        )
    else:
        lines.append("Compulsory file: the extract cannot be loaded without it.")
    for earlier, later in table.date_order:
        lines.append(f"`{later}` must not be before `{earlier}`.")
    for earlier, later in table.field_date_order:
        lines.append(f"`{later}` is read as unknown when before `{earlier}` (the row is kept).")
    lines.extend(["", "| Column | Type | Required | Rule | Description |", "|---|---|---|---|---|"])
    for column in table.columns:
        rule = []
        if column.code_list:
            rule.append(f"code list [`{column.code_list}`](#{column.code_list})")
            if not table.is_required(column):
                rule.append("an unknown code is read as not recorded (the row is kept)")
        if column.references:
            rule.append(f"matches a row of `{column.references}`")
        if column.personal:
            rule.append("personal: optional, never loaded")
        if column.has_value_domain:
            rule.append(f"plausible: {column.domain_text()}; outside it read as unknown (the row is kept)")
        if column.type == "date":
            window = "birth window" if column.date_domain == "birth" else "event window"
            outside = "rejects the row" if table.date_window_rejects(column) else "read as unknown"
            rule.append(f"plausible: {window}; outside it {outside}")
        if column.blank_means == "no":
            rule.append("blank = no (read as N)")
        elif column.blank_means == "not_recorded":
            rule.append("blank = not recorded (unknown)")
        required = "yes" if table.is_required(column) else ""
        lines.append(
            f"| `{column.name}` | {column.type} | {required} | {'; '.join(rule)} "
            f"| {_cell(column.description)} |"
        )
    lines.append("")
    return lines


def render_staging_yaml(contract: Contract) -> str:
    """The properties YAML describing every staging model and column."""
    models: list[dict[str, object]] = []
    for table in contract.tables:
        columns: list[dict[str, object]] = []
        for column in table.columns:
            if column.personal:
                continue
            entry: dict[str, object] = {"name": column.name, "description": _cell(column.description)}
            if column.name == table.primary_key:
                entry["data_tests"] = ["unique", "not_null"]
            columns.append(entry)
        for name in table.field_issue_columns:
            columns.append(
                {
                    "name": f"{name}_issue",
                    "description": (
                        f"Why {name} is read as unknown (null) though the row is kept; "
                        "null when it is usable."
                    ),
                }
            )
        columns.append({"name": "source_file", "description": "The extract file the row came from."})
        columns.append(
            {"name": "source_row", "description": "The row's line in the file (the header is row 1)."}
        )
        models.append(
            {
                "name": f"stg_wccis__{table.name}_checked",
                "description": (
                    f"Every raw row of {table.file}, typed, personal columns dropped, with the reason it "
                    "cannot be used (null when it can). The accepted and rejected models filter it."
                ),
                "columns": [
                    *({"name": column["name"], "description": column["description"]} for column in columns),
                    {"name": "record_id", "description": "The row's identifier as written in the file."},
                    {
                        "name": "rejection_reason",
                        "description": "Why the row cannot be used; null for an accepted row.",
                    },
                ],
            }
        )
        models.append(
            {
                "name": f"stg_wccis__{table.name}",
                "description": (
                    f"Accepted rows of {table.file}, typed (dates, flags, numbers; codes trimmed and "
                    f"upper-case), personal columns dropped. {_cell(table.description)}"
                ),
                "columns": columns,
            }
        )
        models.append(
            {
                "name": f"stg_wccis__{table.name}_rejected",
                "description": f"Rows of {table.file} that cannot be used, each with the reason.",
                "columns": _rejection_columns(),
            }
        )
    models.append(
        {
            "name": "stg_wccis__rejections",
            "description": "Every rejected extract row of every entity, with the reason a person can act on.",
            "columns": _rejection_columns(),
        }
    )
    models.append(
        {
            "name": "stg_wccis__field_issues",
            "description": (
                "Every field of an accepted row read as unknown (an optional code not in its code list, a "
                "date before its pair), one row per field, with the reason: the row still counts wherever "
                "the field is not needed."
            ),
            "columns": [
                *_located_columns("row"),
                {"name": "field_name", "description": "The column read as unknown."},
                {
                    "name": "field_issue",
                    "description": "Why the field is read as unknown.",
                    "data_tests": ["not_null"],
                },
            ],
        }
    )
    models.append(_implausible_dates_model())
    header = (
        "# Generated by `pif contract-docs` from the source contract (_wccis__sources*.yml).\n"
        "# Edit the contract, then regenerate; tests_py/test_contract_docs.py checks this file.\n"
    )
    body = yaml.safe_dump({"version": 2, "models": models}, sort_keys=False, width=110, allow_unicode=True)
    return header + body


def _located_columns(thing: str) -> list[dict[str, object]]:
    """The columns that place a row (or record) of a staging list in the extract."""
    return [
        {"name": "entity", "description": "The contract table (extract file without .csv)."},
        {"name": "source_file", "description": "The extract file."},
        {"name": "source_row", "description": f"The {thing}'s line in the file (the header is row 1)."},
        {"name": "record_id", "description": f"The {thing}'s identifier as written in the file."},
    ]


def _rejection_columns() -> list[dict[str, object]]:
    return [
        *_located_columns("row"),
        {
            "name": "rejection_reason",
            "description": "Why the row cannot be used; several reasons are separated by '; '.",
            "data_tests": ["not_null"],
        },
    ]


def read_code_rows(root: Path) -> list[dict[str, str]]:
    with (root / CODE_MAP).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def rendered(root: Path | None = None) -> dict[Path, str]:
    """Each generated file's path (relative to the project root) and expected content."""
    root = project_root(root)
    contract = load_contract(root)
    return {
        MARKDOWN_PATH: render_markdown(contract, read_code_rows(root)),
        STAGING_YAML_PATH: render_staging_yaml(contract),
    }


def write(root: Path | None = None) -> list[Path]:
    """Rewrite the generated files; returns the paths written."""
    root = project_root(root)
    written = []
    for relative, content in rendered(root).items():
        (root / relative).write_text(content, encoding="utf-8")
        written.append(relative)
    return written


def main() -> None:
    for path in write():
        print(f"wrote {path}")


if __name__ == "__main__":
    main()


def _implausible_dates_model() -> dict[str, object]:
    """stg_wccis__implausible_dates: cross-file date warnings (issue 13); the records stay counted."""
    return {
        "name": "stg_wccis__implausible_dates",
        "description": (
            "Cross-file date warnings (issue 13): every kept record whose event date (its first required "
            "date column, else its first date column) is after its person's date of death, and every person "
            "whose date of death is before their date of birth. Nothing is rejected or read as unknown: "
            "either date may be the wrong one, so the records stay counted and every measure is unchanged; "
            "a data officer checks which date is wrong (`pif rejections`, output/implausible_dates.csv; "
            "`pif validate` gives the same warnings)."
        ),
        "columns": [
            *_located_columns("record"),
            {"name": "person_id", "description": "The person the record refers to (people.csv)."},
            {
                "name": "date_field",
                "description": "The record's date checked: its event date, or date_of_death for a person.",
            },
            {"name": "date_value", "description": "That date."},
            {
                "name": "person_date_field",
                "description": "The person's date it contradicts (date_of_birth for a person).",
            },
            {"name": "person_date_value", "description": "That date."},
            {"name": "person_source_row", "description": "The person's line in people.csv."},
            {
                "name": "implausibility",
                "description": "The warning a data officer acts on, with both dates and the people.csv line.",
                "data_tests": ["not_null"],
            },
        ],
    }
