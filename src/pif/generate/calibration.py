"""Rates that size the synthetic local authority, per 1,000 people of all ages, with their sources.

The reference is the one local authority whose published children's PIF figures for 2022-23 (and
2021-22) are in /work/shared/reference/la-published-children-metrics-2022-23.csv. The document does
not name the authority or its population, so the population is estimated from its looked-after
children: 268 children looked after on 31 March 2022 (CH/039). Wales had about 115 children looked
after per 10,000 children in 2022 and children (under 18) are about 20% of the Welsh population,
so 268 / 0.0115 = 23,300 children, about 120,000 people. REFERENCE_POPULATION is that estimate;
every "published per 1,000" below is the published 2022-23 figure divided by 120.

The generator's own parameters (contact rate per child-year, conversion shares, durations) are
tuned so that the generated figures land near the published ones at the reference population;
docs/synthetic-data.md has the table of published, targeted and generated figures.
"""

from __future__ import annotations

from dataclasses import dataclass

REFERENCE_POPULATION = 120_000  # estimated from CH/039 (see above)
CHILD_SHARE = 0.20  # under-18s per person (Wales, ONS mid-year estimates: about 20%)


@dataclass(frozen=True)
class Published:
    """A published 2022-23 figure of the reference authority and what it is per 1,000 people."""

    measure: str
    label: str
    value_2022_23: int

    @property
    def per_1000(self) -> float:
        return self.value_2022_23 * 1000 / REFERENCE_POPULATION


PUBLISHED: dict[str, Published] = {
    p.measure: p
    for p in (
        Published("CH/001", "contacts for children in the year", 14_374),
        Published("CH/006", "new child assessments completed in the year", 2_400),
        Published("CH/015a", "children with a care and support plan on 31 March", 937),
        Published("CH/020", "initial strategy meetings concluded in the year", 1_110),
        Published("CH/021", "strategy meetings progressing to section 47 enquiries", 334),
        Published("CH/022", "section 47 enquiries progressing to an ICPC", 70),
        Published("CH/023", "ICPCs leading to registration", 67),
        Published("CH/026a", "children on the CP register on 31 March", 43),
        Published("CH/036", "children de-registered in the year", 104),
        Published("CH/037a", "children becoming looked after in the year (2021-22)", 49),
        Published("CH/039", "children looked after on 31 March (2022)", 268),
        Published("CH/032", "children who go missing in the year", 88),
        Published("CH/053", "care experienced young people on 31 March", 204),
        Published("CH/056", "active offers of advocacy in the year", 31),
        Published("CA/014", "young carers' needs assessments in the year", 86),
        Published("CA/017a", "young carers with a support plan on 31 March", 49),
    )
}

# --- Generator parameters (tuned against PUBLISHED at REFERENCE_POPULATION) -----------------------

# Contacts: a child's expected contacts per year of childhood. Children differ a lot (a few
# families generate many police notifications), so each child's rate is this times a gamma
# weight of mean 1 and shape CONTACT_WEIGHT_SHAPE. Published CH/001 is 120 per 1,000 people, i.e.
# 0.60 per child-year; contacts about children already receiving care and support and the
# excluded contact types are not in CH/001, so the raw rate is a little higher.
CONTACTS_PER_CHILD_YEAR = 0.70
CONTACT_WEIGHT_SHAPE = 0.35

# Contact types (share of children's contacts). WEB, EIPD, INFO and MISD are the excluded types.
CONTACT_TYPES = {
    "REF": 0.52,
    "IAA": 0.30,
    "SAFE": 0.13,
    "WEB": 0.015,
    "EIPD": 0.015,
    "INFO": 0.01,
    "MISD": 0.01,
}

# Sources, from CH/004 2022-23 (shares of 14,374), split into local codes.
CONTACT_SOURCES = {
    "SELF": 0.0013,
    "PARENT": 0.07,
    "RELAT": 0.0303,
    "FRND": 0.002,
    "NEIGH": 0.0018,
    "EIPS": 0.002,
    "GP": 0.03,
    "HV": 0.03,
    "MIDW": 0.015,
    "HOSP": 0.02,
    "CAMHS": 0.0087,
    "SCHL": 0.07,
    "COLL": 0.005,
    "LEA": 0.0064,
    "HOUS": 0.0093,
    "POL": 0.4795,
    "PROB": 0.0361,
    "VOL": 0.022,
    "LA": 0.0248,
    "AMB": 0.0036,
    "CIW": 0.0003,
    "PROV": 0.007,
    "ANON": 0.01,
    "OLA": 0.01,
    "SOL": 0.005,
    "PUB": 0.0081,
    "OTH": 0.0089,
    "INT": 0.0837,
}

# Contact outcomes for IAA contacts and referrals. Assessments (CH/006 2,400) are 17% of CH/001;
# strategy meetings (CH/020 1,110) are 8%, which come from safeguarding referrals (SAFE type).
CONTACT_OUTCOMES = {"ASSM": 0.16, "ADV": 0.10, "INFO": 0.30, "NFA": 0.37, "SIGN": 0.07}
SAFE_CONTACT_TO_STRATEGY = 0.62  # share of safeguarding referrals that lead to a strategy meeting

# Assessments: outcome shares from CH/007 2022-23 (518 plan, 1,492 other means, 390 no needs).
ASSESSMENT_OUTCOMES = {
    "NAET7": 0.216,
    "NAET3": 0.25,
    "NAET4": 0.25,
    "NAET5": 0.06,
    "NAET6": 0.06,
    "NAET1": 0.164,
}
MULTI_STAGE_SHARE = 0.08  # assessments with a first stage concluding "more comprehensive needed"
FAMILY_ASSESSMENT_SHARE = 0.12  # assessments that also assess a sibling (shared family_assessment_id)
IN_TIME_SHARE = 0.97  # CH/012: 2,348 of 2,400 within 42 working days

# Care and support plans: mean length in days (CH/015a 937 on 31 March at about 560 starts a year).
CSP_MEAN_DAYS = 600

# Strategy meeting decisions (CH/021: 334 of 1,110 progress to section 47).
STRATEGY_DECISIONS = {"S47": 0.10, "S47J": 0.15, "CS": 0.43, "FSM": 0.04, "NFA": 0.28}
# Section 47 outcomes (CH/022: 70 of 334 progress to ICPC).
S47_OUTCOMES = {"ICPC": 0.20, "CSP": 0.41, "NFA": 0.35, "OTH": 0.04}
ICPC_REGISTER_SHARE = 0.93  # CH/023: 67 of 70 (some registrations come from earlier ICPCs)
CP_MEAN_DAYS = (
    180  # plus 60 days minimum: CH/026a 43 on the register at 67 registrations a year -> about 8 months
)
CP_CATEGORIES = {
    "NEG": 0.55,
    "EMO": 0.36,
    "PHY": 0.05,
    "SEX": 0.01,
    "NEGPHY": 0.02,
    "NEGSEX": 0.005,
    "PHYSEX": 0.005,
}

# Looked-after children: starts per 1,000 people a year (CH/037a 49) and paths out of care.
LAC_STARTS_PER_1000 = 0.45
SHORT_BREAK_STARTS_PER_1000 = 0.08  # CH/040: 28 children on s76 short breaks on 31 March
MISSING_RATE_PER_TEEN_YEAR = 2.0  # missing episodes per looked-after teenager-year (CH/031 254)

# Young carers: needs assessments per 1,000 people a year (CA/014 86), share leading to a plan.
YOUNG_CARER_ASSESSMENTS_PER_1000 = 0.72
YOUNG_CARER_PLAN_SHARE = 0.25
