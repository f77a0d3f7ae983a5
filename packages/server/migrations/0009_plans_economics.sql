-- The executive brief's inputs: each program's phase plan (a planned date per gate), its cost model
-- (line items of cost and benefit, pilot and production side by side; money as exact decimals), and the
-- effect a board decision applied when it was taken.

CREATE TABLE gate_plans (
  workspace_id  uuid NOT NULL,
  program_id    uuid NOT NULL,
  gate          text NOT NULL
    CHECK (gate IN ('discovery', 'pilot', 'production-readiness', 'limited-rollout', 'production')),
  planned_date  date NOT NULL,
  updated_at    timestamptz NOT NULL,
  PRIMARY KEY (program_id, gate),
  FOREIGN KEY (workspace_id, program_id) REFERENCES programs (workspace_id, id)
);

-- One per program: currency and the figures the economics are computed with.
CREATE TABLE cost_models (
  workspace_id    uuid NOT NULL,
  program_id      uuid PRIMARY KEY,
  currency        text NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
  horizon_months  integer NOT NULL DEFAULT 36 CHECK (horizon_months BETWEEN 1 AND 120),
  -- Annual discount rate as a fraction (0.08 = 8 % a year).
  discount_rate   numeric(31, 30) NOT NULL DEFAULT 0.08 CHECK (discount_rate >= 0 AND discount_rate <= 1),
  created_at      timestamptz NOT NULL,
  updated_at      timestamptz NOT NULL,
  version         integer NOT NULL DEFAULT 1,
  UNIQUE (workspace_id, program_id),
  FOREIGN KEY (workspace_id, program_id) REFERENCES programs (workspace_id, id)
);

-- Costs and benefits. Retired items stay (history); only active ones count.
CREATE TABLE cost_items (
  id            uuid PRIMARY KEY,
  workspace_id  uuid NOT NULL,
  program_id    uuid NOT NULL,
  side          text NOT NULL CHECK (side IN ('cost', 'benefit')),
  label         text NOT NULL,
  category      text NOT NULL,
  scope         text NOT NULL CHECK (scope IN ('pilot', 'production')),
  recurrence    text NOT NULL CHECK (recurrence IN ('one-off', 'monthly', 'yearly')),
  amount        numeric(21, 6) NOT NULL CHECK (amount >= 0),
  start_month   integer NOT NULL DEFAULT 0 CHECK (start_month >= 0),
  end_month     integer CHECK (end_month IS NULL OR end_month >= start_month),
  retired_at    timestamptz,
  created_at    timestamptz NOT NULL,
  updated_at    timestamptz NOT NULL,
  version       integer NOT NULL DEFAULT 1,
  UNIQUE (workspace_id, id),
  FOREIGN KEY (workspace_id, program_id) REFERENCES cost_models (workspace_id, program_id)
);
CREATE INDEX cost_items_by_program ON cost_items (workspace_id, program_id, side, scope, id);

-- What taking a decision changed, applied in the same transaction:
-- { kind: 'move-deadline', constraintId, from, to } | { kind: 'accept-constraint', constraintId }
-- | { kind: 'phase-override', programId, from, to } | { kind: 'none' }.
ALTER TABLE decisions ADD COLUMN effect jsonb;
