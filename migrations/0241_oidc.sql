-- Single sign-on (OpenID Connect). A user signed in through the identity provider is matched by issuer and
-- subject, never by e-mail address (which the provider may let people change).
ALTER TABLE users ADD COLUMN oidc_issuer text;
ALTER TABLE users ADD COLUMN oidc_subject text;
ALTER TABLE users ADD CONSTRAINT users_oidc_identity_whole CHECK ((oidc_issuer IS NULL) = (oidc_subject IS NULL));
CREATE UNIQUE INDEX users_oidc_identity_idx ON users (oidc_issuer, oidc_subject) WHERE oidc_subject IS NOT NULL;

-- Which value of the roles claim gives which role, per municipality. A claim value belongs to one municipality
-- (the use case refuses a value another municipality maps), so a sign-in's mapping hits name its municipality.
-- 'partner' is not mappable: a partner user belongs to a partner organisation, which a claim does not name.
CREATE TABLE oidc_role_mappings (
  municipality_code text NOT NULL REFERENCES municipalities(code),
  claim_value       text NOT NULL CHECK (claim_value <> ''),
  role              text NOT NULL CHECK (role IN ('officer','coordinator','team_manager','analyst','contact_centre','administrator')),
  PRIMARY KEY (municipality_code, claim_value, role)
);
CREATE INDEX oidc_role_mappings_claim_idx ON oidc_role_mappings (claim_value);

-- A sign-in in progress: state, nonce and PKCE verifier stay on the server, keyed by the sha256 of a random
-- value in a short-lived cookie of the browser that started it. Taken (deleted) by the callback: used once.
CREATE TABLE oidc_sign_in_attempts (
  browser_hash  text PRIMARY KEY,
  state         text NOT NULL,
  nonce         text NOT NULL,
  code_verifier text NOT NULL,
  expires_at    timestamptz NOT NULL
);
CREATE INDEX oidc_sign_in_attempts_expires_idx ON oidc_sign_in_attempts (expires_at);
