"""The adults' generator: contract conformance, consistent journeys, determinism and volumes."""

from __future__ import annotations

import pandas as pd
import pytest

from pif.contract import Contract
from pif.generate.adults import EXPECTED_PER_1000, generate_adults, rate
from pif.generate.model import EXTRACT_DATE, Chunk, Frames
from pif.working_days import DEFAULT_SEED_PATH

EXTRACT = pd.Timestamp(EXTRACT_DATE)


@pytest.fixture(scope="module")
def chunk() -> Chunk:
    return Chunk(index=2, seed=20261122, population=5_000, id_prefix="T2-")


@pytest.fixture(scope="module")
def frames(chunk: Chunk) -> Frames:
    return generate_adults(chunk)


@pytest.fixture(scope="module")
def working_days() -> set[pd.Timestamp]:
    calendar = pd.read_csv(DEFAULT_SEED_PATH, usecols=["calendar_date", "is_working_day"])
    working = calendar["is_working_day"].astype(str).str.lower() == "true"
    return set(pd.to_datetime(calendar.loc[working, "calendar_date"]))


def _dates(frame: pd.DataFrame) -> list[str]:
    return [c for c in frame.columns if pd.api.types.is_datetime64_any_dtype(frame[c])]


def test_frames_use_contract_tables_and_columns(frames: Frames, contract: Contract) -> None:
    for name, frame in frames.items():
        table = contract.table(name)
        assert set(frame.columns) <= set(table.column_names), name
        assert not frame.empty, name
        for column in frame.columns:
            kind = table.column(column).type
            if kind == "date":
                assert frame[column].dtype == "datetime64[ns]", (name, column)
            if kind == "identifier":
                values = frame[column].dropna()
                assert values.map(type).eq(str).all(), (name, column)
        required = [c.name for c in table.columns if table.is_required(c) and not c.personal]
        for column in required:
            assert column in frame.columns, (name, column)
            assert frame[column].notna().all(), (name, column)


def test_identifiers_unique_and_prefixed(frames: Frames, contract: Contract, chunk: Chunk) -> None:
    for name, frame in frames.items():
        key = contract.table(name).primary_key
        assert frame[key].is_unique, name
        assert frame[key].str.startswith(f"{chunk.id_prefix}A").all(), name


def test_codes_belong_to_their_code_lists(frames: Frames, contract: Contract) -> None:
    for name, frame in frames.items():
        table = contract.table(name)
        for column in table.columns:
            if column.code_list and column.name in frame.columns:
                values = set(frame[column.name].dropna().str.upper())
                unknown = values - contract.codes(column.code_list)
                assert not unknown, (name, column.name, unknown)


def test_references_resolve(frames: Frames, contract: Contract) -> None:
    keys = {name: set(frames[name][contract.table(name).primary_key]) for name in frames}
    checks = [
        (table.name, column.name, column.references)
        for table in contract.tables
        for column in table.columns
        if column.references and table.name in frames and column.name in frames[table.name].columns
    ]
    checks += [
        ("plans", "joint_plan_id", "plans"),
        ("services", "replaces_service_id", "services"),
        ("carer_relationships", "carer_person_id", "people"),
        ("carer_relationships", "cared_for_person_id", "people"),
        ("assessments", "contact_id", "contacts"),
        ("adult_safeguarding_reports", "contact_id", "contacts"),
        ("carer_assessment_offers", "contact_id", "contacts"),
    ]
    assert checks
    for table, column, target in checks:
        values = set(frames[table][column].dropna())
        assert values <= keys[target], (table, column, len(values - keys[target]))


def test_contract_date_orders(frames: Frames, contract: Contract) -> None:
    for name, frame in frames.items():
        for first, second in contract.table(name).date_order:
            if first in frame.columns and second in frame.columns:
                bad = frame[first].notna() & frame[second].notna() & (frame[second] < frame[first])
                assert not bad.any(), (name, first, second, int(bad.sum()))


