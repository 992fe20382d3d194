with

carer_relationships as (
    select * from {{ ref('stg_wccis__carer_relationships') }}
)

select
    carer_relationships.carer_relationship_id,
    carer_relationships.carer_person_id,
    carer_relationships.cared_for_person_id,
    relationship.national_code as relationship_code,
    carer_relationships.start_date,
    carer_relationships.end_date,
    coalesce(carer_relationships.main_carer, false) as is_main_carer,
    coalesce(carer_relationships.lives_with_cared_for, false) as is_living_with_cared_for_person,
    coalesce(carer_relationships.recorded_in_error, false) as is_recorded_in_error,
    'wccis' as source_system,
    {{ source_reference('carer_relationships.source_file', 'carer_relationships.source_row') }} as source_reference
from carer_relationships
{{ decode_join('carer_relationship', 'carer_relationships.relationship_code', 'relationship') }}
