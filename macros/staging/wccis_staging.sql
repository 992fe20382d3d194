{#
  Generic staging for the WCCIS-like extract, driven by the source contract
  (models/staging/wccis/_wccis__sources.yml). For one source table it parses every raw row and
  gives each a rejection_reason (null when the row is good):

    - a required value is missing;
    - a date, flag or number cannot be parsed;
    - a code is not in its code list (seeds/code_map.csv);
    - the loader's _source_issue: the record cannot be a row as it stands in the file (too few or
      too many fields, a value over the contract's max_field_length; pif.reading);
    - the primary key repeats an earlier row, compared ignoring case (the first row is kept);
    - an identifier does not match an accepted row of the referenced table;
    - two dates are in impossible order (table meta date_order).

  A flag whose contract meta says blank_means: "no" reads an empty cell as false (N); one whose
  blank_means is not_recorded keeps it null (unknown). Which columns and files each measure needs,
  and whether the extract has them, is stg_wccis__extract_availability and int_measure_availability.

  Field-level problems keep the row: the record still counts wherever it is usable, the one field
  is treated as unknown (null) and its reason is kept in a <column>_issue column, which the measures
  that need the field read to list the record in their exclusions with that reason:
    - a code in an optional column (not required) is not in its code list;
    - a later date is before its earlier one (table meta field_date_order, [earlier, later]):
      the later date is nulled (e.g. a contact’s decision dated before its receipt: the contact
      still counts in CH/001, CH/002, CH/004; only CH/003 needs the decision date).
  stg_wccis__field_issues lists every field issue of an accepted row (`pif rejections` prints it).

  Each entity has three staging models, one line each:
    stg_wccis__<t>_checked   wccis_checked(t): a table of every raw row, typed, personal columns
                             dropped, with record_id and rejection_reason (computed once);
    stg_wccis__<t>           wccis_staging(t): a view of the accepted rows;
    stg_wccis__<t>_rejected  wccis_rejections(t): a view of the rejected rows and their reasons.
  Accepted and rejected rows hold every raw row exactly once (tests/staging/
  assert_staging_conserves_rows.sql).

  A checked model whose table has `references` must declare the referenced staging model with a
  `-- depends_on: {{ ref('stg_wccis__<table>') }}` line, so dbt builds it first.
#}

{% macro wccis_table(table_name) %}
  {% set node_id = 'source.pif.wccis.' ~ table_name %}
  {% if node_id not in graph.sources %}
    {{ exceptions.raise_compiler_error("No source table wccis." ~ table_name ~ " in the source contract") }}
  {% endif %}
  {{ return(graph.sources[node_id]) }}
{% endmacro %}

{% macro wccis_column_meta(column) %}
  {% set meta = column.meta if column.meta else column.config.meta %}
  {{ return(meta or {}) }}
{% endmacro %}

{#- The columns of a table that can carry a field-level issue, each [column name, kinds], kinds a
    list of [kind, earlier column or none], in the order of contract.Table.field_issue_columns:
    'code' (optional code column), 'date_order' (the later date of field_date_order), 'domain' (a
    number with a plausible domain: minimum, maximum, allowed_values, max_decimals) and 'date_window'
    (a date outside its plausible window, when that does not reject the row: wccis_date_window_rejects). -#}
{% macro wccis_field_issue_columns(table) %}
  {%- set table_meta = table.meta if table.meta else table.config.meta -%}
  {%- set issues = [] -%}
  {%- set by_name = {} -%}
  {%- set found = [] -%}
  {%- for column in table.columns.values() -%}
    {%- set meta = wccis_column_meta(column) -%}
    {%- if meta.get('code_list') and not meta.get('required') and column.name != table_meta['primary_key']
          and not meta.get('personal') -%}
      {%- do found.append([column.name, 'code', none]) -%}
    {%- endif -%}
  {%- endfor -%}
  {%- for pair in table_meta.get('field_date_order', []) -%}
    {%- do found.append([pair[1], 'date_order', pair[0]]) -%}
  {%- endfor -%}
  {%- for column in table.columns.values() -%}
    {%- if wccis_has_value_domain(wccis_column_meta(column)) -%}
      {%- do found.append([column.name, 'domain', none]) -%}
    {%- endif -%}
  {%- endfor -%}
  {%- for column in table.columns.values() -%}
    {%- if wccis_column_meta(column).get('type') == 'date' and not wccis_date_window_rejects(table, column) -%}
      {%- do found.append([column.name, 'date_window', none]) -%}
    {%- endif -%}
  {%- endfor -%}
  {%- for item in found -%}
    {%- if item[0] not in by_name -%}
      {%- set kinds = [] -%}
      {%- do by_name.update({item[0]: kinds}) -%}
      {%- do issues.append([item[0], kinds]) -%}
    {%- endif -%}
    {%- do by_name[item[0]].append([item[1], item[2]]) -%}
  {%- endfor -%}
  {{ return(issues) }}
{% endmacro %}

{% macro wccis_has_value_domain(meta) %}
  {{ return(meta.get('type') in ('integer', 'decimal') and (meta.get('minimum') is not none
     or meta.get('maximum') is not none or meta.get('max_decimals') is not none or meta.get('allowed_values'))) }}
{% endmacro %}

{#- A date outside its window rejects the row when it is required or the later date of a date_order
    pair (null would read as "still open"); otherwise it is read as unknown (contract.Table). -#}
{% macro wccis_date_window_rejects(table, column) %}
  {%- set table_meta = table.meta if table.meta else table.config.meta -%}
  {%- set meta = wccis_column_meta(column) -%}
  {%- set laters = table_meta.get('date_order', []) | map('last') | list -%}
  {{ return(meta.get('required') or column.name == table_meta['primary_key'] or column.name in laters) }}
{% endmacro %}

{#- The plausible window of a date column [earliest, latest] as YYYY-MM-DD (contract meta
    date_domain; vars earliest_event_date, maximum_age_years, last_collection_year,
    latest_event_years_after_collection; pif.contract.date_window computes the same). -#}
{% macro wccis_date_window(meta) %}
  {%- set last = var('last_collection_year') | int -%}
  {%- set latest = (last + 1 + (var('latest_event_years_after_collection', 1) | int)) ~ '-03-31' -%}
  {%- if meta.get('date_domain') == 'birth' -%}
    {{ return([(last + 1 - (var('maximum_age_years', 110) | int)) ~ '-03-31', latest]) }}
  {%- endif -%}
  {{ return([var('earliest_event_date', '1950-01-01') | string, latest]) }}
{% endmacro %}

{% macro wccis_day_first(iso) -%}
  {%- set parts = iso.split('-') -%}{{ parts[2] ~ '/' ~ parts[1] ~ '/' ~ parts[0] }}
{%- endmacro %}

{#- The reason a date is outside its window (null when inside or empty), without the consequence. -#}
{% macro wccis_date_window_reason(column_name, meta) -%}
  {%- set window = wccis_date_window(meta) -%}
    case
        when {{ column_name }} < cast('{{ window[0] }}' as date) or {{ column_name }} > cast('{{ window[1] }}' as date)
            then '{{ column_name }} (' || {{ wccis_reason_value(column_name ~ '__raw') }}
                || ') is outside the plausible range {{ wccis_day_first(window[0]) }} to {{ wccis_day_first(window[1]) }}'
    end
{%- endmacro %}

{#- The reason a number is outside its plausible domain (null when inside or empty). -#}
{% macro wccis_value_domain_reason(column_name, meta) -%}
  {%- set allowed = meta.get('allowed_values') or [] -%}
    case
        {%- if allowed %}
        when {{ column_name }} not in ({{ allowed | join(', ') }})
            then '{{ column_name }} (' || {{ wccis_reason_value(column_name ~ '__raw') }} || ') is not one of {{ allowed | join(", ") }}'
        {%- endif %}
        {%- if meta.get('minimum') is not none %}
        when {{ column_name }} < {{ meta['minimum'] }}
            then '{{ column_name }} (' || {{ wccis_reason_value(column_name ~ '__raw') }} || ') is below the minimum {{ meta["minimum"] }}'
        {%- endif %}
        {%- if meta.get('maximum') is not none %}
        when {{ column_name }} > {{ meta['maximum'] }}
            then '{{ column_name }} (' || {{ wccis_reason_value(column_name ~ '__raw') }} || ') is above the maximum {{ meta["maximum"] }}'
        {%- endif %}
        {%- if meta.get('max_decimals') is not none %}
        when {{ column_name }} is not null and position('.' in {{ column_name }}__raw) > 0
            and length({{ column_name }}__raw) - position('.' in {{ column_name }}__raw) > {{ meta['max_decimals'] }}
            then '{{ column_name }} (' || {{ wccis_reason_value(column_name ~ '__raw') }} || ') has more than {{ meta["max_decimals"] }} decimal places'
        {%- endif %}
    end
{%- endmacro %}

{#- A raw value quoted in a reason, cut to 200 characters (saying how long it was) so reasons stay
    readable (issue 13: a 100,000-character value made a 100,078-character reason). -#}
{% macro wccis_reason_value(raw) -%}
    case
        when length({{ raw }}) > 200
            then {{ wccis_one_line('substr(' ~ raw ~ ', 1, 200)') }} || '... (' || cast(length({{ raw }}) as {{ dbt.type_string() }}) || ' characters)'
        else {{ wccis_one_line(raw) }}
    end
{%- endmacro %}

{#- A value with its line breaks shown as \r and \n, so a reason stays one line (issue 13: a quoted
    value may hold line breaks). -#}
{% macro wccis_one_line(expression) -%}
    replace(replace({{ expression }}, chr(13), '\r'), chr(10), '\n')
{%- endmacro %}

{% macro wccis_parsed_expression(meta, raw) -%}
  {%- set column_type = meta.get('type', 'text') -%}
  {%- if column_type == 'date' -%} {{ try_parse_date(raw) }}
  {%- elif column_type == 'flag' and meta.get('blank_means') in ('no', false) -%}
    case when {{ raw }} is null then false else {{ try_parse_flag(raw) }} end
  {%- elif column_type == 'flag' -%} {{ try_parse_flag(raw) }}
  {%- elif column_type == 'integer' -%} {{ try_parse_integer(raw) }}
  {%- elif column_type == 'decimal' -%} {{ try_parse_decimal(raw) }}
  {%- elif column_type == 'code' -%} upper({{ raw }})
  {%- else -%} {{ raw }}
  {%- endif -%}
{%- endmacro %}

{% macro wccis_checked_rows(table_name) %}
  {%- set raw_relation = source('wccis', table_name) -%}
  {%- set code_map = ref('code_map') -%}
  {%- if not execute -%}
    {{ return('select 1 as placeholder') }}
  {%- endif -%}
  {%- set table = wccis_table(table_name) -%}
  {%- set table_meta = table.meta if table.meta else table.config.meta -%}
  {%- set primary_key = table_meta['primary_key'] -%}
  {%- set file_name = table_meta['file'] -%}
  {%- set columns = table.columns.values() | list -%}
with

raw_rows as (
    select * from {{ raw_relation }}
),

cleaned as (
    select
        cast(_source_file as {{ dbt.type_string() }}) as source_file,
        cast(_source_row as integer) as source_row,
        cast(_source_issue as {{ dbt.type_string() }}) as source_issue,
        {%- for column in columns %}
        nullif({{ pif_trim('cast(' ~ column.name ~ ' as ' ~ dbt.type_string() ~ ')') }}, '') as {{ column.name }}__raw{{ "," if not loop.last }}
        {%- endfor %}
    from raw_rows
),

parsed as (
    select
        cleaned.*,
        {#- keys are unique ignoring case: ct00001 repeats CT00001 (issue 13) #}
        min(cleaned.source_row) over (partition by upper(cleaned.{{ primary_key }}__raw)) as primary_key__first_row,
        first_value(cleaned.{{ primary_key }}__raw) over (
            partition by upper(cleaned.{{ primary_key }}__raw) order by cleaned.source_row
        ) as primary_key__first_value,
        {%- for column in columns %}
        {%- set meta = wccis_column_meta(column) %}
        {%- if meta.get('code_list') %}
        code_{{ loop.index }}.local_code is not null as {{ column.name }}__is_known_code,
        {%- endif %}
        {%- if meta.get('references') %}
        reference_{{ loop.index }}.referenced_id is not null as {{ column.name }}__is_known_reference,
        {%- endif %}
        {{ wccis_parsed_expression(meta, 'cleaned.' ~ column.name ~ '__raw') }} as {{ column.name }}{{ "," if not loop.last }}
        {%- endfor %}
    from cleaned
    {%- for column in columns %}
    {%- set meta = wccis_column_meta(column) %}
    {%- if meta.get('code_list') %}
    left join {{ code_map }} as code_{{ loop.index }}
        on code_{{ loop.index }}.code_list = '{{ meta["code_list"] }}'
        and code_{{ loop.index }}.local_code = upper(cleaned.{{ column.name }}__raw)
    {%- endif %}
    {%- if meta.get('references') %}
    {%- set referenced = wccis_table(meta['references']) %}
    {%- set referenced_meta = referenced.meta if referenced.meta else referenced.config.meta %}
    left join (
        select distinct {{ referenced_meta['primary_key'] }} as referenced_id
        from {{ ref('stg_wccis__' ~ meta['references']) }}
    ) as reference_{{ loop.index }}
        on reference_{{ loop.index }}.referenced_id = cleaned.{{ column.name }}__raw
    {%- endif %}
    {%- endfor %}
),

checked as (
    select
        parsed.*,
        nullif(concat_ws('; ',
            source_issue,
            case when {{ primary_key }}__raw is not null and source_row > primary_key__first_row
                then 'duplicate {{ primary_key }} ''' || {{ wccis_reason_value(primary_key ~ '__raw') }} || ''' (first seen at row '
                    || cast(primary_key__first_row as {{ dbt.type_string() }})
                    || case when {{ primary_key }}__raw <> primary_key__first_value
                        then ' as ''' || {{ wccis_reason_value('primary_key__first_value') }} || ''', keys compared ignoring case'
                        else '' end
                    || ')' end,
            {%- for column in columns %}
            {%- set meta = wccis_column_meta(column) %}
            {%- set column_type = meta.get('type', 'text') %}
            {%- if meta.get('required') or column.name == primary_key %}
            case when {{ column.name }}__raw is null then '{{ column.name }} is missing' end,
            {%- endif %}
            {%- if column_type == 'date' %}
            case when {{ column.name }}__raw is not null and {{ column.name }} is null
                then '{{ column.name }} ''' || {{ wccis_reason_value(column.name ~ '__raw') }} || ''' is not a valid date (expected DD/MM/YYYY)' end,
            {%- elif column_type == 'flag' %}
            case when {{ column.name }}__raw is not null and {{ column.name }} is null
                then '{{ column.name }} ''' || {{ wccis_reason_value(column.name ~ '__raw') }} || ''' is not a flag (expected Y or N)' end,
            {%- elif column_type in ('integer', 'decimal') %}
            case when {{ column.name }}__raw is not null and {{ column.name }} is null
                then '{{ column.name }} ''' || {{ wccis_reason_value(column.name ~ '__raw') }} || ''' is not a {{ "whole number" if column_type == "integer" else "number" }}' end,
            {%- endif %}
            {%- if meta.get('code_list') and (meta.get('required') or column.name == primary_key) %}
            case when {{ column.name }}__raw is not null and not {{ column.name }}__is_known_code
                then '{{ column.name }} ''' || {{ wccis_reason_value(column.name ~ '__raw') }} || ''' is not in code list {{ meta["code_list"] }} (seeds/code_map.csv)' end,
            {%- endif %}
            {%- if meta.get('references') %}
            case when {{ column.name }}__raw is not null and not {{ column.name }}__is_known_reference
                then '{{ column.name }} ''' || {{ wccis_reason_value(column.name ~ '__raw') }} || ''' matches no accepted row of {{ meta["references"] }}' end,
            {%- endif %}
            {%- endfor %}
            {%- for column in columns %}
            {%- if wccis_column_meta(column).get('type') == 'date' and wccis_date_window_rejects(table, column) %}
            {{ wccis_date_window_reason(column.name, wccis_column_meta(column)) }},
            {%- endif %}
            {%- endfor %}
            {%- for pair in table_meta.get('date_order', []) %}
            case when {{ pair[1] }} < {{ pair[0] }}
                then '{{ pair[1] }} (' || {{ wccis_reason_value(pair[1] ~ '__raw') }} || ') is before {{ pair[0] }} (' || {{ wccis_reason_value(pair[0] ~ '__raw') }} || ')' end,
            {%- endfor %}
            cast(null as {{ dbt.type_string() }})
        ), '') as rejection_reason
        {%- for issue in wccis_field_issue_columns(table) %},
        coalesce(
            {%- for kind in issue[1] %}
            {%- if kind[0] == 'code' %}
            case when {{ issue[0] }}__raw is not null and not {{ issue[0] }}__is_known_code
                then '{{ issue[0] }} ''' || {{ wccis_reason_value(issue[0] ~ '__raw') }} || ''' is not in code list {{ wccis_column_meta(table.columns[issue[0]])["code_list"] }} (seeds/code_map.csv): read as not recorded'
            end,
            {%- elif kind[0] == 'date_order' %}
            case when {{ issue[0] }} < {{ kind[1] }}
                then '{{ issue[0] }} (' || {{ wccis_reason_value(issue[0] ~ '__raw') }} || ') is before {{ kind[1] }} (' || {{ wccis_reason_value(kind[1] ~ '__raw') }} || '): {{ issue[0] }} read as unknown'
            end,
            {%- elif kind[0] == 'domain' %}
            {{ wccis_value_domain_reason(issue[0], wccis_column_meta(table.columns[issue[0]])) }} || ': read as unknown',
            {%- else %}
            {{ wccis_date_window_reason(issue[0], wccis_column_meta(table.columns[issue[0]])) }} || ': read as unknown',
            {%- endif %}
            {%- endfor %}
            cast(null as {{ dbt.type_string() }})
        ) as {{ issue[0] }}__issue
        {%- endfor %}
    from parsed
)
{%- endmacro %}

{% macro wccis_checked(table_name) %}
  {%- set checked_rows = wccis_checked_rows(table_name) -%}
  {%- if not execute -%}
    {{ return(checked_rows) }}
  {%- endif -%}
  {%- set table = wccis_table(table_name) -%}
  {%- set table_meta = table.meta if table.meta else table.config.meta -%}
  {%- set issue_names = wccis_field_issue_columns(table) | map('first') | list -%}
{{ checked_rows }}

select
    {%- for column in table.columns.values() %}
    {%- if not wccis_column_meta(column).get('personal') %}
    {%- if column.name in issue_names %}
    case when {{ column.name }}__issue is null then {{ column.name }} end as {{ column.name }},
    {%- else %}
    {{ column.name }},
    {%- endif %}
    {%- endif %}
    {%- endfor %}
    {%- for name in issue_names %}
    {{ name }}__issue as {{ name }}_issue,
    {%- endfor %}
    source_file,
    source_row,
    {{ table_meta['primary_key'] }}__raw as record_id,
    rejection_reason
from checked
{%- endmacro %}

{% macro wccis_staging(table_name) %}
  {%- set checked = ref('stg_wccis__' ~ table_name ~ '_checked') -%}
  {%- if not execute -%}
    {{ return('select 1 as placeholder') }}
  {%- endif -%}
  {%- set table = wccis_table(table_name) -%}
select
    {%- for column in table.columns.values() %}
    {%- if not wccis_column_meta(column).get('personal') %}
    {{ column.name }},
    {%- endif %}
    {%- endfor %}
    {%- for issue in wccis_field_issue_columns(table) %}
    {{ issue[0] }}_issue,
    {%- endfor %}
    source_file,
    source_row
from {{ checked }}
where rejection_reason is null
{%- endmacro %}

{#- Field issues of the accepted rows of one table, one row per field (empty when it has none). -#}
{% macro wccis_field_issues(table_name) %}
  {%- set checked = ref('stg_wccis__' ~ table_name ~ '_checked') -%}
  {%- set issues = wccis_field_issue_columns(wccis_table(table_name)) if execute else [] -%}
  {%- for issue in issues %}
select
    '{{ table_name }}' as entity,
    source_file,
    source_row,
    record_id,
    '{{ issue[0] }}' as field_name,
    {{ issue[0] }}_issue as field_issue
from {{ checked }}
where rejection_reason is null and {{ issue[0] }}_issue is not null
{% if not loop.last %}union all
{% endif %}
  {%- endfor %}
  {%- if issues | length == 0 %}
select
    cast(null as {{ dbt.type_string() }}) as entity,
    cast(null as {{ dbt.type_string() }}) as source_file,
    cast(null as integer) as source_row,
    cast(null as {{ dbt.type_string() }}) as record_id,
    cast(null as {{ dbt.type_string() }}) as field_name,
    cast(null as {{ dbt.type_string() }}) as field_issue
where 1 = 0
  {%- endif %}
{%- endmacro %}

{% macro wccis_rejections(table_name) %}
  {%- set checked = ref('stg_wccis__' ~ table_name ~ '_checked') -%}
select
    '{{ table_name }}' as entity,
    source_file,
    source_row,
    record_id,
    rejection_reason
from {{ checked }}
where rejection_reason is not null
{%- endmacro %}

{#- The date that places a record in time, for the cross-file plausibility checks: its first
    required date column, else its first date column (pif.contract.Table.event_date_column, the
    validator’s choice). None when the table has no date. -#}
{% macro wccis_event_date_column(table) %}
  {%- set dates = [] -%}
  {%- set required = [] -%}
  {%- for column in table.columns.values() -%}
    {%- set meta = wccis_column_meta(column) -%}
    {%- if meta.get('type') == 'date' -%}
      {%- do dates.append(column.name) -%}
      {%- if meta.get('required') -%}{%- do required.append(column.name) -%}{%- endif -%}
    {%- endif -%}
  {%- endfor -%}
  {{ return((required + dates + [none])[0]) }}
{% endmacro %}

{#- The person reference columns of a table (references: people). -#}
{% macro wccis_person_columns(table) %}
  {%- set found = [] -%}
  {%- for column in table.columns.values() -%}
    {%- if wccis_column_meta(column).get('references') == 'people' -%}{%- do found.append(column.name) -%}{%- endif -%}
  {%- endfor -%}
  {{ return(found) }}
{% endmacro %}

{#- A date as DD/MM/YYYY text (portable: extract and lpad work on DuckDB and PostgreSQL). -#}
{% macro wccis_date_text(expression) -%}
    lpad(cast(cast(extract(day from {{ expression }}) as integer) as {{ dbt.type_string() }}), 2, '0') || '/'
    || lpad(cast(cast(extract(month from {{ expression }}) as integer) as {{ dbt.type_string() }}), 2, '0') || '/'
    || cast(cast(extract(year from {{ expression }}) as integer) as {{ dbt.type_string() }})
{%- endmacro %}

{#- Kept records dated after their person’s date of death, one row per record and person reference
    (the record stays counted: either date may be the wrong one). -#}
{% macro wccis_records_after_death(table_name) %}
  {%- set checked = ref('stg_wccis__' ~ table_name ~ '_checked') -%}
  {%- set people = ref('stg_wccis__people_checked') -%}
  {%- set table = wccis_table(table_name) if execute else none -%}
  {%- set event_date = wccis_event_date_column(table) if execute else none -%}
  {%- set person_columns = wccis_person_columns(table) if execute and event_date else [] -%}
  {%- for person_column in person_columns %}
select
    '{{ table_name }}' as entity,
    record.source_file,
    record.source_row,
    record.record_id,
    record.{{ person_column }} as person_id,
    '{{ event_date }}' as date_field,
    record.{{ event_date }} as date_value,
    'date_of_death' as person_date_field,
    person.date_of_death as person_date_value,
    person.source_row as person_source_row,
    '{{ event_date }} ' || {{ wccis_date_text('record.' ~ event_date) }}
    || ' is after the person''s date of death ' || {{ wccis_date_text('person.date_of_death') }}
    || ' (' || person.source_file || ' line ' || cast(person.source_row as {{ dbt.type_string() }})
    || '): kept; check which date is wrong' as implausibility
from {{ checked }} as record
inner join {{ people }} as person
    on
        person.person_id = record.{{ person_column }}
        and person.rejection_reason is null
where record.rejection_reason is null and record.{{ event_date }} > person.date_of_death
{% if not loop.last %}union all
{% endif %}
  {%- endfor %}
  {%- if person_columns | length == 0 %}
select
    cast(null as {{ dbt.type_string() }}) as entity,
    cast(null as {{ dbt.type_string() }}) as source_file,
    cast(null as integer) as source_row,
    cast(null as {{ dbt.type_string() }}) as record_id,
    cast(null as {{ dbt.type_string() }}) as person_id,
    cast(null as {{ dbt.type_string() }}) as date_field,
    cast(null as date) as date_value,
    cast(null as {{ dbt.type_string() }}) as person_date_field,
    cast(null as date) as person_date_value,
    cast(null as integer) as person_source_row,
    cast(null as {{ dbt.type_string() }}) as implausibility
where 1 = 0
  {%- endif %}
{%- endmacro %}
