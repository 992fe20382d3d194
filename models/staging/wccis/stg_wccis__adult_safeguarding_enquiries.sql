{{ wccis_staging('adult_safeguarding_enquiries') }}
