{#-
  CA/016: CA/014 assessments (the catalogue’s "Base data = CA/004" in include 1 read as CA/014, as its
  definition and exclude 2 say) where (a) there was evidence of the active offer of Welsh; (b) the
  active offer was accepted - within a; (c) the assessment was undertaken in the language of choice.
-#}
{{ welsh_language_items(
    'CA/016', 'int_carer_assessments__classified', "is_counted_assessment and carer_group = 'young'"
) }}
