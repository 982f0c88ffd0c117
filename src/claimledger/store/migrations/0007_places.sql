-- Places (see extract/places): every toponym found, resolved against the offline gazetteer
-- (GeoNames id, name, country, first-level region, point, feature class, confidence; nulls
-- for a name the gazetteer lacks), and for each figure and claim the place it is about,
-- named in its sentence or inherited (from an earlier sentence of its paragraph, or the
-- dateline). Rows stored before have nulls here until their documents are ingested again
-- (this version extracts them again).
CREATE TABLE places (
    id            TEXT PRIMARY KEY,
    doc_id        TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    claim_id      TEXT NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
    start_char    INTEGER NOT NULL,
    end_char      INTEGER NOT NULL,
    text          TEXT NOT NULL,
    geonames_id   INTEGER,
    name          TEXT,
    country_code  TEXT,
    admin1        TEXT,
    lat           REAL,
    lon           REAL,
    feature_class TEXT,
    confidence    REAL NOT NULL DEFAULT 0,
    run_id        TEXT NOT NULL REFERENCES runs(id)
);
CREATE INDEX places_doc ON places(doc_id);
CREATE INDEX places_geonames ON places(geonames_id);
ALTER TABLE quantities ADD COLUMN place_text TEXT;
ALTER TABLE quantities ADD COLUMN place_start INTEGER;
ALTER TABLE quantities ADD COLUMN place_end INTEGER;
ALTER TABLE quantities ADD COLUMN place_geonames_id INTEGER;
ALTER TABLE quantities ADD COLUMN place_name TEXT;
ALTER TABLE quantities ADD COLUMN place_country_code TEXT;
ALTER TABLE quantities ADD COLUMN place_admin1 TEXT;
ALTER TABLE quantities ADD COLUMN place_lat REAL;
ALTER TABLE quantities ADD COLUMN place_lon REAL;
ALTER TABLE quantities ADD COLUMN place_feature_class TEXT;
ALTER TABLE quantities ADD COLUMN place_confidence REAL NOT NULL DEFAULT 0;
ALTER TABLE quantities ADD COLUMN place_inherited INTEGER NOT NULL DEFAULT 0;
ALTER TABLE claims ADD COLUMN place_text TEXT;
ALTER TABLE claims ADD COLUMN place_start INTEGER;
ALTER TABLE claims ADD COLUMN place_end INTEGER;
ALTER TABLE claims ADD COLUMN place_geonames_id INTEGER;
ALTER TABLE claims ADD COLUMN place_name TEXT;
ALTER TABLE claims ADD COLUMN place_country_code TEXT;
ALTER TABLE claims ADD COLUMN place_admin1 TEXT;
ALTER TABLE claims ADD COLUMN place_lat REAL;
ALTER TABLE claims ADD COLUMN place_lon REAL;
ALTER TABLE claims ADD COLUMN place_feature_class TEXT;
ALTER TABLE claims ADD COLUMN place_confidence REAL NOT NULL DEFAULT 0;
ALTER TABLE claims ADD COLUMN place_inherited INTEGER NOT NULL DEFAULT 0;
-- The desk's filters by place and by country.
CREATE INDEX claims_place ON claims(place_geonames_id);
CREATE INDEX claims_country ON claims(place_country_code);
-- Actors (see link/actors): the shipped table's canonical actors get their own ids ("ISR/military",
-- "org/united-nations"), people the ids the ledger's merge gives them ("person/..."), other
-- names "name/<hash>"; an actor may be part of another (an armed wing of its organisation,
-- a government of its country). Sources and mentions stored before keep their old actor ids
-- until their documents are ingested again.
ALTER TABLE actors ADD COLUMN parent_id TEXT;
ALTER TABLE actors ADD COLUMN country TEXT;
