-- Linking and checking (issue 19): figures of one measure grouped across documents, the
-- relations between them, passages repeated across documents, reference figures a user
-- trusts and the checks of stored figures against them. Everything here is derived from the
-- documents (and the imported reference rows): rows of a document re-extracted are deleted
-- with it (ON DELETE CASCADE) and the document is linked again.

-- Documents already linked (`claimledger link` links the others).
CREATE TABLE linked_documents (
    doc_id     TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    linked_at  TEXT NOT NULL
);

-- One group per blocking key of link/compare (counted thing, population, unit family,
-- nature, place, time bucket). `id` is a hash of the members' ids (compare.group_figures'
-- id), so it changes as members join; `block_key` (JSON of the key) is the stable name.
CREATE TABLE figure_groups (
    block_key   TEXT PRIMARY KEY,
    id          TEXT NOT NULL,
    thing       TEXT NOT NULL,
    population  TEXT NOT NULL,
    unit        TEXT NOT NULL,
    nature      TEXT NOT NULL,
    measure     TEXT NOT NULL,         -- the measure in words ("civilians killed")
    place       TEXT NOT NULL,         -- the place as written or named by the gazetteer
    place_key   TEXT NOT NULL,         -- "geonames:ID" or "name:folded name"
    time_bucket TEXT NOT NULL,
    n_members   INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX figure_groups_id ON figure_groups(id);

-- A figure in its group, with the measure and interval it was compared by (an open end is
-- NULL), so new figures are compared with it without re-reading its sentence.
CREATE TABLE figure_members (
    quantity_id TEXT PRIMARY KEY REFERENCES quantities(id) ON DELETE CASCADE,
    doc_id      TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    block_key   TEXT NOT NULL,
    low         REAL,
    high        REAL
);
CREATE INDEX figure_members_block ON figure_members(block_key);
CREATE INDEX figure_members_doc ON figure_members(doc_id);

-- How two figures of one measure relate (link/compare.Relation): consistent, update (a is
-- the earlier) or contradiction, with a plain reason; `across` marks a part against its
-- whole (civilians against people), `block_key` is the group of a (the part).
CREATE TABLE figure_relations (
    id         TEXT PRIMARY KEY,
    kind       TEXT NOT NULL,
    a_id       TEXT NOT NULL REFERENCES quantities(id) ON DELETE CASCADE,
    b_id       TEXT NOT NULL REFERENCES quantities(id) ON DELETE CASCADE,
    block_key  TEXT NOT NULL,
    measure    TEXT NOT NULL,
    reason     TEXT NOT NULL,
    across     INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX figure_relations_a ON figure_relations(a_id, kind);
CREATE INDEX figure_relations_b ON figure_relations(b_id, kind);
CREATE INDEX figure_relations_kind ON figure_relations(kind, id);
CREATE INDEX figure_relations_block ON figure_relations(block_key);

-- Repeats (link/repeats): each judged passage (a paragraph of 15 words or more) with its
-- MinHash signature, its band keys (one row each, indexed: a new passage looks its keys up),
-- the verified pairs (a seen earlier than b) and the clusters they join into.
CREATE TABLE repeat_passages (
    passage_id  TEXT PRIMARY KEY,
    doc_id      TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start_char  INTEGER NOT NULL,
    end_char    INTEGER NOT NULL,
    published   TEXT,
    shingles    INTEGER NOT NULL,
    signature   BLOB NOT NULL,
    scheme      TEXT NOT NULL
);
CREATE INDEX repeat_passages_doc ON repeat_passages(doc_id);
CREATE TABLE repeat_keys (
    key         INTEGER NOT NULL,
    passage_id  TEXT NOT NULL REFERENCES repeat_passages(passage_id) ON DELETE CASCADE
);
CREATE INDEX repeat_keys_key ON repeat_keys(key);
CREATE INDEX repeat_keys_passage ON repeat_keys(passage_id);
CREATE TABLE repeat_pairs (
    a           TEXT NOT NULL REFERENCES repeat_passages(passage_id) ON DELETE CASCADE,
    b           TEXT NOT NULL REFERENCES repeat_passages(passage_id) ON DELETE CASCADE,
    similarity  REAL NOT NULL,
    PRIMARY KEY (a, b)
);
CREATE INDEX repeat_pairs_b ON repeat_pairs(b);
CREATE TABLE repeat_clusters (
    passage_id  TEXT PRIMARY KEY REFERENCES repeat_passages(passage_id) ON DELETE CASCADE,
    cluster     TEXT NOT NULL,
    earliest    INTEGER NOT NULL DEFAULT 0   -- 1 for the cluster's earliest-seen passage
);
CREATE INDEX repeat_clusters_cluster ON repeat_clusters(cluster);

-- Reference figures, with the columns check/reference.ReferenceRow.record() gives. Migration
-- 1 made a narrower table that nothing wrote; the store refuses to apply this migration when
-- that table holds rows (see sqlite.py), so dropping it loses nothing.
DROP TABLE reference_figures;
CREATE TABLE reference_figures (
    id                 TEXT PRIMARY KEY,
    dataset            TEXT NOT NULL,
    line               INTEGER NOT NULL,
    measure            TEXT NOT NULL,
    measure_text       TEXT NOT NULL,
    place              TEXT NOT NULL,
    place_geonames_id  INTEGER,
    place_name         TEXT,
    place_country_code TEXT,
    period_start       TEXT NOT NULL,
    period_end         TEXT NOT NULL,
    value              REAL,
    lower              REAL,
    upper              REAL,
    unit               TEXT NOT NULL,
    per                TEXT,
    source             TEXT NOT NULL,
    url                TEXT,
    notes              TEXT NOT NULL DEFAULT '[]',   -- JSON list
    imported_at        TEXT NOT NULL
);
CREATE INDEX reference_figures_measure ON reference_figures(measure, unit);

-- A stored figure against a reference row (check/reference.Check).
CREATE TABLE reference_checks (
    id            TEXT PRIMARY KEY,
    quantity_id   TEXT NOT NULL REFERENCES quantities(id) ON DELETE CASCADE,
    claim_id      TEXT NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
    doc_id        TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    reference_id  TEXT NOT NULL REFERENCES reference_figures(id) ON DELETE CASCADE,
    status        TEXT NOT NULL,        -- agrees | disagrees
    reason        TEXT NOT NULL,
    tolerance     REAL NOT NULL,
    figure_lower  REAL,
    figure_upper  REAL,
    time_match    TEXT NOT NULL,
    rank          INTEGER NOT NULL DEFAULT 0,   -- 0 for the row that fits the figure best
    checked_at    TEXT NOT NULL
);
CREATE INDEX reference_checks_quantity ON reference_checks(quantity_id);
CREATE INDEX reference_checks_claim ON reference_checks(claim_id, status);
CREATE INDEX reference_checks_status ON reference_checks(status, id);
CREATE INDEX reference_checks_reference ON reference_checks(reference_id);
