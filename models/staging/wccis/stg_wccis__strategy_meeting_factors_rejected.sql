-- depends_on: {{ ref('stg_wccis__strategy_meetings') }}
{{ wccis_rejections('strategy_meeting_factors') }}
