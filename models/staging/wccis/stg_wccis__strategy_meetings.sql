-- depends_on: {{ ref('stg_wccis__people') }}
{{ wccis_staging('strategy_meetings') }}
