{{ wccis_staging('adult_safeguarding_investigations') }}
