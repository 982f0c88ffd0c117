-- The review desk's worklist: claims (not every sentence) by score, walked straight from
-- this index, and counted and filtered by type, figure and review from it without reading
-- the table.
CREATE INDEX claims_worklist ON claims(label, score DESC, doc_id, idx, id, types);
-- Reviewed claims per document, for the documents page.
CREATE INDEX reviews_doc ON reviews(doc_id);
