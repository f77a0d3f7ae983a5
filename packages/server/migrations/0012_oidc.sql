-- Single sign-on with OpenID Connect (docs/SECURITY.md, "Single sign-on (OIDC)").

-- A sign-in started at the provider and not yet finished: what the callback must check (state, nonce) and
-- send (the PKCE code verifier, the redirect URI used) to finish it. The browser holds a random id in a
-- short-lived cookie; only its SHA-256 is stored. Valid for 10 minutes and used at most once (used_at);
-- not a tenant table (no workspace yet) and not audited: the sign-in it leads to is.
CREATE TABLE oidc_logins (
  id_hash        text PRIMARY KEY CHECK (id_hash ~ '^[0-9a-f]{64}$'),
  state          text NOT NULL,
  nonce          text NOT NULL,
  code_verifier  text NOT NULL,
  redirect_uri   text NOT NULL,
  return_to      text NOT NULL,
  created_at     timestamptz NOT NULL,
  used_at        timestamptz
);
CREATE INDEX oidc_logins_by_created ON oidc_logins (created_at);
