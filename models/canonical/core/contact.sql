with

contacts as (
    select * from {{ ref('stg_wccis__contacts') }}
)

select
    contacts.contact_id,
    contacts.contact_group_id,
    contacts.person_id,
    contacts.received_date,
    contact_type.national_code as contact_type_code,
    contact_method.national_code as contact_method_code,
    contact_source.national_code as contact_source_code,
    coalesce(contacts.is_carer_support_request, false) as is_carer_support_request,
    coalesce(contacts.is_safeguarding_concern, false) as is_safeguarding_concern,
    coalesce(contacts.physical_punishment_factor, false)
    or coalesce(contacts.physical_punishment_only_factor, false) as is_physical_punishment_factor,
    coalesce(contacts.physical_punishment_only_factor, false) as is_physical_punishment_only_factor,
    coalesce(contacts.what_matters_conversation_held, false) as is_what_matters_conversation_held,
    coalesce(contacts.five_elements_considered, false) as is_five_elements_considered,
    outcome.national_code as outcome_code,
    contacts.decision_date,
    contacts.decision_date_issue,
    decision.national_code as decision_code,
    decision_role.national_code as decision_by_role_code,
    coalesce(contacts.recorded_in_error, false) as is_recorded_in_error,
    'wccis' as source_system,
    {{ source_reference('contacts.source_file', 'contacts.source_row') }} as source_reference
from contacts
{{ decode_join('contact_type', 'contacts.contact_type_code', 'contact_type') }}
{{ decode_join('contact_method', 'contacts.contact_method_code', 'contact_method') }}
{{ decode_join('contact_source', 'contacts.contact_source_code', 'contact_source') }}
{{ decode_join('contact_outcome', 'contacts.outcome_code', 'outcome') }}
{{ decode_join('contact_decision', 'contacts.decision_code', 'decision') }}
{{ decode_join('decision_role', 'contacts.decision_by_role_code', 'decision_role') }}
