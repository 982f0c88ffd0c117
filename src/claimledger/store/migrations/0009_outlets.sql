-- Citations (issue 19): each document's outlet as link/citations compares outlets, so an
-- attribution citing "the Northern Herald" finds that outlet's documents by index. The key
-- (case, a leading "the", punctuation ignored) and the news outlet the actor table knows the
-- name as are computed in Python: the store fills them for the documents already stored
-- when it applies this migration, and writes them with every document after.
ALTER TABLE documents ADD COLUMN outlet_key TEXT;
ALTER TABLE documents ADD COLUMN outlet_actor_id TEXT;
CREATE INDEX documents_outlet_key ON documents(outlet_key, published);
CREATE INDEX documents_outlet_actor ON documents(outlet_actor_id, published);
-- Loading a document's attributions with their claims looked up claim_attributions by
-- attribution id with no index (a scan of the whole table per document: linking slowed as
-- the ledger grew, bench/link.py); the cascade delete from attributions needs it too.
CREATE INDEX IF NOT EXISTS claim_attributions_attribution ON claim_attributions(attribution_id);
