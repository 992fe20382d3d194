"""Children's journeys for one chunk of the synthetic local authority (vectorised, no per-child loops).

Four cohorts of children are simulated, each as arrays (one element per child or per event):

1. Children with contacts: every child living in the chunk during the history gets a contact rate
   (a gamma weight: a few families generate many police notifications). Contacts lead to advice,
   assessments (single or multi-stage, some assessing a sibling too), care and support plans with
   reviews and visits; safeguarding referrals lead to strategy meetings (with factors), section 47
   enquiries, initial conferences, registrations (core groups, review conferences, visits every
   10 working days, a child protection plan) and de-registration.
2. Looked-after children: periods of care split into CLA-census episodes at placement moves and
   legal-status changes, with care plans, IRO reviews, statutory visits, missing episodes, school
   changes, advocacy offers, and the way out (home, adoption, special guardianship, or 18 and
   leaving care: care-leaver statuses, pathway plans and reviews, personal adviser contacts,
   activities, accommodation and homelessness).
3. Children on s76 short breaks.
4. Young carers: offers, young carer's assessments, support plans and reviews, the cared-for parent.

Dates are whole days (int, days since 1970-01-01) until the frames are built; events that must fall
on working days are mapped through the working-day calendar. Nothing happens after EXTRACT_DATE.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache

import numpy as np
import pandas as pd

from pif.generate import calibration as cal
from pif.generate.model import EXTRACT_DATE, HISTORY_START, Chunk, Frames

NA = -(10**9)  # a missing date
YEAR = 365.25
AGE18 = 6574  # days from birth to the 18th birthday (at most one day early)


def _day(value: date) -> int:
    return int(np.datetime64(value, "D").astype(np.int64))


HS = _day(HISTORY_START)
ED = _day(EXTRACT_DATE)
CONTACT_START = HS - 3 * 365  # contacts simulated from here so plans open at HISTORY_START exist
LAC_START = HS - 18 * 365


@lru_cache(maxsize=1)
def working_days() -> np.ndarray:
    """Working days (England and Wales bank holidays, weekends) 1998-2065 as int days."""
    from pif.working_days import bank_holidays

    days = np.arange(_day(date(1998, 1, 1)), _day(date(2065, 12, 31)) + 1)
    weekday = (days + 3) % 7  # 0 = Monday (1970-01-01 was a Thursday)
    holidays = np.array([_day(d) for d in bank_holidays(1998, 2065)])
    return days[(weekday < 5) & ~np.isin(days, holidays)]


def on_or_after_wd(days: np.ndarray) -> np.ndarray:
    wd = working_days()
    return wd[np.searchsorted(wd, days, "left")]


def on_or_before_wd(days: np.ndarray) -> np.ndarray:
    wd = working_days()
    return wd[np.searchsorted(wd, days, "right") - 1]


def add_wd(days: np.ndarray, n: np.ndarray | int) -> np.ndarray:
    """The n-th working day after `days` (day zero); n = 0 gives the day itself if a working day."""
    wd = working_days()
    index = np.searchsorted(wd, days, "right") - 1 + n
    result = wd[index]
    return np.where((result < days) & (np.asarray(n) >= 0), wd[index + 1], result)


def periodic(
    start: np.ndarray, end: np.ndarray, first: np.ndarray | int, interval: np.ndarray | int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Repeating events: for each group, start + first + k * interval while <= end.

    Returns (group index, k, due day) with one element per event.
    """
    first_a = np.broadcast_to(np.asarray(first), start.shape)
    interval_a = np.broadcast_to(np.asarray(interval), start.shape)
    span = end - start - first_a
    count = np.where(span >= 0, span // interval_a + 1, 0).astype(np.int64)
    group = np.repeat(np.arange(len(start)), count)
    k = np.arange(count.sum()) - np.repeat(np.cumsum(count) - count, count)
    return group, k, start[group] + first_a[group] + k * interval_a[group]


def choice(rng: np.random.Generator, shares: dict[str, float], n: int) -> np.ndarray:
    codes = np.array(list(shares))
    p = np.array(list(shares.values()), dtype=float)
    return codes[rng.choice(len(codes), size=n, p=p / p.sum())]


def to_dates(days: np.ndarray) -> np.ndarray:
    days = np.asarray(days, dtype=np.int64)
    out = days.astype("datetime64[D]").astype("datetime64[ns]")
    out[days == NA] = np.datetime64("NaT")
    return out


def clip_future(days: np.ndarray) -> np.ndarray:
    """A date after the extract date has not happened yet: missing."""
    return np.where(days > ED, NA, days)


@dataclass
class _Builder:
    chunk: Chunk
    rng: np.random.Generator
    counters: dict[str, int] = field(default_factory=dict)
    tables: dict[str, list[dict[str, object]]] = field(default_factory=dict)

    def ids(self, tag: str, n: int) -> np.ndarray:
        start = self.counters.get(tag, 0)
        self.counters[tag] = start + n
        numbers = pd.Series(np.arange(start + 1, start + n + 1)).astype(str).str.zfill(7)
        return (self.chunk.id_prefix + tag + numbers).to_numpy(dtype=object)

    def add(self, table: str, **columns: object) -> None:
        self.tables.setdefault(table, []).append(columns)

    def bern(self, p: float, n: int) -> np.ndarray:
        return self.rng.random(n) < p

    def frames(self) -> Frames:
        out: Frames = {}
        for table, parts in self.tables.items():
            frames = []
            for columns in parts:
                frame = {}
                for name, values in columns.items():
                    arr = np.asarray(values)
                    if _is_date_column(name) and arr.dtype.kind == "i":
                        frame[name] = to_dates(arr)
                    else:
                        frame[name] = arr
                frames.append(pd.DataFrame(frame))
            out[table] = pd.concat(frames, ignore_index=True)
        return out


def _is_date_column(name: str) -> bool:
    return name.endswith("_date") or name.endswith("date_of_birth") or name == "date_of_death"


# ---------------------------------------------------------------------------------------------------


def generate_children(chunk: Chunk) -> Frames:
    """The children's area of one chunk: every children's table of the contract."""
    b = _Builder(chunk, chunk.rng("children"))
    people: list[tuple[np.ndarray, np.ndarray, np.ndarray]] = []  # (person_id, dob, known-unborn)
    scale = chunk.population / 1000

    contact_people = _contact_cohort(b, scale)
    people.append(contact_people)
    people.append(_looked_after_cohort(b, scale))
    people.append(_short_break_cohort(b, scale))
    people.append(_young_carer_cohort(b, scale))
    people.append(_sgo_cohort(b, scale))
    _people_rows(b, people)
    return b.frames()


def _people_rows(b: _Builder, people: list[tuple[np.ndarray, np.ndarray, np.ndarray]]) -> None:
    pid = np.concatenate([p[0] for p in people])
    dob = np.concatenate([p[1] for p in people])
    prebirth = np.concatenate([p[2] for p in people])
    n = len(pid)
    rng = b.rng
    unborn = dob > ED
    edd = np.where(prebirth | unborn, dob + rng.integers(-14, 15, n), NA)
    edd = np.where(unborn, np.maximum(edd, ED + 1), edd)
    b.add(
        "people",
        person_id=pid,
        date_of_birth=np.where(unborn, NA, dob),
        expected_date_of_birth=edd,
        date_of_death=np.full(n, NA),
        gender_code=np.where(
            unborn & b.bern(0.7, n), "U", choice(rng, {"M": 0.5, "F": 0.49, "O": 0.005, "ND": 0.005}, n)
        ),
        ethnicity_code=choice(
            rng,
            {
                "WBRI": 0.86,
                "WOTH": 0.03,
                "MIXD": 0.04,
                "ASIA": 0.025,
                "BLAC": 0.015,
                "OTHR": 0.01,
                "NOBT": 0.015,
                "WGYP": 0.005,
            },
            n,
        ),
        preferred_language_code=choice(rng, {"ENG": 0.82, "CYM": 0.14, "OTH": 0.035, "BSL": 0.005}, n),
        recorded_in_error=np.zeros(n, dtype=bool),
    )


# --- 1. contacts, assessments, plans, safeguarding ---------------------------------------------


def _contact_cohort(b: _Builder, scale: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    rng = b.rng
    years = (ED - CONTACT_START) / YEAR
    n_pool = int(round(scale * 1000 * cal.CHILD_SHARE * (18 + years) / 18))
    dob = rng.integers(CONTACT_START - AGE18, ED + 150, n_pool)
    w_start = np.maximum(dob - 140, CONTACT_START)
    w_end = np.minimum(dob + AGE18 - 30, ED)
    length = np.clip(w_end - w_start, 0, None)
    weight = rng.gamma(cal.CONTACT_WEIGHT_SHAPE, 1 / cal.CONTACT_WEIGHT_SHAPE, n_pool)
    n_contacts = rng.poisson(weight * length / YEAR * cal.CONTACTS_PER_CHILD_YEAR)
    keep = n_contacts > 0
    dob, w_start, length, n_contacts = dob[keep], w_start[keep], length[keep], n_contacts[keep]
    pid = b.ids("C", len(dob))

    child = np.repeat(np.arange(len(dob)), n_contacts)
    received = w_start[child] + (rng.random(len(child)) * length[child]).astype(np.int64)
    # Fewer contacts are logged at weekends: most move to the next working day.
    weekend = (received + 3) % 7 >= 5
    received = np.where(weekend & b.bern(0.7, len(child)), on_or_after_wd(received), received)
    order = np.lexsort((received, child))
    child, received = child[order], received[order]
    contacts = _contacts(b, pid[child], received, dob[child])

    # Siblings assessed with a child (family assessments) get their own person and contact row.
    sib_src = np.flatnonzero(
        (contacts["outcome"] == "ASSM") & b.bern(cal.FAMILY_ASSESSMENT_SHARE, len(child))
    )
    sib_dob = np.clip(
        dob[child][sib_src] + rng.integers(-6 * 365, 6 * 365, len(sib_src)),
        received[sib_src] - AGE18 + 400,
        received[sib_src] - 30,
    )
    sib_pid = b.ids("C", len(sib_src))
    sib = _contacts(b, sib_pid, received[sib_src], sib_dob, like=contacts, like_index=sib_src)
    for part in (contacts, sib):
        part["row"]["contact_group_id"] = part["group"]
        b.add("contacts", **{k: v[part["kept"]] for k, v in part["row"].items()})
    _assessments_and_plans(b, contacts, sib, sib_src)

    prebirth = np.zeros(len(dob), dtype=bool)
    np.logical_or.at(prebirth, child, received < dob[child])
    return (
        np.concatenate([pid, sib_pid]),
        np.concatenate([dob, sib_dob]),
        np.concatenate([prebirth, np.zeros(len(sib_pid), dtype=bool)]),
    )


def _contacts(
    b: _Builder,
    pid: np.ndarray,
    received: np.ndarray,
    dob: np.ndarray,
    like: dict[str, np.ndarray] | None = None,
    like_index: np.ndarray | None = None,
) -> dict[str, np.ndarray]:
    """Contact rows; with `like`, siblings' rows copying the source contact (same group)."""
    rng = b.rng
    n = len(pid)
    cid = b.ids("CT", n)
    if like is not None and like_index is not None:
        ctype = like["type"][like_index]
        source = like["source"][like_index]
        outcome = like["outcome"][like_index]
        decision = like["decision"][like_index]
        group = like["id"][like_index].copy()
        like["group"][like_index] = group
    else:
        ctype = choice(rng, cal.CONTACT_TYPES, n)
        source = choice(rng, cal.CONTACT_SOURCES, n)
        source = np.where(received < dob, np.where(b.bern(0.6, n), "MIDW", source), source)
        outcome = choice(rng, cal.CONTACT_OUTCOMES, n)
        safe = ctype == "SAFE"
        outcome = np.where(safe, np.where(b.bern(cal.SAFE_CONTACT_TO_STRATEGY, n), "SAFE", "ASSM"), outcome)
        excluded = np.isin(ctype, ["WEB", "INFO", "MISD", "EIPD"])
        outcome = np.where(excluded, np.where(ctype == "WEB", "INFO", "SIGN"), outcome)
        # The first practice decision: mostly the same or next working day.
        lag = np.where(b.bern(0.35, n), 0, np.where(b.bern(0.93, n), 1, rng.integers(2, 6, n)))
        decision = np.where(lag == 0, received, add_wd(received, lag))
        decision = np.where(decision > ED, NA, decision)
        group = np.full(n, "", dtype=object)
    decision_code = (
        pd.Series(outcome)
        .map({"ASSM": "ASSM", "SAFE": "SAFE", "ADV": "ADV", "INFO": "NFA", "NFA": "NFA", "SIGN": "NFA"})
        .to_numpy()
    )
    decision_code = np.where(b.bern(0.02, n), "MORE", decision_code)
    decision_code = np.where(decision == NA, None, decision_code)
    advice = np.isin(outcome, ["ADV", "ASSM", "SAFE"])
    pp = b.bern(0.017, n)
    row = {
        "contact_id": cid,
        "contact_group_id": group,
        "person_id": pid,
        "received_date": received,
        "contact_type_code": ctype,
        "contact_method_code": choice(
            rng, {"TEL": 0.45, "EML": 0.35, "WEBF": 0.08, "PERS": 0.07, "LETT": 0.05}, n
        ),
        "contact_source_code": source,
        "is_carer_support_request": np.zeros(n, dtype=bool),
        "is_safeguarding_concern": (ctype == "SAFE") | (outcome == "SAFE"),
        "physical_punishment_factor": pp,
        "physical_punishment_only_factor": pp & b.bern(0.17, n),
        "what_matters_conversation_held": advice & b.bern(0.7, n),
        "five_elements_considered": advice & b.bern(0.7, n),
        "outcome_code": np.where(decision == NA, None, outcome),
        "decision_date": decision,
        "decision_code": decision_code,
        "decision_by_role_code": np.where(
            decision == NA, None, choice(rng, {"PM": 0.72, "SW": 0.24, "ADM": 0.02, "SYS": 0.02}, n)
        ),
    }
    keep = received >= HS
    return {
        "row": row,
        "id": cid,
        "pid": pid,
        "received": received,
        "decision": decision,
        "dob": dob,
        "type": ctype,
        "source": source,
        "outcome": np.where(decision == NA, "", outcome),
        "group": group,
        "kept": keep,
        "decision_code": decision_code,
    }


def _assessments_and_plans(
    b: _Builder, contacts: dict[str, np.ndarray], sib: dict[str, np.ndarray], sib_src: np.ndarray
) -> None:
    rng = b.rng
    # Child and family assessments from contacts that proceed to assessment.
    a = np.flatnonzero(contacts["outcome"] == "ASSM")
    n = len(a)
    start = add_wd(contacts["decision"][a], rng.integers(0, 4, n))
    duration = np.where(b.bern(cal.IN_TIME_SHARE, n), rng.integers(8, 43, n), rng.integers(43, 80, n))
    completed = add_wd(start, duration)
    outcome = choice(rng, cal.ASSESSMENT_OUTCOMES, n)
    in_sib = np.isin(a, sib_src)
    family = np.full(n, "", dtype=object)
    family[in_sib] = b.ids("FA", int(in_sib.sum()))
    sib_pos = np.searchsorted(a, sib_src)  # sib_src is a subset of a
    assessments = dict(
        pid=contacts["pid"][a],
        contact=np.where(contacts["kept"][a], contacts["id"][a], ""),
        dob=contacts["dob"][a],
        start=start,
        completed=completed,
        outcome=outcome,
        family=family,
        protection=np.zeros(n, dtype=bool),
    )
    sib_rows = dict(
        pid=sib["pid"],
        contact=np.where(sib["kept"], sib["id"], ""),
        dob=sib["dob"],
        start=start[sib_pos],
        completed=completed[sib_pos],
        outcome=outcome[sib_pos],
        family=family[sib_pos],
        protection=np.zeros(len(sib_pos), dtype=bool),
    )
    safeguarding, registrations = _safeguarding(b, contacts)
    # Some children de-registered are referred again within a year and registered again (CH/024b).
    again = _re_referrals(b, registrations)
    existing = (registrations["pid"], registrations["start"], registrations["end"])
    safeguarding_again, _ = _safeguarding(b, again, forced=True, existing=existing)
    parts = [assessments, sib_rows, safeguarding, safeguarding_again]
    merged = {k: np.concatenate([p[k] for p in parts]) for k in assessments}
    plan_from, carer = _write_assessments(b, merged)
    _care_and_support_plans(
        b, merged["pid"][plan_from], merged["dob"][plan_from], merged["completed"][plan_from], carer
    )


def _write_assessments(b: _Builder, a: dict[str, np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """Assessment rows (with first stages of multi-stage processes).

    Returns the rows leading to a care and support plan and, for each, whether the plan is an
    integrated plan that also meets the child's needs as a young carer (CH/015b).
    """
    rng = b.rng
    n = len(a["pid"])
    completed = a["completed"]
    done = completed <= ED
    to_plan = done & np.isin(a["outcome"], ["NAET7", "NAET8P"]) & ~a["protection"]
    carer = to_plan & (completed - a["dob"] >= 8 * 365) & b.bern(cal.INTEGRATED_CARER_PLAN_SHARE, n)
    outcome = np.where(done, a["outcome"], None)
    completed = np.where(done, completed, NA)
    aid = b.ids("AS", n)
    unborn_at_start = a["dob"] > a["start"]
    requested = np.where(
        b.bern(0.15, n), choice(rng, {"PARENT": 0.6, "CHILD": 0.2, "FAMILY": 0.2}, n), "PROF"
    )
    seen = ~unborn_at_start & b.bern(0.82, n)
    offer = b.bern(0.7, n)
    pp = b.bern(0.07, n)
    common = dict(
        assessment_process_id=aid,
        family_assessment_id=a["family"],
        person_id=a["pid"],
        contact_id=a["contact"],
        assessment_type_code=np.where(unborn_at_start, "CHILDPB", "CHILD"),
        requested_by_code=requested,
        circumstances_changed=b.bern(0.3, n),
        what_matters_conversation_held=b.bern(0.9, n),
        five_elements_considered=b.bern(0.9, n),
        person_seen=seen,
        welsh_active_offer_made=offer,
        welsh_active_offer_accepted=offer & b.bern(0.015, n),
        language_of_choice_used=b.bern(0.5, n),
        in_secure_estate=~unborn_at_start & b.bern(0.0013, n),
        physical_punishment_factor=pp,
        physical_punishment_only_factor=pp & b.bern(0.3, n),
        considers_needs_as_carer=carer,
    )
    # Multi-stage: a first stage concluding "a more comprehensive assessment is required".
    multi = b.bern(cal.MULTI_STAGE_SHARE, n) & (a["family"] == "") & ~a["protection"]
    mid = np.where(multi, add_wd(a["start"], rng.integers(5, 12, n)), a["start"])
    multi &= mid < np.where(completed == NA, ED, completed)
    first = np.flatnonzero(multi)
    keep_last = (a["start"] >= HS) & (a["start"] <= ED)
    b.add(
        "assessments",
        assessment_id=aid[keep_last],
        **{k: v[keep_last] for k, v in common.items()},
        start_date=np.where(multi, mid, a["start"])[keep_last],
        completed_date=completed[keep_last],
        outcome_code=outcome[keep_last],
    )
    keep_first = keep_last[first]
    f = first[keep_first]
    b.add(
        "assessments",
        assessment_id=b.ids("AS", len(f)),
        **{k: v[f] for k, v in common.items()},
        start_date=a["start"][f],
        completed_date=np.where(mid[f] > ED, NA, mid[f]),
        outcome_code=np.full(len(f), "NAET2", dtype=object),
    )
    plan_from = np.flatnonzero(to_plan)
    return plan_from, carer[plan_from]


def _nonoverlapping(pid: np.ndarray, start: np.ndarray, end: np.ndarray) -> np.ndarray:
    """Indices (sorted by person, start) of periods that do not start inside an earlier one."""
    order = np.lexsort((start, pid))
    p, s, e = pid[order], start[order], end[order]
    running = pd.Series(e).groupby(pd.Series(p)).cummax().to_numpy()
    same = np.r_[False, p[1:] == p[:-1]]
    previous_end = np.r_[np.iinfo(np.int64).min, running[:-1]]
    # Conservative: a dropped period still extends the running end, so kept periods never overlap.
    return order[~same | (s > previous_end)]


def _care_and_support_plans(
    b: _Builder, pid: np.ndarray, dob: np.ndarray, completed: np.ndarray, carer: np.ndarray | None = None
) -> None:
    rng = b.rng
    n = len(pid)
    carer = np.zeros(n, dtype=bool) if carer is None else carer
    start = add_wd(completed, rng.integers(0, 8, n))
    age_end = dob + AGE18 - 1
    end = start + rng.gamma(1.5, cal.CSP_MEAN_DAYS / 1.5, n).astype(np.int64)
    reason = np.where(end >= age_end, "AGE", choice(rng, {"NEED": 0.85, "MOVE": 0.08, "OTH": 0.07}, n))
    end = np.minimum(end, age_end)
    keep = (start <= ED) & (start < age_end)
    pid, dob, start, end, reason, carer = (
        pid[keep],
        dob[keep],
        start[keep],
        end[keep],
        reason[keep],
        carer[keep],
    )
    ok = _nonoverlapping(pid, start, end)
    pid, dob, start, end, reason, carer = pid[ok], dob[ok], start[ok], end[ok], reason[ok], carer[ok]
    dp = b.bern(cal.CSP_DIRECT_PAYMENT_SHARE, len(pid))
    plan_id = _plans(b, "CSP", pid, start, end, reason, direct_payment=dp, carer=carer)
    _cin_reviews(b, plan_id, pid, start, np.minimum(end, ED), dp)
    _visits(b, "CINV", pid, start, np.minimum(end, ED), first=28, interval=42)


def _cin_reviews(
    b: _Builder, plan_id: np.ndarray, pid: np.ndarray, start: np.ndarray, end: np.ndarray, dp: np.ndarray
) -> None:
    """Reviews of children in need: about every three months, some gaps longer than six months."""
    rng = b.rng
    low, high = cal.CIN_REVIEW_GAP_DAYS
    slots = np.clip((end - start) // low + 1, 0, None)
    group = np.repeat(np.arange(len(start)), slots)
    m = len(group)
    gap = np.where(
        b.bern(cal.CIN_REVIEW_LATE_SHARE, m), rng.integers(190, 260, m), rng.integers(low, high + 1, m)
    )
    held = on_or_after_wd(start[group] + _cumsum_by_group(gap, slots))
    first = _shift(group, -1) != group
    previous = np.where(first, start[group], _shift(held, 0))
    keep = (held <= end[group]) & (held >= HS) & (held <= ED)
    first_payment = start + 14
    dp_review = dp[group] & (held >= first_payment[group]) & b.bern(cal.CIN_DIRECT_PAYMENT_REVIEW_SHARE, m)
    _review_rows(
        b,
        "CINR",
        plan_id[group][keep],
        pid[group][keep],
        due=(previous + 182)[keep],
        held=held[keep],
        direct_payment_review=dp_review[keep],
    )


def _shift(values: np.ndarray, fill: object) -> np.ndarray:
    """The previous element of each element (`fill` for the first)."""
    out = np.empty_like(values)
    if len(values):
        out[0] = fill
        out[1:] = values[:-1]
    return out


def _cumsum_by_group(values: np.ndarray, counts: np.ndarray) -> np.ndarray:
    """Running sums of `values` restarting at each group (groups of `counts` consecutive elements)."""
    total = np.cumsum(values)
    ends = np.cumsum(counts)
    before = np.r_[0, total][ends - counts]
    return total - np.repeat(before, counts)


def _plans(
    b: _Builder,
    plan_type: str,
    pid: np.ndarray,
    start: np.ndarray,
    end: np.ndarray,
    reason: np.ndarray,
    direct_payment: np.ndarray | None = None,
    carer: np.ndarray | None = None,
) -> np.ndarray:
    """Plan rows (open when the end is after the extract date); returns the plan ids of all given."""
    n = len(pid)
    carer = np.zeros(n, dtype=bool) if carer is None else carer
    plan_id = b.ids("PL", n)
    is_open = end > ED
    keep = (start <= ED) & ((end >= HS) | is_open)
    dp = direct_payment if direct_payment is not None else np.zeros(n, dtype=bool)
    b.add(
        "plans",
        plan_id=plan_id[keep],
        person_id=pid[keep],
        plan_type_code=np.full(int(keep.sum()), plan_type, dtype=object),
        start_date=start[keep],
        end_date=np.where(is_open, NA, end)[keep],
        end_reason_code=np.where(is_open, None, reason)[keep],
        has_direct_payment=dp[keep],
        direct_payment_first_payment_date=clip_future(np.where(dp, start + 14, NA))[keep],
        includes_needs_as_carer=carer[keep],
        social_services_responsible=np.ones(int(keep.sum()), dtype=bool),
    )
    return plan_id


def _reviews(
    b: _Builder,
    review_type: str,
    plan_id: np.ndarray,
    pid: np.ndarray,
    start: np.ndarray,
    end: np.ndarray,
    first: int | np.ndarray,
    interval: int,
    on_time: float,
    second: int | None = None,
) -> None:
    """Scheduled reviews of the plans whose plan rows were kept (start >= HS or still open).

    Each review is due `first` days after the start, then `second` (if given) and `interval` days
    after the previous review held (the statutory clock restarts at each review). A review in time
    is held 6-20 days before it is due, on the working day on or before (so within the calendar
    months the measures count); a late one 5-45 days after.
    """
    rng = b.rng
    first_a = np.broadcast_to(np.asarray(first), start.shape)
    slots = np.clip((end - start - first_a) // max(interval - 50, 1) + 2, 0, None)
    slots = np.where(end - start - first_a >= -20, slots, 0)
    group = np.repeat(np.arange(len(start)), slots)
    n = len(group)
    k = np.arange(n) - np.repeat(np.cumsum(slots) - slots, slots)
    late = ~b.bern(on_time, n)
    step = np.where(k == 0, first_a[group], second if (second is not None) else interval)
    step = np.where(k >= 2, interval, step)
    gap = step + np.where(late, rng.integers(5, 46, n), -rng.integers(6, 21, n))
    raw = start[group] + _cumsum_by_group(gap, slots)
    held = on_or_before_wd(np.maximum(raw, start[group] + 1))
    held = np.where(held <= start[group], on_or_after_wd(start[group] + 1), held)
    previous = np.where(k == 0, start[group], _shift(held, 0))
    due = previous + step
    keep = (held >= HS) & (held <= end[group]) & (held <= ED)
    _review_rows(b, review_type, plan_id[group][keep], pid[group][keep], due[keep], held[keep])


def _review_rows(
    b: _Builder,
    review_type: str,
    plan_id: np.ndarray,
    pid: np.ndarray,
    due: np.ndarray,
    held: np.ndarray,
    direct_payment_review: np.ndarray | None = None,
    trigger_date: np.ndarray | None = None,
) -> None:
    """Review rows; with `trigger_date`, reviews after a change of circumstances (COC)."""
    rng = b.rng
    n = len(held)
    authorised = add_wd(held, rng.integers(0, 8, n))
    coc = trigger_date is not None
    b.add(
        "reviews",
        review_id=b.ids("RV", n),
        plan_id=plan_id,
        person_id=pid,
        review_type_code=np.full(n, review_type, dtype=object),
        due_date=clip_future(due),  # a planned date after the extract date is not yet recorded
        review_date=held,
        authorised_date=clip_future(authorised),
        trigger_code=np.full(n, "COC" if coc else "SCHED", dtype=object),
        trigger_date=trigger_date if coc else np.full(n, NA),
        outcome_code=choice(rng, {"CONT": 0.6, "AMEND": 0.3, "CLOSE": 0.05, "REASS": 0.05}, n),
        is_direct_payment_review=(
            np.zeros(n, dtype=bool) if direct_payment_review is None else direct_payment_review
        ),
    )


def _visits(
    b: _Builder,
    visit_type: str,
    pid: np.ndarray,
    start: np.ndarray,
    end: np.ndarray,
    first: int | np.ndarray,
    interval: int | np.ndarray,
    unborn_dob: np.ndarray | None = None,
) -> None:
    rng = b.rng
    group, _, due = periodic(start, end, first, interval)
    n = len(group)
    day = add_wd(due, -rng.integers(0, 3, n))
    keep = (day >= HS) & (day <= ED) & (day >= start[group])
    day, group = day[keep], group[keep]
    n = len(day)
    outcome = choice(rng, {"COMP": 0.93, "NOANS": 0.025, "NOTSEEN": 0.025, "REFUSED": 0.01, "CANC": 0.01}, n)
    seen = (outcome == "COMP") & b.bern(0.96, n)
    if unborn_dob is not None:
        seen &= unborn_dob[group] <= day
    virtual = b.bern(0.03, n)
    _visit_rows(b, visit_type, pid[group], day, outcome, seen, virtual, virtual & b.bern(0.9, n))


def _visit_rows(
    b: _Builder,
    visit_type: str,
    pid: np.ndarray,
    day: np.ndarray,
    outcome: np.ndarray,
    seen: np.ndarray,
    virtual: np.ndarray,
    risk_assessed: np.ndarray,
) -> None:
    n = len(day)
    b.add(
        "visits",
        visit_id=b.ids("VS", n),
        person_id=pid,
        visit_type_code=np.full(n, visit_type, dtype=object),
        visit_date=day,
        outcome_code=outcome,
        child_seen=seen,
        child_seen_alone=seen & b.bern(0.45, n),
        is_virtual=virtual,
        is_virtual_risk_assessed=risk_assessed,
        is_home_visit=~virtual & b.bern(0.8, n),
    )


def _re_referrals(b: _Builder, registrations: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """Safeguarding referrals 1-9 months after a de-registration (not at 18), as contact rows."""
    rng = b.rng
    ended = ~registrations["ended_age"] & (registrations["end"] < ED)
    r = np.flatnonzero(ended & b.bern(cal.REREGISTRATION_SHARE, len(ended)))
    received = on_or_after_wd(registrations["end"][r] + rng.integers(30, 270, len(r)))
    dob = registrations["dob"][r]
    ok = (received <= ED) & (received < dob + AGE18 - 120)
    part = _contacts(b, registrations["pid"][r][ok], received[ok], dob[ok])
    decided = part["decision"] != NA
    n = len(decided)
    row = part["row"]
    row["contact_type_code"] = np.full(n, "SAFE", dtype=object)
    row["is_safeguarding_concern"] = np.ones(n, dtype=bool)
    row["outcome_code"] = np.where(decided, "SAFE", None)
    row["decision_code"] = np.where(decided, "SAFE", None)
    row["contact_group_id"] = part["group"]
    part["type"] = row["contact_type_code"]
    part["outcome"] = np.where(decided, "SAFE", "")
    b.add("contacts", **{k: v[part["kept"]] for k, v in row.items()})
    return part


def _clear_of(
    pid: np.ndarray, start: np.ndarray, end: np.ndarray, other: tuple[np.ndarray, np.ndarray, np.ndarray]
) -> np.ndarray:
    """Whether each period (pid, start, end) overlaps none of the `other` periods of the same person."""
    mine = pd.DataFrame({"i": np.arange(len(pid)), "pid": pid, "s": start, "e": end})
    theirs = pd.DataFrame({"pid": other[0], "os": other[1], "oe": other[2]})
    both = mine.merge(theirs, on="pid")
    clash = both.loc[(both["os"] <= both["e"]) & (both["oe"] >= both["s"]), "i"].to_numpy()
    ok = np.ones(len(pid), dtype=bool)
    ok[clash] = False
    return ok


def _safeguarding(
    b: _Builder,
    contacts: dict[str, np.ndarray],
    forced: bool = False,
    existing: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None,
) -> tuple[dict[str, np.ndarray], dict[str, np.ndarray]]:
    """Strategy meetings .. registrations.

    Returns protection assessments (one per section 47) and the registrations. `forced`: every
    meeting decides on section 47 enquiries that lead to a registering conference (re-referrals of
    children de-registered), unless it would overlap a registration in `existing`.
    """
    rng = b.rng
    s = np.flatnonzero((contacts["outcome"] == "SAFE") & (contacts["decision"] != NA))
    n = len(s)
    pid, dob = contacts["pid"][s], contacts["dob"][s]
    meeting = add_wd(contacts["decision"][s], rng.integers(0, 2, n))
    concluded = np.where(b.bern(0.9, n), meeting, add_wd(meeting, 1))
    decision = choice(rng, cal.STRATEGY_DECISIONS, n)
    if forced:
        decision = choice(rng, {"S47": 0.4, "S47J": 0.6}, n)
    protocol = choice(rng, {"STD": 0.86, "MISS": 0.04, "CSE": 0.05, "RISK": 0.04, "MSL": 0.01}, n)
    process = b.ids("SP", n)
    sm_id = b.ids("SM", n)
    # A further strategy meeting follows FSM, and decides on a joint section 47.
    fsm = np.flatnonzero(decision == "FSM")
    fsm_date = add_wd(meeting[fsm], rng.integers(3, 10, len(fsm)))
    fsm_id = b.ids("SM", len(fsm))
    keep = (meeting >= HS) & (concluded <= ED)
    keep_f = (meeting[fsm] >= HS) & (fsm_date <= ED)
    b.add(
        "strategy_meetings",
        strategy_meeting_id=np.concatenate([sm_id[keep], fsm_id[keep_f]]),
        person_id=np.concatenate([pid[keep], pid[fsm][keep_f]]),
        safeguarding_process_id=np.concatenate([process[keep], process[fsm][keep_f]]),
        meeting_type_code=np.concatenate(
            [np.where(b.bern(0.55, n), "ISM", "ISD")[keep], np.full(int(keep_f.sum()), "SSM", dtype=object)]
        ),
        protocol_code=np.concatenate([protocol[keep], protocol[fsm][keep_f]]),
        meeting_date=np.concatenate([meeting[keep], fsm_date[keep_f]]),
        concluded_date=np.concatenate([concluded[keep], fsm_date[keep_f]]),
        decision_code=np.concatenate([decision[keep], np.full(int(keep_f.sum()), "S47J", dtype=object)]),
    )
    _strategy_factors(b, sm_id[keep], protocol[keep], decision[keep])

    # Section 47 enquiries.
    to_s47 = np.isin(decision, ["S47", "S47J"])
    s47_idx = np.concatenate([np.flatnonzero(to_s47), fsm])
    s47_meeting = np.concatenate([sm_id[to_s47], fsm_id])
    s47_start = np.concatenate([concluded[to_s47], fsm_date])
    m = len(s47_idx)
    s47_done = add_wd(s47_start, rng.integers(3, 16, m))
    s47_outcome = np.full(m, "ICPC", dtype=object) if forced else choice(rng, cal.S47_OUTCOMES, m)
    spid, sdob = pid[s47_idx], dob[s47_idx]
    s47_id = b.ids("SE", m)
    first_meeting = meeting[s47_idx]

    # Initial conferences and registrations (one registration at a time per child).
    icpc = np.flatnonzero((s47_outcome == "ICPC") & (s47_done <= ED))
    convened = s47_done[icpc]
    conf_date = np.maximum(
        np.where(
            b.bern(0.78, len(icpc)),
            add_wd(first_meeting[icpc], 15),
            add_wd(first_meeting[icpc], rng.integers(16, 30, len(icpc))),
        ),
        convened,
    )
    register = np.ones(len(icpc), dtype=bool) if forced else b.bern(cal.ICPC_REGISTER_SHARE, len(icpc))
    reg_start = conf_date
    duration = rng.gamma(2.0, cal.CP_MEAN_DAYS / 2.0, len(icpc)).astype(np.int64) + 60
    reg_end = add_wd(reg_start + duration, 0)
    age_end = sdob[icpc] + AGE18 - 1
    ended_age = reg_end >= age_end
    reg_end = np.where(ended_age, age_end, reg_end)
    valid = (conf_date <= ED) & (conf_date < age_end)
    cand = np.flatnonzero(valid & register)
    ok = cand[_nonoverlapping(spid[icpc][cand], reg_start[cand], reg_end[cand])]
    if existing is not None:
        ok = ok[_clear_of(spid[icpc][ok], reg_start[ok], reg_end[ok], existing)]
    register = np.zeros(len(icpc), dtype=bool)
    register[ok] = True
    # A registration that overlaps an earlier one becomes "not registered - care and support".
    conf_decision = np.where(register, "REG", np.where(b.bern(0.6, len(icpc)), "NREGCS", "NREGNFA"))
    category = choice(rng, cal.CP_CATEGORIES, len(icpc))
    unborn_conf = sdob[icpc] > conf_date
    conf_id = b.ids("CF", len(icpc))
    kept_conf = valid & (conf_date >= HS)
    kept_s47 = (s47_start >= HS) & (s47_start <= ED)
    s47_outcome_written = s47_outcome.copy()
    b.add(
        "section_47_enquiries",
        section_47_enquiry_id=s47_id[kept_s47],
        person_id=spid[kept_s47],
        strategy_meeting_id=np.where(first_meeting >= HS, s47_meeting, "")[kept_s47],
        start_date=s47_start[kept_s47],
        completed_date=clip_future(s47_done)[kept_s47],
        outcome_code=np.where(s47_done <= ED, s47_outcome_written, None)[kept_s47],
    )
    b.add(
        "cp_conferences",
        conference_id=conf_id[kept_conf],
        person_id=spid[icpc][kept_conf],
        section_47_enquiry_id=np.where(kept_s47[icpc], s47_id[icpc], "")[kept_conf],
        conference_type_code=np.where(unborn_conf, "PBICPC", "ICPC")[kept_conf],
        convened_date=convened[kept_conf],
        conference_date=conf_date[kept_conf],
        decision_code=conf_decision[kept_conf],
        category_code=np.where(register, category, None)[kept_conf],
    )
    r = np.flatnonzero(register)
    _registrations(
        b,
        spid[icpc][r],
        sdob[icpc][r],
        reg_start[r],
        reg_end[r],
        ended_age[r],
        category[r],
        np.where(kept_conf[r], conf_id[r], ""),
    )

    # Advocacy: active offers to children aged five and over at an initial conference.
    age_conf = (conf_date - sdob[icpc]) / YEAR
    adv = np.flatnonzero(kept_conf & (age_conf >= 5) & b.bern(0.25, len(icpc)))
    _advocacy(b, spid[icpc][adv], conf_date[adv], "ICPC")

    # A protection assessment (result 8) alongside each section 47 enquiry.
    p_outcome = (
        pd.Series(s47_outcome)
        .map({"ICPC": "NAET8P", "CSP": "NAET8O", "NFA": "NAET8N", "OTH": "NAET8O"})
        .to_numpy()
    )
    p_outcome = np.where((s47_outcome == "CSP") & b.bern(0.4, m), "NAET8P", p_outcome)
    registrations = dict(
        pid=spid[icpc][r], dob=sdob[icpc][r], start=reg_start[r], end=reg_end[r], ended_age=ended_age[r]
    )
    protection = dict(
        pid=spid,
        contact=np.where(contacts["kept"][s][s47_idx], contacts["id"][s][s47_idx], ""),
        dob=sdob,
        start=s47_start,
        completed=s47_done,
        outcome=p_outcome,
        family=np.full(m, "", dtype=object),
        protection=np.ones(m, dtype=bool),
    )
    return protection, registrations


def _strategy_factors(b: _Builder, sm_id: np.ndarray, protocol: np.ndarray, decision: np.ndarray) -> None:
    rng = b.rng
    n = len(sm_id)
    perps = 1 + b.bern(0.2, n)
    g = np.repeat(np.arange(n), perps)
    # Meetings progressing to section 47 enquiries (or to a further meeting deciding on them) are
    # often about exploitation (CH/034).
    to_s47 = np.isin(decision, ["S47", "S47J", "FSM"]) & b.bern(cal.S47_MEETING_EXPLOITATION_SHARE, n)
    by_protocol = np.isin(protocol, ["CSE", "RISK", "MSL"])
    expl = np.flatnonzero(by_protocol | to_s47 | b.bern(0.06, n))
    expl_code = np.where(
        protocol[expl] == "CSE",
        "E-CSE",
        np.where(
            protocol[expl] == "MSL",
            "E-TRAF",
            np.where(
                to_s47[expl] & ~by_protocol[expl],
                choice(rng, cal.S47_MEETING_EXPLOITATION_FACTORS, len(expl)),
                choice(rng, {"E-CCE": 0.6, "E-CCL": 0.25, "E-CSE": 0.15}, len(expl)),
            ),
        ),
    )
    meeting = np.concatenate([sm_id[g], sm_id, sm_id[expl]])
    ftype = np.concatenate([np.full(len(g), "PERP"), np.full(n, "SETT"), np.full(len(expl), "EXPL")]).astype(
        object
    )
    code = np.concatenate(
        [
            choice(
                rng,
                {
                    "P-PR": 0.58,
                    "P-STEP": 0.08,
                    "P-FAM": 0.1,
                    "P-SIB": 0.03,
                    "P-CHILD": 0.05,
                    "P-CARE": 0.02,
                    "P-PROF": 0.02,
                    "P-NEIGH": 0.01,
                    "P-OTH": 0.04,
                    "P-NK": 0.07,
                },
                len(g),
            ),
            choice(
                rng,
                {
                    "S-HOME": 0.74,
                    "S-COMM": 0.1,
                    "S-EDU": 0.04,
                    "S-FOST": 0.01,
                    "S-RES": 0.01,
                    "S-HLTH": 0.01,
                    "S-ONL": 0.05,
                    "S-OTH": 0.02,
                    "S-NK": 0.02,
                },
                n,
            ),
            expl_code,
        ]
    ).astype(object)
    order = np.argsort(meeting, kind="stable")
    b.add(
        "strategy_meeting_factors",
        strategy_meeting_factor_id=b.ids("SF", len(meeting)),
        strategy_meeting_id=meeting[order],
        factor_type_code=ftype[order],
        factor_code=code[order],
    )


def _registrations(
    b: _Builder,
    pid: np.ndarray,
    dob: np.ndarray,
    start: np.ndarray,
    end: np.ndarray,
    ended_age: np.ndarray,
    category: np.ndarray,
    conf_id: np.ndarray,
) -> None:
    rng = b.rng
    n = len(pid)
    reg_id = b.ids("RG", n)
    is_open = end > ED
    kept = (start >= HS) | ((end >= HS) & ~is_open) | is_open
    # Review conferences: three months after registration, then six-monthly, before the end.
    group, _, due = periodic(start, end - 1, 91, 182)
    rc_day = add_wd(due, -rng.integers(0, 5, len(group)))
    ok = (rc_day >= HS) & (rc_day <= ED) & (rc_day < end[group])
    dereg_conf = ~is_open & ~ended_age
    dc_id = b.ids("CF", n)
    rcpc_ids = b.ids("CF", int(ok.sum()))
    b.add(
        "cp_conferences",
        conference_id=np.concatenate([rcpc_ids, dc_id[dereg_conf & (end >= HS)]]),
        person_id=np.concatenate([pid[group][ok], pid[dereg_conf & (end >= HS)]]),
        section_47_enquiry_id=np.full(int(ok.sum() + (dereg_conf & (end >= HS)).sum()), "", dtype=object),
        conference_type_code=np.full(int(ok.sum() + (dereg_conf & (end >= HS)).sum()), "RCPC", dtype=object),
        convened_date=np.concatenate([rc_day[ok] - 14, end[dereg_conf & (end >= HS)] - 14]),
        conference_date=np.concatenate([rc_day[ok], end[dereg_conf & (end >= HS)]]),
        decision_code=np.concatenate(
            [
                np.full(int(ok.sum()), "CONT", dtype=object),
                np.full(int((dereg_conf & (end >= HS)).sum()), "DEREG", dtype=object),
            ]
        ),
        category_code=np.concatenate(
            [category[group][ok], np.full(int((dereg_conf & (end >= HS)).sum()), None)]
        ),
    )
    reason = np.where(ended_age, "AGE18", choice(rng, {"NORISK": 0.9, "MOVED": 0.06, "OTH": 0.04}, n))
    b.add(
        "cp_registrations",
        registration_id=reg_id[kept],
        person_id=pid[kept],
        registration_conference_id=conf_id[kept],
        registration_date=start[kept],
        category_code=category[kept],
        is_temporary=np.zeros(int(kept.sum()), dtype=bool),
        deregistration_date=np.where(is_open, NA, end)[kept],
        deregistration_conference_id=np.where(dereg_conf & (end >= HS), dc_id, "")[kept],
        deregistration_reason_code=np.where(is_open, None, reason)[kept],
    )
    _plans(b, "CPP", pid, start, end, np.where(ended_age, "AGE", "NEED"))
    stop = np.minimum(end, ED)
    # Core groups: the initial one within 10 working days, then about six-weekly.
    icg = add_wd(start, rng.integers(2, 11, n))
    cg_group, _, cg_due = periodic(icg, stop - 1, 42, 42)
    cg_day = add_wd(cg_due, 0)
    keep_icg = (icg >= HS) & (icg <= ED) & (icg < end) & kept
    keep_cg = (cg_day >= HS) & (cg_day <= ED) & (cg_day < end[cg_group]) & kept[cg_group]
    b.add(
        "core_group_meetings",
        core_group_meeting_id=b.ids("CG", int(keep_icg.sum() + keep_cg.sum())),
        person_id=np.concatenate([pid[keep_icg], pid[cg_group][keep_cg]]),
        registration_id=np.concatenate([reg_id[keep_icg], reg_id[cg_group][keep_cg]]),
        meeting_type_code=np.concatenate(
            [
                np.full(int(keep_icg.sum()), "ICG", dtype=object),
                np.full(int(keep_cg.sum()), "CG", dtype=object),
            ]
        ),
        meeting_date=np.concatenate([icg[keep_icg], cg_day[keep_cg]]),
    )
    _cp_visits(b, pid, dob, start, np.minimum(end - 1, ED))


def _cp_visits(b: _Builder, pid: np.ndarray, dob: np.ndarray, start: np.ndarray, stop: np.ndarray) -> None:
    """Statutory visits at least every 10 working days while registered (CH/029-CH/030).

    A walk over the working-day calendar: gaps of CP_VISIT_GAP_WORKING_DAYS, a few longer; after a
    visit that did not see the child (no answer, refused, ...) the next follows within 1-2 working days.
    """
    rng = b.rng
    wd = working_days()
    first = np.searchsorted(wd, start, "left")
    last = np.searchsorted(wd, stop, "right") - 1
    slots = np.clip((last - first) // 3 + 3, 0, None)
    group = np.repeat(np.arange(len(pid)), slots)
    m = len(group)
    outcome = choice(rng, {"COMP": 0.93, "NOANS": 0.025, "NOTSEEN": 0.025, "REFUSED": 0.01, "CANC": 0.01}, m)
    seen = (outcome == "COMP") & b.bern(0.96, m)
    virtual = b.bern(0.03, m)
    assessed = virtual & b.bern(0.9, m)
    low, high = cal.CP_VISIT_GAP_WORKING_DAYS
    gap = np.where(
        b.bern(cal.CP_VISIT_LATE_SHARE, m),
        rng.integers(high + 1, high + 6, m),
        rng.integers(low, high + 1, m),
    )
    # The child counts as seen at a completed visit before birth (the visit was to the mother).
    index = first[group] + _cumsum_by_group(gap, slots)  # provisional, for the unborn test
    day = wd[np.minimum(index, len(wd) - 1)]
    unborn = dob[group] > day
    successful = (outcome == "COMP") & (seen | unborn) & (~virtual | assessed)
    after_failure = ~_shift(successful, True) & (_shift(group, -1) == group)
    gap = np.where(after_failure, rng.integers(1, 3, m), gap)
    index = first[group] + _cumsum_by_group(gap, slots)
    keep = index <= last[group]
    day = wd[np.where(keep, index, 0)]
    keep &= (day >= HS) & (day <= ED)
    k = np.flatnonzero(keep)
    _visit_rows(
        b,
        "CPV",
        pid[group][k],
        day[k],
        outcome[k],
        seen[k] & (dob[group][k] <= day[k]),
        virtual[k],
        assessed[k],
    )


def _advocacy(b: _Builder, pid: np.ndarray, day: np.ndarray, trigger: str) -> None:
    n = len(pid)
    offer = add_wd(day, b.rng.integers(0, 5, n))
    provided = b.bern(0.85, n)
    provided_date = np.where(provided, add_wd(offer, b.rng.integers(1, 15, n)), NA)
    keep = (offer >= HS) & (offer <= ED)
    provided_date = clip_future(provided_date)
    b.add(
        "advocacy_offers",
        advocacy_offer_id=b.ids("AO", int(keep.sum())),
        person_id=pid[keep],
        offer_date=offer[keep],
        trigger_code=np.full(int(keep.sum()), trigger, dtype=object),
        is_active_offer=np.ones(int(keep.sum()), dtype=bool),
        advocate_provided=(provided_date != NA)[keep],
        advocate_provided_date=provided_date[keep],
        provider_name=np.full(int(keep.sum()), "Synthetic Advocacy Service", dtype=object),
    )


# --- 2. looked-after children and care leavers -----------------------------------------------------


def _looked_after_cohort(b: _Builder, scale: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    rng = b.rng
    n = rng.poisson(cal.LAC_STARTS_PER_1000 * scale * (ED - LAC_START) / YEAR)
    start = rng.integers(LAC_START, ED + 1, n)
    age_band = rng.choice(5, n, p=[0.2, 0.2, 0.2, 0.32, 0.08])
    low = np.array([0, 365, 5 * 365, 10 * 365, 16 * 365])[age_band]
    high = np.array([364, 5 * 365 - 1, 10 * 365 - 1, 16 * 365 - 1, 17 * 365 + 300])[age_band]
    dob = start - rng.integers(low, high + 1)
    age = (start - dob) / YEAR
    until18 = dob + AGE18 - 1
    # Paths out of care.
    u = rng.random(n)
    path = np.where(
        age < 5,
        np.select([u < 0.22, u < 0.37, u < 0.62], ["ADOPT", "SGO", "HOME"], "LONG"),
        np.where(
            age < 16,
            np.select([u < 0.08, u < 0.42], ["SGO", "HOME"], "LONG"),
            np.where(u < 0.35, "HOME", "LONG"),
        ),
    )
    length = np.select(
        [path == "HOME", path == "ADOPT", path == "SGO"],
        [rng.lognormal(np.log(300), 0.9, n), rng.uniform(450, 950, n), rng.uniform(300, 900, n)],
        until18 - start,
    ).astype(np.int64)
    length = np.maximum(length, 1)
    end = np.minimum(start + length, until18)
    path = np.where((end == until18) & (path != "LONG"), "LONG", path)
    # Some long-stay young people leave at 16-17 for independent living.
    early = (path == "LONG") & (age < 16) & b.bern(0.12, n)
    end = np.where(early, np.maximum(start + 30, dob + rng.integers(16 * 365 + 30, AGE18 - 30, n)), end)
    end = np.minimum(end, until18)
    final_reason = np.select(
        [path == "HOME", path == "ADOPT", path == "SGO", early, end == until18],
        [
            np.where(b.bern(0.85, n), "E4", "E45"),
            np.where(b.bern(0.6, n), "E11", "E12"),
            np.where(b.bern(0.6, n), "E43", "E44"),
            np.where(b.bern(0.5, n), "E5", "E6"),
            choice(rng, {"E10": 0.15, "E5": 0.35, "E6": 0.1, "E8": 0.35, "E7": 0.05}, n),
        ],
        "E8",
    )
    keep = (end >= HS) | (end > ED)
    pid = b.ids("L", n)
    pid, dob, start, end, path, final_reason = (
        pid[keep],
        dob[keep],
        start[keep],
        end[keep],
        path[keep],
        final_reason[keep],
    )
    _lac_episodes(b, pid, dob, start, end, path, final_reason, short_breaks=False)
    return pid, dob, np.zeros(len(pid), dtype=bool)


def _lac_episodes(
    b: _Builder,
    pid: np.ndarray,
    dob: np.ndarray,
    start: np.ndarray,
    end: np.ndarray,
    path: np.ndarray,
    final_reason: np.ndarray,
    short_breaks: bool,
) -> None:
    rng = b.rng
    n = len(pid)
    if n == 0:  # a small chunk may have no child in the cohort
        return
    is_open = end > ED
    stop = np.minimum(end, ED)
    span = np.maximum(stop - start, 1)
    # Boundaries inside the period: placement moves and (for court cases) C1 -> C2.
    moves = np.zeros(n, dtype=np.int64) if short_breaks else rng.poisson(0.3 * span / YEAR + 0.4)
    g = np.repeat(np.arange(n), moves)
    move_day = start[g] + 1 + (rng.random(len(g)) * (span[g] - 1)).astype(np.int64)
    legal0 = (
        np.full(n, "V1", dtype=object)
        if short_breaks
        else choice(rng, {"C1": 0.6, "V2": 0.3, "L1": 0.03, "L2": 0.03, "J1": 0.02, "E1": 0.02}, n)
    )
    court = (legal0 == "C1") & (span > 200)
    c2_day = start + rng.integers(120, 300, n)
    lg = np.flatnonzero(court & (c2_day < stop))
    adopt_day = np.maximum(end - rng.integers(150, 300, n), start + 1)
    ad = np.flatnonzero((path == "ADOPT") & (adopt_day < stop))
    period = np.concatenate([np.arange(n), g, lg, ad])
    day = np.concatenate([start, move_day, c2_day[lg], adopt_day[ad]])
    kind = np.concatenate(
        [np.full(n, "S"), np.full(len(g), "P"), np.full(len(lg), "L"), np.full(len(ad), "B")]
    ).astype(object)
    order = np.lexsort((day, period))
    period, day, kind = period[order], day[order], kind[order]
    dup = np.r_[False, (period[1:] == period[:-1]) & (day[1:] == day[:-1])]
    period, day, kind = period[~dup], day[~dup], kind[~dup]
    last = np.r_[period[1:] != period[:-1], True]
    ep_end = np.where(last, end[period], np.r_[day[1:], 0])
    m = len(period)
    # Legal status: C2 after the change to a full care order, E1 once placed for adoption.
    legal = legal0[period].copy()
    after_c2 = np.isin(period, lg)
    legal = np.where(after_c2 & (day >= c2_day[period]), "C2", legal)
    legal = np.where((kind == "B") | ((path[period] == "ADOPT") & (day >= adopt_day[period])), "E1", legal)
    age = (day - dob[period]) / YEAR
    placement = np.where(
        age >= 16,
        choice(rng, {"F2": 0.3, "F3": 0.2, "H5": 0.2, "H22": 0.15, "F1": 0.1, "P2": 0.05}, m),
        choice(
            rng,
            {
                "F2": 0.38,
                "F3": 0.17,
                "F1": 0.16,
                "F4": 0.04,
                "P1": 0.08,
                "H21": 0.05,
                "H22": 0.08,
                "R3": 0.01,
                "S1": 0.01,
                "H1": 0.005,
                "Z1": 0.015,
            },
            m,
        ),
    )
    placement = np.where(
        age < 1, np.where(b.bern(0.2, m), "R3", np.where(b.bern(0.5, m), "F2", "F1")), placement
    )
    placement = np.where(legal == "E1", np.where(b.bern(0.5, m), "A5", "A6"), placement)
    placement = np.where(short_breaks, choice(rng, {"F2": 0.5, "H21": 0.3, "H22": 0.2}, m), placement)
    provider = (
        pd.Series(placement)
        .map(
            {
                "F1": "PR1",
                "F2": "PR1",
                "F4": "PR1",
                "F3": "PR4",
                "P1": "PR0",
                "H21": "PR1",
                "H22": "PR4",
                "H5": "PR5",
                "P2": "PR1",
                "R3": "PR3",
                "S1": "PR4",
                "H1": "PR2",
                "Z1": "PR5",
                "A5": "PR1",
                "A6": "PR2",
            }
        )
        .to_numpy()
    )
    location = choice(rng, {"INLA": 0.68, "WALES": 0.21, "ENG": 0.1, "SCOT": 0.01}, m)
    location = np.where(placement == "P1", "INLA", location)
    foster = np.isin(placement, ["F1", "F2", "F3", "F4"])
    temp = np.isin(placement, ["F1", "F4"]) & b.bern(0.35, m)
    approved = np.where(temp, day + rng.integers(30, 112, m), NA)
    approved = np.where((approved != NA) & (approved < ep_end) & (approved <= ED), approved, NA)
    permanent = (path[period] == "LONG") & (not short_breaks) & b.bern(0.3, m)
    reason_new = np.select([kind == "S", kind == "P", kind == "L", kind == "B"], ["S", "P", "L", "B"], "S")
    ceased = np.where(last, final_reason[period], "X1")
    ep_open = last & is_open[period]
    keep = (ep_end >= HS) | ep_open
    placement, provider, location, foster, temp, approved, permanent, extra = _placements(
        b,
        pid,
        (period, day, ep_end, kind, legal),
        (placement, provider, location),
        (foster, temp, approved, permanent),
    )
    ep_id = b.ids("EP", m)
    b.add(
        "looked_after_episodes",
        episode_id=ep_id[keep],
        person_id=pid[period][keep],
        start_date=day[keep],
        reason_new_episode_code=reason_new[keep],
        legal_status_code=legal[keep],
        placement_type_code=placement[keep],
        placement_provider_code=provider[keep],
        placement_location_code=location[keep],
        carer_approval_status_code=np.where(foster, np.where(temp, "TEMP", "APPR"), None)[keep],
        carer_approved_date=approved[keep],
        is_permanent_placement=permanent[keep],
        permanence_agreed_date=extra["permanence_agreed_date"][keep],
        is_temporary_move=np.zeros(int(keep.sum()), dtype=bool),
        placement_id=extra["placement_id"][keep],
        is_under_24_hours=extra["is_under_24_hours"][keep],
        assessment_completed_date=extra["assessment_completed_date"][keep],
        agreed_visit_interval_days=extra["agreed_visit_interval_days"][keep],
        end_date=np.where(ep_open, NA, ep_end)[keep],
        reason_episode_ceased_code=np.where(ep_open, None, ceased)[keep],
    )
    if short_breaks:
        _visits(b, "SBV", pid, start, stop, first=60, interval=91)
        return
    # The care plan (Part 6), IRO reviews and statutory visits.
    plan_start = add_wd(start, rng.integers(0, 13, n))
    plan_end = np.maximum(end, plan_start)
    plan_id = _plans(b, "LACP", pid, plan_start, plan_end, np.where(path == "LONG", "AGE", "NEED"))
    # IRO reviews on the statutory cycle: 20 working days, three months later, then six-monthly.
    rv_first = add_wd(start, 20) - start
    stop_rv = np.minimum(end - 1, ED)
    rv_from_plan = np.maximum(rv_first - (plan_start - start), 10)
    _reviews(
        b, "LACR", plan_id, pid, plan_start, stop_rv, rv_from_plan, interval=182, on_time=0.96, second=91
    )
    _visits(b, "LACV", pid, start, np.minimum(end - 1, ED), first=5, interval=42)
    _statutory_visit_timing(
        b, pid, start, pid[period][extra["is_new_placement"]], day[extra["is_new_placement"]]
    )
    # School changes at some placement moves of school-age children.
    sc = np.flatnonzero((kind == "P") & (age >= 5) & (age < 16) & b.bern(0.25, m) & (day >= HS) & (day <= ED))
    b.add(
        "school_changes",
        school_change_id=b.ids("SC", len(sc)),
        person_id=pid[period][sc],
        change_date=add_wd(day[sc], rng.integers(0, 15, len(sc))).clip(max=ED),
        previous_school_reference=np.char.add("SCH", rng.integers(1000, 9999, len(sc)).astype(str)).astype(
            object
        ),
        new_school_reference=np.char.add("SCH", rng.integers(1000, 9999, len(sc)).astype(str)).astype(object),
        change_reason_code=choice(
            rng, {"PLAC": 0.8, "CHOICE": 0.08, "SEN": 0.05, "EXCL": 0.04, "OTH": 0.03}, len(sc)
        ),
        is_out_of_county=(location[sc] != "INLA"),
    )
    _thin_school_changes(b)
    _missing(b, pid, dob, start, stop)
    age0 = (start - dob) / YEAR
    adv = np.flatnonzero((age0 >= 5) & b.bern(0.35, n))
    _advocacy(b, pid[adv], start[adv], "LAC")
    _care_leavers(b, pid, dob, start, end, final_reason)
    _special_guardianship(b, pid, dob, end, final_reason)


def _placements(
    b: _Builder,
    pid: np.ndarray,
    episodes: tuple[np.ndarray, ...],
    where: tuple[np.ndarray, ...],
    carers: tuple[np.ndarray, ...],
) -> tuple[np.ndarray, ...]:
    """Placements across the episodes of each period of care (CH/041, CH/043), from a random stream of
    their own so that no other file's rows change.

    A change of legal status (L) keeps the child in the same placement: its type, provider, location,
    carer approval and permanence are those of the episode before. Each S, P or B episode is a new
    placement with a new placement_id, except a P episode recorded when the carer moved house (the
    same carer and placement_id, cal.LAC_CARER_ADDRESS_CHANGE_SHARE). A few placement_id are not
    recorded (cal.LAC_PLACEMENT_ID_MISSING_SHARE). Also drawn: is_under_24_hours for periods of care
    starting and ending within a day, the date the assessment of a placement with parents (P1) was
    completed, and the visit interval agreed for a series of short breaks (V1).
    """
    period, day, ep_end, kind, legal = episodes
    placement, provider, location = where
    foster, temp, approved, permanent = carers
    xr = b.chunk.rng("looked_after_placements")
    m = len(period)
    # Fewer placements outside Wales and more with family and friends than the draws above (CH/046,
    # CH/048 of the reference authority): a share of them become placements in the authority's area
    # and placements with relatives or friends.
    home = np.isin(location, ["ENG", "SCOT"]) & (xr.random(m) < cal.LAC_OUTSIDE_WALES_TO_LOCAL_SHARE)
    location = np.where(home, "INLA", location)
    family = np.isin(placement, ["F2", "F3"]) & (xr.random(m) < cal.LAC_FOSTER_TO_FAMILY_SHARE)
    placement = np.where(family, np.where(xr.random(m) < 0.8, "F1", "F4"), placement)
    provider = np.where(family, "PR1", provider)
    same_as_before = kind == "L"
    address_change = (kind == "P") & (xr.random(m) < cal.LAC_CARER_ADDRESS_CHANGE_SHARE)
    carried = same_as_before | address_change
    index = np.arange(m)
    source = pd.Series(np.where(carried, np.nan, index)).groupby(period).ffill().to_numpy()
    source = np.where(np.isnan(source), index, source).astype(np.int64)
    placement, provider, location = placement[source], provider[source], location[source]
    source_approved = approved[source]
    approved_before = carried & (source_approved != NA) & (source_approved <= day)
    foster, permanent = foster[source], permanent[source]
    temp = temp[source] & ~approved_before
    approved = np.where(
        carried, np.where((source_approved > day) & (source_approved < ep_end), source_approved, NA), approved
    )
    permanence_day = day[source]
    placement_number = pd.Series(~carried).groupby(period).cumsum().to_numpy()
    placement_id = np.char.add(
        np.char.add(pid[period].astype(str), "-PL"), placement_number.astype(str)
    ).astype(object)
    placement_id = np.where(xr.random(m) < cal.LAC_PLACEMENT_ID_MISSING_SHARE, None, placement_id)
    first = np.r_[True, period[1:] != period[:-1]]
    single_day = first & np.r_[period[1:] != period[:-1], True] & (ep_end - day <= 1)
    under_24 = np.where(single_day, np.where(xr.random(m) < 0.6, "Y", "N"), None)
    assessed = np.where((placement == "P1") & (xr.random(m) < 0.85), day + xr.integers(14, 120, m), NA)
    assessed = np.where((assessed != NA) & (assessed < ep_end) & (assessed <= ED), assessed, NA)
    interval = np.where(
        (legal == "V1") & (xr.random(m) < 0.8),
        np.array([91, 91, 182, 182, 182])[xr.integers(0, 5, m)],
        -1,
    )
    extra = {
        "placement_id": placement_id,
        "is_under_24_hours": under_24,
        "assessment_completed_date": assessed,
        "agreed_visit_interval_days": np.where(interval > 0, interval.astype(str), None).astype(object),
        # The contract wants it on or after the episode start: an L episode repeats its own start.
        "permanence_agreed_date": np.where(permanent, np.maximum(permanence_day, day), NA),
        "is_new_placement": ~carried & (kind != "S"),
    }
    return placement, provider, location, foster, temp, approved, permanent, extra


def _statutory_visit_timing(
    b: _Builder, pid: np.ndarray, start: np.ndarray, move_pid: np.ndarray, move_day: np.ndarray
) -> None:
    """Statutory visits to looked-after children as practice makes them (CH/041-CH/042), from a random
    stream of their own. Only the dates and outcomes of the LACV rows just written change: no row is
    added or dropped, so every other row of visits.csv (and the defects drawn over it) stays the same.

    The rows were drawn a few working days ahead of a 42-day grid from the start of care, which makes
    a third of the gaps longer than six weeks. Here each child's social worker keeps to the grid a
    fixed 0-3 days ahead of it; now and then a visit is late (cal.LAC_VISIT_LATE_SHARE, 5-20 days), a
    few do not take place (cal.LAC_VISIT_MISSED_SHARE: no answer, cancelled), and after a move to a
    new placement the next visit is brought forward into the first week (cal.LAC_MOVE_VISIT_SHARE).
    """
    xr = b.chunk.rng("looked_after_visits")
    rows = b.tables["visits"][-1]
    person = np.asarray(rows["person_id"]).astype(str)
    n = len(person)
    child_start = pd.Series(start, index=pid.astype(str))
    child_lead = pd.Series(xr.integers(0, 4, len(pid)), index=pid.astype(str))
    first = child_start.reindex(person).to_numpy() + 5
    grid = first + np.round((np.asarray(rows["visit_date"]) - first) / 42).astype(np.int64) * 42
    late = xr.random(n) < cal.LAC_VISIT_LATE_SHARE
    visit_day = grid - child_lead.reindex(person).to_numpy() + np.where(late, xr.integers(5, 21, n), 0)
    # Visits fall on working days: the grid keeps its weekday (42 days is six weeks), so moving a
    # weekend visit back to the Friday keeps the gaps.
    visit_day = on_or_before_wd(np.clip(visit_day, HS, ED))
    # The first visit on or after each move, brought forward to 1-6 days after it.
    visits = pd.DataFrame({"person": person, "day": visit_day, "row": np.arange(n)}).sort_values(["day"])
    moves = pd.DataFrame({"person": np.asarray(move_pid).astype(str), "day": np.asarray(move_day)})
    moves = moves[xr.random(len(moves)) < cal.LAC_MOVE_VISIT_SHARE].sort_values(["day"])
    matched = pd.merge_asof(moves, visits, on="day", by="person", direction="forward").dropna(subset=["row"])
    matched = matched.drop_duplicates("row")
    row = matched["row"].to_numpy(dtype=np.int64)
    visit_day[row] = np.minimum(
        on_or_before_wd(matched["day"].to_numpy() + xr.integers(1, 7, len(row))), visit_day[row]
    )
    missed = xr.random(n) < cal.LAC_VISIT_MISSED_SHARE
    outcome = np.where(missed, np.where(xr.random(n) < 0.5, "NOANS", "CANC"), "COMP")
    seen = ~missed
    b.tables["visits"][-1] = {
        **rows,
        "visit_date": visit_day,
        "outcome_code": outcome,
        "child_seen": seen,
        "child_seen_alone": np.asarray(rows["child_seen_alone"]) & seen,
    }


def _thin_school_changes(b: _Builder) -> None:
    """Most moves of placement keep the child at the same school (Part 6 Code para 100): only
    cal.LAC_SCHOOL_CHANGE_KEPT_SHARE of the school changes just drawn happen (own random stream)."""
    xr = b.chunk.rng("looked_after_schools")
    rows = b.tables["school_changes"][-1]
    n = len(np.asarray(rows["person_id"]))
    kept = xr.random(n) < cal.LAC_SCHOOL_CHANGE_KEPT_SHARE
    b.tables["school_changes"][-1] = {name: np.asarray(values)[kept] for name, values in rows.items()}


def _missing(b: _Builder, pid: np.ndarray, dob: np.ndarray, start: np.ndarray, stop: np.ndarray) -> None:
    rng = b.rng
    teen_from = np.maximum(start, dob + 12 * 365)
    span = np.clip(stop - teen_from, 0, None)
    weight = rng.gamma(cal.MISSING_WEIGHT_SHAPE, 1 / cal.MISSING_WEIGHT_SHAPE, len(pid))
    count = rng.poisson(weight * span / YEAR * cal.MISSING_RATE_PER_TEEN_YEAR)
    g = np.repeat(np.arange(len(pid)), count)
    begin = teen_from[g] + (rng.random(len(g)) * span[g]).astype(np.int64)
    finish = begin + rng.integers(0, 4, len(g))
    keep = (begin >= HS) & (finish <= ED)
    g, begin, finish = g[keep], begin[keep], finish[keep]
    k = len(g)
    offered = b.bern(0.9, k)
    interview = np.where(offered & b.bern(0.8, k), finish + rng.integers(0, 4, k), NA)
    b.add(
        "missing_episodes",
        missing_episode_id=b.ids("MI", k),
        person_id=pid[g],
        missing_type_code=choice(rng, {"MISS": 0.6, "AWOL": 0.35, "ABS": 0.05}, k),
        start_date=begin,
        reported_date=begin + (b.bern(0.2, k)).astype(np.int64),
        end_date=finish,
        is_placed_by_another_authority=b.bern(0.05, k),
        return_interview_offered=offered,
        return_interview_date=clip_future(interview),
    )


def _care_leavers(
    b: _Builder, pid: np.ndarray, dob: np.ndarray, start: np.ndarray, end: np.ndarray, reason: np.ndarray
) -> None:
    """Care-leaver statuses, pathway plans and reviews, personal adviser contacts and activities.

    The shared stream (b.rng) is drawn exactly as before the care-leaver calibration so that every
    other table keeps its rows; what changed for CH/049-CH/057 (how long category 3 lasts, dated
    engagement, recoded activities, more homelessness and advocacy offers, care leavers who left care
    before the history starts) is drawn from the care leavers' own stream (_care_leaver_extras).
    """
    rng = b.rng
    own = b.chunk.rng("care_leavers")
    d16, d18, d21, d25 = dob + 16 * 365 + 4, dob + AGE18, dob + 21 * 365 + 5, dob + 25 * 365 + 6
    eligible = (start <= d16 - 60) & (end > d16)
    c = np.flatnonzero(eligible)
    educ = b.bern(0.03, len(c))
    to25_plan = ~educ & b.bern(0.4, len(c))  # pathway plan to 25 (shared stream, plans and reviews)
    # Category 3 support continues to 25 for most (on request, s104-s110): status rows only.
    to25 = ~educ & (own.random(len(c)) < cal.CARE_LEAVER_TO_25_SHARE)
    parts = []
    # Category 1 while looked after from 16; 2 if leaving care before 18; 3 from 18 to 21; 4 to 25.
    for cat, s, e in (
        ("CL1", d16[c], np.minimum(end[c], d18[c] - 1)),
        ("CL2", end[c] + 1, d18[c] - 1),
        ("CL3", d18[c], np.where(to25, d25[c], d21[c]) - 1),
        ("CL4", d21[c], d25[c] - 1),
    ):
        ok = (e > s) & (s <= ED)
        if cat == "CL2":
            ok &= end[c] < d18[c] - 1
        if cat == "CL3":
            ok &= end[c] >= d18[c] - 1
        if cat == "CL4":
            ok &= educ & (end[c] >= d18[c] - 1)
        parts.append((cat, c[ok], s[ok], e[ok]))
    cat = np.concatenate([np.full(len(p[1]), p[0], dtype=object) for p in parts])
    who = np.concatenate([p[1] for p in parts])
    s = np.concatenate([p[2] for p in parts])
    e = np.concatenate([p[3] for p in parts])
    is_open = e > ED
    keep = (e >= HS) | is_open
    k = int(keep.sum())
    pa = add_wd(s, rng.integers(0, 10, len(s)))
    pa = np.where(pa > e, s, pa)
    engaged = b.bern(0.85, k)
    ended = _engagement_ended(own, s[keep], np.where(is_open, NA, e)[keep], engaged)
    b.add(
        "care_leavers",
        care_leaver_status_id=b.ids("CL", k),
        person_id=pid[who][keep],
        category_code=cat[keep],
        start_date=s[keep],
        end_date=np.where(is_open, NA, e)[keep],
        personal_adviser_allocated_date=clip_future(pa)[keep],
        personal_adviser_end_date=np.where(is_open | (pa > ED), NA, e)[keep],
        pathway_review_interval_months=np.full(k, 6),
        is_engaged=engaged,
        engagement_ended_date=ended,
    )
    # Pathway plan: from the 16th birthday (within three months) to 21 (25 in education).
    pw_start = add_wd(d16[c] + rng.integers(0, 80, len(c)), 0)
    pw_end = np.where(educ | to25_plan, d25[c] - 1, d21[c] - 1)
    plan_id = _plans(b, "PWP", pid[c], pw_start, pw_end, np.full(len(c), "AGE", dtype=object))
    _reviews(
        b, "PWR", plan_id, pid[c], pw_start, np.minimum(pw_end, ED), first=182, interval=182, on_time=0.9
    )
    # Personal adviser contacts after leaving care (every two months).
    left = np.maximum(end[c], d18[c])
    _visits(b, "PAC", pid[c], left, np.minimum(pw_end, ED), first=20, interval=60)
    _care_leaver_activities(b, pid[c], left, np.minimum(pw_end, ED), reason[c])
    _recode_main_activities(b, own)
    _care_leaver_extras(b, own, pid, dob, start, end, left_care=left, who=c)


def _engagement_ended(
    own: np.random.Generator, s: np.ndarray, e: np.ndarray, engaged: np.ndarray
) -> np.ndarray:
    """Dated engagement: a young person not engaged now stopped engaging on a day of the period."""
    stop = np.where(e == NA, ED, np.minimum(e, ED))
    span = np.maximum(stop - s, 0)
    day = s + (own.random(len(s)) * span).astype(np.int64)
    return np.where(engaged | (s > ED), NA, day)


def _recode_main_activities(b: _Builder, own: np.random.Generator) -> None:
    """Most care leavers' spells are not education, employment or training (CH/054 calibration)."""
    rows = b.tables["care_leaver_activities"][-1]
    code = np.asarray(rows["activity_code"], dtype=object)
    eet = np.isin(code, ["F1", "F2", "F3", "F4"])
    recode = eet & (own.random(len(code)) < cal.CARE_LEAVER_EET_TO_NEET_SHARE)
    rows["activity_code"] = np.where(
        recode, choice(own, {"G5": 0.7, "G4": 0.15, "G6": 0.15}, len(code)), code
    )


def _care_leaver_extras(
    b: _Builder,
    own: np.random.Generator,
    pid: np.ndarray,
    dob: np.ndarray,
    start: np.ndarray,
    end: np.ndarray,
    left_care: np.ndarray,
    who: np.ndarray,
) -> None:
    """Care-leaver rows drawn from the care leavers' own stream only (no other table changes).

    - Young people who left care at 18 before the history starts (their episodes are not in the
      extract) and are still category 3 (to 21, or 25 for most) or have reconnected as category 4,
      with a personal adviser: people rows, statuses, activities.
    - Category 6 young people (looked after after 16 without qualifying), with advice from a PA.
    - Homelessness of care leavers (CH/052) and further Active Offers of advocacy to looked-after
      children aged five or over (CH/056-CH/057: a child may have several offers).
    """
    scale = b.chunk.population / 1000
    # 1. Care leavers who left care before the history starts.
    n = own.poisson(cal.CARE_LEAVERS_BEFORE_HISTORY_PER_1000 * scale)
    d18 = own.integers(HS - 7 * 365, HS, n)
    hdob = d18 - AGE18
    hpid = b.ids("LH", n)
    to25 = own.random(n) < cal.CARE_LEAVER_TO_25_SHARE
    c3_end = np.where(to25, hdob + 25 * 365 + 6, hdob + 21 * 365 + 5) - 1
    reconnect = ~to25 & (own.random(n) < cal.CARE_LEAVER_RECONNECT_SHARE)
    c4_start = hdob + 21 * 365 + 5 + own.integers(30, 3 * 365, n)
    c4_end = np.minimum(c4_start + own.integers(270, 2 * 365, n), hdob + 25 * 365 + 5)
    # 2. Category 6: looked after after 16 without qualifying, supported from 16 to 21.
    m = own.poisson(cal.CARE_LEAVERS_CATEGORY_6_PER_1000 * scale)
    d16 = own.integers(HS - 5 * 365, ED, m)
    sdob = d16 - 16 * 365 - 4
    spid = b.ids("LH", m)
    who_id = np.concatenate([hpid, hpid[reconnect], spid])
    cat = np.concatenate(
        [
            np.full(n, "CL3", dtype=object),
            np.full(int(reconnect.sum()), "CL4", dtype=object),
            np.full(m, "CL6", dtype=object),
        ]
    )
    s = np.concatenate([d18, c4_start[reconnect], d16])
    e = np.concatenate([c3_end, c4_end[reconnect], sdob + 21 * 365 + 5 - 1])
    keep = (s <= ED) & (e >= HS)
    who_id, cat, s, e = who_id[keep], cat[keep], s[keep], e[keep]
    k = len(s)
    is_open = e > ED
    pa = add_wd(s, own.integers(0, 10, k))
    pa = np.where(pa > e, s, pa)
    engaged = is_open & (own.random(k) < 0.9)
    b.add(
        "care_leavers",
        care_leaver_status_id=b.ids("CLX", k),
        person_id=who_id,
        category_code=cat,
        start_date=s,
        end_date=np.where(is_open, NA, e),
        personal_adviser_allocated_date=clip_future(pa),
        personal_adviser_end_date=np.where(is_open | (pa > ED), NA, e),
        pathway_review_interval_months=np.full(k, 6),
        is_engaged=engaged,
        engagement_ended_date=_engagement_ended(own, s, np.where(is_open, NA, e), engaged),
    )
    people = np.concatenate([hpid, spid])
    born = np.concatenate([hdob, sdob])
    q = len(people)
    b.add(
        "people",
        person_id=people,
        date_of_birth=born,
        expected_date_of_birth=np.full(q, NA),
        date_of_death=np.full(q, NA),
        gender_code=choice(own, {"M": 0.5, "F": 0.49, "O": 0.005, "ND": 0.005}, q),
        ethnicity_code=choice(own, {"WBRI": 0.88, "WOTH": 0.03, "MIXD": 0.05, "ASIA": 0.02, "BLAC": 0.02}, q),
        preferred_language_code=choice(own, {"ENG": 0.84, "CYM": 0.13, "OTH": 0.03}, q),
        recorded_in_error=np.zeros(q, dtype=bool),
    )
    # Main activity of the care leavers who left before the history: one spell a year.
    hs_from = np.maximum(d18, HS - 365)
    hs_to = np.minimum(c3_end, ED)
    spells = np.maximum((hs_to - hs_from) // 365, 0) + 1
    g = np.repeat(np.arange(n), spells)
    j = np.arange(len(g)) - np.repeat(np.cumsum(spells) - spells, spells)
    a_start = hs_from[g] + j * 365
    a_end = a_start + 364
    ok = (a_start <= hs_to[g]) & (hs_to[g] >= HS)
    code = choice(own, cal.CARE_LEAVER_MAIN_ACTIVITY, len(g))
    _activity_rows(b, own, hpid[g][ok], "ACT", code[ok], a_start[ok], np.where(a_end[ok] > ED, NA, a_end[ok]))
    # 3. Homelessness of care leavers: all care-leaver years since leaving care (or since 18).
    everyone = np.concatenate([pid[who], hpid])
    from_day = np.concatenate([left_care, d18])
    to_day = np.concatenate([np.minimum(dob[who] + 25 * 365, ED), np.minimum(c3_end, ED)])
    from_day = np.maximum(from_day, HS)
    years = np.clip(to_day - from_day, 0, None) / YEAR
    count = own.poisson(years * cal.CARE_LEAVER_HOMELESS_PER_YEAR)
    g = np.repeat(np.arange(len(everyone)), count)
    h_start = from_day[g] + (own.random(len(g)) * (to_day[g] - from_day[g])).astype(np.int64)
    h_end = h_start + own.integers(3, 90, len(g))
    h_code = choice(
        own,
        {"HL-B": 0.25, "HL-E": 0.35, "HL-D": 0.1, "HL-H": 0.1, "HL-C": 0.1, "HL-A": 0.05, "HL-J": 0.05},
        len(g),
    )
    ok = h_start <= ED
    _activity_rows(
        b,
        own,
        everyone[g][ok],
        "HOML",
        h_code[ok],
        h_start[ok],
        np.where(h_end[ok] > ED, NA, h_end[ok]),
        reported=np.minimum(h_start[ok] + own.integers(0, 8, int(ok.sum())), ED),
    )
    # 4. Further Active Offers of advocacy to looked-after children aged five or over.
    stop = np.minimum(end, ED)
    years = np.clip(stop - np.maximum(start, dob + 5 * 365 + 2), 0, None) / YEAR
    count = own.poisson(years * cal.ADVOCACY_REPEAT_OFFERS_PER_CHILD_YEAR)
    g = np.repeat(np.arange(len(pid)), count)
    lo = np.maximum(start, dob + 5 * 365 + 2)[g]
    offer = on_or_after_wd(lo + (own.random(len(g)) * (stop[g] - lo)).astype(np.int64))
    ok = (offer >= HS) & (offer <= ED) & (offer < dob[g] + AGE18)
    g, offer = g[ok], offer[ok]
    t = len(g)
    provided = own.random(t) < cal.ADVOCACY_PROVIDED_SHARE
    provided_date = clip_future(np.where(provided, add_wd(offer, own.integers(1, 15, t)), NA))
    b.add(
        "advocacy_offers",
        advocacy_offer_id=b.ids("AOX", t),
        person_id=pid[g],
        offer_date=offer,
        trigger_code=np.full(t, "LAC", dtype=object),
        is_active_offer=np.ones(t, dtype=bool),
        advocate_provided=provided_date != NA,
        advocate_provided_date=provided_date,
        provider_name=np.full(t, "Synthetic Advocacy Service", dtype=object),
    )


def _activity_rows(
    b: _Builder,
    own: np.random.Generator,
    pid: np.ndarray,
    kind: str,
    code: np.ndarray,
    start: np.ndarray,
    end: np.ndarray,
    reported: np.ndarray | None = None,
) -> None:
    k = len(pid)
    b.add(
        "care_leaver_activities",
        activity_id=b.ids("CAX", k),
        person_id=pid,
        activity_type_code=np.full(k, kind, dtype=object),
        activity_code=code,
        start_date=start,
        end_date=end,
        reported_date=np.full(k, NA) if reported is None else reported,
        is_unregulated_accommodation=np.zeros(k, dtype=bool),
    )


def _care_leaver_activities(
    b: _Builder, pid: np.ndarray, left: np.ndarray, stop: np.ndarray, reason: np.ndarray
) -> None:
    rng = b.rng
    n = len(pid)
    rows: list[tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]] = []
    for kind, codes in (
        ("ACT", {"F1": 0.08, "F2": 0.2, "F3": 0.25, "F4": 0.1, "G4": 0.07, "G5": 0.25, "G6": 0.05}),
        ("ACC", {"AC-PAR": 0.2, "AC-SUPL": 0.15, "AC-SUPA": 0.2, "AC-IND": 0.4, "AC-OTH": 0.05}),
    ):
        spells = 1 + rng.poisson(1.0, n)
        g = np.repeat(np.arange(n), spells)
        k = np.arange(len(g)) - np.repeat(np.cumsum(spells) - spells, spells)
        width = np.maximum(stop[g] - left[g], 1) / spells[g]
        s = left[g] + (k * width).astype(np.int64)
        e = left[g] + ((k + 1) * width).astype(np.int64) - 1
        code = choice(rng, codes, len(g))
        if kind == "ACC":
            code = np.where((k == 0) & (reason[g] == "E10"), "AC-WIAR", code)
        rows.append((np.full(len(g), kind, dtype=object), g, code, s, e))
    # Homelessness: a short period for some.
    h = np.flatnonzero(b.bern(0.12, n) & (stop - left > 60))
    hs = left[h] + (rng.random(len(h)) * (stop[h] - left[h] - 30)).astype(np.int64)
    rows.append(
        (
            np.full(len(h), "HOML", dtype=object),
            h,
            choice(rng, {"HL-B": 0.3, "HL-E": 0.35, "HL-D": 0.1, "HL-H": 0.15, "HL-A": 0.1}, len(h)),
            hs,
            hs + rng.integers(5, 60, len(h)),
        )
    )
    kind = np.concatenate([r[0] for r in rows])
    g = np.concatenate([r[1] for r in rows])
    code = np.concatenate([r[2] for r in rows])
    s = np.concatenate([r[3] for r in rows])
    e = np.concatenate([r[4] for r in rows])
    is_open = e >= stop[g]
    keep = (s <= ED) & (s <= stop[g]) & ((e >= HS) | is_open) & (e >= s)
    k = int(keep.sum())
    b.add(
        "care_leaver_activities",
        activity_id=b.ids("CA", k),
        person_id=pid[g][keep],
        activity_type_code=kind[keep],
        activity_code=code[keep],
        start_date=s[keep],
        end_date=np.where(is_open | (e > ED), NA, e)[keep],
        reported_date=np.minimum(s + 7, ED)[keep],
        is_unregulated_accommodation=np.zeros(k, dtype=bool),
    )


def _special_guardianship(
    b: _Builder, pid: np.ndarray, dob: np.ndarray, end: np.ndarray, reason: np.ndarray
) -> None:
    s = np.flatnonzero(np.isin(reason, ["E43", "E44"]) & (end <= ED))
    _sgo_support_plans(b, pid[s], end[s] + 1, dob[s] + AGE18 - 1)


def _sgo_support_plans(b: _Builder, pid: np.ndarray, start: np.ndarray, stop: np.ndarray) -> None:
    """SGO support plans to 18: yearly reviews of financial support where paid, reviews of other
    support after a change of circumstances (within 28 days) and yearly for a few (CH/017d-e)."""
    rng = b.rng
    n = len(pid)
    plan_id = _plans(b, "SGOS", pid, start, stop, np.full(n, "AGE", dtype=object))
    until = np.minimum(stop, ED)
    f = np.flatnonzero(b.bern(cal.SGO_FINANCIAL_SUPPORT_SHARE, n))
    _reviews(b, "SGOFR", plan_id[f], pid[f], start[f], until[f], first=365, interval=365, on_time=0.99)
    y = np.flatnonzero(b.bern(cal.SGO_SUPPORT_REVIEW_SHARE, n))
    _reviews(b, "SGOR", plan_id[y], pid[y], start[y], until[y], first=365, interval=365, on_time=1.0)
    span = np.clip(until - start, 0, None)
    changes = rng.poisson(span / YEAR * cal.SGO_CHANGE_REVIEWS_PER_YEAR)
    g = np.repeat(np.arange(n), changes)
    trigger = start[g] + 1 + (rng.random(len(g)) * span[g]).astype(np.int64)
    held = add_wd(trigger, rng.integers(3, 22, len(g)))
    keep = (held >= HS) & (held <= until[g]) & (trigger > start[g])
    _review_rows(
        b,
        "SGOR",
        plan_id[g][keep],
        pid[g][keep],
        due=trigger[keep] + 28,
        held=held[keep],
        trigger_date=trigger[keep],
    )


def _sgo_cohort(b: _Builder, scale: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Children under special guardianship orders made outside care (private law), with support plans."""
    rng = b.rng
    n = rng.poisson(cal.SGO_ORDERS_PER_1000 * scale * (ED - LAC_START) / YEAR)
    order = rng.integers(LAC_START, ED + 1, n)
    dob = order - rng.integers(180, 12 * 365, n)
    stop = dob + AGE18 - 1
    keep = stop >= HS
    order, dob, stop = order[keep], dob[keep], stop[keep]
    pid = b.ids("SG", len(order))
    _sgo_support_plans(b, pid, order, stop)
    return pid, dob, np.zeros(len(pid), dtype=bool)


# --- 3. short breaks, 4. young carers ---------------------------------------------------------------


def _short_break_cohort(b: _Builder, scale: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    rng = b.rng
    n = rng.poisson(cal.SHORT_BREAK_STARTS_PER_1000 * scale * (ED - (HS - 5 * 365)) / YEAR)
    start = rng.integers(HS - 5 * 365, ED + 1, n)
    dob = start - rng.integers(5 * 365, 15 * 365, n)
    end = np.minimum(start + rng.integers(300, 2000, n), dob + AGE18 - 1)
    keep = (end >= HS) | (end > ED)
    pid = b.ids("S", int(keep.sum()))
    dob, start, end = dob[keep], start[keep], end[keep]
    _lac_episodes(
        b,
        pid,
        dob,
        start,
        end,
        np.full(len(pid), "HOME", dtype=object),
        np.full(len(pid), "E8", dtype=object),
        True,
    )
    return pid, dob, np.zeros(len(pid), dtype=bool)


@dataclass(frozen=True)
class _YoungCarerRates:
    """The shares and timings of young carers' journeys (CA/011-CA/020)."""

    via_contact: float
    sources: dict[str, float]
    answers: dict[str, float]
    plan_share: float
    plan_days: tuple[int, int]
    review_first_days: int
    review_interval_days: int
    reviews_on_time: float
    welsh_offer: float
    language_of_choice: float
    own_plan_share: float


# The journeys this generator drew before the carers' measures were calibrated: still drawn from the
# shared children's stream (and discarded), so the rows of the cohorts after the young carers - and
# every identifier - stay exactly as they were.
_YOUNG_CARER_FORMER = _YoungCarerRates(
    via_contact=0.3,
    sources={"PARENT": 0.45, "RELAT": 0.1, "GP": 0.1, "SCHL": 0.15, "LA": 0.15, "INT": 0.05},
    answers={"ACC": 0.85, "REF": 0.1, "NR": 0.05},
    plan_share=cal.YOUNG_CARER_PLAN_SHARE,
    plan_days=(200, 1400),
    review_first_days=365,
    review_interval_days=365,
    reviews_on_time=1.0,
    welsh_offer=0.8,
    language_of_choice=0.5,
    own_plan_share=cal.YOUNG_CARER_OWN_PLAN_SHARE,
)

# Calibrated against the reference authority's 2022-23 young carer figures (docs/synthetic-data.md).
_YOUNG_CARER_CALIBRATED = _YoungCarerRates(
    via_contact=cal.YOUNG_CARER_VIA_CONTACT_SHARE,
    sources=cal.YOUNG_CARER_CONTACT_SOURCES,
    answers=cal.YOUNG_CARER_OFFER_ANSWERS,
    plan_share=cal.YOUNG_CARER_SUPPORT_PLAN_SHARE,
    plan_days=cal.YOUNG_CARER_PLAN_DAYS,
    review_first_days=182,
    review_interval_days=182,
    reviews_on_time=cal.YOUNG_CARER_REVIEWS_ON_TIME,
    welsh_offer=cal.YOUNG_CARER_WELSH_OFFER_SHARE,
    language_of_choice=cal.YOUNG_CARER_LANGUAGE_OF_CHOICE_SHARE,
    own_plan_share=cal.YOUNG_CARER_OWN_PLAN_SHARE,
)


def _young_carer_cohort(b: _Builder, scale: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Young carers: who they are from the shared stream; their journeys from their own stream.

    The people (and the parents they care for) are drawn as before from the shared children's stream,
    and so are the care and support plans of those with needs of their own (kept, with their visits and
    reviews: children's figures are unchanged). Their journeys - contacts, offers, assessments, support
    plans, reviews, caring relationships - are drawn twice: the former journeys from the shared stream
    into a builder whose rows are discarded (so the shared stream and identifier counters reach the
    next cohort exactly as before), and the calibrated journeys from the young carers' own stream,
    with identifiers of their own.
    """
    rng = b.rng
    n = rng.poisson(cal.YOUNG_CARER_ASSESSMENTS_PER_1000 * scale * (ED - HS) / YEAR / 0.85)
    offered = rng.integers(HS, ED + 1, n)
    offered = on_or_after_wd(offered)
    dob = offered - rng.integers(8 * 365, 17 * 365 + 200, n)
    pid = b.ids("Y", n)
    former = _Builder(b.chunk, b.rng, b.counters, {})
    parent, parent_dob = _young_carer_journeys(former, pid, dob, offered, _YOUNG_CARER_FORMER, b)
    own_chunk = replace(b.chunk, id_prefix=b.chunk.id_prefix + "YC")
    own = _Builder(own_chunk, b.chunk.rng("young carer journeys"), {}, b.tables)
    _young_carer_journeys(own, pid, dob, offered, _YOUNG_CARER_CALIBRATED, None, (parent, parent_dob))
    return np.concatenate([pid, parent]), np.concatenate([dob, parent_dob]), np.zeros(2 * n, dtype=bool)


def _young_carer_journeys(
    b: _Builder,
    pid: np.ndarray,
    dob: np.ndarray,
    offered: np.ndarray,
    rates: _YoungCarerRates,
    own_plans_into: _Builder | None,
    parents: tuple[np.ndarray, np.ndarray] | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """One draw of the young carers' journeys into `b`; returns the cared-for parents (id, dob).

    Care and support plans for needs of their own are written into `own_plans_into` (the shared
    tables, on the former draw; none on the calibrated draw, whose young carers keep the former ones).
    """
    rng = b.rng
    n = len(pid)
    via_contact = b.bern(rates.via_contact, n)
    cid = b.ids("CT", n)
    c = np.flatnonzero(via_contact)
    decision = add_wd(offered[c], 1)
    b.add(
        "contacts",
        contact_id=cid[c],
        contact_group_id=np.full(len(c), "", dtype=object),
        person_id=pid[c],
        received_date=offered[c],
        contact_type_code=np.full(len(c), "IAA", dtype=object),
        contact_method_code=choice(rng, {"TEL": 0.6, "EML": 0.4}, len(c)),
        contact_source_code=choice(rng, rates.sources, len(c)),
        is_carer_support_request=np.ones(len(c), dtype=bool),
        is_safeguarding_concern=np.zeros(len(c), dtype=bool),
        physical_punishment_factor=np.zeros(len(c), dtype=bool),
        physical_punishment_only_factor=np.zeros(len(c), dtype=bool),
        what_matters_conversation_held=np.ones(len(c), dtype=bool),
        five_elements_considered=np.ones(len(c), dtype=bool),
        outcome_code=np.where(decision > ED, None, "ADV"),
        decision_date=clip_future(decision),
        decision_code=np.where(decision > ED, None, "ADV"),
        decision_by_role_code=np.where(decision > ED, None, "PM"),
    )
    outcome = choice(rng, rates.answers, n)
    out_date = add_wd(offered, rng.integers(0, 5, n))
    b.add(
        "carer_assessment_offers",
        offer_id=b.ids("OF", n),
        person_id=pid,
        contact_id=np.where(via_contact, cid, ""),
        offered_date=offered,
        offer_route_code=np.where(via_contact, "IAA", "PRO"),
        outcome_code=np.where(out_date > ED, None, outcome),
        outcome_date=clip_future(out_date),
    )
    a = np.flatnonzero((outcome == "ACC") & (out_date <= ED))
    start = add_wd(out_date[a], rng.integers(1, 6, len(a)))
    done = add_wd(start, rng.integers(10, 40, len(a)))
    result = np.where(
        b.bern(rates.plan_share, len(a)),
        "NAET7",
        choice(rng, {"NAET3": 0.5, "NAET4": 0.4, "NAET1": 0.1}, len(a)),
    )
    ok = start <= ED
    a, start, done, result = a[ok], start[ok], done[ok], result[ok]
    finished = done <= ED
    m = len(a)
    aid = b.ids("AS", m)
    b.add(
        "assessments",
        assessment_id=aid,
        assessment_process_id=aid,
        family_assessment_id=np.full(m, "", dtype=object),
        person_id=pid[a],
        contact_id=np.where(via_contact[a], cid[a], ""),
        assessment_type_code=np.full(m, "YCARER", dtype=object),
        start_date=start,
        completed_date=np.where(finished, done, NA),
        outcome_code=np.where(finished, result, None),
        requested_by_code=np.where(via_contact[a], "PARENT", "PROF"),
        person_seen=b.bern(0.95, m),
        # A proportionate assessment: five elements and what matters (CA/014 exclude 3).
        what_matters_conversation_held=np.ones(m, dtype=bool),
        five_elements_considered=np.ones(m, dtype=bool),
        welsh_active_offer_made=b.bern(rates.welsh_offer, m),
        welsh_active_offer_accepted=np.zeros(m, dtype=bool),
        language_of_choice_used=b.bern(rates.language_of_choice, m),
        considers_needs_as_carer=np.ones(m, dtype=bool),
    )
    p = np.flatnonzero(finished & (result == "NAET7"))
    p_start = add_wd(done[p], rng.integers(1, 10, len(p)))
    until18 = dob[a][p] + AGE18 - 1
    p_end = np.minimum(p_start + rng.integers(rates.plan_days[0], rates.plan_days[1], len(p)), until18)
    reason = np.where(p_end == until18, "AGE", "NEED")
    ok = p_start < until18
    p, p_start, p_end, reason = p[ok], p_start[ok], p_end[ok], reason[ok]
    plan_id = _plans(b, "YCSP", pid[a][p], p_start, p_end, reason)
    # Reviews of a young carer's support plan: every 6 months for a child (Part 4 Code para. 88).
    _reviews(
        b,
        "YCARR",
        plan_id,
        pid[a][p],
        p_start,
        np.minimum(p_end, ED),
        first=rates.review_first_days,
        interval=rates.review_interval_days,
        on_time=rates.reviews_on_time,
    )
    # Some young carers also have care and support needs of their own met by a care and support plan.
    own = p[b.bern(rates.own_plan_share, len(p))]
    if own_plans_into is not None:
        _care_and_support_plans(own_plans_into, pid[a][own], dob[a][own], done[own])
    # The cared-for parent (an adult known only through the young carer's record).
    if parents is None:
        parent = b.ids("YP", n)
        parent_dob = dob - rng.integers(20 * 365, 40 * 365, n)
    else:
        parent, parent_dob = parents
    b.add(
        "carer_relationships",
        carer_relationship_id=b.ids("CR", n),
        carer_person_id=pid,
        cared_for_person_id=parent,
        relationship_code=np.full(n, "PAR", dtype=object),
        start_date=np.minimum(offered - rng.integers(30, 700, n), offered),
        main_carer=b.bern(0.4, n),
        lives_with_cared_for=np.ones(n, dtype=bool),
    )
    return parent, parent_dob
