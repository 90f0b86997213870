-- Monthly attainment per target and priority, from the compiled view `sla_target_results`
-- (created by the script of `sla compile … --target sql`; not a dbt model itself).
select
    date_trunc('month', r.started_at)                                   as month,
    r.target,
    r.priority,
    count(*) filter (where r.status = 'met')                            as met,
    count(*) filter (where r.status = 'breached')                       as breached,
    count(*) filter (where r.status in ('pending', 'paused'))           as open,
    round(100.0 * count(*) filter (where r.status = 'met')
          / nullif(count(*) filter (where r.status in ('met', 'breached')), 0), 2) as attainment_percent,
    count(*) filter (where r.error is not null)                         as outside_compiled_years
from {{ adapter.get_relation(database=target.database, schema=target.schema, identifier='sla_target_results') }} r
where r.started_at is not null
group by 1, 2, 3
