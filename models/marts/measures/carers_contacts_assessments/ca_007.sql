{#-
  CA/007: CA/004 assessments where (a) there was evidence of the active offer of Welsh; (b) the
  active offer was accepted - only counted when the offer is evidenced, so b is within a;
  (c) the assessment was undertaken in the language of choice (any language). The catalogue’s
  CA/007 text breaks off after part a; parts b and c follow CA/016 (as AD/006 and CH/009).
-#}
{{ welsh_language_items(
    'CA/007', 'int_carer_assessments__classified', "is_counted_assessment and carer_group = 'adult'"
) }}
