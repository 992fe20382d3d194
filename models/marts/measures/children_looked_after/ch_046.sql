{#-
  CH/046: children in CH/039 whose placement on 31 March is of a type in var
  lac_not_family_placement_types (not placed with parents, family or friends).
-#}
{{ lac_31_march_measure('CH/046', 'ch_046_exclusion_reason is null') }}
