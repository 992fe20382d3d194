{#
  The whitespace trimmed from every extract value, defined once (issue 13): before, the validator
  stripped all Unicode whitespace, DuckDB's trim also a no-break space but not a tab, PostgreSQL's
  only spaces, so one extract gave different figures on the two databases.

  Trimmed from both ends, on both databases and in the validator (pif.reading.WHITESPACE_CODE_POINTS;
  tests_py/test_reading.py checks the two lists agree): tab, LF, VT, FF, CR, space, NEL (U+0085),
  no-break space (U+00A0), ogham space (U+1680), the en/em/thin/hair spaces U+2000-U+200A,
  zero-width space (U+200B), line and paragraph separators (U+2028, U+2029), narrow no-break space
  (U+202F), medium mathematical space (U+205F), ideographic space (U+3000) and the zero-width
  no-break space (U+FEFF, a stray byte-order mark). Whitespace inside a value is kept.
#}

{% macro pif_whitespace_code_points() %}
  {{ return([9, 10, 11, 12, 13, 32, 133, 160, 5760,
             8192, 8193, 8194, 8195, 8196, 8197, 8198, 8199, 8200, 8201, 8202, 8203,
             8232, 8233, 8239, 8287, 12288, 65279]) }}
{% endmacro %}

{#- The characters as one SQL text expression (chr() is the same function on both databases). -#}
{% macro pif_whitespace_characters() -%}
  ({% for code in pif_whitespace_code_points() %}chr({{ code }}){{ " || " if not loop.last }}{% endfor %})
{%- endmacro %}

{# `expression` without leading or trailing whitespace (the list above). #}
{% macro pif_trim(expression) %}
  {{ return(adapter.dispatch('pif_trim', 'pif')(expression)) }}
{% endmacro %}

{% macro duckdb__pif_trim(expression) -%}
  trim({{ expression }}, {{ pif_whitespace_characters() }})
{%- endmacro %}

{% macro postgres__pif_trim(expression) -%}
  btrim({{ expression }}, {{ pif_whitespace_characters() }})
{%- endmacro %}
