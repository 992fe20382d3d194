"""The WCCIS-like source contract, read from the dbt sources YAML into typed objects.

The contract (models/staging/wccis/_wccis__sources*.yml) is the single description of the extract:
which CSV files exist, their columns, types, code lists, keys and references. The validator and the
loader read it from here so that they check and load exactly what the dbt staging layer expects.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

COLUMN_TYPES: frozenset[str] = frozenset({"identifier", "text", "code", "date", "flag", "integer", "decimal"})
BLANK_MEANS: frozenset[str] = frozenset({"no", "not_recorded"})
CONTRACT_FOLDER = Path("models") / "staging" / "wccis"
CONTRACT_GLOB = "_wccis__sources*.yml"
CODE_MAP = Path("seeds") / "code_map.csv"
DEFAULT_MAX_FIELD_LENGTH = 2000


class ContractError(ValueError):
    """The contract YAML or the code map is malformed (a developer error, not a data error)."""


@dataclass(frozen=True)
class Column:
    """One column of an extract file, as the contract describes it."""

    name: str
    type: str = "text"
    required: bool = False
    code_list: str | None = None
    references: str | None = None
    personal: bool = False
    description: str = ""
    # For flags: "no" (an empty cell is read as N) or "not_recorded" (an empty cell is unknown).
    blank_means: str | None = None
    # The plausible domain of a number (outside it the value is read as unknown, the row kept).
    minimum: float | None = None
    maximum: float | None = None
    allowed_values: tuple[float, ...] = ()
    max_decimals: int | None = None
    # For dates: event (default) or birth - which plausible window of DateWindow applies.
    date_domain: str = "event"

    @property
    def has_value_domain(self) -> bool:
        """True for a number column with a plausible domain in the contract."""
        limits = (self.minimum, self.maximum, self.max_decimals)
        return self.type in ("integer", "decimal") and (
            any(x is not None for x in limits) or bool(self.allowed_values)
        )

    def domain_text(self) -> str:
        """The domain in words, as staging and validation reasons state it."""
        parts = []
        if self.allowed_values:
            parts.append("one of " + ", ".join(_number_text(value) for value in self.allowed_values))
        if self.minimum is not None:
            parts.append(f"at least {_number_text(self.minimum)}")
        if self.maximum is not None:
            parts.append(f"at most {_number_text(self.maximum)}")
        if self.max_decimals is not None:
            parts.append(f"at most {self.max_decimals} decimal places")
        return ", ".join(parts)


@dataclass(frozen=True)
class Table:
    """One extract file (one entity) of the contract."""

    name: str
    file: str
    primary_key: str
    columns: tuple[Column, ...]
    date_order: tuple[tuple[str, str], ...] = ()
    description: str = ""
    # Pairs [earlier, later] where a reversed pair makes only the later date unusable: staging keeps
    # the row, reads the later date as unknown and keeps the reason in <later>_issue.
    field_date_order: tuple[tuple[str, str], ...] = ()
    # True when the file may be absent or header-only (the measures needing it are not available).
    optional: bool = False

    @property
    def field_issue_columns(self) -> list[str]:
        """Columns whose problem keeps the row (the field is read as unknown), in staging's order:
        optional code columns, the later dates of field_date_order, numbers with a plausible domain,
        then dates read as unknown outside their plausible window (macro wccis_field_issue_columns)."""
        codes = [
            column.name
            for column in self.columns
            if column.code_list and not self.is_required(column) and not column.personal
        ]
        names = codes + [later for _, later in self.field_date_order]
        names += [column.name for column in self.columns if column.has_value_domain]
        names += [
            column.name
            for column in self.columns
            if column.type == "date" and not self.date_window_rejects(column)
        ]
        return list(dict.fromkeys(names))

    def date_window_rejects(self, column: Column) -> bool:
        """A date outside its plausible window rejects the row when it is required (the record cannot
        be placed in time) or the later date of a date_order pair (null would read as still open)."""
        return self.is_required(column) or column.name in {later for _, later in self.date_order}

    @property
    def event_date_column(self) -> str | None:
        """The date that places a record in time for the cross-file date checks (issue 13): the first
        required date column, else the first date column (macro wccis_event_date_column)."""
        dates = [column for column in self.columns if column.type == "date"]
        required = [column.name for column in dates if column.required]
        return (required + [column.name for column in dates] + [None])[0]

    @property
    def column_names(self) -> list[str]:
        """Contract column names in contract order (the order the loader creates them in)."""
        return [column.name for column in self.columns]

    @property
    def needed_column_names(self) -> list[str]:
        """The columns a file must have and the loader loads: every column but the personal ones.

        Personal columns (names, NHS numbers, addresses, free text) are never used, so they are
        optional in the file and never loaded: their raw columns hold NULL (data minimisation).
        """
        return [column.name for column in self.columns if not column.personal]

    def may_be_left_out(self, name: str) -> bool:
        """True for a column the file may leave out of its header (loaded as blank): any column
        that is not required and not the primary key."""
        return not self.is_required(self.column(name))

    def column(self, name: str) -> Column:
        """The column called `name`; KeyError when the contract has none."""
        for column in self.columns:
            if column.name == name:
                return column
        raise KeyError(f"{self.name} has no column {name}")

    def is_required(self, column: Column) -> bool:
        """Required columns, plus the primary key, which staging always treats as required."""
        return column.required or column.name == self.primary_key


@dataclass(frozen=True)
class Contract:
    """All contract tables plus the code lists from seeds/code_map.csv."""

    tables: tuple[Table, ...]
    code_lists: Mapping[str, frozenset[str]] = field(default_factory=dict)
    # The longest value a field may hold (source meta max_field_length): a longer one rejects its row
    # in the validator and the loader alike, on both databases (pif.reading).
    max_field_length: int = DEFAULT_MAX_FIELD_LENGTH

    def table(self, name: str) -> Table:
        """The table called `name`; KeyError when the contract has none."""
        for table in self.tables:
            if table.name == name:
                return table
        raise KeyError(f"the source contract has no table {name}")

    def codes(self, code_list: str) -> frozenset[str]:
        """Upper-case local codes of a code list (empty when the code map lacks the list)."""
        return self.code_lists.get(code_list, frozenset())


def project_root(start: Path | None = None) -> Path:
    """The dbt project root: the nearest folder holding dbt_project.yml above this package (or `start`).

    Falls back to searching upwards from the current directory, for an installed (non-editable) copy.
    """
    candidates = [start] if start is not None else [Path(__file__).resolve().parent, Path.cwd()]
    for candidate in candidates:
        for folder in [candidate, *candidate.parents]:
            if (folder / "dbt_project.yml").is_file():
                return folder
    raise ContractError("cannot find dbt_project.yml above the pif package or the current directory")


def _number_text(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


@dataclass(frozen=True)
class DateWindow:
    """Plausible dates (dbt vars, as staging's macro wccis_date_window reads them): events from
    earliest_event to latest; dates of birth from earliest_birth to latest."""

    earliest_event: date
    earliest_birth: date
    latest: date

    def bounds(self, column: Column) -> tuple[date, date]:
        earliest = self.earliest_birth if column.date_domain == "birth" else self.earliest_event
        return earliest, self.latest


def date_window(root: Path | None = None) -> DateWindow:
    """The plausible date window from dbt_project.yml's vars (defaults as shipped)."""
    project = yaml.safe_load((project_root(root) / "dbt_project.yml").read_text(encoding="utf-8")) or {}
    variables = project.get("vars") or {}
    last = int(variables.get("last_collection_year", 2026))
    after = int(variables.get("latest_event_years_after_collection", 1))
    oldest = int(variables.get("maximum_age_years", 110))
    earliest = date.fromisoformat(str(variables.get("earliest_event_date", "1950-01-01")))
    return DateWindow(earliest, date(last + 1 - oldest, 3, 31), date(last + 1 + after, 3, 31))


def raw_schema_override(root: Path | None = None) -> str | None:
    """The dbt var raw_schema from dbt_project.yml when it names a schema; None (the default) means
    the deployment's own raw schema, <target schema>_raw, which the dbt sources read too."""
    project = yaml.safe_load((project_root(root) / "dbt_project.yml").read_text(encoding="utf-8")) or {}
    value = str((project.get("vars") or {}).get("raw_schema") or "")
    return value if value and "{" not in value else None


def raw_schema_default(root: Path | None = None) -> str:
    """Where the loader writes by default: the dbt var raw_schema, else main_raw (DuckDB's schema)."""
    return raw_schema_override(root) or "main_raw"


def contract_files(root: Path | None = None) -> list[Path]:
    """Every contract YAML file (the main one and any added beside it), in name order."""
    files = sorted((project_root(root) / CONTRACT_FOLDER).glob(CONTRACT_GLOB))
    if not files:
        raise ContractError(f"no {CONTRACT_GLOB} files in {CONTRACT_FOLDER}")
    return files


def load_contract(root: Path | None = None) -> Contract:
    """Read every contract YAML file and the code map into one Contract."""
    root = project_root(root)
    tables: list[Table] = []
    max_field_length = DEFAULT_MAX_FIELD_LENGTH
    for path in contract_files(root):
        try:
            document = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except yaml.YAMLError as error:
            raise ContractError(f"{path.name} is not valid YAML: {error}") from error
        tables.extend(tables_from_yaml(document, path))
        for source in document.get("sources") or []:
            if source.get("name") == "wccis" and "max_field_length" in _meta(source):
                max_field_length = int(_meta(source)["max_field_length"])
    names = [table.name for table in tables]
    duplicates = sorted({name for name in names if names.count(name) > 1})
    if duplicates:
        raise ContractError(f"tables defined twice in the contract: {', '.join(duplicates)}")
    return Contract(
        tables=tuple(tables), code_lists=load_code_lists(root / CODE_MAP), max_field_length=max_field_length
    )


def tables_from_yaml(document: Mapping[str, Any], path: Path) -> list[Table]:
    """The tables of the `wccis` source in one parsed YAML document."""
    tables: list[Table] = []
    for source in document.get("sources") or []:
        if source.get("name") != "wccis":
            continue
        for table in source.get("tables") or []:
            tables.append(_table(table, path))
    return tables


def _meta(node: Mapping[str, Any]) -> dict[str, Any]:
    """A node's meta, whether written under `config: {meta: ...}` or directly as `meta:`."""
    config = node.get("config") or {}
    return {**(node.get("meta") or {}), **(config.get("meta") or {})}


def _table(node: Mapping[str, Any], path: Path) -> Table:
    """One Table from its YAML node, checking the meta a loader and validator rely on."""
    name = str(node["name"])
    meta = _meta(node)
    if "file" not in meta or "primary_key" not in meta:
        raise ContractError(f"{path.name}: table {name} needs meta file and primary_key")
    columns = tuple(_column(column, name, path) for column in node.get("columns") or [])
    pairs = tuple((str(pair[0]), str(pair[1])) for pair in meta.get("date_order") or [])
    field_pairs = tuple((str(pair[0]), str(pair[1])) for pair in meta.get("field_date_order") or [])
    table = Table(
        name=name,
        file=str(meta["file"]),
        primary_key=str(meta["primary_key"]),
        columns=columns,
        date_order=pairs,
        field_date_order=field_pairs,
        description=str(node.get("description") or "").strip(),
        optional=bool(meta.get("optional", False)),
    )
    _check_table(table, path)
    return table


def _column(node: Mapping[str, Any], table: str, path: Path) -> Column:
    """One Column from its YAML node."""
    meta = _meta(node)
    column_type = str(meta.get("type", "text"))
    if column_type not in COLUMN_TYPES:
        raise ContractError(f"{path.name}: {table}.{node['name']} has unknown type {column_type}")
    allowed = tuple(float(value) for value in meta.get("allowed_values") or ())
    blank_means = meta.get("blank_means")
    if blank_means is False:  # YAML 1.1 reads an unquoted no as false
        blank_means = "no"
    if column_type == "flag" and blank_means not in BLANK_MEANS:
        raise ContractError(
            f"{path.name}: flag {table}.{node['name']} needs meta blank_means: \"no\" or not_recorded"
        )
    return Column(
        blank_means=None if blank_means is None else str(blank_means),
        minimum=None if meta.get("minimum") is None else float(meta["minimum"]),
        maximum=None if meta.get("maximum") is None else float(meta["maximum"]),
        allowed_values=allowed,
        max_decimals=None if meta.get("max_decimals") is None else int(meta["max_decimals"]),
        date_domain=str(meta.get("date_domain") or "event"),
        name=str(node["name"]),
        type=column_type,
        required=bool(meta.get("required", False)),
        code_list=meta.get("code_list"),
        references=meta.get("references"),
        personal=bool(meta.get("personal", False)),
        description=str(node.get("description") or "").strip(),
    )


def _check_table(table: Table, path: Path) -> None:
    """Primary key and date_order columns must be columns of the table."""
    names = set(table.column_names)
    pairs = (*table.date_order, *table.field_date_order)
    wanted = [table.primary_key, *(name for pair in pairs for name in pair)]
    unknown = [name for name in wanted if name not in names]
    if unknown:
        raise ContractError(f"{path.name}: table {table.name} refers to unknown columns {unknown}")


def load_code_lists(path: Path) -> dict[str, frozenset[str]]:
    """Local codes per code list from seeds/code_map.csv, upper-cased and trimmed."""
    codes: dict[str, set[str]] = {}
    with path.open(newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            codes.setdefault(row["code_list"].strip(), set()).add(row["local_code"].strip().upper())
    return {name: frozenset(values) for name, values in codes.items()}


def read_header(path: Path) -> list[str]:
    """The header row of a CSV file (a UTF-8 byte-order mark is dropped; bytes that are not UTF-8 are
    kept as surrogates, which pif.reading reports with their line and column)."""
    with path.open(newline="", encoding="utf-8-sig", errors="surrogateescape") as handle:
        return next(csv.reader(handle), [])


def duplicate_columns(header: Iterable[str], table: Table) -> list[tuple[str, int, int]]:
    """Contract columns named twice in a header (compared trimmed and lower-cased), each as
    (name, first position, second position), 0-based: the file cannot say which one holds the data."""
    known = set(table.column_names)
    seen: dict[str, int] = {}
    twice: list[tuple[str, int, int]] = []
    for index, raw_name in enumerate(header):
        name = normalise_name(raw_name)
        if name in known and name in seen:
            twice.append((name, seen[name], index))
        seen.setdefault(name, index)
    return twice


def normalise_name(name: str) -> str:
    """A header cell as the contract spells column names: trimmed, lower case."""
    return name.strip().lower()


def match_header(header: Iterable[str], table: Table) -> tuple[dict[str, int], list[str], list[str]]:
    """Match a file's header to the contract.

    Returns (position of each needed contract column found, needed columns missing, header names
    not loaded: columns the contract does not know and personal columns, which are never loaded).
    Names match after trimming and lower-casing; a contract column named twice is refused before
    this is called (duplicate_columns), otherwise the first of two equal names would win.
    """
    positions: dict[str, int] = {}
    extras: list[str] = []
    wanted = set(table.needed_column_names)
    for index, raw_name in enumerate(header):
        name = normalise_name(raw_name)
        if name in wanted and name not in positions:
            positions[name] = index
        else:
            extras.append(raw_name)
    missing = [name for name in table.needed_column_names if name not in positions]
    return positions, missing, extras
