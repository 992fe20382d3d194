{{ wccis_staging('strategy_meetings') }}
