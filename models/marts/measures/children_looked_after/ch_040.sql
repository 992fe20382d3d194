{#-
  CH/040: children receiving short breaks (legal status V1) with an open placement on 31 March, aged
  under 18, one item per child and year.
-#}
{{ lac_31_march_measure('CH/040', 'is_in_ch_040') }}
