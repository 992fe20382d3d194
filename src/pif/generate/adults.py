"""Adults' and adult carers' journeys through adult social services, for one chunk of people.

`generate_adults(chunk)` simulates, for the adults (18 and over) living in the chunk and the adult
carers among them, what a Welsh authority's case-management system records between
`HISTORY_START` and `EXTRACT_DATE`:

- a person-level frailty (gamma distributed) and age drive contacts, safeguarding reports and
  death, so the same people come back (repeat contacts, repeat reports, repeat assessments);
- contacts -> first decision -> assessment (multi-stage processes sometimes; repeat assessments of
  people with no eligible needs) -> care and support plan (refused, direct payments, Care and
  Treatment Plans, commissioned third-party plans) -> services (a wait between the scheduled and the
  actual start, changes to existing services, bridging services) -> reviews (a first review about
  three months in, then yearly; direct-payment reviews; re-assessments after a review);
- reablement after a hospital discharge or a contact; financial assessments for means-tested
  services (yearly reassessment in April); advocacy needs at assessment, planning, review and
  safeguarding;
- safeguarding reports (most through a safeguarding contact) -> section 126 enquiries (most
  completed within 7 working days) -> alleged perpetrators, strategy meetings and case conferences
  -> protection plans; criminal and non-criminal investigations (after an enquiry, or straight after
  a police referral) from their own random stream;
- caring relationships between two adults of the chunk (spouse, son or daughter, parent...), offers
  of a carer's assessment (proactive or after the carer's contact), carers' assessments and
  carers' support plans, jointly considered with the cared-for person's plan, with their services
  and reviews;
- people rows for everyone with a record; deaths (age and frailty driven) close open plans,
  services, reablement and relationships and drop anything after them.

Every step is vectorised over people and events (numpy/pandas). Dates are held internally as day
numbers (float, NaN = empty) since 1970-01-01 and converted at the end. Decisions, authorisations
and meetings fall on working days (seeds/working_days.csv).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from pif.generate.model import EXTRACT_DATE, HISTORY_START, Chunk, Frames

# ---------------------------------------------------------------------------------------------
# Volumes and shares. Rates are per 1,000 adults per year unless stated. Each has its reasoning.
# ---------------------------------------------------------------------------------------------
RATES: dict[str, tuple[float, str]] = {
    "adult_share": (0.80, "ONS mid-year estimates: about 80% of the Welsh population is 18 or over"),
    "contacts": (48.0, "Welsh adult IAA contacts run at 40-60 per 1,000 adults a year (SSDA/PIF returns)"),
    "safeguarding_reports": (7.0, "Wales receives ~16-18k adult-at-risk reports a year for 2.5m adults"),
    "legacy_plans": (17.0, "open adult care and support plans at April 2018 not seen again from a contact"),
    "contact_to_assessment": (0.34, "about a third of adult IAA contacts proceed to an assessment"),
    "assessment_undertaken": (
        0.92,
        "some requests for assessment are withdrawn before the assessment starts",
    ),
    "repeat_assessment": (0.12, "share of people assessed with no plan who ask again within a year"),
    "multi_stage_assessment": (
        0.06,
        "share of assessments recorded as two stages (NAET result 2 then final)",
    ),
    "plan_refused": (0.02, "care and support plans refused by the adult (AD/012 exclusion)"),
    "plan_commissioned": (0.02, "plans drawn up by a signposted third party (AD/012 exclusion)"),
    "care_and_treatment_under_65": (
        0.06,
        "Care and Treatment Plans (Mental Health Measure) among working-age plans",
    ),
    "direct_payment_under_65": (0.22, "working-age adults choose direct payments far more often"),
    "direct_payment_65_plus": (0.06, "older adults rarely take direct payments"),
    "review_held": (0.86, "share of due reviews actually held (AD/017 / AD/016 of about 85%)"),
    "reablement_after_hospital": (0.50, "hospital-discharge contacts referred to the reablement team"),
    "reablement_after_assessment_contact": (
        0.15,
        "other contacts going to assessment that start with reablement",
    ),
    "reablement_completed": (0.70, "completed (planned period or goals met) share of reablement periods"),
    "s126_decision": (0.62, "reports leading to section 126 enquiries (AD/023 / AD/020)"),
    "enquiry_within_7_days": (0.80, "enquiries completed within 7 working days (AD/024 about 80% in Wales)"),
    "strategy_meeting": (0.40, "enquiries with a strategy meeting or discussion (AS/007b)"),
    "case_conference": (0.10, "enquiries with an adult protection case conference (AS/007c)"),
    "protection_plan": (0.35, "enquiries needing action that lead to a protection plan (AD/028a)"),
    "report_ethnicity_recorded": (
        0.70,
        "reports whose form records the adult's ethnicity (AS/004a); the rest fall back to the person",
    ),
    "police_referral_investigated": (
        0.70,
        "reports referred straight to the police that the police investigate (AS/006a without an enquiry)",
    ),
    "repeat_report": (
        0.10,
        "reports followed within 10-200 days by another report about the same adult that is linked to"
        " the open case (information, advice or no further action; AS/002 about 5-8% of AS/001)",
    ),
    "non_criminal_stopped": (
        0.15,
        "non-criminal investigations stopped when a criminal matter comes to light (then a police one)",
    ),
    "carer_for_plan": (0.55, "people given a care and support plan with a recorded unpaid carer"),
    "carer_for_other": (0.20, "people assessed without a plan with a recorded unpaid carer"),
    "carer_offer_accepted": (0.58, "carers accepting the offer of an assessment (CA/006 refusals ~30%)"),
    "carer_offer_refused": (0.32, "carers refusing the offer of an assessment (CA/006)"),
    "carer_support_plan": (0.40, "carers' assessments concluding that a support plan is needed"),
    "advocacy_at_assessment": (
        0.04,
        "assessments where advocacy needs were considered (AD/032 ~ 1-2 per 1,000)",
    ),
    "advocacy_at_enquiry": (0.12, "enquiries where advocacy needs were considered"),
    "secure_estate": (
        0.004,
        "new assessments of working-age men undertaken in prison (AD/007, a handful a year)",
    ),
}


def rate(name: str) -> float:
    """The value of a rate in RATES."""
    return RATES[name][0]


# Expected outputs per 1,000 adults per collection year (full year), for tests and reviewers.
EXPECTED_PER_1000: dict[str, tuple[float, float]] = {
    "contacts": (40.0, 80.0),
    "assessments": (12.0, 35.0),
    "care_and_support_plans_started": (5.0, 16.0),
    "open_care_and_support_plans_31_march": (12.0, 40.0),
    "services_started": (6.0, 30.0),
    "reviews": (10.0, 45.0),
    "reablement_episodes_started": (2.0, 10.0),
    "safeguarding_reports": (4.0, 11.0),
    "safeguarding_enquiries": (2.0, 8.0),
    "safeguarding_investigations": (0.3, 2.0),
    "carer_assessment_offers": (1.0, 8.0),
    "carer_assessments": (0.5, 6.0),
    "financial_assessments": (3.0, 30.0),
    "advocacy_needs": (0.3, 4.0),
}

# Age bands (lower bounds) of adults on the extract date: ONS mid-2022 estimates for Wales.
AGE_LOWER = np.array([18, 25, 35, 45, 55, 65, 75, 85])
AGE_UPPER = np.array([25, 35, 45, 55, 65, 75, 85, 101])
AGE_SHARE = np.array([0.100, 0.145, 0.142, 0.152, 0.168, 0.143, 0.103, 0.040])
# Relative intensity by band (mean about 1): adult social care is mostly older people.
CONTACT_BY_AGE = np.array([0.35, 0.28, 0.28, 0.30, 0.35, 1.00, 3.20, 12.0])
SAFEGUARDING_BY_AGE = np.array([0.60, 0.50, 0.50, 0.50, 0.50, 1.00, 2.20, 8.00])
# Yearly death rate by band for a person of average frailty (ONS life tables, rounded).
DEATH_BY_AGE = np.array([0.0004, 0.0006, 0.0012, 0.0030, 0.0070, 0.018, 0.050, 0.140])

EPOCH = np.datetime64("1970-01-01", "D")
DAY_E = float((np.datetime64(EXTRACT_DATE, "D") - EPOCH).astype(int))
DAY_H = float((np.datetime64(HISTORY_START, "D") - EPOCH).astype(int))
ADULT_DAYS = 6576  # 18 years and a day or two, whatever the leap years
LEGACY_START = float((np.datetime64("2015-01-05", "D") - EPOCH).astype(int))


def _day(text: str) -> float:
    return float((np.datetime64(text, "D") - EPOCH).astype(int))


# ---------------------------------------------------------------------------------------------
# Working days
# ---------------------------------------------------------------------------------------------
@lru_cache(maxsize=1)
def _calendar() -> tuple[float, np.ndarray, np.ndarray, np.ndarray]:
    """Start day, is-working, working-day number per day, day of each working-day number."""
    path = Path(__file__).resolve().parents[3] / "seeds" / "working_days.csv"
    cal = pd.read_csv(path, usecols=["calendar_date", "is_working_day", "working_day_number"])
    days = (pd.to_datetime(cal["calendar_date"]).to_numpy().astype("datetime64[D]") - EPOCH).astype(int)
    working = cal["is_working_day"].astype(str).str.lower().eq("true").to_numpy()
    number = cal["working_day_number"].to_numpy(dtype=np.int64)
    by_number = np.zeros(number.max() + 2, dtype=np.float64)
    by_number[number[working]] = days[working]
    by_number[number.max() + 1] = days[-1] + 1
    return float(days[0]), working, number, by_number


def add_working_days(day: np.ndarray, k: np.ndarray | int) -> np.ndarray:
    """The k-th working day after `day` (k = 0: `day` itself if a working day, else the next one)."""
    start, working, number, by_number = _calendar()
    day = np.asarray(day, dtype=np.float64)
    k = np.broadcast_to(np.asarray(k, dtype=np.int64), day.shape)
    out = np.full(day.shape, np.nan)
    ok = ~np.isnan(day)
    index = np.clip(day[ok] - start, 0, len(number) - 1).astype(np.int64)
    target = number[index] + k[ok] + ((k[ok] == 0) & ~working[index])
    out[ok] = by_number[np.clip(target, 1, len(by_number) - 1)]
    return out


def working_day(day: np.ndarray) -> np.ndarray:
    """`day` moved forward to a working day."""
    return add_working_days(day, 0)


# ---------------------------------------------------------------------------------------------
# The simulation
# ---------------------------------------------------------------------------------------------
def _pick(rng: np.random.Generator, codes: dict[str, float], n: int) -> np.ndarray:
    keys = np.array(list(codes), dtype=object)
    weights = np.array(list(codes.values()), dtype=np.float64)
    return keys[rng.choice(len(keys), size=n, p=weights / weights.sum())]


def _geometric_days(rng: np.random.Generator, mean: float, n: int) -> np.ndarray:
    """Non-negative whole days with the given mean (0 possible)."""
    return rng.geometric(1.0 / (mean + 1.0), size=n) - 1


class _Sim:
    def __init__(self, chunk: Chunk) -> None:
        self.chunk = chunk
        self.rng = chunk.rng("adults")
        self.prefix = f"{chunk.id_prefix}A"
        rng = self.rng
        n = round(chunk.population * rate("adult_share"))
        self.n = n
        band = rng.choice(len(AGE_SHARE), size=n, p=AGE_SHARE / AGE_SHARE.sum())
        upper = AGE_UPPER[band].astype(float)
        age = AGE_LOWER[band] + rng.random(n) * (upper - AGE_LOWER[band])
        old = band == len(AGE_SHARE) - 1  # 85+: thinning tail
        age[old] = np.minimum(85 + rng.exponential(5.0, old.sum()), 104.5)
        self.dob = np.floor(DAY_E - age * 365.25)
        self.adult = self.dob + ADULT_DAYS
        self.band = band
        self.frailty = rng.gamma(0.6, 1 / 0.6, size=n)
        hazard = DEATH_BY_AGE[band] * (0.7 + 0.3 * self.frailty)
        death = DAY_H + rng.exponential(365.25 / hazard)
        self.death = np.where(death <= DAY_E, np.floor(death), np.nan)
        self.window_start = np.maximum(DAY_H, self.adult)
        self.window_end = np.fmin(self.death, DAY_E)
        self.gender = np.where(rng.random(n) < np.where(band >= 6, 0.60, 0.51), "F", "M").astype(object)
        self.gender[rng.random(n) < 0.004] = "U"
        self.ethnicity = _pick(
            rng,
            {
                "WBRI": 88.5,
                "WOTH": 3.5,
                "MIXD": 1.1,
                "ASIA": 2.1,
                "BLAC": 0.7,
                "OTHR": 0.4,
                "CHIN": 0.3,
                "ARAB": 0.2,
                "WGYP": 0.1,
                "NOBT": 2.9,
                "REFU": 0.2,
            },
            n,
        )
        self.language = _pick(rng, {"ENG": 84.0, "CYM": 13.0, "OTH": 2.5, "BSL": 0.5}, n)
        self.counters: dict[str, int] = {}

    # -- helpers ---------------------------------------------------------------------------
    def age_years(self, person: np.ndarray, day: np.ndarray) -> np.ndarray:
        return (day - self.dob[person]) / 365.25

    def events(
        self, per_1000: float, by_age: np.ndarray, frailty_power: float
    ) -> tuple[np.ndarray, np.ndarray]:
        """Poisson events per adult over their adult, alive window: (person, day).

        Individual intensity follows age and frailty; it is scaled so that the expected number of
        events is `per_1000` per 1,000 adults of the chunk per year of the history (people who
        die, or turn 18, during the history are exposed for part of it only).
        """
        rng = self.rng
        years = np.maximum(self.window_end - self.window_start, 0) / 365.25
        weight = by_age[self.band] * self.frailty**frailty_power
        history_years = (DAY_E - DAY_H) / 365.25
        scale = per_1000 / 1000 * self.n * history_years / max(float((weight * years).sum()), 1e-9)
        intensity = weight * scale
        count = rng.poisson(intensity * years)
        person = np.repeat(np.arange(self.n), count)
        day = self.window_start[person] + rng.random(person.size) * (
            self.window_end[person] - self.window_start[person]
        )
        return person, np.floor(day)

    def new_ids(self, table: str, n: int) -> np.ndarray:
        start = self.counters.get(table, 0)
        self.counters[table] = start + n
        return np.arange(start, start + n, dtype=np.int64)


def _contacts(
    sim: _Sim,
    person: np.ndarray,
    received: np.ndarray,
    *,
    contact_type: np.ndarray,
    source: np.ndarray,
    outcome: np.ndarray,
    carer: bool = False,
    safeguarding: bool = False,
    decision: np.ndarray | None = None,
) -> pd.DataFrame:
    rng = sim.rng
    n = person.size
    if decision is None:
        lag = rng.choice([0, 1, 2, 3, 5, 10], size=n, p=[0.35, 0.25, 0.15, 0.1, 0.1, 0.05])
        decision = add_working_days(received, lag)
    code = pd.Series(outcome).map(
        {"ASSM": "ASSM", "SAFE": "SAFE", "ADV": "ADV", "SIGN": "ADV", "INFO": "ADV", "NFA": "NFA"}
    )
    code = code.to_numpy(dtype=object)
    more = (outcome == "ASSM") & (rng.random(n) < 0.05)
    code[more] = "MORE"
    code[(outcome == "INFO") & (rng.random(n) < 0.3)] = "NFA"
    auto = np.isin(contact_type, ["WEB", "MISD"]) & (rng.random(n) < 0.5)
    code[auto] = "AUTO"
    role = _pick(rng, {"PM": 65, "SW": 25, "ADM": 10}, n)
    role[auto] = "SYS"
    counted = np.isin(contact_type, ["IAA", "REF", "SAFE"])
    return pd.DataFrame(
        {
            "contact_id": sim.new_ids("contacts", n),
            "person_id": person,
            "received_date": received,
            "contact_type_code": contact_type,
            "contact_method_code": _pick(rng, {"TEL": 60, "EML": 20, "WEBF": 8, "PERS": 7, "LETT": 5}, n),
            "contact_source_code": source,
            "is_carer_support_request": np.full(n, carer),
            "is_safeguarding_concern": np.full(n, safeguarding) | (outcome == "SAFE"),
            "what_matters_conversation_held": counted & (rng.random(n) < 0.93),
            "five_elements_considered": counted & (rng.random(n) < 0.91),
            "outcome_code": outcome,
            "decision_date": decision,
            "decision_code": code,
            "decision_by_role_code": role,
        }
    )


ADULT_SOURCES = {
    "SELF": 20, "RELAT": 17, "FRND": 2, "NEIGH": 1, "GP": 12, "HOSP": 18, "POL": 4, "HOUS": 3,
    "VOL": 5, "PROV": 5, "LA": 3, "INT": 5, "AMB": 1.5, "INDH": 0.5, "ADVO": 0.5, "OLA": 1,
    "PUB": 1, "OTH": 1,
}  # fmt: skip
REPORT_SOURCES = {
    "PROV": 25, "HOSP": 12, "POL": 12, "GP": 4, "AMB": 3, "RELAT": 11, "SELF": 3, "INT": 10,
    "LA": 4, "CIW": 2, "VOL": 4, "ADVO": 1, "INDH": 1, "FRND": 2, "NEIGH": 1, "HOUS": 3, "ANON": 1,
    "OTH": 1,
}  # fmt: skip


def _base_contacts(sim: _Sim) -> pd.DataFrame:
    rng = sim.rng
    person, day = sim.events(rate("contacts"), CONTACT_BY_AGE, 1.0)
    received = np.where(rng.random(person.size) < 0.9, working_day(day), day)
    n = person.size
    ctype = _pick(rng, {"IAA": 74, "REF": 17, "WEB": 3, "EIPD": 2, "INFO": 2, "MISD": 2}, n)
    source = _pick(rng, ADULT_SOURCES, n)
    p_assess = rate("contact_to_assessment") / (1 - rate("contact_to_assessment")) * 0.59
    outcome = _pick(
        rng,
        {"INFO": 0.17, "ADV": 0.28, "SIGN": 0.08, "NFA": 0.06, "ASSM": p_assess},
        n,
    )
    outcome[np.isin(ctype, ["WEB", "INFO", "MISD", "EIPD"])] = "SIGN"
    outcome[(ctype == "MISD") & (rng.random(n) < 0.5)] = "NFA"
    return _contacts(sim, person, received, contact_type=ctype, source=source, outcome=outcome)


def _assessments(
    sim: _Sim,
    person: np.ndarray,
    contact: np.ndarray,
    start: np.ndarray,
    *,
    kind: str | np.ndarray,
    requested_by: np.ndarray,
    outcome_weights: dict[str, float],
    circumstances_changed: bool = False,
) -> pd.DataFrame:
    rng = sim.rng
    n = person.size
    duration = np.clip(np.round(rng.lognormal(np.log(14), 0.6, n)), 1, 150).astype(np.int64)
    completed = add_working_days(start, duration)
    outcome = _pick(rng, outcome_weights, n)
    welsh = sim.language[person] == "CYM"
    offer = rng.random(n) < 0.78
    accepted = offer & (rng.random(n) < np.where(welsh, 0.65, 0.01))
    frame = pd.DataFrame(
        {
            "assessment_id": sim.new_ids("assessments", n),
            "assessment_process_id": np.full(n, np.nan),
            "person_id": person,
            "contact_id": contact,
            "assessment_type_code": np.broadcast_to(np.asarray(kind, dtype=object), (n,)).copy(),
            "start_date": start,
            "completed_date": completed,
            "outcome_code": outcome,
            "requested_by_code": requested_by,
            "circumstances_changed": np.full(n, circumstances_changed),
            "what_matters_conversation_held": rng.random(n) < 0.96,
            "five_elements_considered": rng.random(n) < 0.95,
            "welsh_active_offer_made": offer,
            "welsh_active_offer_accepted": accepted,
            "language_of_choice_used": rng.random(n) < np.where(welsh & ~accepted, 0.7, 0.98),
            "in_secure_estate": np.zeros(n, dtype=bool),
            "considers_needs_as_carer": np.zeros(n, dtype=bool),
        }
    )
    age = sim.age_years(person, start)
    secure = (age < 65) & (sim.gender[person] == "M") & (rng.random(n) < rate("secure_estate") * 3)
    frame["in_secure_estate"] = secure & (frame["assessment_type_code"] == "ADULT").to_numpy()
    # Multi-stage processes: a first stage concluding "more comprehensive assessment required".
    multi = np.flatnonzero(rng.random(n) < rate("multi_stage_assessment"))
    if multi.size:
        first = frame.iloc[multi].copy()
        split = np.maximum(1, (duration[multi] * rng.uniform(0.3, 0.6, multi.size)).astype(np.int64))
        first["completed_date"] = add_working_days(first["start_date"].to_numpy(), split)
        first["outcome_code"] = "NAET2"
        process = sim.new_ids("assessment_processes", multi.size)
        first["assessment_process_id"] = process
        frame.loc[frame.index[multi], "assessment_process_id"] = process
        frame.loc[frame.index[multi], "start_date"] = first["completed_date"].to_numpy()
        first["assessment_id"] = sim.new_ids("assessments", multi.size)
        frame = pd.concat([first, frame], ignore_index=True)
    return frame


ADULT_OUTCOMES = {
    "NAET1": 6, "NAET3": 8, "NAET4": 11, "NAET5": 8, "NAET6": 6, "NAET7": 53, "NAET8P": 3,
    "NAET8O": 3, "NAET8N": 2,
}  # fmt: skip
CARER_OUTCOMES = {"NAET1": 12, "NAET3": 20, "NAET4": 14, "NAET5": 8, "NAET6": 6, "NAET7": 40}
PLAN_NEEDED = ["NAET7", "NAET8P"]
NO_PLAN = ["NAET1", "NAET3", "NAET4", "NAET5", "NAET6", "NAET8O", "NAET8N"]


def _assess_contacts(sim: _Sim, contacts: pd.DataFrame) -> pd.DataFrame:
    rng = sim.rng
    go = contacts[(contacts["outcome_code"] == "ASSM") & contacts["decision_date"].notna()]
    go = go[rng.random(len(go)) < rate("assessment_undertaken")]
    n = len(go)
    start = add_working_days(go["decision_date"].to_numpy(), np.minimum(_geometric_days(rng, 6, n), 60))
    source = go["contact_source_code"].to_numpy()
    requested = np.where(
        source == "SELF", "SELF", np.where(np.isin(source, ["RELAT", "FRND", "NEIGH"]), "FAMILY", "PROF")
    ).astype(object)
    return _assessments(
        sim,
        go["person_id"].to_numpy(),
        go["contact_id"].to_numpy().astype(float),
        start,
        kind="ADULT",
        requested_by=requested,
        outcome_weights=ADULT_OUTCOMES,
    )


def _repeat_contacts(sim: _Sim, assessments: pd.DataFrame) -> pd.DataFrame:
    """People assessed with no plan who come back (themselves or family) within the year."""
    rng = sim.rng
    done = assessments[assessments["outcome_code"].isin(NO_PLAN) & assessments["completed_date"].notna()]
    done = done[rng.random(len(done)) < rate("repeat_assessment")]
    day = done["completed_date"].to_numpy() + rng.integers(30, 330, len(done))
    received = working_day(day)
    n = len(done)
    source = np.where(rng.random(n) < 0.5, "SELF", "RELAT").astype(object)
    return _contacts(
        sim,
        done["person_id"].to_numpy(),
        received,
        contact_type=np.full(n, "IAA", dtype=object),
        source=source,
        outcome=np.full(n, "ASSM", dtype=object),
    )


# ---------------------------------------------------------------------------------------------
# Safeguarding
# ---------------------------------------------------------------------------------------------
CATEGORY_FLAG = {
    "NEG": "neglect_alleged",
    "PHYS": "physical_abuse_alleged",
    "SEX": "sexual_abuse_alleged",
    "EMOT": "emotional_abuse_alleged",
    "FIN": "financial_abuse_alleged",
    "DOM": "other_abuse_alleged",
    "OTH": "other_abuse_alleged",
}


def _safeguarding(
    sim: _Sim,
) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame, pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Reports (and their contacts), enquiries, alleged perpetrators, meetings and investigations."""
    rng = sim.rng
    person, day = sim.events(rate("safeguarding_reports"), SAFEGUARDING_BY_AGE, 0.6)
    n = person.size
    received = np.where(rng.random(n) < 0.85, working_day(day), day)
    decision_date = add_working_days(received, rng.choice([0, 1, 2, 3], size=n, p=[0.45, 0.35, 0.15, 0.05]))
    decision = _pick(
        rng,
        {"S126": rate("s126_decision"), "IAA": 0.21, "NFA": 0.14, "POL": 0.03},
        n,
    )
    source = _pick(rng, REPORT_SOURCES, n)
    category = _pick(rng, {"NEG": 30, "PHYS": 22, "EMOT": 15, "FIN": 18, "SEX": 4, "DOM": 6, "OTH": 5}, n)
    reports = pd.DataFrame(
        {
            "report_id": sim.new_ids("reports", n),
            "person_id": person,
            "contact_id": np.full(n, np.nan),
            "received_date": received,
            "report_source_code": source,
            "primary_abuse_category_code": category,
            "decision_date": decision_date,
            "decision_code": decision,
        }
    )
    for flag in dict.fromkeys(CATEGORY_FLAG.values()):
        primary = np.isin(category, [c for c, f in CATEGORY_FLAG.items() if f == flag])
        reports[flag] = primary | (rng.random(n) < 0.08)
    # Most reports arrive as a safeguarding contact to the IAA service.
    via = np.flatnonzero(rng.random(n) < 0.78)
    contacts = _contacts(
        sim,
        person[via],
        received[via],
        contact_type=np.full(via.size, "SAFE", dtype=object),
        source=source[via],
        outcome=np.where(decision[via] == "IAA", "ASSM", "SAFE").astype(object),
        safeguarding=True,
        decision=decision_date[via],
    )
    reports.loc[reports.index[via], "contact_id"] = contacts["contact_id"].to_numpy()

    # Section 126 enquiries (and formal police investigations held as enquiry forms).
    police = (decision == "POL") & (rng.random(n) < 0.5)
    rows = np.flatnonzero((decision == "S126") | police)
    m = rows.size
    within = rng.random(m) < rate("enquiry_within_7_days")
    k = np.where(within, rng.integers(0, 8, m), rng.integers(8, 45, m))
    completed = np.fmax(add_working_days(received[rows], k), decision_date[rows])
    outcome = _pick(rng, {"IMMP": 5, "ARAN": 30, "NARCS": 35, "NARNFA": 30}, m)
    action = np.isin(outcome, ["IMMP", "ARAN"]) | ((outcome == "NARCS") & (rng.random(m) < 0.3))
    place = _pick(rng, {"own": 55, "community": 10, "care": 20, "health": 8, "other": 7}, m)
    second = rng.random(m) < 0.08
    criminal = rng.random(m) < 0.08
    crim_start = np.where(criminal, completed + rng.integers(0, 15, m), np.nan)
    non_criminal = rng.random(m) < 0.06
    nc_start = np.where(non_criminal, completed + rng.integers(0, 15, m), np.nan)
    enquiries = pd.DataFrame(
        {
            "enquiry_id": sim.new_ids("enquiries", m),
            "report_id": reports["report_id"].to_numpy()[rows],
            "person_id": person[rows],
            "start_date": decision_date[rows],
            "completed_date": completed,
            "made_by_code": _pick(rng, {"LA": 90, "PART": 10}, m),
            "formal_police_investigation": police[rows],
            "outcome_code": outcome,
            "further_action_required": action,
            "adult_refused_action": action & (rng.random(m) < 0.08),
            "protection_plan_id": np.full(m, np.nan),
            "place_own_home": (place == "own") | (second & (place != "own")),
            "place_community": place == "community",
            "place_care_home": place == "care",
            "place_health_setting": place == "health",
            "place_other": place == "other",
            "criminal_investigation_start_date": crim_start,
            "criminal_investigation_concluded_date": crim_start + rng.integers(20, 400, m),
            "non_criminal_investigation_start_date": nc_start,
            "non_criminal_investigation_concluded_date": nc_start + rng.integers(10, 200, m),
        }
    )
    police_rows = enquiries["formal_police_investigation"].to_numpy()
    enquiries.loc[police_rows, ["outcome_code"]] = np.nan
    enquiries.loc[police_rows, ["further_action_required", "adult_refused_action"]] = False
    real = enquiries[~police_rows]

    # Alleged perpetrators: one row each, several for some enquiries.
    count = 1 + (rng.random(len(real)) < 0.18) + (rng.random(len(real)) < 0.05)
    enquiry = np.repeat(real["enquiry_id"].to_numpy(), count)
    perpetrators = pd.DataFrame(
        {
            "alleged_perpetrator_id": sim.new_ids("perpetrators", enquiry.size),
            "enquiry_id": enquiry,
            "relationship_code": _pick(
                rng,
                {"SPOU": 9, "PART": 5, "SON": 12, "DAU": 8, "FAM": 12, "PROF": 25, "VOL": 1, "FRND": 4,
                 "NEIGH": 3, "SU": 8, "OTH": 5, "NK": 8},
                enquiry.size,
            ),
        }
    )  # fmt: skip

    # Strategy meetings or discussions, case conferences and review conferences.
    parts = []
    strat = real[rng.random(len(real)) < rate("strategy_meeting")]
    parts.append((strat, add_working_days(strat["start_date"].to_numpy(), rng.integers(0, 6, len(strat))),
                  _pick(rng, {"STRM": 35, "STRD": 65}, len(strat))))  # fmt: skip
    conf = real[rng.random(len(real)) < rate("case_conference")]
    conf_day = add_working_days(conf["start_date"].to_numpy(), rng.integers(10, 31, len(conf)))
    parts.append((conf, conf_day, np.full(len(conf), "APCC", dtype=object)))
    review = rng.random(len(conf)) < 0.5
    parts.append(
        (conf[review], add_working_days(conf_day[review], rng.integers(55, 70, review.sum())),
         np.full(review.sum(), "APCR", dtype=object))
    )  # fmt: skip
    meetings = pd.concat(
        [
            pd.DataFrame(
                {
                    "person_id": frame["person_id"].to_numpy(),
                    "report_id": frame["report_id"].to_numpy(),
                    "enquiry_id": frame["enquiry_id"].to_numpy(),
                    "meeting_type_code": kind,
                    "held_date": held,
                }
            )
            for frame, held, kind in parts
        ],
        ignore_index=True,
    )
    meetings.insert(0, "meeting_id", sim.new_ids("meetings", len(meetings)))
    investigations = _investigations(sim, reports, enquiries)
    enquiries = enquiries.drop(columns=INVESTIGATION_COLUMNS)
    reports = pd.concat([reports, _repeat_reports(sim, reports)], ignore_index=True)
    return reports, contacts, enquiries, perpetrators, meetings, investigations


