{{ wccis_rejections('strategy_meeting_factors') }}
