-- Which customer wanted which product, and when last: for back-in-stock audiences and "recently viewed".
create table product_interest (
    customer_id varchar(128) not null,
    product_id  varchar(128) not null,
    viewed_at   timestamp with time zone,
    carted_at   timestamp with time zone,
    last_at     timestamp with time zone not null,
    primary key (customer_id, product_id)
);
create index product_interest_product on product_interest (product_id, last_at);

-- How long one unit of a consumable lasts (ISO-8601 duration, e.g. P30D), as the shop's catalogue says.
alter table products add column consumption_interval varchar(32);
