with

advocacy_needs as (
    select * from {{ ref('stg_wccis__advocacy_needs') }}
)

select
    advocacy_needs.advocacy_need_id,
    advocacy_needs.person_id,
    advocacy_needs.identified_date,
    process.national_code as process_code,
    coalesce(advocacy_needs.barrier_to_participation, false) as has_barrier_to_participation,
    coalesce(advocacy_needs.appropriate_individual_available, false) as is_appropriate_individual_available,
    coalesce(advocacy_needs.independent_advocate_required, false) as is_independent_advocate_required,
    advocacy_needs.referred_date,
    outcome.national_code as outcome_code,
    advocacy_needs.outcome_date,
    advocacy_needs.advocacy_start_date,
    advocacy_needs.advocacy_end_date,
    coalesce(advocacy_needs.recorded_in_error, false) as is_recorded_in_error,
    'wccis' as source_system,
    {{ source_reference('advocacy_needs.source_file', 'advocacy_needs.source_row') }} as source_reference
from advocacy_needs
{{ decode_join('advocacy_process', 'advocacy_needs.process_code', 'process') }}
{{ decode_join('advocacy_outcome', 'advocacy_needs.outcome_code', 'outcome') }}
