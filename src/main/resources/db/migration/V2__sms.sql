-- Delivery reports of providers (SMS status callbacks), and finding customers by phone for inbound STOP.
alter table send_log add column delivery_status varchar(32);
alter table send_log add column delivered_at timestamp with time zone;
create index send_log_message_id on send_log (message_id);
create index customers_phone on customers (phone);
