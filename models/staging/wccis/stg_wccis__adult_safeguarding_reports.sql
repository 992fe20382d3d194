{{ wccis_staging('adult_safeguarding_reports') }}
