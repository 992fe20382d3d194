{#-
  AD/028a: AD/026 enquiries where further action was determined necessary and a care and support
  protection plan resulted (item: the enquiry). AD/028b: care and support protection plans open on
  31 March (item: the plan).
-#}
with

enquiries as (
    select * from {{ ref('int_adult_safeguarding_enquiries__classified') }}
),

plans as (
    select * from {{ ref('int_adult_safeguarding_plans__open_on_31_march') }}
)

select
    collection_year,
    'AD/028' as measure_code,
    'a' as part,
    'adult_safeguarding_enquiry' as item_type,
    enquiry_id as item_id,
    person_id,
    completed_date as event_date,
    source_reference
from enquiries
where is_in_ad_028a

union all

select
    collection_year,
    'AD/028' as measure_code,
    'b' as part,
    'protection_plan' as item_type,
    plan_id as item_id,
    person_id,
    snapshot_date as event_date,
    source_reference
from plans
where is_in_ad_028b
