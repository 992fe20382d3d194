"""The documents generated from the source contract are up to date, and the entity list matches it."""

from __future__ import annotations

import re

from pif.contract import load_contract, project_root
from pif.contract_docs import rendered


def test_generated_documents_are_current() -> None:
    root = project_root()
    for relative, expected in rendered(root).items():
        actual = (root / relative).read_text(encoding="utf-8")
        assert actual == expected, f"{relative} is out of date: run `pif contract-docs`"


def test_entity_list_covers_the_contract() -> None:
    root = project_root()
    macro = (root / "macros" / "staging" / "wccis_entities.sql").read_text(encoding="utf-8")
    listed = re.findall(r"'([a-z0-9_]+)'", macro)
    assert sorted(listed) == sorted(table.name for table in load_contract(root).tables)


def test_every_contract_table_has_its_staging_models() -> None:
    root = project_root()
    folder = root / "models" / "staging" / "wccis"
    for table in load_contract(root).tables:
        checked = (folder / f"stg_wccis__{table.name}_checked.sql").read_text(encoding="utf-8")
        staged = (folder / f"stg_wccis__{table.name}.sql").read_text(encoding="utf-8")
        rejected = (folder / f"stg_wccis__{table.name}_rejected.sql").read_text(encoding="utf-8")
        assert f"wccis_checked('{table.name}')" in checked
        assert f"wccis_staging('{table.name}')" in staged
        assert f"wccis_rejections('{table.name}')" in rejected
        for referenced in {column.references for column in table.columns if column.references}:
            hint = f"ref('stg_wccis__{referenced}')"
            assert hint in checked, f"{table.name} needs a depends_on hint for {referenced}"
