-- Times (see extract/times): every time expression found, and for each figure and claim the
-- time it is about, stated in its sentence or inherited (from an earlier sentence of its
-- paragraph, or the document's date as a day). time_start/time_end/time_anchor are ISO dates;
-- time_text_start/time_text_end offsets of the expression (null when inherited from the
-- document's date). Rows stored before have nulls here until their documents are ingested
-- again (this version extracts them again).
CREATE TABLE times (
    id          TEXT PRIMARY KEY,
    doc_id      TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    claim_id    TEXT NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
    start_char  INTEGER NOT NULL,
    end_char    INTEGER NOT NULL,
    text        TEXT NOT NULL,
    time_start  TEXT,
    time_end    TEXT,
    time_kind   TEXT NOT NULL,
    time_anchor TEXT,
    rule        TEXT NOT NULL DEFAULT '',
    run_id      TEXT NOT NULL REFERENCES runs(id)
);
CREATE INDEX times_doc ON times(doc_id);
ALTER TABLE quantities ADD COLUMN time_text TEXT;
ALTER TABLE quantities ADD COLUMN time_text_start INTEGER;
ALTER TABLE quantities ADD COLUMN time_text_end INTEGER;
ALTER TABLE quantities ADD COLUMN time_start TEXT;
ALTER TABLE quantities ADD COLUMN time_end TEXT;
ALTER TABLE quantities ADD COLUMN time_kind TEXT;
ALTER TABLE quantities ADD COLUMN time_anchor TEXT;
ALTER TABLE quantities ADD COLUMN time_inherited INTEGER NOT NULL DEFAULT 0;
ALTER TABLE claims ADD COLUMN time_text TEXT;
ALTER TABLE claims ADD COLUMN time_text_start INTEGER;
ALTER TABLE claims ADD COLUMN time_text_end INTEGER;
ALTER TABLE claims ADD COLUMN time_start TEXT;
ALTER TABLE claims ADD COLUMN time_end TEXT;
ALTER TABLE claims ADD COLUMN time_kind TEXT;
ALTER TABLE claims ADD COLUMN time_anchor TEXT;
ALTER TABLE claims ADD COLUMN time_inherited INTEGER NOT NULL DEFAULT 0;
-- The desk's filter by time: claims whose [time_start, time_end] overlaps a range.
CREATE INDEX claims_time ON claims(time_start, time_end);
-- The date relative times were resolved against, and where it came from: published
-- (metadata), dateline, unparseable (a published value that is no date) or null.
ALTER TABLE documents ADD COLUMN date TEXT;
ALTER TABLE documents ADD COLUMN date_from TEXT;
