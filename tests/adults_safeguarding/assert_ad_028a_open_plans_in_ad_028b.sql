{#
  AD/028b includes every plan of an AD/028a enquiry that is still open on 31 March of that year (the
  relation between the two parts that holds in general: AD/028b also holds plans of earlier
  enquiries, and AD/028a plans closed before 31 March). Returns the plans missing from AD/028b.
#}
with

ad_028 as (
    select * from {{ ref('ad_028') }}
),

enquiries as (
    select * from {{ ref('int_adult_safeguarding_enquiries__classified') }}
),

plans as (
    select * from {{ ref('plan') }}
),

collection_years as (
    select * from {{ ref('int_collection_years') }}
),

open_plans_of_ad_028a as (
    select
        ad_028.collection_year,
        enquiries.protection_plan_id as plan_id
    from ad_028
    inner join enquiries
        on ad_028.item_id = enquiries.enquiry_id
    inner join plans
        on enquiries.protection_plan_id = plans.plan_id
    inner join collection_years
        on ad_028.collection_year = collection_years.collection_year
    where
        ad_028.part = 'a'
        and {{ is_open_on('plans', 'collection_years.end_date') }}
        {%- if not var('ad_028b_plan_ending_31_march_is_open') %}
            and coalesce(plans.end_date <> collection_years.end_date, true)
        {%- endif %}
)

select open_plans_of_ad_028a.*
from open_plans_of_ad_028a
left join ad_028
    on
        open_plans_of_ad_028a.collection_year = ad_028.collection_year
        and open_plans_of_ad_028a.plan_id = ad_028.item_id
        and ad_028.part = 'b'
where ad_028.item_id is null
