-- The pseudonyms of people who erased their data (never their ids): an audit record that reaches the log after the
-- erasure (another topic, another order) is stored under the pseudonym too
CREATE TABLE erased_person (
    pseudonym  text PRIMARY KEY,
    erased_at  timestamptz NOT NULL
);
