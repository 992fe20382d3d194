-- depends_on: {{ ref('stg_wccis__people') }}
{{ wccis_staging('carer_assessment_offers') }}
