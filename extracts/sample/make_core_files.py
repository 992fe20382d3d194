"""Write the core files of the shipped sample extract: people, contacts, assessments, plans.

A small, deterministic, hand-tuned sample (not the synthetic generator): about 600 people and a
few hundred contacts and assessments over 2024-25 to 2026-27, plus deliberately bad rows listed in
BAD_ROWS_core.md. Run from the project root: .venv/bin/python extracts/sample/make_core_files.py
"""

from __future__ import annotations

import csv
import random
from datetime import date, datetime, timedelta
from pathlib import Path

HERE = Path(__file__).parent
RNG = random.Random(20261122)
FIRST_DAY = date(2024, 4, 1)
LAST_DAY = date(2026, 11, 20)

PEOPLE = [
    "person_id",
    "nhs_number",
    "forename",
    "surname",
    "address_line_1",
    "postcode",
    "date_of_birth",
    "expected_date_of_birth",
    "date_of_death",
    "gender_code",
    "ethnicity_code",
    "preferred_language_code",
    "recorded_in_error",
]
CONTACTS = [
    "contact_id",
    "contact_group_id",
    "person_id",
    "received_date",
    "contact_type_code",
    "contact_method_code",
    "contact_source_code",
    "caller_name",
    "is_carer_support_request",
    "is_safeguarding_concern",
    "physical_punishment_factor",
    "physical_punishment_only_factor",
    "what_matters_conversation_held",
    "five_elements_considered",
    "outcome_code",
    "decision_date",
    "decision_code",
    "decision_by_role_code",
    "recorded_in_error",
]
ASSESSMENTS = [
    "assessment_id",
    "assessment_process_id",
    "family_assessment_id",
    "person_id",
    "contact_id",
    "assessment_type_code",
    "start_date",
    "completed_date",
    "outcome_code",
    "requested_by_code",
    "circumstances_changed",
    "what_matters_conversation_held",
    "five_elements_considered",
    "person_seen",
    "welsh_active_offer_made",
    "welsh_active_offer_accepted",
    "language_of_choice_used",
    "in_secure_estate",
    "physical_punishment_factor",
    "physical_punishment_only_factor",
    "considers_needs_as_carer",
    "assessor_notes",
    "recorded_in_error",
]
PLANS = [
    "plan_id",
    "person_id",
    "plan_type_code",
    "start_date",
    "end_date",
    "end_reason_code",
    "includes_needs_as_carer",
    "refused",
    "has_direct_payment",
    "direct_payment_first_payment_date",
    "protects_from_abuse_or_neglect",
    "is_care_and_treatment_plan",
    "social_services_responsible",
    "commissioned_third_party_plan",
    "joint_plan_id",
    "recorded_in_error",
]
FORENAMES = [
    "Rhys",
    "Cerys",
    "Dylan",
    "Ffion",
    "Osian",
    "Seren",
    "Gethin",
    "Nia",
    "Aled",
    "Megan",
    "Tomos",
    "Elin",
]
SURNAMES = [
    "Jones",
    "Williams",
    "Davies",
    "Evans",
    "Thomas",
    "Roberts",
    "Lewis",
    "Hughes",
    "Morgan",
    "Griffiths",
]
SOURCES = [
    "SELF",
    "PARENT",
    "RELAT",
    "NEIGH",
    "EIPS",
    "GP",
    "HV",
    "MIDW",
    "SCHL",
    "HOUS",
    "POL",
    "POL",
    "SCHL",
    "PROB",
    "VOL",
    "LA",
    "INDH",
    "AMB",
    "CIW",
    "PROV",
    "ADVO",
    "ANON",
    "INT",
    "HOSP",
    "SCHL",
    "POL",
]
ADULT_OUTCOMES = ["NAET1", "NAET3", "NAET4", "NAET5", "NAET6", "NAET7", "NAET7", "NAET8P"]
CHILD_OUTCOMES = ["NAET1", "NAET3", "NAET4", "NAET4", "NAET5", "NAET6", "NAET7", "NAET7", "NAET8P", "NAET8O"]


def uk(day: date | None) -> str:
    return day.strftime("%d/%m/%Y") if day else ""


def yn(probability: float) -> str:
    return "Y" if RNG.random() < probability else "N"


