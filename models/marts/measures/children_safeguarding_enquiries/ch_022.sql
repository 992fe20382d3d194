{#-
  CH/022: section 47 enquiries completed during the year that progressed to an initial child
  protection conference.
-#}
with

enquiries as (
    select * from {{ ref('int_section_47_enquiries__classified') }}
)

select
    collection_year,
    'CH/022' as measure_code,
    '' as part,
    'section_47_enquiry' as item_type,
    section_47_enquiry_id as item_id,
    person_id,
    completed_date as event_date,
    source_reference
from enquiries
where is_in_ch_022
