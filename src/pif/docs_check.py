"""Fail when a model, seed, snapshot or column has no description in the dbt docs.

Auditors read the lineage docs (`dbt docs generate`): every node and every column a model really
has (from catalog.json, the warehouse's view) must say what it is.
Usage: python -m pif.docs_check <dbt target folder holding manifest.json and catalog.json>
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

CHECKED = {"model", "seed", "snapshot"}
DBT_SNAPSHOT_COLUMNS = {"dbt_scd_id", "dbt_updated_at", "dbt_valid_from", "dbt_valid_to"}


def undocumented(manifest: dict[str, Any], catalog: dict[str, Any] | None = None) -> list[str]:
    """'<node>' or '<node>.<column>' for every project node or column without a description."""
    missing: list[str] = []
    catalog_nodes = (catalog or {}).get("nodes", {})
    for unique_id, node in manifest.get("nodes", {}).items():
        if node.get("resource_type") not in CHECKED or node.get("package_name") != "pif":
            continue
        name = node["name"]
        if not str(node.get("description", "")).strip():
            missing.append(name)
        described = {
            column_name.lower()
            for column_name, column in (node.get("columns") or {}).items()
            if str(column.get("description", "")).strip()
        }
        actual = {column.lower() for column in (catalog_nodes.get(unique_id, {}).get("columns") or {})}
        declared = {column.lower() for column in (node.get("columns") or {})}
        for column_name in sorted((actual | declared) - described - DBT_SNAPSHOT_COLUMNS):
            missing.append(f"{name}.{column_name}")
    return sorted(missing)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    folder = Path(args[0] if args else "target")
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    catalog_path = folder / "catalog.json"
    catalog = json.loads(catalog_path.read_text(encoding="utf-8")) if catalog_path.exists() else None
    missing = undocumented(manifest, catalog)
    for name in missing:
        print(f"no description: {name}")
    print(f"documentation check: {len(missing)} undocumented models or columns")
    return 1 if missing else 0


if __name__ == "__main__":
    raise SystemExit(main())
