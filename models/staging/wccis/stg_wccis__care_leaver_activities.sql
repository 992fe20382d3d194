{{ wccis_staging('care_leaver_activities') }}
