-- Weekly digests: one row per person per ISO week, claimed before sending, so several server
-- processes send each person at most one digest a week.
CREATE TABLE digests (
  workspace_id  uuid NOT NULL,
  person_id     uuid NOT NULL,
  week_start    date NOT NULL,
  sent_at       timestamptz NOT NULL,
  PRIMARY KEY (person_id, week_start),
  FOREIGN KEY (workspace_id, person_id) REFERENCES people (workspace_id, id)
);
