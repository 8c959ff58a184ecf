-- Storage caps on the public photo upload. Uploads are counted per calling address and day, by a keyed hash
-- of the address: the address itself is not stored, and without the installation's key (below, random per
-- installation) the hash cannot be turned back into one by trying all IPv4 addresses. Rows older than a
-- day are purged by the `purge-upload-usage` retention job.
CREATE TABLE installation_keys (
  name text PRIMARY KEY,
  key  text NOT NULL
);
INSERT INTO installation_keys (name, key)
VALUES ('upload-address', replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', ''));

CREATE TABLE photo_upload_usage (
  address_key text NOT NULL,
  day         date NOT NULL,
  bytes       bigint NOT NULL CHECK (bytes >= 0),
  PRIMARY KEY (address_key, day)
);
