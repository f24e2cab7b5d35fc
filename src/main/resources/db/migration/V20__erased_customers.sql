-- Tombstones of erased customers: a keyed hash (HMAC-SHA256 under the links secret, hex) of the customer id and
-- nothing else, so their old links and the shop's late events do not bring them back. Without the secret the
-- hash names no one; with it, only someone who already knows the id can tell that it was erased.
create table erased_customers (
    customer_hash varchar(64) primary key,
    erased_at     timestamp with time zone not null
);

-- An open or click of an old email asks whether its send went to someone erased since.
create index erasures_pseudonym on erasures (pseudonym);
