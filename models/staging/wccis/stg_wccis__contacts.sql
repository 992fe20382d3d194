{{ wccis_staging('contacts') }}
