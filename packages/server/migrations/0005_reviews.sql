-- The weekly review of a program's constraint library: one row per review, one item per constraint
-- reviewed with the decision taken and a snapshot of the constraint before and after it was applied.

CREATE TABLE reviews (
  id            uuid PRIMARY KEY,
  workspace_id  uuid NOT NULL REFERENCES workspaces (id),
  program_id    uuid NOT NULL,
  reviewer_id   uuid NOT NULL,
  note          text,
  created_at    timestamptz NOT NULL,
  UNIQUE (workspace_id, id),
  FOREIGN KEY (workspace_id, program_id) REFERENCES programs (workspace_id, id),
  FOREIGN KEY (workspace_id, reviewer_id) REFERENCES people (workspace_id, id)
);
CREATE INDEX reviews_by_program ON reviews (workspace_id, program_id, created_at DESC, id DESC);

CREATE TABLE review_items (
  review_id      uuid NOT NULL,
  workspace_id   uuid NOT NULL,
  constraint_id  uuid NOT NULL,
  -- Order of the item in the request (the order the decisions were taken and applied).
  position       integer NOT NULL CHECK (position >= 0),
  decision       text NOT NULL CHECK (decision IN ('on-track', 'at-risk', 're-plan', 'escalate-now', 'resolved')),
  note           text,
  new_deadline   date,
  reason         text,
  -- { status, deadline, severity, escalationCycle, escalationLevel, escalationLevelName } as JSON.
  before         jsonb NOT NULL,
  after          jsonb NOT NULL,
  -- A constraint appears at most once per review.
  PRIMARY KEY (review_id, constraint_id),
  UNIQUE (review_id, position),
  CHECK ((decision = 're-plan') = (new_deadline IS NOT NULL AND reason IS NOT NULL)),
  FOREIGN KEY (workspace_id, review_id) REFERENCES reviews (workspace_id, id),
  FOREIGN KEY (workspace_id, constraint_id) REFERENCES constraints (workspace_id, id)
);
CREATE INDEX review_items_by_constraint ON review_items (constraint_id);
