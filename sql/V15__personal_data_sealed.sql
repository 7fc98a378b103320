-- Customers' names, phone numbers and addresses, and the raw text of rejected rows, are stored
-- sealed (AES-256-GCM, dev.routeplan.batch.privacy): "pd1:" and the base64 of the ciphertext,
-- whose first bytes name the key. Sealed text is about 1.4 times its plaintext plus 40 characters.
-- phone_lookup is a keyed hash of the normalised number, for erasure requests; rows written before
-- this migration keep their plaintext and no lookup hash until the retention purge removes them.
alter table orders alter column customer_name type varchar(1000);
alter table orders alter column phone type varchar(200);
alter table orders alter column address type varchar(2500);
alter table orders add column phone_lookup varchar(80);
alter table order_rejects alter column raw_content type varchar(12000);
alter table order_rejects add column phone_lookup varchar(80);
