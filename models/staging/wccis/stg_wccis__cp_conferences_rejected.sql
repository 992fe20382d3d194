-- depends_on: {{ ref('stg_wccis__people') }}
-- depends_on: {{ ref('stg_wccis__section_47_enquiries') }}
{{ wccis_rejections('cp_conferences') }}
