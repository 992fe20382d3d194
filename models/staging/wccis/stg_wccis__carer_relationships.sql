{{ wccis_staging('carer_relationships') }}
