-- How many events of each type each customer had: per day (UTC, by received_at) and in all. The intake keeps
-- both in the transaction that records the event, so a segment condition on an event count ("viewed 4+ times
-- in 30 days", "never viewed twice") sums a few rows per customer instead of counting millions of events.
create table customer_event_days (
    customer_id varchar(128) not null,
    type        varchar(200) not null,
    event_day   date not null,
    events      int not null,
    primary key (customer_id, type, event_day)
);
-- covers the segment query: a range of days of one type, summed per customer, read from the index alone
create index customer_event_days_type on customer_event_days (type, event_day, customer_id, events);

create table customer_event_totals (
    customer_id varchar(128) not null,
    type        varchar(200) not null,
    events      int not null,
    primary key (customer_id, type)
);
create index customer_event_totals_type on customer_event_totals (type, events, customer_id);

-- the events received so far (erased customers' events have no subject any more, and are not counted)
insert into customer_event_days (customer_id, type, event_day, events)
select subject, type, cast(received_at at time zone 'UTC' as date), count(*)
from shop_events where subject is not null
group by subject, type, cast(received_at at time zone 'UTC' as date);

insert into customer_event_totals (customer_id, type, events)
select customer_id, type, sum(events) from customer_event_days group by customer_id, type;
