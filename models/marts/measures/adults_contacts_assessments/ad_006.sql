{#-
  AD/006: AD/004 assessments where (a) there was evidence of the active offer of Welsh; (b) the
  active offer was accepted - only counted when the offer is evidenced, so b is within a;
  (c) the assessment was undertaken in the language of choice (any language).
-#}
{{ welsh_language_items('AD/006', 'int_adult_assessments__classified', 'is_in_ad_004') }}
