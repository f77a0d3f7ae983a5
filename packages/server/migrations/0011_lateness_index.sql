-- The lateness history the forecast samples (how late resolved constraints actually were, per kind and
-- dimension) is read on every timeline, forecast and brief. Without this index it is a sequential scan of the
-- workspace's constraints (60–145 ms at 100,000 constraints on PostgreSQL, docs/BENCHMARKS.md); with it, an
-- index-only scan of the resolved ones.
CREATE INDEX constraints_resolved_lateness ON constraints (workspace_id)
  INCLUDE (kind, dimension, deadline, resolved_at) WHERE status = 'resolved';
