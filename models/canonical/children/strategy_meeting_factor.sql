with

factors as (
    select * from {{ ref('stg_wccis__strategy_meeting_factors') }}
)

select
    factors.strategy_meeting_factor_id,
    factors.strategy_meeting_id,
    factor_type.national_code as factor_type_code,
    factor.national_code as factor_code,
    coalesce(factors.recorded_in_error, false) as is_recorded_in_error,
    'wccis' as source_system,
    {{ source_reference('factors.source_file', 'factors.source_row') }} as source_reference
from factors
{{ decode_join('strategy_factor_type', 'factors.factor_type_code', 'factor_type') }}
{{ decode_join('strategy_factor', 'factors.factor_code', 'factor') }}
