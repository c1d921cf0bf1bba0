-- Where an e-mailed link went, masked as the coordinator sees it ("h•••@example.org"): the patient's address may
-- change after the send, and the status must still say where this link went. Never the full address.
ALTER TABLE patient_link ADD COLUMN sent_to text;

-- The order links were issued in, even two within one tick of the clock: a visit's current link is its last.
ALTER TABLE patient_link ADD COLUMN issue_order bigint GENERATED ALWAYS AS IDENTITY;
CREATE INDEX patient_link_visit ON patient_link (visit_id, issue_order DESC);