def _repeat_reports(sim: _Sim, reports: pd.DataFrame) -> pd.DataFrame:
    """Second reports about an adult whose case is open, from their own random stream.

    Another professional or relative reports the same adult 10-200 days later, usually for the same
    category (AS/002); the report is linked to the open case (information, advice or no further
    action), so it has no contact, enquiry or meeting of its own and no other file changes.
    """
    rng = sim.chunk.rng("adult_repeat_reports")
    first = reports[rng.random(len(reports)) < rate("repeat_report")]
    n = len(first)
    person = first["person_id"].to_numpy(dtype=np.int64)
    day = first["received_date"].to_numpy() + rng.integers(10, 201, n)
    keep = day <= sim.window_end[person]
    first, person, day = first[keep], person[keep], day[keep]
    n = len(first)
    same = rng.random(n) < 0.7
    category = np.where(
        same,
        first["primary_abuse_category_code"].to_numpy(),
        _pick(rng, {"NEG": 30, "PHYS": 22, "EMOT": 15, "FIN": 18, "SEX": 4, "DOM": 6, "OTH": 5}, n),
    )
    received = working_day(day)
    recorded = rng.random(n) < rate("report_ethnicity_recorded")
    repeat = pd.DataFrame(
        {
            "report_id": sim.new_ids("reports", n),
            "person_id": person,
            "contact_id": np.full(n, np.nan),
            "received_date": received,
            "report_source_code": _pick(rng, REPORT_SOURCES, n),
            "primary_abuse_category_code": category,
            "decision_date": add_working_days(received, rng.integers(0, 3, n)),
            "decision_code": _pick(rng, {"IAA": 40, "NFA": 60}, n),
            "ethnicity_code": np.where(recorded, sim.ethnicity[person], None),
        }
    )
    for flag in dict.fromkeys(CATEGORY_FLAG.values()):
        primary = np.isin(category, [c for c, f in CATEGORY_FLAG.items() if f == flag])
        repeat[flag] = primary | (rng.random(n) < 0.08)
    return repeat


