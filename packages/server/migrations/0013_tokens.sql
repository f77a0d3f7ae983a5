-- API tokens created by the local operator (`handoff tokens create` on the data directory: the first automation,
-- before or without any admin account). The operator has no account, so created_by becomes optional and such a
-- token records its creator's label instead (`cli:<user>`). Every token names one or the other.
ALTER TABLE api_tokens ALTER COLUMN created_by DROP NOT NULL;
ALTER TABLE api_tokens ADD COLUMN created_by_label text CHECK (length(created_by_label) BETWEEN 1 AND 320);
ALTER TABLE api_tokens ADD CONSTRAINT api_tokens_has_creator CHECK (created_by IS NOT NULL OR created_by_label IS NOT NULL);