def random_day(start: date, end: date) -> date:
    return start + timedelta(days=RNG.randrange((end - start).days + 1))


def next_weekday(day: date, days: int) -> date:
    result = day + timedelta(days=days)
    while result.weekday() >= 5:
        result += timedelta(days=1)
    return result


def person_row(person_id: str, born: date | None, expected: date | None) -> dict[str, str]:
    return {
        "person_id": person_id,
        "nhs_number": f"{RNG.randrange(10**9, 10**10)}",
        "forename": RNG.choice(FORENAMES),
        "surname": RNG.choice(SURNAMES),
        "address_line_1": f"{RNG.randrange(1, 200)} Heol {RNG.choice(SURNAMES)}",
        "postcode": f"SA{RNG.randrange(1, 99)} {RNG.randrange(1, 9)}AB",
        "date_of_birth": uk(born),
        "expected_date_of_birth": uk(expected),
        "date_of_death": "",
        "gender_code": RNG.choice(["M", "F", "f ", "M"]),
        "ethnicity_code": RNG.choice(["WBRI", "WBRI", "WBRI", "WOTH", "MIXD", "ASIA", "BLAC", ""]),
        "preferred_language_code": RNG.choice(["ENG", "ENG", "ENG", "CYM", "OTH"]),
        "recorded_in_error": "N",
    }


