-- `ticket_events` as the compiled SLA views read it (docs/sql.md): one row per event that
-- moves a clock; `seq` orders a ticket's events of one instant as the helpdesk logged them.
select ticket_id, seq, "at", type, priority
from (
    select
        cast(c.ticket_number as text)                                               as ticket_id,
        cast(row_number() over (partition by c.ticket_number order by c.changed_at, c.change_id) as integer) as seq,
        c.changed_at                                                                as "at",
        case
            when c.field = 'status' and c.new_value = 'waiting_on_customer' then 'pause'
            when c.field = 'status' and c.old_value = 'waiting_on_customer' then 'resume'
            when c.field = 'public_reply' then 'respond'
            when c.field = 'status' and c.new_value = 'solved' then 'resolve'
            when c.field = 'urgency' then 'reprioritize'
        end                                                                         as type,
        case when c.field = 'urgency' then
            case c.new_value when 'critical' then 'P1' when 'high' then 'P2' when 'normal' then 'P3' else 'P4' end
        end                                                                         as priority
    from {{ source('helpdesk', 'ticket_changes_export') }} c
) e
where type is not null
