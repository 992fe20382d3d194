{{ wccis_staging('care_leavers') }}
