{#-
  CH/034 a-c: CH/021a strategy meetings by child exploitation factor (int_strategy_meetings__factors,
  seeds/measure_part_map.csv); a meeting counts once in each part it has a factor for.
-#}
{{ strategy_meeting_factor_parts('CH/034', 'is_in_ch_021a') }}
