-- The states a vehicle's goods-carriage permit covers (fleet.csv permit_states, e.g. 'DL;HR', 'ALL'
-- for a national permit); null when the fleet master does not say. DL-DOC-PERMIT checks that an
-- out-of-state vehicle's permit covers Delhi.
alter table vehicles add column permit_states varchar(200);

-- Evidence now carries each route's legs (times and positions) and the travel model: room for
-- long routes.
alter table compliance_checks alter column evidence_json set data type varchar(200000);
