{#
  adult_age_band_part(age_expression, parts) -> the part of the catalogue’s eight adult age bands
  (18-24, 25-34, 35-44, 45-54, 55-64, 65-74, 75-84, 85 and over) an age falls in, as the measure
  names its parts (`parts`: eight labels, youngest first); null under 18 or for a null age.
      {{ adult_age_band_part('age_at_receipt', ['age_1', 'age_2', ..., 'age_8']) }}
  Used by AD/022 and AD/023 (the adult safeguarding reports); AD/030-AD/031 write the same bands.
#}
{% macro adult_age_band_part(age_expression, parts) -%}
    {%- set lower_bounds = [18, 25, 35, 45, 55, 65, 75, 85] -%}
    case
        {%- for lower in lower_bounds %}
            when {{ age_expression }} >= {{ lower }}
                {%- if not loop.last %} and {{ age_expression }} < {{ lower_bounds[loop.index] }}{% endif %}
                then '{{ parts[loop.index0] }}'
        {%- endfor %}
    end
{%- endmacro %}
