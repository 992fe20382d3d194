-- depends_on: {{ ref('stg_wccis__strategy_meetings') }}
{{ config(materialized='table') }}
{{ wccis_checked('strategy_meeting_factors') }}
