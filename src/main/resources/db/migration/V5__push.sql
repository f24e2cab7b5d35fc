-- Web Push subscriptions (from shop.push.subscribed); a 404/410 from the push service removes one.
create table push_subscriptions (
    endpoint    varchar(2000) primary key,
    customer_id varchar(128) not null,
    p256dh      varchar(200) not null,
    auth        varchar(100) not null,
    created_at  timestamp with time zone not null
);
create index push_subscriptions_customer on push_subscriptions (customer_id);
