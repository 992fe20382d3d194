-- depends_on: {{ ref('stg_wccis__people') }}
-- depends_on: {{ ref('stg_wccis__adult_safeguarding_reports') }}
-- depends_on: {{ ref('stg_wccis__adult_safeguarding_enquiries') }}
{{ wccis_rejections('adult_safeguarding_meetings') }}
