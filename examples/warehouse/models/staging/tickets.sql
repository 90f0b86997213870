-- `tickets` as the compiled SLA views read it (docs/sql.md): one row per ticket, the policy's own
-- names for priority, plan, region and channel.
select
    cast(t.ticket_number as text)                          as id,
    t.created_at                                           as opened_at,
    case t.urgency when 'critical' then 'P1' when 'high' then 'P2' when 'normal' then 'P3' else 'P4' end as priority,
    lower(t.support_plan)                                  as plan,
    t.support_region                                       as region,
    case t.source when 'web' then 'portal' when 'voice' then 'phone' else 'email' end as channel,
    lower(t.locale)                                        as language,
    t.sla_exclusion_cause                                  as cause,
    cast(null as timestamptz)                              as as_of
from {{ source('helpdesk', 'tickets_export') }} t
