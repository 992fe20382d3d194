{#-
  CH/043: children in CH/039 with three or more placements in force during the year
  (int_lac_placements__placements: a change of legal status, a carer’s change of address, a
  temporary move of up to 21 days, a move to a pre-adoptive placement and short breaks are not
  placements).
-#}
{{ lac_31_march_measure('CH/043', 'ch_043_exclusion_reason is null') }}
