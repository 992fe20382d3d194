-- depends_on: {{ ref('stg_wccis__people') }}
-- depends_on: {{ ref('stg_wccis__plans') }}
{{ wccis_staging('reablement_episodes') }}
