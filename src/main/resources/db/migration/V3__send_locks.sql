-- One row per customer that messaging locks while it decides a send (cap check), kept apart from the
-- customers row that event intake locks, so a send running inside an intake transaction cannot deadlock.
create table send_locks (
    customer_id varchar(128) primary key
);
