{{ wccis_staging('advocacy_offers') }}
