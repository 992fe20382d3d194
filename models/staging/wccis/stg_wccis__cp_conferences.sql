-- depends_on: {{ ref('stg_wccis__people') }}
-- depends_on: {{ ref('stg_wccis__section_47_enquiries') }}
{{ wccis_staging('cp_conferences') }}
