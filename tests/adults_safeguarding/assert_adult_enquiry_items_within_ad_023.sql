{#
  Item-level relation for the enquiry measures of adult safeguarding: every enquiry counted in
  AD/024, AD/025 (through its perpetrators), AS/005, AD/026, AD/027, AD/028a and AS/007a is an enquiry
  on a report counted in AD/023 in the same collection year (base data AD/023). Returns the
  offending items.
#}
with

enquiries as (
    select * from {{ ref('int_adult_safeguarding_enquiries__classified') }}
),

perpetrators as (
    select * from {{ ref('int_adult_safeguarding__alleged_perpetrators') }}
),

ad_023 as (
    select * from {{ ref('ad_023') }}
),

enquiry_items as (
    select collection_year, measure_code, item_id as enquiry_id from {{ ref('ad_024') }}
    union all
    select collection_year, measure_code, item_id from {{ ref('as_005') }}
    union all
    select collection_year, measure_code, item_id from {{ ref('ad_026') }}
    union all
    select collection_year, measure_code, item_id from {{ ref('ad_027') }}
    union all
    select collection_year, measure_code, item_id from {{ ref('ad_028') }} where part = 'a'
    union all
    select collection_year, measure_code, item_id from {{ ref('as_007') }} where part = 'a'
    union all
    select ad_025.collection_year, ad_025.measure_code, perpetrators.enquiry_id
    from {{ ref('ad_025') }} as ad_025
    left join perpetrators
        on ad_025.item_id = perpetrators.item_id
)

select
    enquiry_items.measure_code,
    enquiry_items.collection_year,
    enquiry_items.enquiry_id,
    enquiries.report_id
from enquiry_items
left join enquiries
    on enquiry_items.enquiry_id = enquiries.enquiry_id
left join ad_023
    on
        enquiries.report_id = ad_023.item_id
        and enquiry_items.collection_year = ad_023.collection_year
where ad_023.item_id is null
