-- Calendar feeds: secret, revocable iCalendar subscription URLs listing the deadlines of one person or
-- one program. The URL carries a 32-byte random token; only its SHA-256 (hex) is stored, so the URL is
-- shown once, at creation, and a copy of the database does not reveal working URLs.
-- The subject is person_id or program_id (one of the two, as `scope` says): two columns rather than one
-- `subject_id` so that each has a foreign key within the workspace.

CREATE TABLE calendar_feeds (
  id            uuid PRIMARY KEY,
  workspace_id  uuid NOT NULL REFERENCES workspaces (id),
  scope         text NOT NULL CHECK (scope IN ('person', 'program')),
  person_id     uuid,
  program_id    uuid,
  token_hash    text NOT NULL CHECK (token_hash ~ '^[0-9a-f]{64}$'),
  label         text,
  created_at    timestamptz NOT NULL,
  revoked_at    timestamptz,
  last_used_at  timestamptz,
  CHECK ((scope = 'person') = (person_id IS NOT NULL) AND (scope = 'program') = (program_id IS NOT NULL)),
  FOREIGN KEY (workspace_id, person_id) REFERENCES people (workspace_id, id),
  FOREIGN KEY (workspace_id, program_id) REFERENCES programs (workspace_id, id)
);
CREATE UNIQUE INDEX calendar_feeds_by_token ON calendar_feeds (token_hash);
CREATE INDEX calendar_feeds_by_person ON calendar_feeds (workspace_id, person_id, created_at, id) WHERE person_id IS NOT NULL;
CREATE INDEX calendar_feeds_by_program ON calendar_feeds (workspace_id, program_id, created_at, id) WHERE program_id IS NOT NULL;
