{{ wccis_rejections('strategy_meetings') }}
