{{ wccis_staging('adult_safeguarding_alleged_perpetrators') }}
