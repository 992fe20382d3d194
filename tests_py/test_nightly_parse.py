"""`pif run` passes the extract date to dbt through PIF_EXTRACT_DATE, not --vars: a var that changes
every night would make dbt discard target/run-<target>/partial_parse.msgpack and parse the whole
project again (issue 15). The macro extract_date() reads the variable when the var is null."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from pif import nightly


class _FakeChild:
    def __init__(self) -> None:
        self.stdout = iter(["Done. PASS=3 WARN=1 ERROR=0 SKIP=0 NO-OP=0 TOTAL=4\n"])

    def wait(self) -> int:
        return 0


def _build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, dbt_vars: dict[str, Any]) -> dict[str, Any]:
    seen: dict[str, Any] = {}

    def fake_popen(command: list[str], **options: Any) -> _FakeChild:
        seen["command"] = command
        seen["env"] = options["env"]
        return _FakeChild()

    monkeypatch.setattr(nightly.subprocess, "Popen", fake_popen)
    runner = nightly._Runner(nightly.RunSettings(extract_dir=tmp_path, target="duckdb", output_root=tmp_path))
    runner.target = SimpleNamespace(name="duckdb")  # type: ignore[assignment]
    monkeypatch.setattr(runner, "save", lambda **changes: None)
    runner._build(dbt_vars)
    assert runner.dbt_warnings == 1
    return seen


def test_extract_date_goes_to_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    dbt_vars = {"extract_date": "2026-11-20", "child_assessment_timescale_working_days": 40}
    seen = _build(tmp_path, monkeypatch, dbt_vars)
    command = seen["command"]
    assert command[command.index("--selector") + 1] == "nightly"
    assert json.loads(command[command.index("--vars") + 1]) == {"child_assessment_timescale_working_days": 40}
    assert seen["env"]["PIF_EXTRACT_DATE"] == "2026-11-20"
    assert dbt_vars["extract_date"] == "2026-11-20"  # the run record keeps it


def test_no_extract_date_gives_an_empty_variable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PIF_EXTRACT_DATE", "2020-01-01")  # not inherited from the caller's shell
    seen = _build(tmp_path, monkeypatch, {})
    assert "--vars" not in seen["command"]
    assert seen["env"]["PIF_EXTRACT_DATE"] == ""
