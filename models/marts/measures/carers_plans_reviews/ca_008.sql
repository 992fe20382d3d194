{#-
  CA/008: adult carers (18 or over on 31 March) with (a) a support plan meeting their needs as a
  carer (a carer’s support plan or an integrated care and support plan) on 31 March; (b) of them, those
  who also have their own care and support needs met by a plan open that day. One item per carer.
-#}
{{ carer_plan_items('CA/008', 'adult') }}
