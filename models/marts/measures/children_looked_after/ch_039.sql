{#-
  CH/039: children looked after on 31 March (an open non-V1 episode), one item per child and year
  (int_lac_children__on_31_march).
-#}
{{ lac_31_march_measure('CH/039', 'is_in_ch_039') }}
