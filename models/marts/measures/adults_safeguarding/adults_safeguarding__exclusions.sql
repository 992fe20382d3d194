{#-
  AD/020-AD/028, AS/001-AS/007: why a candidate report, enquiry, alleged perpetrator, place,
  investigation, meeting, plan or adult is not counted, one row per record, collection year and
  measure (unioned into measure_exclusions). AD/021, AS/004a and AS/004b split AD/020 with a
  catch-all part and AS/001 counts the adults of AD/020, so their exclusions are AD/020’s. The enquiry
  measures each list the enquiries of their year that they do not count, base reasons included
  (recorded in error, a formal police investigation, a report not in AD/023); AD/027 and AD/028a list
  only AD/026 enquiries, AS/002 and AS/003 only AS/001 adults.
-#}
with

reports as (
    select * from {{ ref('int_adult_safeguarding_reports__classified') }}
),

enquiries as (
    select * from {{ ref('int_adult_safeguarding_enquiries__classified') }}
),

perpetrators as (
    select * from {{ ref('int_adult_safeguarding__alleged_perpetrators') }}
),

places as (
    select * from {{ ref('int_adult_safeguarding__places') }}
),

investigations as (
    select * from {{ ref('int_adult_safeguarding_investigations__classified') }}
),

meetings as (
    select * from {{ ref('int_adult_safeguarding_meetings__classified') }}
),

plans as (
    select * from {{ ref('int_adult_safeguarding_plans__open_on_31_march') }}
),

adults as (
    select * from {{ ref('as_001') }}
),

as_002 as (
    select * from {{ ref('as_002') }}
),

as_003 as (
    select * from {{ ref('as_003') }}
),

enquiry_places as (
    select
        enquiry_id,
        max(case when as_005_part is not null then 1 else 0 end) as has_as_005_place,
        max(case when as_005_part is null then 1 else 0 end) as has_other_place
    from places
    group by enquiry_id
),

enquiry_perpetrators as (
    select distinct enquiry_id from perpetrators
)

{%- set report_rules = [('AD/020', 'ad_020'), ('AD/022', 'ad_022'), ('AD/023', 'ad_023')] %}
{%- for measure_code, prefix in report_rules %}

    select
        collection_year,
        '{{ measure_code }}' as measure_code,
        'adult_safeguarding_report' as item_type,
        report_id as item_id,
        person_id,
        received_date as event_date,
        {{ prefix }}_exclusion_reason as exclusion_reason,
        source_reference
    from reports
    where {{ prefix }}_exclusion_reason is not null
    union all
{%- endfor %}

{%- set enquiry_rules = [
    ('AD/024', 'ad_024_exclusion_reason', 'completed_date', none),
    ('AD/026', 'ad_026_exclusion_reason', 'completed_date', none),
    ('AD/027', 'ad_027_exclusion_reason', 'completed_date', 'is_in_ad_026'),
    ('AD/028', 'ad_028a_exclusion_reason', 'completed_date', 'is_in_ad_026'),
    ('AS/007', 'as_007a_exclusion_reason', 'start_date', none),
    ('AD/025', 'completed_exclusion_reason', 'completed_date', none),
    ('AS/005', 'completed_exclusion_reason', 'completed_date', none),
] %}
{%- for measure_code, reason, date_column, base_condition in enquiry_rules %}

    select
        collection_year,
        '{{ measure_code }}' as measure_code,
        'adult_safeguarding_enquiry' as item_type,
        enquiry_id as item_id,
        person_id,
        coalesce({{ date_column }}, start_date) as event_date,
        {{ reason }} as exclusion_reason,
        source_reference
    from enquiries
    where
        {{ reason }} is not null
        {%- if base_condition %}
            and {{ base_condition }}
        {%- endif %}
    union all
{%- endfor %}

select
    enquiries.collection_year,
    'AD/025' as measure_code,
    'adult_safeguarding_enquiry' as item_type,
    enquiries.enquiry_id as item_id,
    enquiries.person_id,
    enquiries.completed_date as event_date,
    'no alleged perpetrator recorded' as exclusion_reason,
    enquiries.source_reference
from enquiries
left join enquiry_perpetrators
    on enquiries.enquiry_id = enquiry_perpetrators.enquiry_id
where enquiries.is_completed_in_base and enquiry_perpetrators.enquiry_id is null

union all

select
    enquiries.collection_year,
    'AS/005' as measure_code,
    'adult_safeguarding_enquiry' as item_type,
    enquiries.enquiry_id as item_id,
    enquiries.person_id,
    enquiries.completed_date as event_date,
    case
        when enquiry_places.has_other_place = 1
            then 'place of alleged abuse has no AS/005 part (other: supported living, day centre, online, unknown)'
        else 'no place of alleged abuse recorded'
    end as exclusion_reason,
    enquiries.source_reference
from enquiries
left join enquiry_places
    on enquiries.enquiry_id = enquiry_places.enquiry_id
where enquiries.is_completed_in_base and coalesce(enquiry_places.has_as_005_place, 0) = 0

union all

select
    collection_year,
    'AD/028' as measure_code,
    'protection_plan' as item_type,
    plan_id as item_id,
    person_id,
    snapshot_date as event_date,
    ad_028b_exclusion_reason as exclusion_reason,
    source_reference
from plans
where ad_028b_exclusion_reason is not null

union all

select
    collection_year,
    'AS/006' as measure_code,
    'adult_safeguarding_investigation' as item_type,
    investigation_id as item_id,
    person_id,
    event_date,
    as_006_exclusion_reason as exclusion_reason,
    source_reference
from investigations
where as_006_exclusion_reason is not null

union all

select
    collection_year,
    'AS/007' as measure_code,
    'adult_safeguarding_meeting' as item_type,
    meeting_id as item_id,
    person_id,
    held_date as event_date,
    as_007_exclusion_reason as exclusion_reason,
    source_reference
from meetings
where as_007_exclusion_reason is not null

{%- for measure_code, counted, reason in [
    ('AS/002', 'as_002', 'not reported more than once for the same AD/022 category in the year'),
    ('AS/003', 'as_003', 'not reported for different AD/022 categories in the year'),
] %}

    union all

    select
        adults.collection_year,
        '{{ measure_code }}' as measure_code,
        'adult' as item_type,
        adults.item_id,
        adults.person_id,
        adults.event_date,
        '{{ reason }}' as exclusion_reason,
        adults.source_reference
    from adults
    left join {{ counted }}
        on
            adults.collection_year = {{ counted }}.collection_year
            and adults.item_id = {{ counted }}.item_id
    where {{ counted }}.item_id is null
{%- endfor %}
