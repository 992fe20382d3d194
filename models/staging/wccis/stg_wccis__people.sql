{{ wccis_staging('people') }}
