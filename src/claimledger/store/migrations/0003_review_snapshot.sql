-- A review keeps what was reviewed: the claim's text and document, so that it can still be
-- published (ClaimReview) after re-extraction replaced or dropped the claim it was made on.
ALTER TABLE reviews ADD COLUMN doc_id TEXT;
ALTER TABLE reviews ADD COLUMN claim_text TEXT;
CREATE INDEX reviews_time ON reviews(created_at);
