{#-
  CH/021c a-h: CH/021a strategy meetings by alleged setting of abuse (int_strategy_meetings__factors,
  seeds/measure_part_map.csv); a meeting counts once in each part it has a factor for.
-#}
{{ strategy_meeting_factor_parts('CH/021c', 'is_in_ch_021a') }}