INVESTIGATION_COLUMNS = [
    "criminal_investigation_start_date",
    "criminal_investigation_concluded_date",
    "non_criminal_investigation_start_date",
    "non_criminal_investigation_concluded_date",
]


def _investigations(sim: _Sim, reports: pd.DataFrame, enquiries: pd.DataFrame) -> pd.DataFrame:
    """Criminal and non-criminal investigations (AS/006) as their own records, and report ethnicity.

    Drawn from a random stream of their own ("adult_investigations"), so every other file keeps its
    rows: the investigations that follow an enquiry (dates drawn with the enquiries, as before), a
    police investigation for most reports referred straight to the police (no section 126 enquiry),
    and, for some non-criminal investigations stopped when a criminal matter came to light, the
    police investigation that follows the same enquiry. Reports also get the ethnicity recorded on
    the report form (AS/004a) for most of them, from the same stream.
    """
    rng = sim.chunk.rng("adult_investigations")
    n = len(reports)
    person = reports["person_id"].to_numpy(dtype=np.int64)
    recorded = rng.random(n) < rate("report_ethnicity_recorded")
    ethnicity = sim.ethnicity[person].copy()
    unknown = recorded & (rng.random(n) < 0.03)  # asked again at the report: not obtained
    ethnicity[unknown] = "NOBT"
    reports["ethnicity_code"] = np.where(recorded, ethnicity, None)

    parts = []
    for kind, start, end in (
        ("CRIM", "criminal_investigation_start_date", "criminal_investigation_concluded_date"),
        ("NONC", "non_criminal_investigation_start_date", "non_criminal_investigation_concluded_date"),
    ):
        rows = enquiries[enquiries[start].notna()]
        parts.append(
            pd.DataFrame(
                {
                    "person_id": rows["person_id"].to_numpy(),
                    "report_id": rows["report_id"].to_numpy(),
                    "enquiry_id": rows["enquiry_id"].to_numpy(),
                    "investigation_type_code": kind,
                    "start_date": rows[start].to_numpy(),
                    "concluded_date": rows[end].to_numpy(),
                    "stopped_for_criminal_matter": False,
                }
            )
        )
    non_criminal = parts[1]
    stopped = rng.random(len(non_criminal)) < rate("non_criminal_stopped")
    non_criminal["stopped_for_criminal_matter"] = stopped
    follow = non_criminal[stopped]
    follow_start = follow["concluded_date"].to_numpy()
    parts.append(
        pd.DataFrame(
            {
                "person_id": follow["person_id"].to_numpy(),
                "report_id": follow["report_id"].to_numpy(),
                "enquiry_id": follow["enquiry_id"].to_numpy(),
                "investigation_type_code": "CRIM",
                "start_date": follow_start,
                "concluded_date": follow_start + rng.integers(30, 300, len(follow)),
                "stopped_for_criminal_matter": False,
            }
        )
    )
    police = reports[(reports["decision_code"] == "POL").to_numpy()]
    police = police[rng.random(len(police)) < rate("police_referral_investigated")]
    police_start = add_working_days(police["decision_date"].to_numpy(), rng.integers(0, 6, len(police)))
    parts.append(
        pd.DataFrame(
            {
                "person_id": police["person_id"].to_numpy(),
                "report_id": police["report_id"].to_numpy(),
                "enquiry_id": np.full(len(police), np.nan),
                "investigation_type_code": "CRIM",
                "start_date": police_start,
                "concluded_date": police_start + rng.integers(20, 400, len(police)),
                "stopped_for_criminal_matter": False,
            }
        )
    )
    investigations = pd.concat(parts, ignore_index=True)
    investigations.insert(0, "investigation_id", sim.new_ids("investigations", len(investigations)))
    return investigations


