{#-
  CH/047: children in CH/039 placed in Wales outside the responsible authority on 31 March
  (placement_location_code wales_other_authority), not in a pre-adoptive placement.
-#}
{{ lac_31_march_measure('CH/047', 'ch_047_exclusion_reason is null') }}
