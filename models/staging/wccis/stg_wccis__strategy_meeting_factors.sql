{{ wccis_staging('strategy_meeting_factors') }}