def test_journey_date_orders(frames: Frames) -> None:
    services = frames["services"]
    started = services["start_date"].notna()
    assert (services.loc[started, "start_date"] >= services.loc[started, "needs_identified_date"]).all()
    scheduled = services["scheduled_start_date"].notna() & started
    assert (services.loc[scheduled, "start_date"] >= services.loc[scheduled, "scheduled_start_date"]).all()
    dp = services["first_payment_date"].notna()
    assert (services.loc[dp, "first_payment_date"] >= services.loc[dp, "start_date"]).all()
    assert (services.loc[dp, "service_type_code"] == "DP").all()

    plans = frames["plans"].set_index("plan_id")
    within = services.dropna(subset=["plan_id"])
    assert (within["needs_identified_date"] >= within["plan_id"].map(plans["start_date"])).all()
    reviews = frames["reviews"]
    assert (reviews["review_date"] >= reviews["plan_id"].map(plans["start_date"])).all()
    assert (reviews["person_id"] == reviews["plan_id"].map(plans["person_id"])).all()
    ended = reviews["plan_id"].map(plans["end_date"])
    assert (ended.isna() | (reviews["review_date"] <= ended)).all()

    reports = frames["adult_safeguarding_reports"].set_index("report_id")
    enquiries = frames["adult_safeguarding_enquiries"]
    assert (enquiries["start_date"] >= enquiries["report_id"].map(reports["received_date"])).all()
    assert (enquiries["person_id"] == enquiries["report_id"].map(reports["person_id"])).all()
    meetings = frames["adult_safeguarding_meetings"]
    assert (meetings["held_date"] >= meetings["report_id"].map(reports["received_date"])).all()

    contacts = frames["contacts"].set_index("contact_id")
    assessments = frames["assessments"].dropna(subset=["contact_id"])
    assert (assessments["start_date"] >= assessments["contact_id"].map(contacts["received_date"])).all()
    protection = enquiries.dropna(subset=["protection_plan_id"])
    assert (protection["protection_plan_id"].map(plans["start_date"]) >= protection["completed_date"]).all()

    # Most section 126 enquiries are completed within 7 working days of the report (AD/024).
    assert enquiries["completed_date"].notna().mean() > 0.9


def test_people_adult_and_alive_when_served(frames: Frames) -> None:
    people = frames["people"].set_index("person_id")
    events = {
        "contacts": "received_date",
        "assessments": "start_date",
        "plans": "start_date",
        "services": "start_date",
        "reablement_episodes": "start_date",
        "adult_safeguarding_reports": "received_date",
        "adult_safeguarding_meetings": "held_date",
        "carer_assessment_offers": "offered_date",
        "reviews": "review_date",
        "financial_assessments": "completed_date",
        "advocacy_needs": "identified_date",
    }
    for name, column in events.items():
        frame = frames[name].dropna(subset=[column])
        birth = frame["person_id"].map(people["date_of_birth"])
        assert (frame[column] >= birth + pd.DateOffset(years=18)).all(), name
        death = frame["person_id"].map(people["date_of_death"])
        assert (death.isna() | (frame[column] <= death)).all(), name
    relationships = frames["carer_relationships"]
    carer_birth = relationships["carer_person_id"].map(people["date_of_birth"])
    assert (relationships["start_date"] >= carer_birth + pd.DateOffset(years=18)).all()
    assert (relationships["carer_person_id"] != relationships["cared_for_person_id"]).all()


def test_nothing_after_the_extract_date(frames: Frames) -> None:
    for name, frame in frames.items():
        for column in _dates(frame):
            assert not (frame[column] > EXTRACT).any(), (name, column)


def test_decisions_on_working_days(frames: Frames, working_days: set[pd.Timestamp]) -> None:
    checks = [
        ("contacts", "decision_date"),
        ("assessments", "start_date"),
        ("assessments", "completed_date"),
        ("plans", "start_date"),
        ("reviews", "review_date"),
        ("reviews", "authorised_date"),
        ("adult_safeguarding_reports", "decision_date"),
        ("adult_safeguarding_enquiries", "completed_date"),
        ("adult_safeguarding_meetings", "held_date"),
    ]
    for name, column in checks:
        values = frames[name][column].dropna()
        share = values.isin(working_days).mean()
        assert share > 0.97, (name, column, share)


