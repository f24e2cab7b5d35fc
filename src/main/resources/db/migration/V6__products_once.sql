-- What the shop told us about its products (from product views, carts and orders), for templates.
create table products (
    id          varchar(128) primary key,
    name        varchar(500),
    url         varchar(2000),
    image_url   varchar(2000),
    price       numeric(19, 4),
    currency    varchar(3),
    category    varchar(200),
    updated_at  timestamp with time zone not null
);

-- "At most once per <value> within <window>" for a step, e.g. once per product per 7 days.
alter table send_log add column once_key varchar(300);
create index send_log_once on send_log (customer_id, once_key, sent_at);
