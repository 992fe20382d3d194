"""The synthetic extract generator: determinism, contract shape, journey consistency, calibration,
and that every injected defect is handled by staging as the manifest says."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from pif.contract import Contract, project_root, read_header
from pif.generate import calibration as cal
from pif.generate import generate
from pif.generate.children import AGE18, generate_children, working_days
from pif.generate.model import EXTRACT_DATE, Chunk, Frames

CHILDREN = {"children": generate_children}
SEED = 4242


def _digest(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


@pytest.fixture(scope="module")
def frames() -> Frames:
    """The children's area of one chunk of 6,000 people, as the writer receives it."""
    return generate_children(Chunk(index=0, seed=SEED, population=6_000, id_prefix="T0-"))


@pytest.fixture(scope="module")
def extract(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A tiny extract (all area modules that import), with defects."""
    out = tmp_path_factory.mktemp("generated") / "extract"
    generate(preset="tiny", population=3_000, seed=SEED, out_dir=out, progress=False)
    return out


# --- determinism and shape -------------------------------------------------------------------


def test_same_seed_gives_identical_files_and_other_seed_differs(tmp_path: Path) -> None:
    for name, seed in (("a", 1), ("b", 1), ("c", 2)):
        generate(
            preset="tiny",
            population=3_000,
            seed=seed,
            out_dir=tmp_path / name,
            areas=CHILDREN,
            progress=False,
        )
    assert _digest(tmp_path / "a") == _digest(tmp_path / "b")
    assert _digest(tmp_path / "a")["contacts.csv"] != _digest(tmp_path / "c")["contacts.csv"]


def test_chunks_are_independent_and_ids_unique(tmp_path: Path) -> None:
    result = generate(
        preset="tiny",
        population=4_000,
        seed=SEED,
        out_dir=tmp_path,
        areas=CHILDREN,
        chunk_population=1_500,
        defects=False,
        progress=False,
    )
    assert result.chunks == 3
    contacts = pd.read_csv(tmp_path / "contacts.csv", dtype=str)
    assert contacts["contact_id"].is_unique
    assert set(contacts["contact_id"].str[:3]) == {"G0-", "G1-", "G2-"}


def test_every_file_has_the_contract_header(extract: Path, contract: Contract) -> None:
    for table in contract.tables:
        assert read_header(extract / table.file) == table.column_names, table.file


def test_personal_columns_are_filled_with_fake_values(extract: Path) -> None:
    people = pd.read_csv(extract / "people.csv", dtype=str, keep_default_na=False)
    assert (people["forename"] != "").all()
    assert people["nhs_number"].str.startswith("999").all()


def test_clean_extract_has_only_contract_codes_and_resolvable_references(
    frames: Frames, contract: Contract
) -> None:
    for name, frame in frames.items():
        table = contract.table(name)
        assert set(frame.columns) <= set(table.column_names), name
        assert frame[table.primary_key].is_unique, name
        for column in table.columns:
            if column.name not in frame:
                continue
            values = frame[column.name].dropna()
            values = values[values.astype(str) != ""]
            if column.code_list:
                unknown = set(values.astype(str)) - contract.codes(column.code_list)
                assert not unknown, f"{name}.{column.name}: {unknown}"
            if column.references:
                target = contract.table(column.references)
                known = set(frames[column.references][target.primary_key])
                assert set(values) <= known, f"{name}.{column.name} refers to missing {column.references}"


# --- journeys ---------------------------------------------------------------------------------


def _dates(frame: pd.DataFrame, column: str) -> pd.Series:
    return pd.to_datetime(frame[column])


def test_no_event_after_the_extract_date(frames: Frames) -> None:
    limit = pd.Timestamp(EXTRACT_DATE)
    for name, frame in frames.items():
        for column in frame.columns:
            if name == "people" and column == "expected_date_of_birth":
                continue  # an unborn child's expected date is in the future
            if pd.api.types.is_datetime64_any_dtype(frame[column]):
                assert not (frame[column] > limit).any(), f"{name}.{column}"


def test_assessments_follow_their_contact_and_complete_after_start(frames: Frames) -> None:
    assessments = frames["assessments"]
    contacts = frames["contacts"].set_index("contact_id")
    linked = assessments[assessments["contact_id"].fillna("") != ""]
    received = contacts.loc[linked["contact_id"], "received_date"].to_numpy()
    assert (linked["start_date"].to_numpy() >= received).all()
    done = assessments.dropna(subset=["completed_date"])
    assert (done["completed_date"] >= done["start_date"]).all()
    assert (done["completed_date"] <= pd.Timestamp(EXTRACT_DATE)).all()
    # Multi-stage processes and family assessments exist.
    assert assessments["assessment_process_id"].duplicated().any()
    assert assessments["family_assessment_id"].fillna("").ne("").any()
    assert (assessments["outcome_code"] == "NAET2").any()


def test_decisions_are_mostly_by_the_next_working_day(frames: Frames) -> None:
    contacts = frames["contacts"].dropna(subset=["decision_date"])
    days = contacts["decision_date"] - contacts["received_date"]
    assert (days >= pd.Timedelta(0)).all()
    assert (days <= pd.Timedelta(days=4)).mean() > 0.9


def test_visits_and_meetings_fall_on_working_days(frames: Frames) -> None:
    wd = working_days().astype("datetime64[D]")
    for name, column in (
        ("visits", "visit_date"),
        ("strategy_meetings", "meeting_date"),
        ("cp_conferences", "conference_date"),
        ("core_group_meetings", "meeting_date"),
    ):
        days = frames[name][column].to_numpy(dtype="datetime64[D]")
        assert np.isin(days, wd).all(), name


def test_reviews_follow_the_plan_start(frames: Frames) -> None:
    reviews = frames["reviews"].merge(frames["plans"][["plan_id", "start_date"]], on="plan_id")
    assert len(reviews) == len(frames["reviews"])
    assert (reviews["review_date"] > reviews["start_date"]).all()
    assert (reviews["authorised_date"].isna() | (reviews["authorised_date"] >= reviews["review_date"])).all()


def test_childrens_services_are_for_children_except_care_leavers(frames: Frames) -> None:
    people = frames["people"].set_index("person_id")
    birth = people["date_of_birth"].fillna(people["expected_date_of_birth"])
    checks = {
        "contacts": "received_date",
        "assessments": "start_date",
        "strategy_meetings": "meeting_date",
        "section_47_enquiries": "start_date",
        "cp_conferences": "conference_date",
        "cp_registrations": "registration_date",
        "core_group_meetings": "meeting_date",
        "looked_after_episodes": "start_date",
        "missing_episodes": "start_date",
        "school_changes": "change_date",
        "advocacy_offers": "offer_date",
    }
    for name, column in checks.items():
        frame = frames[name]
        if name == "contacts":
            frame = frame[frame["person_id"].str.contains("-C|-Y|-L|-S", regex=True)]
        age_days = (frame[column].to_numpy() - birth.loc[frame["person_id"]].to_numpy()) / np.timedelta64(
            1, "D"
        )
        assert (age_days < AGE18).all(), name
    visits = frames["visits"][frames["visits"]["visit_type_code"] != "PAC"]
    age_days = (visits["visit_date"].to_numpy() - birth.loc[visits["person_id"]].to_numpy()) / np.timedelta64(
        1, "D"
    )
    assert (age_days < AGE18).all()
    # Registrations end inside childhood too.
    reg = frames["cp_registrations"].dropna(subset=["deregistration_date"])
    age_end = (
        reg["deregistration_date"].to_numpy() - birth.loc[reg["person_id"]].to_numpy()
    ) / np.timedelta64(1, "D")
    assert (age_end < AGE18).all()


def test_one_registration_at_a_time_and_looked_after_episodes_chain(frames: Frames) -> None:
    reg = frames["cp_registrations"].sort_values(["person_id", "registration_date"])
    previous_end = reg.groupby("person_id")["deregistration_date"].shift(1)
    assert not (previous_end.notna() & (reg["registration_date"] < previous_end)).any()
    episodes = frames["looked_after_episodes"].sort_values(["person_id", "start_date"])
    follows = episodes["reason_new_episode_code"].isin(["P", "L", "B"])
    prev_end = episodes.groupby("person_id")["end_date"].shift(1)
    joined = follows & prev_end.notna()
    assert (episodes.loc[joined, "start_date"] == prev_end[joined]).all()
    assert (frames["care_leavers"]["category_code"].isin(["CL1", "CL2", "CL3", "CL4", "CL6"])).all()


def test_care_leaver_engagement_is_dated_and_people_exist(frames: Frames) -> None:
    """engagement_ended_date only for young people not engaged now, inside their status period."""
    cl = frames["care_leavers"]
    ended = cl["engagement_ended_date"].notna()
    assert not (ended & cl["is_engaged"].astype(bool)).any()
    assert (cl.loc[ended, "engagement_ended_date"] >= cl.loc[ended, "start_date"]).all()
    assert cl["person_id"].isin(frames["people"]["person_id"]).all()
    assert frames["advocacy_offers"]["person_id"].isin(frames["people"]["person_id"]).all()


def test_young_carers_have_assessments_and_support_plans(frames: Frames) -> None:
    assessments = frames["assessments"]
    assert (assessments["assessment_type_code"] == "YCARER").any()
    assert (frames["plans"]["plan_type_code"] == "YCSP").any()
    assert (frames["reviews"]["review_type_code"] == "YCARR").any()


# --- calibration ----------------------------------------------------------------------------------


def test_children_volumes_match_the_reference_authority_within_a_factor_of_two() -> None:
    """At half the reference population, the 2022-23 rates per 1,000 children are within a factor of 2."""
    population = cal.REFERENCE_POPULATION // 2
    f = generate_children(Chunk(index=0, seed=SEED, population=population, id_prefix="K-"))
    start, end = pd.Timestamp("2022-04-01"), pd.Timestamp("2023-03-31")
    children = population * cal.CHILD_SHARE / 1000

    def in_year(frame: pd.DataFrame, column: str) -> pd.DataFrame:
        return frame[(frame[column] >= start) & (frame[column] <= end)]

    contacts = in_year(f["contacts"], "received_date")
    contacts = contacts[~contacts["contact_type_code"].isin(["WEB", "EIPD", "INFO", "MISD"])]
    assessments = in_year(f["assessments"], "completed_date")
    assessments = assessments[assessments["assessment_type_code"].isin(["CHILD", "CHILDPB"])]
    assessments = assessments[assessments["outcome_code"] != "NAET2"]
    reg = in_year(f["cp_registrations"], "registration_date")
    lac = f["looked_after_episodes"]
    on_31_march = lac[(lac["start_date"] <= end) & (lac["end_date"].isna() | (lac["end_date"] > end))]
    generated = {
        "CH/001": len(contacts) / children,
        "CH/006": len(assessments) / children,
        "CH/023": len(reg) / children,
        "CH/039": on_31_march["person_id"].nunique() / children,
    }
    reference_children = cal.REFERENCE_POPULATION * cal.CHILD_SHARE / 1000
    for measure, rate in generated.items():
        published = cal.PUBLISHED[measure].value_2022_23 / reference_children
        assert (
            published / 2 <= rate <= published * 2
        ), f"{measure}: {rate:.1f} vs {published:.1f} per 1,000 children"


# --- defects, end to end -------------------------------------------------------------------------------


def test_defects_manifest_matches_the_files(extract: Path) -> None:
    manifest = json.loads((extract / "defects.json").read_text())
    assert manifest["files"], "no defects were injected"
    for file, kinds in manifest["files"].items():
        lines = (extract / file).read_text(encoding="utf-8").splitlines()
        header = lines[0].split(",")
        for kind, log in kinds.items():
            for row, record, column in zip(log["rows"], log["record_ids"], log["columns"], strict=True):
                cells = lines[row - 1].split(",")
                assert cells[0] == record, (file, kind, row)
                if kind == "duplicate_row":
                    assert lines[row - 1] in lines[: row - 1], (file, row)
                elif kind == "missing_required":
                    assert cells[header.index(column)] == "", (file, row)
                elif kind in ("unknown_code", "unknown_optional_code"):
                    assert cells[header.index(column)] == "ZZQ9", (file, row)
                elif kind == "impossible_date":
                    assert cells[header.index(column)].startswith("31/02/"), (file, row)
                elif kind == "recorded_in_error":
                    assert cells[header.index(column)] == "Y", (file, row)
                elif kind == "code_variation":
                    value = cells[header.index(column)]
                    assert value != value.strip() or value != value.upper(), (file, row)


def test_staging_rejects_exactly_the_injected_defects(extract: Path, tmp_path: Path) -> None:
    """Load the tiny extract, build staging with dbt, and reconcile rejections with the manifest."""
    import duckdb

    from pif.load import load_extract

    database = tmp_path / "generated.duckdb"
    load_extract(extract, "duckdb", database)
    root = project_root()
    dbt = Path(sys.executable).parent / "dbt"
    env = {**os.environ, "PIF_DUCKDB_PATH": str(database), "DBT_SEND_ANONYMOUS_USAGE_STATS": "false"}
    command = [
        str(dbt),
        "build",
        "--select",
        "+staging",
        "measure_part_map",
        "--profiles-dir",
        str(root),
        "--project-dir",
        str(root),
        "--target-path",
        str(tmp_path / "target"),
        "--log-path",
        str(tmp_path / "logs"),
    ]
    result = subprocess.run(command, cwd=root, env=env, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout[-3000:]
    shutil.rmtree(tmp_path / "target", ignore_errors=True)

    connection = duckdb.connect(str(database), read_only=True)
    try:
        rejected = connection.execute(
            "select source_file, source_row, rejection_reason from main_staging.stg_wccis__rejections"
        ).fetchall()
        field_issues = connection.execute(
            "select source_file, source_row, field_issue from main_staging.stg_wccis__field_issues"
        ).fetchall()
    finally:
        connection.close()
    got = {(file, row): reason for file, row, reason in rejected}
    manifest = json.loads((extract / "defects.json").read_text())
    expected: dict[tuple[str, int], str] = {}
    for file, kinds in manifest["files"].items():
        for kind, log in kinds.items():
            for row, reason in zip(log["rows"], log["reasons"], strict=True):
                if kind in manifest["rejecting_defects"]:
                    expected[(file, row)] = reason
                elif kind in manifest["field_issue_defects"]:
                    # Issue 13: the row is kept, the field read as unknown with the reason.
                    assert (
                        file,
                        row,
                    ) not in got, f"{file} row {row} ({kind}) should be kept: {got[(file, row)]}"
                    issues = [issue for f, r, issue in field_issues if (f, r) == (file, row)]
                    assert any(reason in issue for issue in issues), (file, row, reason, issues)
                else:
                    assert (
                        file,
                        row,
                    ) not in got, f"{file} row {row} ({kind}) should be staged: {got[(file, row)]}"
    assert expected, "no rejecting defects were injected"
    for key, reason in expected.items():
        assert key in got, f"{key} not rejected (expected: {reason})"
        assert reason in got[key], f"{key}: expected '{reason}', got '{got[key]}'"
    assert set(got) == set(expected), f"unexpected rejections: {sorted(set(got) - set(expected))[:10]}"
