-- A customer may pause marketing for a while from the preference centre.
alter table customers add column paused_until timestamp with time zone;
