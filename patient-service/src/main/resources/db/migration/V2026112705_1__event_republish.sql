-- Events patient-service publishes once more for every chart when the other services need a field they were never
-- sent (ChartRepublication). A pending row is done by the first instance that starts; done_at marks it.
CREATE TABLE event_republish (
    name    text PRIMARY KEY,
    reason  text        NOT NULL,
    done_at timestamptz
);
-- Issue 12: followup-service needs the patient's first name and e-mail address (PatientUpdated gained them), for
-- the charts registered before they were sent.
INSERT INTO event_republish (name, reason)
VALUES ('patient-first-name-and-email', 'PatientUpdated carries givenName and email (issue 12)');
