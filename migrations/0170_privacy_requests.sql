-- Data-subject requests (AVG/GDPR articles 15 and 17): an administrator finds, exports and erases what is held for an
-- e-mail address or phone number. One row per request: who asked, when, what was done and how many rows it touched.
-- The address itself is not kept: only a salted sha256 of its normalised form (salt per row), so the municipality
-- can later show that a given address was handled (hash it again with the row's salt) without the log holding it.
CREATE TABLE privacy_requests (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_code text NOT NULL REFERENCES municipalities(code),
  kind              text NOT NULL CHECK (kind IN ('search', 'erase')),
  actor_id          uuid NOT NULL REFERENCES users(id),
  actor_label       text NOT NULL,
  at                timestamptz NOT NULL,
  subject_hashes    jsonb NOT NULL CHECK (jsonb_typeof(subject_hashes) = 'array'), -- [{kind, salt, sha256}]
  counts            jsonb NOT NULL CHECK (jsonb_typeof(counts) = 'object')
);
CREATE INDEX privacy_requests_municipality_at_idx ON privacy_requests (municipality_code, at DESC);
