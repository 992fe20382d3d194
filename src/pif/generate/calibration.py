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

# Care and support plans: mean length in days. CH/015a (937 on 31 March) counts children with any
# care and support plan (Part 4 care and support, child protection, looked-after, pathway), so the
# children in need alone are about 620 of them: about 560 starts a year of about 13 months.
CSP_MEAN_DAYS = 350
CSP_DIRECT_PAYMENT_SHARE = 0.10  # CH/016: 61 children with a direct payment of 937 on 31 March
# Reviews of children in need: CH/017c has 2,920 reviews due for about 620 children in need, so the
# reference authority reviews plans about every two months (the statutory maximum is six): reviews
# are held every CIN_REVIEW_GAP_DAYS days, and CIN_REVIEW_LATE_SHARE of the gaps exceed six months
# (CH/018c: 2,490 of 2,920 in time; CH/019c: 2,758 held). About half the reviews of a plan with a
# direct payment also review the payment (is_direct_payment_review).
CIN_REVIEW_GAP_DAYS = (40, 80)
CIN_REVIEW_LATE_SHARE = 0.16
CIN_DIRECT_PAYMENT_REVIEW_SHARE = 0.5
# CH/015b (24): children with a care and support plan who are also young carers. A share of care and
# support plans of children aged 8 and over are integrated plans that also meet needs as a carer
# (after an assessment that considered them), and a share of young carers with a young carer's
# support plan also have a care and support plan of their own.
INTEGRATED_CARER_PLAN_SHARE = 0.045
YOUNG_CARER_OWN_PLAN_SHARE = 0.4

# Strategy meeting decisions (CH/021: 334 of 1,110 progress to section 47).
STRATEGY_DECISIONS = {"S47": 0.10, "S47J": 0.15, "CS": 0.43, "FSM": 0.04, "NFA": 0.28}
# Section 47 outcomes (CH/022: 70 of 334 progress to ICPC).
S47_OUTCOMES = {"ICPC": 0.155, "CSP": 0.455, "NFA": 0.35, "OTH": 0.04}
ICPC_REGISTER_SHARE = 0.93  # CH/023: 67 of 70 (some registrations come from earlier ICPCs)
CP_MEAN_DAYS = 230  # plus 60 days minimum: CH/026a 43 on the register on 31 March, CH/029 1,709 visits due
# CH/024b (11 of 67): registrations of children de-registered in the previous 12 months. This share of
# de-registrations (not at 18) is followed 1-9 months later by a new safeguarding referral that
# leads through a strategy meeting, section 47 enquiries and an initial conference to registration.
REREGISTRATION_SHARE = 0.22
# Child protection visits (CH/030b: 1,522 of 1,709 within 10 working days): gaps between visits in
# working days; CP_VISIT_LATE_SHARE of the gaps run to 11-15 working days, and a visit that did not
# see the child is followed by another within 1-2 working days.
CP_VISIT_GAP_WORKING_DAYS = (6, 9)
CP_VISIT_LATE_SHARE = 0.08
# CH/034 (140 of CH/021's 334): strategy meetings that progress to section 47 enquiries often concern
# exploitation; this share of them (and of those deciding on a further meeting) has an exploitation
# factor, as well as the meetings under the exploitation protocols.
S47_MEETING_EXPLOITATION_SHARE = 0.25
S47_MEETING_EXPLOITATION_FACTORS = {"E-CSE": 0.56, "E-CCE": 0.26, "E-CCL": 0.14, "E-TRAF": 0.03}
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
# CH/043: a P episode recorded when the foster carer moved house (same carer, same placement_id), and
# placement identifiers the system did not record (the models then read moves from P/B reasons).
LAC_CARER_ADDRESS_CHANGE_SHARE = 0.05
LAC_PLACEMENT_ID_MISSING_SHARE = 0.03
# CH/048 (published 11 of 268 placed outside Wales, 2021-22) and CH/046 (164 of 268 not with
# parents, family or friends): shares of the drawn placements moved back into the area, and from
# unrelated foster carers to relatives or friends.
LAC_OUTSIDE_WALES_TO_LOCAL_SHARE = 0.6
LAC_FOSTER_TO_FAMILY_SHARE = 0.2
# CH/041-CH/042 (published 2022-23: 2,410 due, 2,339 completed, 2,170 in time): statutory visits run
# a little ahead of the 42-day grid, some are late or do not happen, and a move brings the next visit
# into its first week.
LAC_VISIT_LEAD_DAYS_PER_CYCLE = 3
LAC_VISIT_LATE_SHARE = 0.01
LAC_VISIT_MISSED_SHARE = 0.02
LAC_MOVE_VISIT_SHARE = 0.9
# CH/044 (published 6 in 2022-23, 9 in 2021-22): the share of school changes at placement moves kept.
LAC_SCHOOL_CHANGE_KEPT_SHARE = 0.4
SHORT_BREAK_STARTS_PER_1000 = 0.08  # CH/040: 28 children on s76 short breaks on 31 March
MISSING_RATE_PER_TEEN_YEAR = 2.8  # missing episodes per looked-after teenager-year (CH/031 254)
MISSING_WEIGHT_SHAPE = 0.7  # spread of missing episodes between teenagers (CH/032 88 children)
# Special guardianship orders made for children who were not looked after by the authority (private
# law), a year per 1,000 people, each with an SGO support plan to 18. With the SGOs from care, about
# 200 SGO plans are open; SGO_FINANCIAL_SUPPORT_SHARE of them pay financial support, reviewed yearly
# (CH/017e 184). Support other than financial is reviewed after a change of circumstances
# (SGO_CHANGE_REVIEWS_PER_YEAR per plan-year; CH/017d 31) and yearly for SGO_SUPPORT_REVIEW_SHARE.
SGO_ORDERS_PER_1000 = 0.14
SGO_FINANCIAL_SUPPORT_SHARE = 0.85
SGO_CHANGE_REVIEWS_PER_YEAR = 0.12
SGO_SUPPORT_REVIEW_SHARE = 0.1

