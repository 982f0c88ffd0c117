-- claimledger ledger schema, version 1.
-- Offsets are character (code point) offsets into documents.text; *_char columns avoid
-- SQL keywords. Every id is a content hash, so re-inserting the same input is a no-op.

CREATE TABLE runs (
    id          TEXT PRIMARY KEY,      -- hash of version + model + settings
    version     TEXT NOT NULL,         -- claimledger version
    model       TEXT NOT NULL,         -- spaCy pipeline name and version
    settings    TEXT NOT NULL,         -- JSON of the settings that change extraction
    first_used  TEXT NOT NULL
);

CREATE TABLE documents (
    id          TEXT PRIMARY KEY,      -- hash of the text
    source      TEXT NOT NULL,         -- path, URL or <stdin> as first given
    record      INTEGER,               -- record (JSONL line / CSV row) inside a corpus file
    title       TEXT,
    url         TEXT,
    published   TEXT,
    outlet      TEXT,
    author      TEXT,
    media_type  TEXT NOT NULL,
    text        TEXT NOT NULL,
    n_chars     INTEGER NOT NULL,
    n_words     INTEGER NOT NULL,
    run_id      TEXT NOT NULL REFERENCES runs(id),
    ingested_at TEXT NOT NULL
);

-- Every place a document was seen; the same text from two files is one document.
CREATE TABLE document_sources (
    doc_id      TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    source      TEXT NOT NULL,
    record      INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (doc_id, source, record)
);

CREATE TABLE sentences (
    id          TEXT PRIMARY KEY,
    doc_id      TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx         INTEGER NOT NULL,
    paragraph   INTEGER NOT NULL,
    start_char  INTEGER NOT NULL,
    end_char    INTEGER NOT NULL
);
CREATE INDEX sentences_doc ON sentences(doc_id, idx);

CREATE TABLE claims (
    id          TEXT PRIMARY KEY,
    doc_id      TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    sentence_id TEXT NOT NULL REFERENCES sentences(id) ON DELETE CASCADE,
    idx         INTEGER NOT NULL,
    start_char  INTEGER NOT NULL,
    end_char    INTEGER NOT NULL,
    text        TEXT NOT NULL,
    score       REAL NOT NULL,
    label       TEXT NOT NULL CHECK (label IN ('claim', 'not_claim')),
    types       TEXT NOT NULL,         -- JSON list
    run_id      TEXT NOT NULL REFERENCES runs(id)
);
CREATE INDEX claims_doc ON claims(doc_id, idx);
CREATE INDEX claims_score ON claims(score DESC);

CREATE TABLE quantities (
    id          TEXT PRIMARY KEY,
    doc_id      TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    claim_id    TEXT NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
    start_char  INTEGER NOT NULL,
    end_char    INTEGER NOT NULL,
    text        TEXT NOT NULL,
    value       REAL,
    lower       REAL,
    upper       REAL,
    unit        TEXT NOT NULL,
    per         TEXT,
    bound       TEXT NOT NULL,
    change_direction TEXT,
    change_from REAL,
    change_to   REAL,
    change_by   REAL,
    quantified  TEXT,
    run_id      TEXT NOT NULL REFERENCES runs(id)
);
CREATE INDEX quantities_doc ON quantities(doc_id);
CREATE INDEX quantities_claim ON quantities(claim_id);
CREATE INDEX quantities_value ON quantities(unit, value);

CREATE TABLE actors (
    id          TEXT PRIMARY KEY,      -- hash of the canonical name
    canonical   TEXT NOT NULL,
    kind        TEXT NOT NULL,
    aliases     TEXT NOT NULL DEFAULT '[]'   -- JSON list of names seen
);

CREATE TABLE attributions (
    id          TEXT PRIMARY KEY,
    doc_id      TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    claim_id    TEXT NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
    start_char  INTEGER NOT NULL,
    end_char    INTEGER NOT NULL,
    text        TEXT NOT NULL,
    attributed_to TEXT,
    attributed_to_canonical TEXT,
    actor_id    TEXT REFERENCES actors(id),
    source_kind TEXT NOT NULL,
    cue         TEXT,
    content     TEXT,
    source_start INTEGER, source_end INTEGER,
    cue_start   INTEGER, cue_end INTEGER,
    content_start INTEGER, content_end INTEGER,
    direct      INTEGER NOT NULL,
    parent_id   TEXT,                  -- the attribution this one is nested in
    run_id      TEXT NOT NULL REFERENCES runs(id)
);
CREATE INDEX attributions_doc ON attributions(doc_id);
CREATE INDEX attributions_actor ON attributions(actor_id);

-- A claim is tied to the attributions in its sentence and to those whose content covers it.
CREATE TABLE claim_attributions (
    claim_id    TEXT NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
    attribution_id TEXT NOT NULL REFERENCES attributions(id) ON DELETE CASCADE,
    PRIMARY KEY (claim_id, attribution_id)
);

CREATE TABLE mentions (
    id          TEXT PRIMARY KEY,
    doc_id      TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    sentence_idx INTEGER NOT NULL,
    start_char  INTEGER NOT NULL,
    end_char    INTEGER NOT NULL,
    text        TEXT NOT NULL,
    label       TEXT NOT NULL,
    canonical   TEXT NOT NULL,
    actor_id    TEXT REFERENCES actors(id),
    run_id      TEXT NOT NULL REFERENCES runs(id)
);
CREATE INDEX mentions_doc ON mentions(doc_id);
CREATE INDEX mentions_actor ON mentions(actor_id);

CREATE TABLE rejections (
    id          TEXT PRIMARY KEY,      -- hash of input + stage + reason
    input       TEXT NOT NULL,
    stage       TEXT NOT NULL,
    reason      TEXT NOT NULL,
    run_id      TEXT REFERENCES runs(id),
    first_seen  TEXT NOT NULL
);

-- A person's verdict on a claim; history is kept, never overwritten.
CREATE TABLE reviews (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    claim_id    TEXT NOT NULL,         -- no FK: a review outlives re-extraction of its claim
    verdict     TEXT NOT NULL,
    note        TEXT NOT NULL DEFAULT '',
    reviewer    TEXT NOT NULL,
    created_at  TEXT NOT NULL
);
CREATE INDEX reviews_claim ON reviews(claim_id, created_at);

-- Trusted figures the user imports to check claims against.
CREATE TABLE reference_figures (
    id          TEXT PRIMARY KEY,
    dataset     TEXT NOT NULL,
    measure     TEXT NOT NULL,
    place       TEXT,
    period_start TEXT,
    period_end  TEXT,
    value       REAL NOT NULL,
    unit        TEXT NOT NULL,
    source      TEXT,
    imported_at TEXT NOT NULL
);
