{{ wccis_staging('core_group_meetings') }}