def test_deterministic(chunk: Chunk, frames: Frames) -> None:
    again = generate_adults(chunk)
    for name, frame in frames.items():
        pd.testing.assert_frame_equal(frame, again[name])
    other = generate_adults(Chunk(index=2, seed=1, population=5_000, id_prefix="T2-"))
    assert not other["contacts"].equals(frames["contacts"])


def test_volumes_per_1000_adults_a_year() -> None:
    population = 40_000
    frames = generate_adults(Chunk(index=0, seed=7, population=population, id_prefix="V0-"))
    adults_thousands = population * rate("adult_share") / 1000
    first, last = pd.Timestamp("2022-04-01"), pd.Timestamp("2025-03-31")
    years = 3

    def per_1000(name: str, column: str, mask: pd.Series | None = None) -> float:
        values = frames[name][column]
        hit = (values >= first) & (values <= last)
        if mask is not None:
            hit &= mask
        return hit.sum() / adults_thousands / years

    plans = frames["plans"]
    assessments = frames["assessments"]
    measured = {
        "contacts": per_1000("contacts", "received_date"),
        "assessments": per_1000(
            "assessments", "completed_date", assessments["assessment_type_code"] == "ADULT"
        ),
        "care_and_support_plans_started": per_1000("plans", "start_date", plans["plan_type_code"] == "CSP"),
        "services_started": per_1000("services", "start_date"),
        "reviews": per_1000("reviews", "review_date"),
        "reablement_episodes_started": per_1000("reablement_episodes", "start_date"),
        "safeguarding_reports": per_1000("adult_safeguarding_reports", "received_date"),
        "safeguarding_enquiries": per_1000("adult_safeguarding_enquiries", "start_date"),
        "safeguarding_investigations": per_1000("adult_safeguarding_investigations", "concluded_date"),
        "carer_assessment_offers": per_1000("carer_assessment_offers", "offered_date"),
        "carer_assessments": per_1000(
            "assessments", "completed_date", assessments["assessment_type_code"] == "CARER"
        ),
        "financial_assessments": per_1000("financial_assessments", "completed_date"),
        "advocacy_needs": per_1000("advocacy_needs", "identified_date"),
    }
    march = pd.Timestamp("2024-03-31")
    open_plan = (
        (plans["plan_type_code"] == "CSP")
        & (plans["start_date"] <= march)
        & (plans["end_date"].isna() | (plans["end_date"] >= march))
    )
    measured["open_care_and_support_plans_31_march"] = (
        plans.loc[open_plan, "person_id"].nunique() / adults_thousands
    )
    assert set(measured) == set(EXPECTED_PER_1000)
    for name, value in measured.items():
        low, high = EXPECTED_PER_1000[name]
        assert low <= value <= high, (name, round(value, 2), (low, high))


def test_identifiers_do_not_collide_with_the_childrens_module(
    chunk: Chunk, frames: Frames, contract: Contract
) -> None:
    children = pytest.importorskip("pif.generate.children")
    theirs = children.generate_children(chunk)
    for name in set(frames) & set(theirs):
        key = contract.table(name).primary_key
        assert not set(frames[name][key]) & set(theirs[name][key]), name


def test_investigations_are_their_own_records(frames: Frames) -> None:
    investigations = frames["adult_safeguarding_investigations"]
    concluded = investigations["concluded_date"]
    assert (concluded.isna() | (concluded >= investigations["start_date"])).all()
    assert set(investigations["investigation_type_code"]) <= {"CRIM", "NONC"}
    # Reports referred straight to the police are investigated without a section 126 enquiry.
    assert investigations["enquiry_id"].isna().any()
    enquiries = frames["adult_safeguarding_enquiries"]
    linked = investigations.dropna(subset=["enquiry_id"])
    assert linked["enquiry_id"].isin(enquiries["enquiry_id"]).all()
    reports = frames["adult_safeguarding_reports"]
    assert reports["ethnicity_code"].notna().mean() > 0.5
