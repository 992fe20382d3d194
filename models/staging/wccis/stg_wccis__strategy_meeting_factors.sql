-- depends_on: {{ ref('stg_wccis__strategy_meetings') }}
{{ wccis_staging('strategy_meeting_factors') }}
