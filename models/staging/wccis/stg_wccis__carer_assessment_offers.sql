{{ wccis_staging('carer_assessment_offers') }}
