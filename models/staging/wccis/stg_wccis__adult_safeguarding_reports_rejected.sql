-- depends_on: {{ ref('stg_wccis__people') }}
{{ wccis_rejections('adult_safeguarding_reports') }}
