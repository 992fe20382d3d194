"""The documentation check finds undocumented models and columns, including ones only the warehouse knows."""

from __future__ import annotations

from pif.docs_check import undocumented


def _node(description: str, columns: dict[str, str]) -> dict[str, object]:
    return {
        "resource_type": "model",
        "package_name": "pif",
        "name": "ch_001",
        "description": description,
        "columns": {name: {"description": text} for name, text in columns.items()},
    }


def test_documented_model_passes() -> None:
    manifest = {"nodes": {"model.pif.ch_001": _node("CH/001", {"item_id": "The contact."})}}
    catalog = {"nodes": {"model.pif.ch_001": {"columns": {"ITEM_ID": {}}}}}
    assert undocumented(manifest, catalog) == []


def test_missing_descriptions_are_listed() -> None:
    manifest = {"nodes": {"model.pif.ch_001": _node("", {"item_id": ""})}}
    assert undocumented(manifest) == ["ch_001", "ch_001.item_id"]


def test_column_only_in_the_warehouse_is_listed() -> None:
    manifest = {"nodes": {"model.pif.ch_001": _node("CH/001", {"item_id": "The contact."})}}
    catalog = {"nodes": {"model.pif.ch_001": {"columns": {"item_id": {}, "person_id": {}}}}}
    assert undocumented(manifest, catalog) == ["ch_001.person_id"]
