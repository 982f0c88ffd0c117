-- Events (issue 20, see extract/events and model.Event): each event mention with its type
-- (the taxonomy code and, for the desk's filters and exports, the ACLED sub-event type,
-- event type and PLOVER event and mode it names), modality, actor and target, the source it
-- is reported by, its time and place (as figures and claims have them), and `cluster`: the
-- event across documents it is a mention of, set by linking (NULL until the document is
-- linked, and for events that are not asserted). Rows go with their document (ON DELETE
-- CASCADE); documents stored before have no events until they are ingested again.
CREATE TABLE events (
    id                    TEXT PRIMARY KEY,
    doc_id                TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    claim_id              TEXT NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
    start_char            INTEGER NOT NULL,
    end_char              INTEGER NOT NULL,
    text                  TEXT NOT NULL,
    code                  TEXT NOT NULL,
    event_type            TEXT,
    event_category        TEXT,
    plover_event          TEXT,
    plover_mode           TEXT,
    confidence            REAL NOT NULL,
    modality              TEXT NOT NULL,
    modality_cue          TEXT,
    happened              INTEGER NOT NULL,
    actor_text            TEXT,
    actor_start           INTEGER,
    actor_end             INTEGER,
    actor_actor_id        TEXT,
    target_text           TEXT,
    target_start          INTEGER,
    target_end            INTEGER,
    target_actor_id       TEXT,
    source_attribution_id TEXT,
    source_text           TEXT,
    source_canonical      TEXT,
    source_kind           TEXT,
    source_actor_id       TEXT,
    time_text             TEXT,
    time_text_start       INTEGER,
    time_text_end         INTEGER,
    time_start            TEXT,
    time_end              TEXT,
    time_kind             TEXT,
    time_anchor           TEXT,
    time_inherited        INTEGER NOT NULL DEFAULT 0,
    place_text            TEXT,
    place_start           INTEGER,
    place_end             INTEGER,
    place_geonames_id     INTEGER,
    place_name            TEXT,
    place_country_code    TEXT,
    place_admin1          TEXT,
    place_lat             REAL,
    place_lon             REAL,
    place_feature_class   TEXT,
    place_confidence      REAL NOT NULL DEFAULT 0,
    place_inherited       INTEGER NOT NULL DEFAULT 0,
    cluster               TEXT,
    run_id                TEXT NOT NULL REFERENCES runs(id)
);
CREATE INDEX events_doc ON events(doc_id, start_char);
CREATE INDEX events_code ON events(code);
CREATE INDEX events_cluster ON events(cluster);

-- An event's dead (`role` fatalities) and injured figures, in the order the event gives
-- them: the quantity record by id, with its words, offsets and bounds as extraction gave
-- them. Indexed by quantity, so a figure finds the event it counts.
CREATE TABLE event_figures (
    event_id    TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    role        TEXT NOT NULL,          -- fatalities | injured
    idx         INTEGER NOT NULL,
    quantity_id TEXT NOT NULL,
    text        TEXT NOT NULL,
    start_char  INTEGER NOT NULL,
    end_char    INTEGER NOT NULL,
    value       REAL,
    lower       REAL,
    upper       REAL,
    bound       TEXT NOT NULL,
    PRIMARY KEY (event_id, role, idx)
);
CREATE INDEX event_figures_quantity ON event_figures(quantity_id);

-- A claim's events (model.Claim.event_ids, in that order).
CREATE TABLE claim_events (
    claim_id  TEXT NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
    event_id  TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    idx       INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (claim_id, event_id)
);
CREATE INDEX claim_events_event ON claim_events(event_id);

-- Events across documents (link/events): asserted mentions of one type, place and day. `id`
-- is a hash of that key, so it is stable as mentions join and leave; a cluster left without
-- mentions is deleted. Linking writes these (`claimledger link --rebuild` empties them).
CREATE TABLE event_clusters (
    id                TEXT PRIMARY KEY,
    code              TEXT NOT NULL,
    place_key         TEXT NOT NULL,     -- "geonames:ID" or "name:lower-cased text"
    place_text        TEXT,              -- as the first mention linked writes it
    place_geonames_id INTEGER,
    place_name        TEXT,
    day               TEXT NOT NULL,     -- ISO date
    n_mentions        INTEGER NOT NULL DEFAULT 0,
    n_documents       INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX event_clusters_code ON event_clusters(code, day);

-- A figure linked as a dead or injured figure of a clustered event: its cluster, so that
-- figures of two different events of one place and day are never compared, and figures of
-- one event are (link/events).
ALTER TABLE figure_members ADD COLUMN event_cluster TEXT;
CREATE INDEX figure_members_event ON figure_members(event_cluster);
