-- Broadcast campaigns: one template to a segment, throttled, each a Camunda process instance.
create table campaigns (
    campaign_key        varchar(100) primary key,
    name                varchar(300) not null,
    segment_key         varchar(100) not null,
    template            varchar(100) not null,
    channels            varchar(100) not null,
    send_at             varchar(40) not null,
    local_time          boolean not null,
    per_minute          int not null,
    status              varchar(16) not null,
    process_instance_id varchar(64),
    created_at          timestamp with time zone not null
);

-- Each customer of the campaign's audience, when they are due and what became of the message.
create table campaign_recipients (
    campaign_key varchar(100) not null,
    customer_id  varchar(128) not null,
    due_at       timestamp with time zone not null,
    status       varchar(16) not null,
    reason       varchar(500),
    attempts     int not null,
    done_at      timestamp with time zone,
    primary key (campaign_key, customer_id)
);
create index campaign_recipients_due on campaign_recipients (campaign_key, status, due_at);
