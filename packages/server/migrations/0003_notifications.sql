-- Notifications: webhook channels (workspace-wide or per program), the transactional outbox (one row
-- per delivery, written in the same transaction as the event that caused it) and the in-app inbox.

CREATE TABLE notification_channels (
  id            uuid PRIMARY KEY,
  workspace_id  uuid NOT NULL REFERENCES workspaces (id),
  -- null: every event of the workspace; else only events of this program.
  program_id    uuid,
  kind          text NOT NULL CHECK (kind IN ('slack', 'teams')),
  name          text NOT NULL,
  -- A secret (whoever holds it can post into the channel): the API only ever shows it masked.
  webhook_url   text NOT NULL,
  enabled       boolean NOT NULL DEFAULT true,
  created_at    timestamptz NOT NULL,
  updated_at    timestamptz NOT NULL,
  version       integer NOT NULL DEFAULT 1,
  UNIQUE (workspace_id, id),
  FOREIGN KEY (workspace_id, program_id) REFERENCES programs (workspace_id, id)
);
CREATE INDEX notification_channels_by_name ON notification_channels (workspace_id, name, id);

-- One row per delivery. `idempotency_key` makes enqueuing the same notification twice a no-op and is
-- sent along (Message-ID, Idempotency-Key header) so receivers can drop a redelivery.
CREATE TABLE outbox (
  id               uuid PRIMARY KEY,
  workspace_id     uuid NOT NULL REFERENCES workspaces (id),
  channel          text NOT NULL CHECK (channel IN ('email', 'slack', 'teams')),
  -- The e-mail address, or the notification channel's id for webhooks (its URL is read at send time).
  target           text NOT NULL,
  recipient_id     uuid,
  channel_id       uuid REFERENCES notification_channels (id),
  event_key        text NOT NULL,
  kind             text NOT NULL,
  idempotency_key  text NOT NULL UNIQUE,
  -- { subject, text, link, facts }
  payload          jsonb NOT NULL,
  status           text NOT NULL CHECK (status IN ('pending', 'sending', 'sent', 'failed', 'cancelled')),
  attempts         integer NOT NULL DEFAULT 0,
  next_attempt_at  timestamptz NOT NULL,
  -- While `sending`: when the claim lapses and another pass may take the row again (its sender died).
  lease_until      timestamptz,
  last_error       text,
  created_at       timestamptz NOT NULL,
  updated_at       timestamptz NOT NULL,
  sent_at          timestamptz,
  FOREIGN KEY (workspace_id, recipient_id) REFERENCES people (workspace_id, id),
  CHECK ((channel = 'email') = (recipient_id IS NOT NULL)),
  CHECK ((channel = 'email') = (channel_id IS NULL))
);
CREATE INDEX outbox_due ON outbox (next_attempt_at) WHERE status = 'pending';
CREATE INDEX outbox_leased ON outbox (lease_until) WHERE status = 'sending';
CREATE INDEX outbox_by_created ON outbox (workspace_id, created_at DESC, id DESC);

CREATE TABLE inbox_items (
  id                uuid PRIMARY KEY,
  workspace_id      uuid NOT NULL REFERENCES workspaces (id),
  person_id         uuid NOT NULL,
  notification_key  text NOT NULL UNIQUE,
  event_key         text NOT NULL,
  kind              text NOT NULL,
  subject           text NOT NULL,
  text              text NOT NULL,
  link              text,
  facts             jsonb NOT NULL,
  created_at        timestamptz NOT NULL,
  read_at           timestamptz,
  FOREIGN KEY (workspace_id, person_id) REFERENCES people (workspace_id, id)
);
CREATE INDEX inbox_items_by_person ON inbox_items (workspace_id, person_id, created_at DESC, id DESC);
CREATE INDEX inbox_items_unread ON inbox_items (workspace_id, person_id) WHERE read_at IS NULL;
