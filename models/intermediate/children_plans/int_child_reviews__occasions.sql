{#
  Reviews due (CH/017): one row per occasion on which a statutory review of a child's plan fell due,
  whether or not a review was held, with the review that met it and whether it was held in time
  (read by int_child_reviews__classified for CH/018).

  How occasions follow from a schedule (int_child_reviews__schedules) and the reviews held:
  - Anchors are the schedule's start (anchor 0) and every review held in it (1, 2, ... by date):
    child protection review conferences in the registration period (after the registering
    conference, up to and including the de-registration date); looked-after and pre-adoption
    reviews in the period of care; the plan's own reviews of the matching type for the others
    (direct payment schedule: care and support reviews that also reviewed the direct payment).
    Only reviews held and authorised, not recorded in error, are anchors.
  - After anchor i the next review is due on its first due date: the schedule's first_due_date for
    anchor 0; interval_after_first_review_months after review 1; interval_months after later ones.
    The next review held meets that occasion, in time when held on or before its due date (a
    review on its due date is in time, a day later is not). Every further due date (macro
    review_cycle_due_date) that passes before the next review, or before the schedule ends (plan
    end, de-registration, end of the period of care), is an occasion due and not met.
  - A review held early (before the due date of the occasion it meets) restarts the cycle: the
    Code's "subsequent reviews must be carried out no more than six months after the previous
    review" makes the next review due a cycle after the review last held, so the occasion the early
    review met falls due on the day it was held (due_date; cycle_due_date keeps the date the cycle
    gave) and is not also counted at its later cycle date. Plan started 20/12/2025, reviewed
    10/01/2026: occasions due 10/01/2026 (met), 10/07/2026 and 10/01/2027, so two in 2026-27 (issue 13).
  - A change of circumstances (review trigger change_of_circumstances with trigger_date) in the
    pathway (rule i) and SGO (rule l) schedules makes a review due var
    change_of_circumstances_review_days (28) days after the trigger date, met by that review; it
    restarts the cycle, so the cyclic occasion it pre-empts never falls due.
  - A review whose outcome is a re-assessment replaced the planned review (CH/017-CH/019 include
    4): the occasion it would have met is "no longer required" (listed, not counted); the cycle
    restarts from it.
  - A schedule without a review cycle (has_review_cycle: SGO support when var
    sgo_support_annual_review is false) has only its change-of-circumstances occasions. A period of
    care starting outside the working-day calendar has no first due date: occasions start after
    its first review.
  - Pathway schedules take their interval from care_leavers (pathway_review_interval_months) on
    the anchor date, else var pathway_review_default_interval_months.
  - Occasions are generated up to the end of the last configured collection year (and, to keep the
    table small, the birthday at var pathway_plan_age_limit or 18, whichever is later), and counted
    only while the person is a child (under 18 on the due date, or unborn; pathway: under var
    pathway_plan_age_limit). An occasion due on or after the 18th birthday is kept (not counted, not
    listed) only when a review held before the birthday met it, so that review can be timed.
  CH/017 exclusions (null = counted when due in a configured year): due after var extract_date
  (an in-year run: the extract was taken before the occasion fell due, so it is not yet due; an
  occasion met early fell due when the review was held), person in error or with no date of birth, the
  schedule's exclusion reason, re-assessment replaced the review, and for part c (children in need)
  the child was looked after or on the register on the due date (their reviews are parts a-b; rules
  a-c exclude them). With var extract_date null (default) occasions are due to 31 March of the last
  configured year, as for a return made after the year end.
#}
{%- set max_child_age = [18, var('pathway_plan_age_limit')] | max %}

with

schedules as (
    select * from {{ ref('int_child_reviews__schedules') }}
),

reviews as (
    select * from {{ ref('review') }}
),

conferences as (
    select * from {{ ref('cp_conference') }}
),

people as (
    select * from {{ ref('person') }}
),

care_leaver_statuses as (
    select * from {{ ref('care_leaver_status') }}
    where not is_recorded_in_error
),

registrations as (
    select * from {{ ref('int_cp_registrations__periods') }}
),

care_periods as (
    select * from {{ ref('int_lac_episodes__care_periods') }}
),

collection_years as (
    select * from {{ ref('int_collection_years') }}
),

numbers as (
    {{ review_numbers() }}
),

last_year as (
    select max(end_date) as end_date from collection_years
),

conference_members as (
    select
        schedules.schedule_id,
        conferences.conference_id as review_id,
        conferences.conference_date as review_date,
        cast(null as date) as trigger_date,
        false as is_reassessment,
        conferences.source_reference
    from schedules
    inner join conferences
        on
            schedules.person_id = conferences.person_id
            and schedules.start_date < conferences.conference_date
            and (schedules.end_date is null or schedules.end_date >= conferences.conference_date)
    where
        schedules.schedule_type = 'child_protection'
        and conferences.conference_type_code = 'review'
        and not conferences.is_recorded_in_error
),

valid_reviews as (
    select * from reviews
    where
        not is_recorded_in_error
        and is_authorised
),

looked_after_members as (
    select
        schedules.schedule_id,
        valid_reviews.review_id,
        valid_reviews.review_date,
        cast(null as date) as trigger_date,
        coalesce(valid_reviews.outcome_code = 'reassessment', false) as is_reassessment,
        valid_reviews.source_reference
    from schedules
    inner join valid_reviews
        on
            schedules.person_id = valid_reviews.person_id
            and schedules.start_date <= valid_reviews.review_date
            and (schedules.end_date is null or schedules.end_date >= valid_reviews.review_date)
    where
        schedules.schedule_type = 'looked_after'
        and valid_reviews.review_type_code in ('looked_after', 'pre_adoption')
),

plan_members as (
    select
        schedules.schedule_id,
        valid_reviews.review_id,
        valid_reviews.review_date,
        case
            when
                schedules.schedule_type in ('pathway', 'sgo_support', 'sgo_financial_support')
                and valid_reviews.trigger_code = 'change_of_circumstances'
                then valid_reviews.trigger_date
        end as trigger_date,
        coalesce(valid_reviews.outcome_code = 'reassessment', false) as is_reassessment,
        valid_reviews.source_reference
    from schedules
    inner join valid_reviews
        on
            schedules.plan_id = valid_reviews.plan_id
            and schedules.start_date <= valid_reviews.review_date
            and (schedules.end_date is null or schedules.end_date >= valid_reviews.review_date)
    where
        (schedules.schedule_type = 'pathway' and valid_reviews.review_type_code = 'pathway')
        or (schedules.schedule_type = 'care_and_support' and valid_reviews.review_type_code = 'care_and_support')
        or (
            schedules.schedule_type = 'direct_payment'
            and valid_reviews.review_type_code = 'care_and_support'
            and valid_reviews.is_direct_payment_review
        )
        or (schedules.schedule_type = 'sgo_support' and valid_reviews.review_type_code = 'sgo_support')
        or (
            schedules.schedule_type = 'sgo_financial_support'
            and valid_reviews.review_type_code = 'sgo_financial_support'
        )
),

members as (
    select * from conference_members
    union all
    select * from looked_after_members
    union all
    select * from plan_members
),

numbered_members as (
    select
        *,
        row_number() over (partition by schedule_id order by review_date, review_id) as anchor_number
    from members
),

anchors as (
    select
        schedule_id,
        0 as anchor_number,
        cast(null as {{ dbt.type_string() }}) as anchor_review_id,
        start_date as anchor_date,
        source_reference
    from schedules
    union all
    select
        schedule_id,
        anchor_number,
        review_id as anchor_review_id,
        review_date as anchor_date,
        source_reference
    from numbered_members
),

anchors_with_next as (
    select
        anchors.*,
        next_review.review_id as next_review_id,
        next_review.review_date as next_review_date,
        next_review.trigger_date as next_trigger_date,
        next_review.is_reassessment as next_is_reassessment,
        case
            when next_review.review_id is null then 'none'
            when next_review.is_reassessment then 'reassessment'
            when next_review.trigger_date is not null then 'change_of_circumstances'
            else 'review'
        end as next_kind
    from anchors
    left join numbered_members as next_review
        on
            anchors.schedule_id = next_review.schedule_id
            and anchors.anchor_number + 1 = next_review.anchor_number
),

pathway_intervals as (
    select
        anchors_with_next.schedule_id,
        anchors_with_next.anchor_number,
        min(care_leaver_statuses.pathway_review_interval_months) as interval_months
    from anchors_with_next
    inner join schedules
        on anchors_with_next.schedule_id = schedules.schedule_id
    inner join care_leaver_statuses
        on
            schedules.person_id = care_leaver_statuses.person_id
            and {{ is_open_on('care_leaver_statuses', 'anchors_with_next.anchor_date') }}
    where schedules.schedule_type = 'pathway'
    group by anchors_with_next.schedule_id, anchors_with_next.anchor_number
),

anchor_cycles as (
    select
        anchors_with_next.*,
        schedules.part,
        schedules.schedule_type,
        schedules.person_id,
        schedules.plan_id,
        schedules.exclusion_reason as schedule_exclusion_reason,
        least(
            coalesce(schedules.end_date, cast('9999-12-31' as date)),
            last_year.end_date,
            coalesce({{ add_months('people.date_of_birth', 12 * max_child_age) }}, cast('9999-12-31' as date))
        ) as generate_until,
        coalesce(pathway_intervals.interval_months, schedules.interval_after_first_review_months)
            as interval_after_first_review_months,
        coalesce(pathway_intervals.interval_months, schedules.interval_months) as interval_months,
        case
            when not schedules.has_review_cycle then null
            when anchors_with_next.anchor_number = 0 and pathway_intervals.interval_months is not null
                then {{ add_months('anchors_with_next.anchor_date', 'pathway_intervals.interval_months') }}
            when anchors_with_next.anchor_number = 0 then schedules.first_due_date
            when anchors_with_next.anchor_number = 1
                then {{ add_months('anchors_with_next.anchor_date',
                    'coalesce(pathway_intervals.interval_months, schedules.interval_after_first_review_months)') }}
            else {{ add_months('anchors_with_next.anchor_date',
                'coalesce(pathway_intervals.interval_months, schedules.interval_months)') }}
        end as first_due_date
    from anchors_with_next
    inner join schedules
        on anchors_with_next.schedule_id = schedules.schedule_id
    inner join people
        on schedules.person_id = people.person_id
    cross join last_year
    left join pathway_intervals
        on
            anchors_with_next.schedule_id = pathway_intervals.schedule_id
            and anchors_with_next.anchor_number = pathway_intervals.anchor_number
    where
        people.date_of_birth is null
        or {{ add_months('people.date_of_birth', 12 * max_child_age) }} > anchors_with_next.anchor_date
),

cycle_dates as (
    select
        anchor_cycles.*,
        numbers.n as occasion_number,
        {{ review_cycle_due_date(
            'anchor_cycles.first_due_date',
            'case when anchor_cycles.anchor_number = 0 then anchor_cycles.interval_after_first_review_months'
                ~ ' else anchor_cycles.interval_months end',
            'anchor_cycles.interval_months',
            'numbers.n') }} as due_date
    from anchor_cycles
    cross join numbers
    where anchor_cycles.first_due_date is not null
),

cycle_occasions as (
    select
        schedule_id || '/' || cast(anchor_number as {{ dbt.type_string() }})
        || '.' || cast(occasion_number as {{ dbt.type_string() }}) as occasion_id,
        schedule_id,
        part,
        schedule_type,
        person_id,
        plan_id,
        anchor_number,
        anchor_review_id,
        anchor_date,
        occasion_number,
        'cycle' as occasion_kind,
        case
            when occasion_number = 0 and next_kind = 'review' and next_review_date < due_date
                then next_review_date
            else due_date
        end as due_date,
        due_date as cycle_due_date,
        case when occasion_number = 0 and next_kind = 'review' then next_review_id end as met_by_review_id,
        case when occasion_number = 0 and next_kind = 'review' then next_review_date end as met_review_date,
        case
            when occasion_number = 0 and next_kind = 'reassessment' and due_date >= next_review_date
                then next_review_id
        end as replaced_by_review_id,
        schedule_exclusion_reason,
        source_reference
    from cycle_dates
    where
        (occasion_number = 0 and next_kind = 'review')
        or (occasion_number = 0 and next_kind = 'reassessment' and due_date >= next_review_date)
        or (
            due_date <= generate_until
            and (next_review_date is null or due_date < next_review_date)
        )
),

trigger_occasions as (
    select
        numbered_members.schedule_id || '/' || numbered_members.review_id as occasion_id,
        numbered_members.schedule_id,
        schedules.part,
        schedules.schedule_type,
        schedules.person_id,
        schedules.plan_id,
        numbered_members.anchor_number,
        numbered_members.review_id as anchor_review_id,
        numbered_members.trigger_date as anchor_date,
        0 as occasion_number,
        'change_of_circumstances' as occasion_kind,
        cast(
            {{ dbt.dateadd('day', var('change_of_circumstances_review_days'), 'numbered_members.trigger_date') }}
            as date
        ) as due_date,
        cast(
            {{ dbt.dateadd('day', var('change_of_circumstances_review_days'), 'numbered_members.trigger_date') }}
            as date
        ) as cycle_due_date,
        case when not numbered_members.is_reassessment then numbered_members.review_id end as met_by_review_id,
        case when not numbered_members.is_reassessment then numbered_members.review_date end as met_review_date,
        case when numbered_members.is_reassessment then numbered_members.review_id end as replaced_by_review_id,
        schedules.exclusion_reason as schedule_exclusion_reason,
        numbered_members.source_reference
    from numbered_members
    inner join schedules
        on numbered_members.schedule_id = schedules.schedule_id
    where numbered_members.trigger_date is not null
),

occasions as (
    select * from cycle_occasions
    union all
    select * from trigger_occasions
),

child_occasions as (
    select
        occasions.*,
        people.date_of_birth,
        people.expected_date_of_birth,
        people.is_recorded_in_error as is_person_recorded_in_error,
        {{ age_on('people', 'occasions.due_date') }} as age_on_due_date
    from occasions
    inner join people
        on occasions.person_id = people.person_id
),

child_flags as (
    select
        *,
        coalesce(
            age_on_due_date < case when schedule_type = 'pathway' then {{ max_child_age }} else 18 end,
            true
        ) as is_child_on_due_date,
        coalesce(
            {{ age_at('date_of_birth', 'met_review_date') }}
            < case when schedule_type = 'pathway' then {{ max_child_age }} else 18 end,
            true
        ) as is_child_on_review_date
    from child_occasions
),

children_only as (
    select * from child_flags
    where
        is_child_on_due_date
        or (met_review_date is not null and is_child_on_review_date)
),

looked_after_on_due_date as (
    select distinct children_only.occasion_id
    from children_only
    inner join care_periods
        on
            children_only.person_id = care_periods.person_id
            and {{ is_open_on('care_periods', 'children_only.due_date') }}
    where children_only.part = 'c'
),

registered_on_due_date as (
    select distinct children_only.occasion_id
    from children_only
    inner join registrations
        on
            children_only.person_id = registrations.person_id
            and children_only.due_date >= registrations.registration_date
            and (registrations.end_date is null or children_only.due_date <= registrations.end_date)
    where children_only.part = 'c'
),

classified as (
    select
        children_only.*,
        collection_years.collection_year,
        case
            when not children_only.is_child_on_due_date
                then 'aged 18 or over on the due date: not a children''s review (kept to time the review held)'
            when children_only.due_date > {{ extract_date() }}
                then 'due after the extract date (' || cast({{ extract_date() }} as {{ dbt.type_string() }}) || ')'
            when children_only.is_person_recorded_in_error then 'person record created in error'
            when children_only.date_of_birth is null and children_only.expected_date_of_birth is null
                then 'no date of birth or expected date of birth: cannot tell the person is a child'
            when children_only.schedule_exclusion_reason is not null then children_only.schedule_exclusion_reason
            when children_only.replaced_by_review_id is not null
                then
                    'planned review replaced by a re-assessment (review '
                    || children_only.replaced_by_review_id || '): no longer required'
            when looked_after_on_due_date.occasion_id is not null
                then 'looked after on the due date: reviewed as a looked-after child (part b)'
            when registered_on_due_date.occasion_id is not null
                then 'on the child protection register on the due date: reviewed at review conferences (part a)'
        end as ch_017_exclusion_reason
    from children_only
    left join collection_years
        on children_only.due_date between collection_years.start_date and collection_years.end_date
    left join looked_after_on_due_date
        on children_only.occasion_id = looked_after_on_due_date.occasion_id
    left join registered_on_due_date
        on children_only.occasion_id = registered_on_due_date.occasion_id
)

select
    occasion_id,
    schedule_id,
    part,
    schedule_type,
    person_id,
    plan_id,
    collection_year,
    anchor_number,
    anchor_review_id,
    anchor_date,
    occasion_number,
    occasion_kind,
    due_date,
    cycle_due_date,
    met_by_review_id,
    met_review_date,
    met_review_date is not null and met_review_date <= due_date as is_met_in_time,
    replaced_by_review_id,
    age_on_due_date,
    is_child_on_due_date,
    source_reference,
    ch_017_exclusion_reason,
    ch_017_exclusion_reason is null and collection_year is not null as is_in_ch_017
from classified
