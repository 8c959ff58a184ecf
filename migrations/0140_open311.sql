-- Open311 GeoReport v2 (/open311/v2): API clients, the extra questions a category asks, and what an
-- Open311 request brings beyond the web form (a media link, the answers, the reporter's name).

-- One row per client application. Only the sha256 of its key is stored: the key itself is shown once,
-- when the client is created, and cannot be read back. A revoked client keeps its row (and name).
CREATE TABLE open311_clients (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name        text NOT NULL UNIQUE CHECK (name ~ '^[a-z0-9][a-z0-9._-]{0,62}$'),
  key_hash    text NOT NULL UNIQUE CHECK (key_hash ~ '^[0-9a-f]{64}$'),
  created_at  timestamptz NOT NULL,
  revoked_at  timestamptz
);

-- Extra questions per subcategory (Open311 "attributes"): [{code, datatype, required, descriptionNl,
-- descriptionEn, values?: [{key, name}]}]. The categories area validates the shape when it loads them.
ALTER TABLE categories ADD COLUMN questions jsonb NOT NULL DEFAULT '[]'
  CHECK (jsonb_typeof(questions) = 'array');

-- The link to a photo the client hosts (stored, never fetched), the answers to the category's questions
-- ({code: [values]}), and the reporter's name: reporter contact, under the same rules as e-mail and phone.
ALTER TABLE reports
  ADD COLUMN media_url text CHECK (char_length(media_url) <= 2000),
  ADD COLUMN answers jsonb CHECK (answers IS NULL OR jsonb_typeof(answers) = 'object'),
  ADD COLUMN reporter_name text CHECK (char_length(reporter_name) <= 200);
