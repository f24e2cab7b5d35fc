-- Segments: the current definition, and every version of it.
create table segments (
    segment_key varchar(100) primary key,
    name        varchar(300) not null,
    version     int not null,
    definition  text not null,
    updated_at  timestamp with time zone not null
);
create table segment_versions (
    segment_key varchar(100) not null,
    version     int not null,
    definition  text not null,
    created_at  timestamp with time zone not null,
    primary key (segment_key, version)
);

-- Who is in each segment now, since when: entering raises shopflow.segment.entered.
create table segment_members (
    segment_key varchar(100) not null,
    customer_id varchar(128) not null,
    entered_at  timestamp with time zone not null,
    primary key (segment_key, customer_id)
);

-- Segment conditions on events count by type over a time window.
create index shop_events_type on shop_events (type, received_at, subject);
create index orders_placed on orders (placed_at, customer_id);
create index product_interest_viewed on product_interest (viewed_at, customer_id);
create index products_category on products (category, id);
