"""pif reads the same dbt profile as dbt: DBT_PROFILES_DIR, SSL settings, one target name."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pif import db
from pif.contract import project_root


def test_dbt_profiles_dir_and_ssl_are_honoured(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copy(project_root() / "profiles.example.yml", tmp_path / "profiles.yml")
    monkeypatch.setenv("DBT_PROFILES_DIR", str(tmp_path))
    monkeypatch.delenv("PIF_TARGET", raising=False)
    monkeypatch.delenv("PIF_PG_SSLMODE", raising=False)
    for name, value in {
        "PIF_PG_HOST": "warehouse.example",
        "PIF_PG_USER": "pif_builder",
        "PIF_PG_PASSWORD": "secret",
        "PIF_PG_DATABASE": "social_care",
        "PIF_PG_SCHEMA": "pif_live",
    }.items():
        monkeypatch.setenv(name, value)
    assert db.default_target() == "postgres"
    target = db.resolve_target()
    assert target.name == "postgres" and target.schema == "pif_live"
    assert target.postgres is not None and target.postgres.host == "warehouse.example"
    assert dict(target.postgres.ssl) == {"sslmode": "require"}
    assert db.raw_schema("postgres") == "pif_live_raw"
    monkeypatch.setenv("PIF_PG_SSLMODE", "verify-full")
    assert dict(db.resolve_target("postgres").postgres.ssl) == {"sslmode": "verify-full"}  # type: ignore[union-attr]
    with pytest.raises(db.ProfileError, match="no target 'warehouse'"):
        db.resolve_target("warehouse")


def test_one_target_name_everywhere() -> None:
    """The README, the project's profile and the example all call the PostgreSQL target postgres."""
    root = project_root()
    for name in ("profiles.yml", "profiles.example.yml"):
        text = (root / name).read_text()
        assert "\n    postgres:\n" in text and "warehouse:" not in text, name
    assert "--target warehouse" not in (root / "README.md").read_text()
