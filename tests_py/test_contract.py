"""The source contract reads into typed tables, and is consistent with itself and the code map."""

from __future__ import annotations

from pathlib import Path

import pytest

from pif.contract import (
    COLUMN_TYPES,
    Contract,
    ContractError,
    contract_files,
    match_header,
    raw_schema_default,
    tables_from_yaml,
)


def test_contract_reads_every_sources_file(contract: Contract) -> None:
    """Every _wccis__sources*.yml file is read, and the core tables are there."""
    assert contract_files()[0].name == "_wccis__sources.yml"
    names = [table.name for table in contract.tables]
    assert {"people", "contacts", "assessments", "plans"} <= set(names)
    assert len(names) == len(set(names))


def test_core_table_shapes(contract: Contract) -> None:
    """Table and column meta are read from `config.meta`."""
    contacts = contract.table("contacts")
    assert contacts.file == "contacts.csv"
    assert contacts.primary_key == "contact_id"
    assert contacts.date_order == ()
    assert contacts.field_date_order == (("received_date", "decision_date"),)
    assert "decision_date" in contacts.field_issue_columns
    assert "contact_method_code" in contacts.field_issue_columns
    assert "contact_type_code" not in contacts.field_issue_columns
    person = contacts.column("person_id")
    assert (person.type, person.required, person.references) == ("identifier", True, "people")
    assert contacts.column("contact_type_code").code_list == "contact_type"
    assert contract.table("people").column("surname").personal is True


def test_every_table_is_coherent(contract: Contract) -> None:
    """Keys and date pairs are columns, types are known, date pairs are dates, files are unique."""
    files = [table.file for table in contract.tables]
    assert len(files) == len(set(files))
    for table in contract.tables:
        assert table.primary_key in table.column_names
        assert all(column.type in COLUMN_TYPES for column in table.columns)
        for earlier, later in table.date_order:
            assert table.column(earlier).type == "date" and table.column(later).type == "date"


def test_references_name_contract_tables(contract: Contract) -> None:
    """Every `references` names a table of the contract."""
    names = {table.name for table in contract.tables}
    dangling = [
        f"{table.name}.{column.name} -> {column.references}"
        for table in contract.tables
        for column in table.columns
        if column.references and column.references not in names
    ]
    assert dangling == []


def test_code_lists_exist_in_code_map(contract: Contract) -> None:
    """Every code_list the contract names has codes in seeds/code_map.csv (else every value is rejected)."""
    missing = sorted(
        {
            f"{table.name}.{column.name}: {column.code_list}"
            for table in contract.tables
            for column in table.columns
            if column.code_list and not contract.codes(column.code_list)
        }
    )
    assert missing == []


def test_code_lists_are_upper_case(contract: Contract) -> None:
    """Local codes are compared after trim + upper, so the loaded lists are upper-case."""
    assert "M" in contract.codes("gender")
    assert all(code == code.upper() for codes in contract.code_lists.values() for code in codes)


def test_raw_schema_from_dbt_project() -> None:
    """The loader writes where the dbt sources read: <target schema>_raw unless the raw_schema var
    names a schema (main_raw on DuckDB, <PIF_PG_SCHEMA>_raw on PostgreSQL)."""
    assert raw_schema_default() == "main_raw"


def test_match_header_is_case_and_space_insensitive(contract: Contract) -> None:
    """Header names match after trim + lower; extras and missing columns are reported."""
    plans = contract.table("plans")
    header = [f" {name.upper()} " for name in plans.column_names if name != "end_date"] + ["notes"]
    positions, missing, extras = match_header(header, plans)
    assert missing == ["end_date"]
    assert extras == ["notes"]
    assert positions["plan_id"] == 0


YAML_TABLE = {
    "sources": [
        {
            "name": "wccis",
            "tables": [
                {
                    "name": "things",
                    "meta": {"file": "things.csv", "primary_key": "thing_id"},
                    "columns": [
                        {"name": "thing_id", "meta": {"type": "identifier", "required": True}},
                        {"name": "made_date", "config": {"meta": {"type": "date"}}},
                    ],
                }
            ],
        },
        {"name": "other_source", "tables": [{"name": "ignored"}]},
    ]
}


def test_meta_may_be_written_directly_or_under_config() -> None:
    """dbt accepts `meta:` and `config: {meta:}`; both are read, other sources are ignored."""
    (table,) = tables_from_yaml(YAML_TABLE, Path("x.yml"))
    assert table.name == "things"
    assert table.column("thing_id").required is True
    assert table.column("made_date").type == "date"
    assert table.date_order == ()


def test_unknown_type_is_a_contract_error() -> None:
    """A typo in a column type fails loudly rather than silently skipping checks."""
    document = {
        "sources": [
            {
                "name": "wccis",
                "tables": [
                    {
                        "name": "t",
                        "config": {"meta": {"file": "t.csv", "primary_key": "id"}},
                        "columns": [{"name": "id", "config": {"meta": {"type": "datetime"}}}],
                    }
                ],
            }
        ]
    }
    with pytest.raises(ContractError, match="unknown type datetime"):
        tables_from_yaml(document, Path("x.yml"))
