{#
  The extract files a measure needs: every contract table (source wccis) upstream of its model in
  the dbt graph, so the list can never fall out of step with the SQL. The columns a measure needs
  beyond its files’ required ones are declared in seeds/measure_column_needs.csv (a part, or every
  part when the part is blank). int_measure_needs holds both; int_measure_availability says, per
  measure part, whether the loaded extract has them.
#}
{% macro measure_source_tables(model_name) %}
  {%- if not execute -%}{{ return([]) }}{%- endif -%}
  {%- set start = 'model.' ~ project_name ~ '.' ~ model_name -%}
  {%- if start not in graph.nodes -%}
    {{ exceptions.raise_compiler_error("measure_source_tables: no model " ~ model_name) }}
  {%- endif -%}
  {%- set queue = [start] -%}
  {%- set seen = {start: true} -%}
  {%- set tables = [] -%}
  {#- The queue grows while it is walked (a breadth-first walk of the model’s ancestors). -#}
  {%- for unique_id in queue -%}
    {%- for parent in graph.nodes[unique_id].depends_on.nodes -%}
      {%- if parent not in seen -%}
        {%- do seen.update({parent: true}) -%}
        {%- if parent.startswith('source.') and graph.sources[parent].source_name == 'wccis' -%}
          {%- do tables.append(graph.sources[parent].name) -%}
        {%- elif parent.startswith('model.') -%}
          {%- do queue.append(parent) -%}
        {%- endif -%}
      {%- endif -%}
    {%- endfor -%}
  {%- endfor -%}
  {{ return(tables | sort) }}
{% endmacro %}