def build() -> dict[str, list[dict[str, str]]]:
    people: list[dict[str, str]] = []
    children: dict[str, date | None] = {}
    for number in range(1, 301):
        person_id = f"C{number:04d}"
        if number > 290:  # unborn children: a pre-birth record with an expected date of birth only
            expected = random_day(date(2026, 12, 1), date(2027, 3, 1))
            people.append(person_row(person_id, None, expected))
            children[person_id] = None
            continue
        born = random_day(date(2008, 4, 1), date(2026, 6, 30))
        people.append(person_row(person_id, born, None))
        children[person_id] = born
    for number in range(1, 301):
        people.append(person_row(f"A{number:04d}", random_day(date(1930, 1, 1), date(2000, 12, 31)), None))

    plans: list[dict[str, str]] = []
    open_plan: dict[str, tuple[date, date | None]] = {}
    for number in range(1, 81):  # children C0001-C0080 have a care and support plan at some time
        person_id = f"C{number:04d}"
        start = random_day(date(2023, 1, 1), date(2026, 6, 30))
        end = (
            random_day(start + timedelta(days=60), start + timedelta(days=700))
            if RNG.random() < 0.5
            else None
        )
        if end and end > LAST_DAY:
            end = None
        plan_type = RNG.choice(["CSP", "CSP", "CPP", "LACP"])
        plans.append(
            {
                "plan_id": f"PL-{person_id}",
                "person_id": person_id,
                "plan_type_code": plan_type,
                "start_date": uk(start),
                "end_date": uk(end),
                "end_reason_code": "NEED" if end else "",
                "includes_needs_as_carer": "N",
                "recorded_in_error": "N",
            }
        )
        open_plan[person_id] = (start, end)
    for number in range(1, 121):
        person_id = f"A{number:04d}"
        start = random_day(date(2020, 1, 1), date(2026, 9, 30))
        end = (
            random_day(start + timedelta(days=90), start + timedelta(days=900))
            if RNG.random() < 0.4
            else None
        )
        if end and end > LAST_DAY:
            end = None
        plans.append(
            {
                "plan_id": f"PL-{person_id}",
                "person_id": person_id,
                "plan_type_code": "CSUP" if number > 100 else "CSP",
                "start_date": uk(start),
                "end_date": uk(end),
                "end_reason_code": "OTH" if end else "",
                "includes_needs_as_carer": yn(0.1),
                "recorded_in_error": "N",
            }
        )
    # Plans the children's sample files (reviews) refer to: pathway and Special Guardianship Order support.
    for plan_id, person_id, plan_type, start in [
        ("PL-C0022-PW", "C0022", "PWP", date(2024, 12, 15)),
        ("PL-C0187-PW", "C0187", "PWP", date(2024, 8, 12)),
        ("PL-C0029-SGO", "C0029", "SGOS", date(2026, 3, 9)),
        ("PL-C0032-SGO", "C0032", "SGOS", date(2023, 9, 15)),
    ]:
        plans.append(
            {
                "plan_id": plan_id,
                "person_id": person_id,
                "plan_type_code": plan_type,
                "start_date": uk(start),
                "end_date": "",
                "end_reason_code": "",
                "includes_needs_as_carer": "N",
                "recorded_in_error": "N",
            }
        )
    # An adult plan met partly by a direct payment, and a refused plan.
    plans.append(
        {
            "plan_id": "PL-A0201-DP",
            "person_id": "A0201",
            "plan_type_code": "CSP",
            "start_date": uk(date(2025, 5, 1)),
            "has_direct_payment": "Y",
            "direct_payment_first_payment_date": uk(date(2025, 6, 2)),
            "recorded_in_error": "N",
        }
    )
    plans.append(
        {
            "plan_id": "PL-C0150-R",
            "person_id": "C0150",
            "plan_type_code": "CSP",
            "start_date": uk(date(2025, 1, 6)),
            "refused": "Y",
            "recorded_in_error": "N",
        }
    )
    for number in range(281, 291):  # young carers with a support plan
        person_id = f"C{number:04d}"
        plans.append(
            {
                "plan_id": f"PL-{person_id}",
                "person_id": person_id,
                "plan_type_code": "YCSP",
                "start_date": uk(date(2024, 9, 1)),
                "end_date": "",
                "end_reason_code": "",
                "includes_needs_as_carer": "N",
                "recorded_in_error": "N",
            }
        )

    contacts: list[dict[str, str]] = []
    assessments: list[dict[str, str]] = []
    contact_number = 0
    assessment_number = 0
    for person_id in children:
        for _ in range(RNG.choice([0, 1, 1, 1, 2, 2, 3])):
            contact_number += 1
            received = random_day(FIRST_DAY, LAST_DAY - timedelta(days=7))
            contact_type = RNG.choices(
                ["IAA", "REF", "SAFE", "WEB", "EIPD", "INFO", "MISD"], [50, 20, 12, 3, 5, 5, 3]
            )[0]
            outcome = RNG.choices(
                ["INFO", "ADV", "ASSM", "SAFE", "NFA", "SIGN", ""], [15, 25, 35, 10, 8, 5, 2]
            )[0]
            delay = RNG.choices([0, 1, 1, 2, 3, 5], [30, 40, 10, 10, 5, 5])[0]
            decision_day = next_weekday(received, delay)
            factor = RNG.random() < 0.04
            contact_id = f"CT{contact_number:05d}"
            contacts.append(
                {
                    "contact_id": contact_id,
                    "contact_group_id": "",
                    "person_id": person_id,
                    "received_date": uk(received),
                    "contact_type_code": contact_type,
                    "contact_method_code": RNG.choice(["TEL", "TEL", "EML", "WEBF", "PERS", "tel"]),
                    "contact_source_code": RNG.choice(SOURCES) + RNG.choice(["", "", "", " "]),
                    "caller_name": f"{RNG.choice(FORENAMES)} {RNG.choice(SURNAMES)}",
                    "is_carer_support_request": "Y" if person_id >= "C0281" and RNG.random() < 0.5 else "N",
                    "is_safeguarding_concern": "Y" if contact_type == "SAFE" else "N",
                    "physical_punishment_factor": "Y" if factor else "N",
                    "physical_punishment_only_factor": "Y" if factor and RNG.random() < 0.3 else "N",
                    "what_matters_conversation_held": yn(0.9),
                    "five_elements_considered": yn(0.9),
                    "outcome_code": outcome,
                    "decision_date": uk(decision_day),
                    "decision_code": RNG.choice(
                        ["MORE", "WAIT", "ADV", "ASSM", "SAFE", "NFA", "ASSM", "AUTO"]
                    ),
                    "decision_by_role_code": RNG.choices(["PM", "SW", "ADM", "SYS"], [50, 40, 6, 4])[0],
                    "recorded_in_error": "Y" if RNG.random() < 0.02 else "N",
                }
            )
            if outcome not in ("ASSM", "SAFE", "ADV") or children[person_id] is None and RNG.random() < 0.5:
                continue
            assessment_number += 1
            start = received + timedelta(days=RNG.choice([0, 1, 2, 5]))
            duration = RNG.choice([10, 20, 30, 40, 45, 55, 60, 75])
            completed = start + timedelta(days=duration)
            if completed > LAST_DAY or RNG.random() < 0.05:
                completed = None
            process_id = f"AP{assessment_number:05d}"
            base = {
                "assessment_process_id": process_id,
                "family_assessment_id": "",
                "person_id": person_id,
                "contact_id": contact_id,
                "assessment_type_code": RNG.choice(["CHILD", "CHILD", "child "]),
                "outcome_code": RNG.choice(CHILD_OUTCOMES),
                "requested_by_code": RNG.choice(["PROF", "PROF", "PARENT", "CHILD", "FAMILY"]),
                "circumstances_changed": yn(0.3),
                "what_matters_conversation_held": yn(0.95),
                "five_elements_considered": yn(0.95),
                "person_seen": yn(0.85),
                "welsh_active_offer_made": yn(0.7),
                "welsh_active_offer_accepted": yn(0.1),
                "language_of_choice_used": yn(0.9),
                "in_secure_estate": yn(0.02),
                "physical_punishment_factor": "Y" if factor else "N",
                "physical_punishment_only_factor": "N",
                "assessor_notes": "Home visit; family engaged.",
                "recorded_in_error": "N",
            }
            if RNG.random() < 0.15 and completed:  # a two-stage process: proportionate, then comprehensive
                middle = start + timedelta(days=duration // 3)
                assessments.append(
                    {
                        **base,
                        "assessment_id": f"AS{assessment_number:05d}-1",
                        "start_date": uk(start),
                        "completed_date": uk(middle),
                        "outcome_code": "NAET2",
                    }
                )
                assessments.append(
                    {
                        **base,
                        "assessment_id": f"AS{assessment_number:05d}-2",
                        "start_date": uk(middle),
                        "completed_date": uk(completed),
                    }
                )
            else:
                assessments.append(
                    {
                        **base,
                        "assessment_id": f"AS{assessment_number:05d}",
                        "start_date": uk(start),
                        "completed_date": uk(completed),
                    }
                )
    for number in range(1, 301, 3):  # adult contacts, for the adult measures to come
        contact_number += 1
        received = random_day(FIRST_DAY, LAST_DAY)
        contacts.append(
            {
                "contact_id": f"CT{contact_number:05d}",
                "contact_group_id": "",
                "person_id": f"A{number:04d}",
                "received_date": uk(received),
                "contact_type_code": "IAA",
                "contact_method_code": "TEL",
                "contact_source_code": RNG.choice(SOURCES),
                "caller_name": "",
                "is_carer_support_request": "N",
                "is_safeguarding_concern": "N",
                "physical_punishment_factor": "N",
                "physical_punishment_only_factor": "N",
                "what_matters_conversation_held": "Y",
                "five_elements_considered": "Y",
                "outcome_code": "ADV",
                "decision_date": uk(next_weekday(received, 1)),
                "decision_code": "ADV",
                "decision_by_role_code": "SW",
                "recorded_in_error": "N",
            }
        )
    # A contact naming three siblings: three rows sharing a group id.
    for sibling in ("C0201", "C0202", "C0203"):
        contact_number += 1
        contacts.append(
            {
                **contacts[0],
                "contact_id": f"CT{contact_number:05d}",
                "contact_group_id": "GRP001",
                "person_id": sibling,
                "received_date": "14/10/2025",
                "decision_date": "15/10/2025",
                "recorded_in_error": "N",
                "contact_type_code": "IAA",
            }
        )
    add_adult_assessments(contacts, assessments)
    add_bad_rows(people, contacts, assessments, plans)
    return {"people": people, "contacts": contacts, "assessments": assessments, "plans": plans}


def add_adult_assessments(contacts: list[dict[str, str]], assessments: list[dict[str, str]]) -> None:
    """Adult and carer assessments following most adult contacts (AD/004-AD/009).

    A separate random stream, so the rows above stay as they were: outcomes across AD/005 and AD/009,
    Welsh active offers, some in the secure estate, repeat assessments within 12 months of a concluded
    one, re-assessments of adults with a plan, carers' assessments, one not authorised yet and one
    recorded in error.
    """
    rng = random.Random(20261123)
    adult_contacts = [c for c in contacts if c["person_id"].startswith("A")]
    for number, contact in enumerate(adult_contacts, start=1):
        if rng.random() < 0.2:
            continue
        received = datetime.strptime(contact["received_date"], "%d/%m/%Y").date()
        start = next_weekday(received, rng.choice([0, 1, 3, 5]))
        completed = start + timedelta(days=rng.choice([7, 14, 21, 28, 42, 60]))
        base = {
            "assessment_process_id": f"AP5{number:04d}",
            "family_assessment_id": "",
            "person_id": contact["person_id"],
            "contact_id": contact["contact_id"],
            "assessment_type_code": rng.choices(["ADULT", "CARER"], [85, 15])[0],
            "outcome_code": rng.choice(ADULT_OUTCOMES),
            "requested_by_code": rng.choice(["SELF", "SELF", "FAMILY", "PROF"]),
            "circumstances_changed": yn(0.2),
            "what_matters_conversation_held": "Y" if rng.random() < 0.95 else "N",
            "five_elements_considered": "Y" if rng.random() < 0.95 else "N",
            "person_seen": "Y",
            "welsh_active_offer_made": "Y" if rng.random() < 0.6 else "N",
            "welsh_active_offer_accepted": "Y" if rng.random() < 0.1 else "N",
            "language_of_choice_used": "Y",
            "in_secure_estate": "Y" if number in (45, 55, 65) else "N",  # people without a plan
            "physical_punishment_factor": "N",
            "physical_punishment_only_factor": "N",
            "considers_needs_as_carer": "Y" if rng.random() < 0.1 else "N",
            "assessor_notes": "Assessment at home.",
            "recorded_in_error": "Y" if number == 11 else "N",
        }
        assessments.append(
            {
                **base,
                "assessment_id": f"AS5{number:04d}",
                "start_date": uk(start),
                "completed_date": "" if number == 13 or completed > LAST_DAY else uk(completed),
            }
        )
        if number % 6 == 0 and completed + timedelta(days=150) < LAST_DAY:  # asked again within 12 months
            again = next_weekday(completed, 120)
            assessments.append(
                {
                    **base,
                    "assessment_process_id": f"AP6{number:04d}",
                    "assessment_id": f"AS6{number:04d}",
                    "requested_by_code": "SELF",
                    "circumstances_changed": "N",
                    "start_date": uk(again),
                    "completed_date": uk(again + timedelta(days=21)),
                }
            )


def add_bad_rows(
    people: list[dict[str, str]],
    contacts: list[dict[str, str]],
    assessments: list[dict[str, str]],
    plans: list[dict[str, str]],
) -> None:
    """Deliberately bad rows: each must be rejected by staging with the reason in BAD_ROWS_core.md."""
    people.append({**people[5]})  # duplicate person_id C0006
    people.append({**people[10], "person_id": "C0999", "date_of_birth": "31/02/2012"})
    people.append({**people[11], "person_id": "C0998", "gender_code": "Q"})
    contacts.append({**contacts[0], "contact_id": "CT90001", "contact_source_code": "XYZ"})
    contacts.append({**contacts[1], "contact_id": "CT90002", "person_id": "C9999"})
    contacts.append(
        {**contacts[2], "contact_id": "CT90003", "received_date": "10/05/2025", "decision_date": "09/05/2025"}
    )
    contacts.append({**contacts[3], "contact_id": "CT90004", "received_date": "2025-13-01"})
    contacts.append({**contacts[4], "contact_id": "CT90005", "recorded_in_error": "maybe"})
    assessments.append(
        {
            **assessments[0],
            "assessment_id": "AS90001",
            "start_date": "20/06/2025",
            "completed_date": "01/06/2025",
        }
    )
    assessments.append({**assessments[1], "assessment_id": "AS90002", "outcome_code": "NAET9"})
    assessments.append({**assessments[2]})  # duplicate assessment_id
    plans.append({**plans[0], "plan_id": "PL-BAD1", "start_date": "01/09/2025", "end_date": "01/08/2025"})


def write(name: str, header: list[str], rows: list[dict[str, str]]) -> None:
    with (HERE / f"{name}.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=header, restval="")
        writer.writeheader()
        writer.writerows(rows)


def main() -> None:
    tables = build()
    write("people", PEOPLE, tables["people"])
    write("contacts", CONTACTS, tables["contacts"])
    write("assessments", ASSESSMENTS, tables["assessments"])
    write("plans", PLANS, tables["plans"])


if __name__ == "__main__":
    main()
