-- depends_on: {{ ref('stg_wccis__people') }}
-- depends_on: {{ ref('stg_wccis__strategy_meetings') }}
{{ config(materialized='table') }}
{{ wccis_checked('section_47_enquiries') }}
