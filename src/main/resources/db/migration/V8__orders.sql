-- Orders and their lines: the customer's purchase history, and what recommendations learn from.
create table orders (
    id          varchar(128) primary key,
    customer_id varchar(128) not null,
    total       numeric(19, 4) not null,
    currency    varchar(3) not null,
    placed_at   timestamp with time zone not null
);
create index orders_customer on orders (customer_id, placed_at);

create table order_lines (
    order_id    varchar(128) not null references orders (id),
    product_id  varchar(128) not null,
    quantity    int not null,
    price       numeric(19, 4),
    primary key (order_id, product_id)
);
create index order_lines_product on order_lines (product_id);
