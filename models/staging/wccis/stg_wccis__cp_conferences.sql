{{ wccis_staging('cp_conferences') }}
