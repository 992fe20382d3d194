{#-
  CH/048: children in CH/039 placed outside Wales on 31 March (placement_location_code
  outside_wales), not in a pre-adoptive placement.
-#}
{{ lac_31_march_measure('CH/048', 'ch_048_exclusion_reason is null') }}