# ---------------------------------------------------------------------------------------------
# Carers
# ---------------------------------------------------------------------------------------------
def _carers(sim: _Sim, assessments: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Caring relationships, offers of a carer's assessment and the carers' contacts."""
    rng = sim.rng
    adult = assessments[
        (assessments["assessment_type_code"] == "ADULT") & assessments["completed_date"].notna()
    ]
    adult = adult.drop_duplicates("person_id")
    plan = adult["outcome_code"].isin(PLAN_NEEDED).to_numpy()
    chosen = adult[rng.random(len(adult)) < np.where(plan, rate("carer_for_plan"), rate("carer_for_other"))]
    cared = chosen["person_id"].to_numpy()
    anchor = chosen["completed_date"].to_numpy()
    n = cared.size
    age = sim.age_years(cared, anchor)
    older = age >= 65
    relation = np.where(
        older,
        _pick(rng, {"SPOU": 44, "CHILD": 44, "OREL": 6, "FRND": 6}, n),
        _pick(rng, {"PAR": 45, "SPOU": 30, "SIB": 10, "CHILD": 5, "FRND": 5, "OTH": 5}, n),
    ).astype(object)
    relation[(relation == "CHILD") & (age < 45)] = "SPOU"
    offset = {"SPOU": (-6, 6), "CHILD": (24, 36), "PAR": (-36, -24), "SIB": (-8, 8), "OREL": (20, 40),
              "FRND": (-10, 10), "OTH": (-15, 15)}  # fmt: skip
    low = pd.Series(relation).map({k: v[0] for k, v in offset.items()}).to_numpy(dtype=float)
    high = pd.Series(relation).map({k: v[1] for k, v in offset.items()}).to_numpy(dtype=float)
    target = sim.dob[cared] + (low + rng.random(n) * (high - low)) * 365.25
    order = np.argsort(sim.dob)
    sorted_dob = sim.dob[order]
    at = np.clip(np.searchsorted(sorted_dob, target), 0, sim.n - 1)
    carer = order[at]
    same = carer == cared
    carer[same] = order[np.clip(np.where(at[same] > 0, at[same] - 1, at[same] + 1), 0, sim.n - 1)]
    start = np.floor(anchor - rng.random(n) * 5 * 365.25)
    start = np.fmax(start, sim.adult[carer])
    keep = (start <= anchor) & (carer != cared)
    relationships = pd.DataFrame(
        {
            "carer_relationship_id": sim.new_ids("relationships", n),
            "carer_person_id": carer,
            "cared_for_person_id": cared,
            "relationship_code": relation,
            "start_date": start,
            "end_date": np.full(n, np.nan),
            "main_carer": rng.random(n) < 0.85,
            "lives_with_cared_for": np.isin(relation, ["SPOU"]) | (rng.random(n) < 0.25),
            "_anchor": anchor,
        }
    )[keep]

    # Offers: proactive at the cared-for person's assessment, or after the carer's own contact.
    rel = relationships[rng.random(len(relationships)) < 0.85]
    m = len(rel)
    via_contact = rng.random(m) < 0.4
    outcome = _pick(
        rng,
        {"ACC": rate("carer_offer_accepted"), "REF": rate("carer_offer_refused"), "NR": 0.10},
        m,
    )
    carer_person = rel["carer_person_id"].to_numpy()
    anchor = rel["_anchor"].to_numpy()
    contact_day = working_day(anchor + rng.integers(0, 120, m))
    contacts = _contacts(
        sim,
        carer_person[via_contact],
        contact_day[via_contact],
        contact_type=np.full(via_contact.sum(), "IAA", dtype=object),
        source=np.where(rng.random(via_contact.sum()) < 0.8, "SELF", "RELAT").astype(object),
        outcome=np.where(outcome[via_contact] == "ACC", "ASSM", "ADV").astype(object),
        carer=True,
    )
    contact_decision = np.full(m, np.nan)
    contact_decision[via_contact] = contacts["decision_date"].to_numpy()
    contact_id = np.full(m, np.nan)
    contact_id[via_contact] = contacts["contact_id"].to_numpy()
    offered = np.where(via_contact, contact_decision, working_day(anchor))
    outcome_date = add_working_days(offered, rng.integers(0, 11, m))
    offers = pd.DataFrame(
        {
            "offer_id": sim.new_ids("offers", m),
            "person_id": carer_person,
            "contact_id": contact_id,
            "offered_date": offered,
            "offer_route_code": np.where(via_contact, "IAA", "PRO").astype(object),
            "outcome_code": outcome,
            "outcome_date": outcome_date,
            "_cared_for": rel["cared_for_person_id"].to_numpy(),
        }
    )
    return relationships, offers, contacts


def _carer_assessments(sim: _Sim, offers: pd.DataFrame) -> pd.DataFrame:
    rng = sim.rng
    go = offers[(offers["outcome_code"] == "ACC") & offers["outcome_date"].notna()]
    n = len(go)
    start = add_working_days(go["outcome_date"].to_numpy(), rng.integers(0, 11, n))
    weights = dict(CARER_OUTCOMES)
    weights["NAET7"] = rate("carer_support_plan") * 100
    frame = _assessments(
        sim,
        go["person_id"].to_numpy(),
        go["contact_id"].to_numpy(),
        start,
        kind="CARER",
        requested_by=np.full(n, "SELF", dtype=object),
        outcome_weights=weights,
    )
    cared = dict(zip(go["person_id"].to_numpy(), go["_cared_for"].to_numpy(), strict=False))
    frame["_cared_for"] = frame["person_id"].map(cared)
    return frame


# ---------------------------------------------------------------------------------------------
# Plans
# ---------------------------------------------------------------------------------------------
def _plans(sim: _Sim, assessments: pd.DataFrame, enquiries: pd.DataFrame) -> pd.DataFrame:
    rng = sim.rng
    done = assessments[
        assessments["outcome_code"].isin(PLAN_NEEDED)
        & assessments["completed_date"].notna()
        & assessments["assessment_type_code"].isin(["ADULT", "CARER"])
    ]
    n = len(done)
    plan_lag = np.minimum(_geometric_days(rng, 4, n), 30)
    from_assessment = pd.DataFrame(
        {
            "person_id": done["person_id"].to_numpy(),
            "plan_type_code": np.where(done["assessment_type_code"] == "CARER", "CSUP", "CSP").astype(object),
            "start_date": add_working_days(done["completed_date"].to_numpy(), plan_lag),
            "protects_from_abuse_or_neglect": np.zeros(n, dtype=bool),
            "_contact": done["contact_id"].to_numpy(),
            "_enquiry": np.full(n, np.nan),
            "_cared_for": done["_cared_for"].to_numpy() if "_cared_for" in done else np.full(n, np.nan),
        }
    )  # fmt: skip
    need = enquiries[enquiries["outcome_code"].isin(["IMMP", "ARAN"]) & enquiries["completed_date"].notna()]
    need = need[rng.random(len(need)) < rate("protection_plan")]
    m = len(need)
    protection = pd.DataFrame(
        {
            "person_id": need["person_id"].to_numpy(),
            "plan_type_code": np.full(m, "CSP", dtype=object),
            "start_date": add_working_days(need["completed_date"].to_numpy(), rng.integers(0, 11, m)),
            "protects_from_abuse_or_neglect": np.ones(m, dtype=bool),
            "_contact": np.full(m, np.nan),
            "_enquiry": need["enquiry_id"].to_numpy().astype(float),
            "_cared_for": np.full(m, np.nan),
        }
    )
    # Plans already open at the start of the history (their assessments predate the extract).
    years = np.maximum(DAY_H - np.fmax(LEGACY_START, sim.adult), 0) / 365.25
    weight = CONTACT_BY_AGE[sim.band] * sim.frailty
    expected = rate("legacy_plans") * sim.n / 1000
    pick = rng.random(sim.n) < np.minimum(expected * weight / weight.sum(), 1.0) * (years > 0)
    legacy_person = np.flatnonzero(pick)
    k = legacy_person.size
    legacy_start = np.fmax(LEGACY_START, sim.adult[legacy_person])
    legacy = pd.DataFrame(
        {
            "person_id": legacy_person,
            "plan_type_code": np.full(k, "CSP", dtype=object),
            "start_date": working_day(np.floor(legacy_start + rng.random(k) * (DAY_H - 1 - legacy_start))),
            "protects_from_abuse_or_neglect": np.zeros(k, dtype=bool),
            "_contact": np.full(k, np.nan),
            "_enquiry": np.full(k, np.nan),
            "_cared_for": np.full(k, np.nan),
        }
    )
    plans = pd.concat([legacy, from_assessment, protection], ignore_index=True)
    n = len(plans)
    person = plans["person_id"].to_numpy()
    start = plans["start_date"].to_numpy()
    age = sim.age_years(person, start)
    carer_plan = plans["plan_type_code"].to_numpy() == "CSUP"
    mean_years = np.where(carer_plan, 2.0, np.where(age < 65, 6.0, np.where(age < 85, 3.5, 2.5)))
    natural_end = np.floor(start + rng.exponential(mean_years * 365.25))
    refused = ~carer_plan & (rng.random(n) < rate("plan_refused"))
    natural_end[refused] = start[refused] + rng.integers(0, 20, refused.sum())
    reason = _pick(rng, {"NEED": 60, "MOVE": 12, "OTH": 13, "TRAN": 15}, n)
    reason[refused] = "OTH"
    plans["end_date"] = natural_end
    plans["end_reason_code"] = reason
    plans["refused"] = refused
    # One open plan of a kind per person: a new plan replaces the previous one.
    plans["_group"] = carer_plan
    plans = plans.sort_values(["person_id", "_group", "start_date"], kind="stable").reset_index(drop=True)
    same = (plans["person_id"].shift(-1) == plans["person_id"]) & (
        plans["_group"].shift(-1) == plans["_group"]
    )
    next_start = plans["start_date"].shift(-1).where(same)
    dup = next_start == plans["start_date"]
    plans = plans[~dup.to_numpy()].reset_index(drop=True)
    same = (plans["person_id"].shift(-1) == plans["person_id"]) & (
        plans["_group"].shift(-1) == plans["_group"]
    )
    next_start = plans["start_date"].shift(-1).where(same).to_numpy()
    cut = next_start - 1 < plans["end_date"].to_numpy()
    plans.loc[cut, "end_date"] = next_start[cut] - 1
    plans.loc[cut, "end_reason_code"] = "TRAN"
    plans.loc[plans["end_date"] < plans["start_date"], "end_date"] = plans["start_date"]
    n = len(plans)
    person = plans["person_id"].to_numpy()
    age = sim.age_years(person, plans["start_date"].to_numpy())
    carer_plan = plans["_group"].to_numpy()
    refused = plans["refused"].to_numpy()
    young = age < 65
    plans["plan_id"] = sim.new_ids("plans", n)
    plans["has_direct_payment"] = ~refused & (
        rng.random(n)
        < np.where(
            carer_plan, 0.10, np.where(young, rate("direct_payment_under_65"), rate("direct_payment_65_plus"))
        )
    )
    ctp = ~carer_plan & (rng.random(n) < np.where(young, rate("care_and_treatment_under_65"), 0.01))
    plans["is_care_and_treatment_plan"] = ctp
    plans["social_services_responsible"] = pd.Series(rng.random(n) < 0.75, dtype="boolean").where(ctp)
    plans["commissioned_third_party_plan"] = ~refused & (rng.random(n) < rate("plan_commissioned"))
    plans["includes_needs_as_carer"] = False
    return plans


def _joint_plans(plans: pd.DataFrame) -> pd.Series:
    """For each carer's support plan, the cared-for person's latest care and support plan."""
    carer = plans[plans["plan_type_code"] == "CSUP"][["plan_id", "start_date", "_cared_for"]].dropna(
        subset=["_cared_for"]
    )
    csp = plans[plans["plan_type_code"] == "CSP"][["plan_id", "person_id", "start_date"]]
    if carer.empty or csp.empty:
        return pd.Series(np.nan, index=plans.index)
    left = carer.assign(_cared_for=carer["_cared_for"].astype(np.int64)).sort_values("start_date")
    right = csp.rename(columns={"plan_id": "joint", "person_id": "_cared_for", "start_date": "csp_start"})
    right = right.sort_values("csp_start")
    joined = pd.merge_asof(
        left, right, left_on="start_date", right_on="csp_start", by="_cared_for", direction="backward"
    )
    mapping = dict(zip(joined["plan_id"], joined["joint"], strict=False))
    return plans["plan_id"].map(mapping)


# ---------------------------------------------------------------------------------------------
# Services
# ---------------------------------------------------------------------------------------------
SERVICES_UNDER_65 = {
    "HC": 16, "DOMS": 6, "DAYC": 6, "DAYO": 10, "RESP": 5, "SBRK": 2, "SL": 5, "SUPL": 14,
    "RESIN": 3, "NURS": 1, "MEALS": 1, "TELE": 10, "EQUIP": 10, "OTH": 5,
}  # fmt: skip
SERVICES_65_84 = {
    "HC": 34, "DOMS": 6, "DAYC": 7, "RESP": 5, "SBRK": 2, "RESLA": 3, "RESIN": 8, "NURS": 5,
    "TEMPRES": 2, "MEALS": 3, "LAUND": 1, "TELE": 14, "EQUIP": 8, "OTH": 2,
}  # fmt: skip
SERVICES_85_PLUS = {
    "HC": 36, "DOMS": 4, "DAYC": 5, "RESP": 5, "SBRK": 1, "RESLA": 4, "RESIN": 13, "NURS": 10,
    "TEMPRES": 3, "MEALS": 3, "LAUND": 1, "TELE": 11, "EQUIP": 4,
}  # fmt: skip
SERVICES_CARER = {"CARSUP": 50, "RESP": 15, "SBRK": 15, "DP": 10, "OTH": 10}
MEAN_DAYS = {
    "HC": 500, "DOMS": 400, "DAYC": 700, "DAYO": 900, "RESP": 14, "SBRK": 120, "SL": 1200,
    "SUPL": 1500, "DP": 1400, "RESLA": 900, "RESIN": 900, "NURS": 600, "TEMPRES": 45, "MEALS": 500,
    "LAUND": 500, "TELE": 1200, "EQUIP": 1500, "CARSUP": 365, "OTH": 300,
}  # fmt: skip
CHARGE = {
    "HC": "MT", "DOMS": "MT", "DAYC": "MT", "DAYO": "MT", "RESP": "MT", "SBRK": "MT", "SL": "MT",
    "SUPL": "MT", "DP": "DPC", "RESLA": "MT", "RESIN": "MT", "NURS": "MT", "TEMPRES": "MT",
    "MEALS": "FLAT", "LAUND": "FLAT", "TELE": "FLAT", "EQUIP": "NONE", "CARSUP": "NONE", "OTH": "NONE",
}  # fmt: skip
HOURS = {"HC": 9.0, "DOMS": 6.0, "SUPL": 40.0, "SBRK": 4.0}
RESIDENTIAL = ["RESLA", "RESIN", "NURS", "TEMPRES"]
PLAN_TO_SERVICE_END = {"NEED": "NLN", "MOVE": "MOVE", "OTH": "OTH", "TRAN": "CHG", "DIED": "DIED"}


def _services(sim: _Sim, plans: pd.DataFrame) -> pd.DataFrame:
    rng = sim.rng
    active = plans[~plans["refused"] & ~plans["commissioned_third_party_plan"]]
    plan_end = active["end_date"].to_numpy()
    length = np.fmin(plan_end, DAY_E) - active["start_date"].to_numpy()
    count = (
        1 + np.minimum(rng.poisson(0.5, len(active)), 3) + rng.poisson(np.maximum(length, 0) / 365.25 * 0.3)
    )
    idx = np.repeat(np.arange(len(active)), count)
    first = np.r_[True, idx[1:] != idx[:-1]] if idx.size else np.zeros(0, dtype=bool)
    n = idx.size
    plan = active.iloc[idx]
    person = plan["person_id"].to_numpy()
    p_start = plan["start_date"].to_numpy()
    p_end = plan["end_date"].to_numpy()
    age = sim.age_years(person, p_start)
    carer_plan = plan["plan_type_code"].to_numpy() == "CSUP"
    kind = np.where(
        carer_plan,
        _pick(rng, SERVICES_CARER, n),
        np.where(age < 65, _pick(rng, SERVICES_UNDER_65, n),
                 np.where(age < 85, _pick(rng, SERVICES_65_84, n), _pick(rng, SERVICES_85_PLUS, n))),
    ).astype(object)  # fmt: skip
    kind[carer_plan & (kind == "DP")] = "CARSUP"
    dp = plan["has_direct_payment"].to_numpy() & first
    kind[dp] = "DP"
    later_span = np.maximum(np.fmin(p_end, DAY_E + 200) - p_start, 0)
    identified = np.where(first, p_start, np.floor(p_start + rng.random(n) * later_span))
    identified = working_day(identified)
    scheduled = np.where(rng.random(n) < 0.8, identified + _geometric_days(rng, 6, n), np.nan)
    waiting_long = np.isin(kind, ["HC", "DOMS"])
    wait = np.where(
        rng.random(n) < 0.55,
        0,
        _geometric_days(rng, 1, n)
        + np.where(waiting_long, _geometric_days(rng, 18, n), _geometric_days(rng, 7, n)),
    )
    start = np.fmax(scheduled, identified) + wait
    keep = (identified <= p_end) & (start <= p_end)
    mean = pd.Series(kind).map(MEAN_DAYS).to_numpy(dtype=float)
    end = np.floor(start + 1 + rng.exponential(mean))
    reason = _pick(rng, {"NLN": 45, "CHG": 15, "HOSP": 10, "RESI": 10, "DECL": 5, "OTH": 15}, n)
    reason[np.isin(kind, RESIDENTIAL) & (reason == "RESI")] = "NLN"
    reason[np.isin(kind, ["RESP", "TEMPRES"])] = "NLN"
    by_plan = end >= p_end
    end = np.where(by_plan, p_end, end)
    reason = np.where(
        by_plan, pd.Series(plan["end_reason_code"].to_numpy()).map(PLAN_TO_SERVICE_END).to_numpy(), reason
    )
    is_dp = kind == "DP"
    first_payment = np.where(is_dp, start + rng.integers(0, 15, n), np.nan)
    first_payment = np.where(first_payment > end, end, first_payment)
    hours = pd.Series(kind).map(HOURS).to_numpy(dtype=float)
    hours = np.round(hours * rng.gamma(4.0, 0.25, n) * 2) / 2
    hours = np.where(hours <= 0, 0.5, hours)
    charge = pd.Series(kind).map(CHARGE).to_numpy(dtype=object)
    charge[carer_plan] = "NONE"
    services = pd.DataFrame(
        {
            "person_id": person,
            "plan_id": plan["plan_id"].to_numpy().astype(float),
            "service_type_code": kind,
            "needs_identified_date": identified,
            "scheduled_start_date": scheduled,
            "start_date": start,
            "end_date": end,
            "end_reason_code": reason,
            "change_to_existing_service": np.zeros(n, dtype=bool),
            "replaces_service_id": np.full(n, np.nan),
            "bridging_service": np.zeros(n, dtype=bool),
            "bridging_like_for_like": np.zeros(n, dtype=bool),
            "first_payment_date": first_payment,
            "charge_basis_code": charge,
            "weekly_hours": hours,
        }
    )[keep]
    services.insert(0, "service_id", sim.new_ids("services", len(services)).astype(float))
    # Changes to an existing home-care package (more or fewer hours): a new row replacing the old.
    home = services[np.isin(services["service_type_code"], ["HC", "DOMS"]).astype(bool)]
    home = home[rng.random(len(home)) < 0.12]
    span = np.fmin(home["end_date"].to_numpy(), DAY_E) - home["start_date"].to_numpy()
    home = home[span > 30]
    span = span[span > 30]
    change = np.floor(home["start_date"].to_numpy() + 15 + rng.random(len(home)) * (span - 15))
    changed = home.copy()
    changed["service_id"] = sim.new_ids("services", len(home)).astype(float)
    changed["replaces_service_id"] = home["service_id"].to_numpy()
    changed["change_to_existing_service"] = True
    changed["needs_identified_date"] = change - rng.integers(0, 10, len(home))
    changed["scheduled_start_date"] = change
    changed["start_date"] = change
    changed["weekly_hours"] = np.maximum(
        0.5, home["weekly_hours"].to_numpy() + rng.choice([-3, -2, 2, 3, 5], len(home))
    )
    services.loc[home.index, "end_date"] = change - 1
    services.loc[home.index, "end_reason_code"] = "CHG"
    # Bridging services while waiting more than two weeks for home care.
    waited = services[
        np.isin(services["service_type_code"], ["HC"]).astype(bool)
        & ~services["change_to_existing_service"]
        & (services["start_date"] - services["needs_identified_date"] > 14)
    ]
    waited = waited[rng.random(len(waited)) < 0.3]
    bridge = waited.copy()
    bridge["service_id"] = sim.new_ids("services", len(bridge)).astype(float)
    bridge["service_type_code"] = np.where(rng.random(len(bridge)) < 0.5, "HC", "DOMS").astype(object)
    bridge["bridging_service"] = True
    bridge["bridging_like_for_like"] = bridge["service_type_code"] == "HC"
    bridge["scheduled_start_date"] = np.nan
    bridge["start_date"] = waited["needs_identified_date"].to_numpy() + rng.integers(1, 5, len(bridge))
    bridge["end_date"] = waited["start_date"].to_numpy() - 1
    bridge["end_reason_code"] = "CHG"
    bridge = bridge[bridge["end_date"] >= bridge["start_date"]]
    return pd.concat([services, changed, bridge], ignore_index=True)


# ---------------------------------------------------------------------------------------------
# Reviews
# ---------------------------------------------------------------------------------------------
def _reviews(sim: _Sim, plans: pd.DataFrame) -> pd.DataFrame:
    rng = sim.rng
    active = plans[~plans["refused"] & ~plans["commissioned_third_party_plan"]]
    start = active["start_date"].to_numpy()
    close = np.fmin(active["end_date"].to_numpy(), DAY_E)
    first_gap = np.where(active["has_direct_payment"].to_numpy(), 182.0, 91.0)
    cycles = np.where(
        close - start > first_gap, 1 + np.floor((close - start - first_gap) / 365.25), 0
    ).astype(np.int64)
    idx = np.repeat(np.arange(len(active)), cycles)
    k = np.arange(idx.size) - np.repeat(np.cumsum(cycles) - cycles, cycles)
    due = np.floor(start[idx] + first_gap[idx] + k * 365.25)
    held = rng.random(idx.size) < rate("review_held")
    late = np.where(
        rng.random(idx.size) < 0.8, rng.integers(-30, 20, idx.size), rng.integers(20, 120, idx.size)
    )
    review_date = working_day(due + late)
    scheduled = pd.DataFrame(
        {
            "plan_row": idx,
            "due_date": due,
            "review_date": review_date,
            "trigger_code": _pick(rng, {"SCHED": 82, "COC": 8, "REQ": 4, "SVC": 6}, idx.size),
        }
    )[held & (review_date <= close[idx])]
    # A plan must not be closed without a review.
    ended = np.flatnonzero(
        (active["end_date"].to_numpy() <= DAY_E) & (active["end_reason_code"].to_numpy() != "TRAN")
    )
    closing = pd.DataFrame(
        {
            "plan_row": ended,
            "due_date": np.nan,
            "review_date": np.fmax(
                add_working_days(active["end_date"].to_numpy()[ended] - 20, 0), start[ended]
            ),
            "trigger_code": np.full(ended.size, "CLOSE", dtype=object),
        }
    )
    closing = closing[closing["review_date"] <= active["end_date"].to_numpy()[ended]]
    reviews = pd.concat([scheduled, closing], ignore_index=True)
    row = reviews["plan_row"].to_numpy()
    n = len(reviews)
    plan = active.iloc[row]
    review_date = reviews["review_date"].to_numpy()
    trigger = reviews["trigger_code"].to_numpy()
    carer = plan["plan_type_code"].to_numpy() == "CSUP"
    kind = np.where(carer, "CARR", np.where(plan["is_care_and_treatment_plan"].to_numpy(), "CTPR", "ACSR"))
    outcome = _pick(rng, {"CONT": 58, "AMEND": 33, "REASS": 6, "CLOSE": 3}, n)
    outcome[trigger == "CLOSE"] = "CLOSE"
    authorised = add_working_days(review_date, np.where(rng.random(n) < 0.97, rng.integers(0, 11, n), 400))
    return pd.DataFrame(
        {
            "review_id": sim.new_ids("reviews", n),
            "plan_id": plan["plan_id"].to_numpy(),
            "person_id": plan["person_id"].to_numpy(),
            "review_type_code": kind.astype(object),
            "due_date": reviews["due_date"].to_numpy(),
            "review_date": review_date,
            "authorised_date": authorised,
            "trigger_code": trigger,
            "trigger_date": np.where(trigger == "COC", review_date - rng.integers(1, 28, n), np.nan),
            "is_direct_payment_review": plan["has_direct_payment"].to_numpy() & (rng.random(n) < 0.9),
            "outcome_code": outcome,
        }
    )


# ---------------------------------------------------------------------------------------------
# Reablement, financial assessments, advocacy
# ---------------------------------------------------------------------------------------------
def _reablement(sim: _Sim, contacts: pd.DataFrame, plans: pd.DataFrame) -> pd.DataFrame:
    rng = sim.rng
    decided = contacts[contacts["decision_date"].notna() & contacts["contact_type_code"].isin(["IAA", "REF"])]
    hospital = decided["contact_source_code"].eq("HOSP") & decided["outcome_code"].isin(["ASSM", "ADV"])
    p = np.where(
        hospital,
        rate("reablement_after_hospital"),
        np.where(decided["outcome_code"].eq("ASSM"), rate("reablement_after_assessment_contact"), 0.02),
    )
    go = decided[rng.random(len(decided)) < p]
    n = len(go)
    referral = go["decision_date"].to_numpy()
    start = referral + _geometric_days(rng, 3, n)
    planned = start + rng.choice([28, 42, 42, 42, 56], n)
    reason = _pick(rng, {"COMP": 55, "GOAL": 15, "HOSP": 11, "RESI": 4, "MOVE": 1, "WDRN": 9, "OTH": 5}, n)
    completed = np.isin(reason, ["COMP", "GOAL"])
    extended = (reason == "COMP") & (rng.random(n) < 0.12)
    planned = np.where(extended, planned + 14, planned)
    end = np.where(
        reason == "COMP",
        planned + rng.integers(-3, 4, n),
        np.where(
            reason == "GOAL",
            start + 14 + rng.random(n) * (planned - start - 14),
            start + 1 + rng.random(n) * (planned - start - 2),
        ),
    )
    end = np.floor(np.fmax(end, start))
    outcome = np.where(completed, _pick(rng, {"RED": 35, "MAIN": 20, "MIT": 35, "INC": 10}, n), None).astype(
        object
    )
    hours_start = np.round(rng.gamma(4.0, 2.5, n) * 2) / 2 + 0.5
    factor = np.select(
        [outcome == "MIT", outcome == "RED", outcome == "MAIN", outcome == "INC"],
        [np.zeros(n), rng.uniform(0.2, 0.7, n), rng.uniform(0.9, 1.1, n), rng.uniform(1.2, 2.0, n)],
        np.nan,
    )
    contact_plan = plans.dropna(subset=["_contact"]).drop_duplicates("_contact")
    plan_of_contact = dict(
        zip(contact_plan["_contact"].astype(np.int64), contact_plan["plan_id"], strict=False)
    )
    frame = pd.DataFrame(
        {
            "reablement_episode_id": sim.new_ids("reablement", n),
            "person_id": go["person_id"].to_numpy(),
            "plan_id": go["contact_id"].map(plan_of_contact).to_numpy(dtype=float),
            "referral_date": referral,
            "start_date": start,
            "planned_end_date": planned,
            "end_date": end,
            "end_reason_code": reason,
            "outcome_code": outcome,
            "weekly_hours_at_start": hours_start,
            "weekly_hours_at_end": np.round(hours_start * factor * 2) / 2,
        }
    )
    return frame


MAX_CHARGE_FROM_2020 = 100.0  # Welsh maximum weekly charge for non-residential care (from April 2020)


def _financial(sim: _Sim, services: pd.DataFrame) -> pd.DataFrame:
    rng = sim.rng
    charged = services[(services["charge_basis_code"] == "MT") & services["start_date"].notna()]
    charged = charged.assign(
        setting=np.where(charged["service_type_code"].isin(RESIDENTIAL), "RES", "NONRES"),
        end=charged["end_date"].fillna(DAY_E),
    )
    span = (
        charged.groupby(["person_id", "setting"], sort=False)
        .agg(first=("start_date", "min"), last=("end", "max"), identified=("needs_identified_date", "min"))
        .reset_index()
    )
    n = len(span)
    # Yearly reassessments from 1 April after the first assessment.
    first = span["first"].to_numpy()
    last = span["last"].to_numpy()
    first_year = pd.to_datetime(first, unit="D").year.to_numpy() + (
        pd.to_datetime(first, unit="D").month.to_numpy() >= 4
    )
    last_year = (
        pd.to_datetime(last, unit="D").year.to_numpy()
        + (pd.to_datetime(last, unit="D").month.to_numpy() >= 4)
        - 1
    )
    extra = np.maximum(last_year - first_year + 1, 0)
    rows = 1 + extra
    idx = np.repeat(np.arange(n), rows)
    k = np.arange(idx.size) - np.repeat(np.cumsum(rows) - rows, rows)
    april = (np.array([f"{y}-04-01" for y in range(1990, 2040)], dtype="datetime64[D]") - EPOCH).astype(float)
    year = first_year[idx] + k - 1
    from_date = np.where(k == 0, first[idx], april[np.clip(year - 1990, 0, 49)])
    completed = np.where(
        k == 0,
        add_working_days(
            np.fmax(span["identified"].to_numpy()[idx], from_date - 30), rng.integers(2, 15, idx.size)
        ),
        add_working_days(from_date - 31, rng.integers(0, 15, idx.size)),
    )
    setting = span["setting"].to_numpy()[idx]
    residential = setting == "RES"
    person_draw = np.where(
        residential,
        _pick(rng, {"ASSD": 62, "CAPL": 32, "DECL": 4, "NIL": 2}, idx.size),
        _pick(rng, {"ASSD": 45, "NIL": 27, "MAX": 22, "DECL": 6}, idx.size),
    ).astype(object)
    # Finances rarely change: keep the first year's outcome in most later years.
    first_row = np.repeat(np.cumsum(rows) - rows, rows)
    keep_same = (k > 0) & (rng.random(idx.size) < 0.85)
    outcome = np.where(keep_same, person_draw[first_row], person_draw)
    max_charge = np.where(from_date >= _day("2020-04-01"), MAX_CHARGE_FROM_2020, 90.0)
    charge = np.select(
        [
            outcome == "NIL",
            outcome == "MAX",
            residential & (outcome == "ASSD"),
            residential,
            outcome == "ASSD",
        ],
        [np.zeros(idx.size), max_charge, rng.uniform(150, 850, idx.size), rng.uniform(800, 1400, idx.size),
         rng.uniform(5, max_charge - 0.01)],
        max_charge,
    )  # fmt: skip
    same = np.r_[idx[1:] == idx[:-1], False]
    to_date = np.where(
        same, np.r_[from_date[1:], np.nan] - 1, np.where(last[idx] >= DAY_E, np.nan, last[idx])
    )
    return pd.DataFrame(
        {
            "financial_assessment_id": sim.new_ids("financial", idx.size),
            "person_id": span["person_id"].to_numpy()[idx],
            "care_setting_code": setting.astype(object),
            "completed_date": completed,
            "effective_from_date": from_date,
            "effective_to_date": to_date,
            "outcome_code": outcome,
            "assessed_weekly_charge": np.round(charge, 2),
        }
    )


def _advocacy(
    sim: _Sim, assessments: pd.DataFrame, enquiries: pd.DataFrame, plans: pd.DataFrame, reviews: pd.DataFrame
) -> pd.DataFrame:
    rng = sim.rng
    adult_assessments = assessments[assessments["assessment_type_code"] == "ADULT"]
    real_enquiries = enquiries[~enquiries["formal_police_investigation"]]
    sources = [
        (adult_assessments, "start_date", "ASMT", rate("advocacy_at_assessment")),
        (real_enquiries, "start_date", "SAFE", rate("advocacy_at_enquiry")),
        (plans[plans["plan_type_code"] == "CSP"], "start_date", "CSP", 0.015),
        (reviews[reviews["review_type_code"] != "CARR"], "review_date", "REV", 0.005),
    ]  # fmt: skip
    parts = []
    for frame, column, process, share in sources:
        chosen = frame[rng.random(len(frame)) < share]
        parts.append(
            pd.DataFrame(
                {
                    "person_id": chosen["person_id"].to_numpy(),
                    "identified_date": chosen[column].to_numpy(),
                    "process_code": np.full(len(chosen), process, dtype=object),
                }
            )
        )
    needs = pd.concat(parts, ignore_index=True)
    n = len(needs)
    identified = needs["identified_date"].to_numpy()
    barrier = rng.random(n) < 0.75
    available = barrier & (rng.random(n) < 0.45)
    required = barrier & ~available
    referred = np.where(required, add_working_days(identified, rng.integers(0, 6, n)), np.nan)
    outcome = np.where(
        required,
        _pick(rng, {"PROV": 80, "REF": 10, "NOTP": 5, "AWAIT": 5}, n),
        np.where(available, "APPI", None),
    ).astype(object)
    outcome_date = np.where(
        required, referred + rng.integers(1, 21, n), np.where(available, identified, np.nan)
    )
    provided = outcome == "PROV"
    start = np.where(provided, outcome_date + rng.integers(0, 10, n), np.nan)
    needs["advocacy_need_id"] = sim.new_ids("advocacy", n)
    needs["barrier_to_participation"] = barrier
    needs["appropriate_individual_available"] = available
    needs["independent_advocate_required"] = required
    needs["referred_date"] = referred
    needs["outcome_code"] = outcome
    needs["outcome_date"] = np.where(outcome == "AWAIT", np.nan, outcome_date)
    needs["advocacy_start_date"] = start
    needs["advocacy_end_date"] = start + rng.integers(20, 150, n)
    return needs


# ---------------------------------------------------------------------------------------------
# Truncation (extract date, deaths), references, output
# ---------------------------------------------------------------------------------------------
# table -> (person columns, dates that drop the row when late, dates nulled when late with the
# columns nulled with them, closing dates with their reason column and the reason on death)
TRUNCATION: dict[
    str,
    tuple[list[str], list[str], dict[str, list[str]], dict[str, tuple[str | None, str | None, str | None]]],
] = {
    "contacts": (
        ["person_id"],
        ["received_date"],
        {"decision_date": ["decision_code", "decision_by_role_code", "outcome_code"]},
        {},
    ),
    "assessments": (["person_id"], ["start_date"], {"completed_date": ["outcome_code"]}, {}),
    "plans": (
        ["person_id"],
        ["start_date"],
        {"direct_payment_first_payment_date": []},
        {"end_date": ("end_reason_code", "DIED", None)},
    ),
    "services": (
        ["person_id"],
        ["needs_identified_date"],
        {
            "scheduled_start_date": [],
            "start_date": ["first_payment_date", "end_date", "end_reason_code"],
            "first_payment_date": [],
        },
        {"end_date": ("end_reason_code", "DIED", "start_date")},
    ),
    "reablement_episodes": (
        ["person_id"],
        ["referral_date", "start_date"],
        {"planned_end_date": []},
        {"end_date": ("end_reason_code", "DIED", None)},
    ),
    "financial_assessments": (
        ["person_id"],
        ["completed_date", "effective_from_date"],
        {},
        {"effective_to_date": (None, None, None)},
    ),
    "advocacy_needs": (
        ["person_id"],
        ["identified_date"],
        {"referred_date": [], "outcome_date": ["outcome_code"], "advocacy_start_date": ["advocacy_end_date"]},
        {"advocacy_end_date": (None, None, "advocacy_start_date")},
    ),
    "adult_safeguarding_reports": (["person_id"], ["received_date", "decision_date"], {}, {}),
    "adult_safeguarding_enquiries": (
        ["person_id"],
        ["start_date"],
        {"completed_date": ["outcome_code"]},
        {},
    ),
    "adult_safeguarding_meetings": (["person_id"], ["held_date"], {}, {}),
    "adult_safeguarding_investigations": (["person_id"], ["start_date"], {"concluded_date": []}, {}),
    "carer_relationships": (
        ["carer_person_id", "cared_for_person_id"],
        ["start_date"],
        {},
        {"end_date": (None, None, None)},
    ),
    "carer_assessment_offers": (["person_id"], ["offered_date"], {"outcome_date": ["outcome_code"]}, {}),
    "reviews": (
        ["person_id"],
        ["review_date"],
        {"authorised_date": [], "due_date": [], "trigger_date": []},
        {},
    ),
}


def _truncate(frames: dict[str, pd.DataFrame], limit: np.ndarray, on_death: bool) -> None:
    """Drop or empty what happens after each person's limit (extract date or death)."""
    for table, (people, drops, nulls, closes) in TRUNCATION.items():
        frame = frames[table]
        if frame.empty:
            continue
        bound = np.min(np.stack([limit[frame[p].to_numpy().astype(np.int64)] for p in people]), axis=0)
        keep = np.ones(len(frame), dtype=bool)
        for column in drops:
            keep &= ~(frame[column].to_numpy() > bound)
        if on_death and table == "services":  # not started (or started after) when the person died
            start = frame["start_date"].to_numpy()
            keep &= ~((start > bound) | (np.isnan(start) & np.isfinite(bound)))
        frame = frame[keep].copy()
        bound = bound[keep]
        for column, dependants in nulls.items():
            late = frame[column].to_numpy() > bound
            if late.any():
                for col in [column, *dependants]:
                    frame.loc[late, col] = None if frame[col].dtype == object else np.nan
        for column, (reason, died, requires) in closes.items():
            values = frame[column].to_numpy()
            if on_death:
                late = (np.isnan(values) | (values > bound)) & np.isfinite(bound)
                if requires is not None:
                    late &= frame[requires].notna().to_numpy()
                frame.loc[late, column] = bound[late]
                if reason is not None:
                    frame.loc[late, reason] = died
                if table == "reablement_episodes":
                    frame.loc[late, ["outcome_code"]] = None
                    frame.loc[late, ["weekly_hours_at_end"]] = np.nan
            else:
                late = values > bound
                frame.loc[late, column] = np.nan
                if reason is not None:
                    frame.loc[late, reason] = None
                if table == "reablement_episodes":
                    frame.loc[late, ["outcome_code"]] = None
                    frame.loc[late, ["weekly_hours_at_end"]] = np.nan
        frames[table] = frame


REFERENCES: list[tuple[str, str, str, bool]] = [
    # (table, column, referenced table, required)
    ("adult_safeguarding_enquiries", "report_id", "adult_safeguarding_reports", True),
    ("adult_safeguarding_alleged_perpetrators", "enquiry_id", "adult_safeguarding_enquiries", True),
    ("adult_safeguarding_meetings", "report_id", "adult_safeguarding_reports", True),
    ("adult_safeguarding_meetings", "enquiry_id", "adult_safeguarding_enquiries", False),
    ("adult_safeguarding_investigations", "report_id", "adult_safeguarding_reports", False),
    ("adult_safeguarding_investigations", "enquiry_id", "adult_safeguarding_enquiries", False),
    ("adult_safeguarding_enquiries", "protection_plan_id", "plans", False),
    ("adult_safeguarding_reports", "contact_id", "contacts", False),
    ("assessments", "contact_id", "contacts", False),
    ("carer_assessment_offers", "contact_id", "contacts", False),
    ("services", "plan_id", "plans", True),
    ("services", "replaces_service_id", "services", False),
    ("reviews", "plan_id", "plans", True),
    ("reablement_episodes", "plan_id", "plans", False),
    ("plans", "joint_plan_id", "plans", False),
]
KEYS = {
    "people": "person_id", "contacts": "contact_id", "assessments": "assessment_id", "plans": "plan_id",
    "services": "service_id", "reablement_episodes": "reablement_episode_id",
    "financial_assessments": "financial_assessment_id", "advocacy_needs": "advocacy_need_id",
    "adult_safeguarding_reports": "report_id", "adult_safeguarding_enquiries": "enquiry_id",
    "adult_safeguarding_alleged_perpetrators": "alleged_perpetrator_id",
    "adult_safeguarding_meetings": "meeting_id", "carer_relationships": "carer_relationship_id",
    "carer_assessment_offers": "offer_id", "reviews": "review_id",
    "adult_safeguarding_investigations": "investigation_id",
}  # fmt: skip


def _resolve_references(frames: dict[str, pd.DataFrame]) -> None:
    for _ in range(2):  # a dropped row can orphan another
        for table, column, target, required in REFERENCES:
            frame = frames[table]
            values = frame[column]
            ok = values.isna() | values.isin(frames[target][KEYS[target]])
            if required:
                frames[table] = frame[ok]
            else:
                frame = frame.copy()
                frame.loc[~ok, column] = np.nan
                frames[table] = frame


# Identifier tags: chunk prefix + area letter "A" + two letters + 7 digits, e.g. "G0-APE0000001". The
# children's module writes prefix + two letters + digits, so the third letter keeps the two apart.
ID_TAGS = {
    "person": "PE", "contacts": "CT", "assessments": "AS", "assessment_processes": "SP", "plans": "PL",
    "services": "SV", "reablement": "RB", "financial": "FA", "advocacy": "AN", "reports": "RP",
    "enquiries": "EQ", "perpetrators": "AP", "meetings": "MT", "relationships": "CR", "offers": "OF",
    "reviews": "RV", "investigations": "IV",
}  # fmt: skip
ID_COLUMNS: dict[str, str] = {
    "person_id": "person", "carer_person_id": "person", "cared_for_person_id": "person",
    "contact_id": "contacts", "assessment_id": "assessments", "assessment_process_id": "assessment_processes",
    "plan_id": "plans", "joint_plan_id": "plans", "protection_plan_id": "plans", "service_id": "services",
    "replaces_service_id": "services", "reablement_episode_id": "reablement",
    "financial_assessment_id": "financial", "advocacy_need_id": "advocacy", "report_id": "reports",
    "enquiry_id": "enquiries", "alleged_perpetrator_id": "perpetrators", "meeting_id": "meetings",
    "carer_relationship_id": "relationships", "offer_id": "offers", "review_id": "reviews",
    "investigation_id": "investigations",
}  # fmt: skip
DATE_SUFFIX = "_date"


def _format(frame: pd.DataFrame, prefix: str) -> pd.DataFrame:
    out = {}
    for column in frame.columns:
        if column.startswith("_"):
            continue
        values = frame[column]
        if column in ID_COLUMNS:
            number = values.to_numpy(dtype=float)
            ok = ~np.isnan(number)
            text = np.full(number.size, None, dtype=object)
            tag = prefix + ID_TAGS[ID_COLUMNS[column]]
            text[ok] = tag + pd.Series(number[ok].astype(np.int64) + 1).astype(str).str.zfill(7).to_numpy()
            out[column] = pd.Series(text, dtype=object)
        elif column.endswith(DATE_SUFFIX) or column.startswith("date_of_"):
            days = values.to_numpy(dtype=float)
            out[column] = pd.Series(
                (pd.to_datetime(np.where(np.isnan(days), np.nan, days), unit="D")).astype("datetime64[ns]")
            )
        elif values.dtype == object:
            out[column] = pd.Series(values.to_numpy(), dtype=object).where(values.notna().to_numpy(), None)
        else:
            out[column] = values.reset_index(drop=True)
    return pd.DataFrame(out)


def generate_adults(chunk: Chunk) -> Frames:
    """Simulate the chunk's adults and adult carers through adult social services."""
    sim = _Sim(chunk)
    rng = sim.rng
    contacts = _base_contacts(sim)
    reports, safe_contacts, enquiries, perpetrators, meetings, investigations = _safeguarding(sim)
    # Contacts and assessments up to the extract date (and no later than death) before planning.
    limit = np.fmin(sim.death, DAY_E)
    limit = np.where(np.isnan(limit), DAY_E, limit)
    assessments = _assess_contacts(sim, contacts[contacts["received_date"] <= limit[contacts["person_id"]]])
    repeat = _repeat_contacts(
        sim, assessments[assessments["completed_date"] <= limit[assessments["person_id"]]]
    )
    repeat = repeat[repeat["received_date"] <= limit[repeat["person_id"]]]
    assessments = pd.concat([assessments, _assess_contacts(sim, repeat)], ignore_index=True)
    relationships, offers, carer_contacts = _carers(
        sim, assessments[assessments["completed_date"] <= limit[assessments["person_id"]]]
    )
    carer_assessments = _carer_assessments(sim, offers)
    assessments = pd.concat([assessments, carer_assessments], ignore_index=True)
    carer_people = set(relationships["carer_person_id"].tolist())
    is_carer = (
        assessments["person_id"].isin(carer_people).to_numpy()
        & (assessments["assessment_type_code"] == "ADULT").to_numpy()
    )
    assessments["considers_needs_as_carer"] = is_carer & (rng.random(len(assessments)) < 0.4)
    plans = _plans(sim, assessments, enquiries)
    plans["includes_needs_as_carer"] = (
        plans["person_id"].isin(carer_people).to_numpy() & (plans["plan_type_code"] == "CSP").to_numpy()
    ) & (rng.random(len(plans)) < 0.4)
    plans["joint_plan_id"] = _joint_plans(plans)
    protection = plans.dropna(subset=["_enquiry"])
    enquiries["protection_plan_id"] = enquiries["enquiry_id"].map(
        dict(zip(protection["_enquiry"].astype(np.int64), protection["plan_id"], strict=False))
    )
    services = _services(sim, plans)
    dp = services[services["service_type_code"] == "DP"].groupby("plan_id")["first_payment_date"].min()
    plans["direct_payment_first_payment_date"] = (
        plans["plan_id"].astype(float).map(dp).where(plans["has_direct_payment"])
    )
    reviews = _reviews(sim, plans)
    # Re-assessments after a review (the person keeps their plan).
    reass = reviews[reviews["outcome_code"] == "REASS"]
    reassessments = _assessments(
        sim,
        reass["person_id"].to_numpy(),
        np.full(len(reass), np.nan),
        add_working_days(reass["review_date"].to_numpy(), rng.integers(0, 11, len(reass))),
        kind=np.where(reass["review_type_code"].to_numpy() == "CARR", "CARER", "ADULT").astype(object),
        requested_by=np.full(len(reass), "PROF", dtype=object),
        outcome_weights={"NAET7": 90, "NAET6": 5, "NAET4": 5},
        circumstances_changed=True,
    )
    assessments = pd.concat([assessments, reassessments], ignore_index=True)
    frames: dict[str, pd.DataFrame] = {
        "contacts": pd.concat([contacts, safe_contacts, repeat, carer_contacts], ignore_index=True),
        "assessments": assessments,
        "plans": plans,
        "services": services,
        "reablement_episodes": _reablement(sim, contacts, plans),
        "financial_assessments": _financial(sim, services),
        "advocacy_needs": _advocacy(sim, assessments, enquiries, plans, reviews),
        "adult_safeguarding_reports": reports,
        "adult_safeguarding_enquiries": enquiries,
        "adult_safeguarding_alleged_perpetrators": perpetrators,
        "adult_safeguarding_meetings": meetings,
        "adult_safeguarding_investigations": investigations,
        "carer_relationships": relationships,
        "carer_assessment_offers": offers,
        "reviews": reviews,
    }
    _truncate(frames, np.full(sim.n, DAY_E), on_death=False)
    _truncate(frames, np.where(np.isnan(sim.death), np.inf, sim.death), on_death=True)
    _resolve_references(frames)
    # Plans whose direct payment never started.
    plans = frames["plans"]
    plans["has_direct_payment"] = plans["has_direct_payment"] & plans["plan_id"].isin(
        frames["services"].loc[frames["services"]["service_type_code"] == "DP", "plan_id"]
    )
    # People: everyone with a record.
    people_ids = np.unique(
        np.concatenate(
            [
                frames[table][column].to_numpy(dtype=np.int64)
                for table, (columns, _, _, _) in TRUNCATION.items()
                for column in columns
            ]
        )
    )
    frames["people"] = pd.DataFrame(
        {
            "person_id": people_ids,
            "date_of_birth": sim.dob[people_ids],
            "date_of_death": sim.death[people_ids],
            "gender_code": sim.gender[people_ids],
            "ethnicity_code": sim.ethnicity[people_ids],
            "preferred_language_code": sim.language[people_ids],
        }
    )
    order = ["people", *[t for t in frames if t != "people"]]
    return {table: _format(frames[table].reset_index(drop=True), sim.prefix) for table in order}
