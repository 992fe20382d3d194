{{ wccis_staging('advocacy_needs') }}