# Young carers: needs assessments per 1,000 people a year (CA/014 86), share leading to a plan.
YOUNG_CARER_ASSESSMENTS_PER_1000 = 0.72
YOUNG_CARER_PLAN_SHARE = 0.25
# Young carers' journeys, drawn from their own stream (children.py _YOUNG_CARER_CALIBRATED), against the
# reference authority's 2022-23 figures at 120,000 people (docs/synthetic-data.md): CA/011 26 contacts,
# CA/013 sources, CA/014 86 assessments (about 12 come from children's own assessments that considered
# their caring), CA/015 a 13 / b 69 / c 4, CA/016 a 73 / c 38, CA/017 a 49 / b 24.
YOUNG_CARER_VIA_CONTACT_SHARE = 0.19
YOUNG_CARER_CONTACT_SOURCES = {
    "PARENT": 0.35, "RELAT": 0.11, "GP": 0.19, "SCHL": 0.08, "VOL": 0.04, "OLA": 0.19, "INT": 0.04,
}  # fmt: skip
YOUNG_CARER_OFFER_ANSWERS = {"ACC": 0.66, "REF": 0.2, "NR": 0.14}
YOUNG_CARER_SUPPORT_PLAN_SHARE = 0.08
YOUNG_CARER_PLAN_DAYS = (1500, 3500)
YOUNG_CARER_REVIEWS_ON_TIME = 0.95
YOUNG_CARER_WELSH_OFFER_SHARE = 0.85
YOUNG_CARER_LANGUAGE_OF_CHOICE_SHARE = 0.40

# --- Care leavers and children's advocacy (CH/049-CH/057), drawn from the care leavers' own stream ---
# Reference authority 2022-23: CH/053 a-f 56 / 0 / 143 / 1 / 0 / 4 (204 on 31 March), CH/052 8,
# CH/054 a-b 19 / 7, CH/056 31, CH/057 27 (docs/synthetic-data.md).
CARE_LEAVER_TO_25_SHARE = 0.8  # category 3 support continues to 25 (status rows)
CARE_LEAVERS_BEFORE_HISTORY_PER_1000 = 1.9  # left care at 18 in the 7 years before the history
CARE_LEAVER_RECONNECT_SHARE = 0.3  # of those whose support ended at 21: reconnect as category 4
CARE_LEAVERS_CATEGORY_6_PER_1000 = 0.18  # category 6 turning 16 from 5 years before the history
CARE_LEAVER_EET_TO_NEET_SHARE = 0.9  # main-activity spells recoded from EET to not in EET
CARE_LEAVER_MAIN_ACTIVITY = {
    "F1": 0.03,
    "F2": 0.05,
    "F3": 0.07,
    "F4": 0.03,
    "G4": 0.15,
    "G5": 0.55,
    "G6": 0.12,
}
CARE_LEAVER_HOMELESS_PER_YEAR = 0.035  # homelessness periods per care-leaver year
ADVOCACY_REPEAT_OFFERS_PER_CHILD_YEAR = 0.03  # further Active Offers while looked after (aged 5+)
ADVOCACY_PROVIDED_SHARE = 0.87
