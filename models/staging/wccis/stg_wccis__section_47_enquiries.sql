-- depends_on: {{ ref('stg_wccis__people') }}
-- depends_on: {{ ref('stg_wccis__strategy_meetings') }}
{{ wccis_staging('section_47_enquiries') }}
