{#- CH/039 (not short breaks) and CH/040 (short breaks, V1) never count the same child in a year. -#}
select
    ch_039.collection_year,
    ch_039.item_id
from {{ ref('ch_039') }} as ch_039
inner join {{ ref('ch_040') }} as ch_040
    on
        ch_039.collection_year = ch_040.collection_year
        and ch_039.item_id = ch_040.item_id
