-- Each customer's order count and last order time, kept with every order saved, so a segment condition on
-- orders ("bought once, nothing for 180 days", "never ordered") reads one row per customer instead of
-- grouping every order.
create table customer_order_totals (
    customer_id    varchar(128) primary key,
    orders         int not null,
    last_placed_at timestamp with time zone not null
);
create index customer_order_totals_count on customer_order_totals (orders, last_placed_at, customer_id);

-- the orders so far; erased customers' orders carry a pseudonym of no customer, and are not counted
insert into customer_order_totals (customer_id, orders, last_placed_at)
select o.customer_id, count(*), max(o.placed_at) from orders o
where exists (select 1 from customers c where c.id = o.customer_id)
group by o.customer_id;
