"""The database schema, documented in one place.

Written by `store.build` with sqlite-utils, read by `query` with plain sqlite3.
Dates are EDTF strings plus integer sort keys: astronomical_year * 10000 + month * 100
+ day, so that 200 BCE (astronomical -199) sorts before 1 CE and `BETWEEN` works.
Bump SCHEMA_VERSION whenever this changes: an older database is then rebuilt.
"""

from __future__ import annotations

SCHEMA_VERSION = 2

SCHEMA = """
-- key/value facts about the build: schema_version, fingerprint, built_at, corpus
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);

-- one row per document of the corpus (sources.toml plus what cleaning found)
CREATE TABLE documents (
    id TEXT PRIMARY KEY,          -- manifest id, e.g. 'toghramadjian-2021'
    file TEXT NOT NULL,           -- file name in the corpus folder
    path TEXT NOT NULL,           -- how citations name it: 'seeds/FILE'
    title TEXT, author TEXT, venue TEXT,
    written TEXT,                 -- YYYY-MM or YYYY: anchor for relative dates
    perspective TEXT, layout TEXT,
    short TEXT,                   -- citation label, e.g. 'Toghramadjian 2021'
    title_basis TEXT, written_basis TEXT,
    sha256 TEXT NOT NULL,         -- content hash of the file as read
    text TEXT NOT NULL,           -- the reading text (offsets below point into it)
    n_sentences INTEGER, n_footnotes INTEGER
);

-- headings: a section covers the reading text from `start` to the next section
CREATE TABLE sections (
    document_id TEXT NOT NULL REFERENCES documents(id),
    ordinal INTEGER NOT NULL, start INTEGER NOT NULL, title TEXT NOT NULL,
    PRIMARY KEY (document_id, ordinal)
);

CREATE TABLE sentences (
    id INTEGER PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES documents(id),
    ordinal INTEGER NOT NULL,     -- position in the document
    start INTEGER NOT NULL, "end" INTEGER NOT NULL,  -- offsets into documents.text
    line INTEGER NOT NULL,        -- 1-based line of the original file
    section TEXT,
    text TEXT NOT NULL
);

CREATE TABLE footnotes (
    document_id TEXT NOT NULL REFERENCES documents(id),
    number INTEGER NOT NULL, text TEXT NOT NULL,
    PRIMARY KEY (document_id, number)
);

-- which footnote markers a sentence carries
CREATE TABLE sentence_footnotes (
    sentence_id INTEGER NOT NULL REFERENCES sentences(id),
    document_id TEXT NOT NULL, number INTEGER NOT NULL,
    PRIMARY KEY (sentence_id, number)
);

CREATE TABLE events (
    id TEXT PRIMARY KEY,          -- 'E0042', stable for a given corpus and code version
    edtf TEXT NOT NULL, start_edtf TEXT NOT NULL, end_edtf TEXT NOT NULL,
    lower INTEGER NOT NULL, upper INTEGER NOT NULL,  -- inclusive sort keys
    precision TEXT NOT NULL,      -- day|month|season|year|decade|century|millennium|range
    label TEXT NOT NULL,          -- '27 September 2020', '2nd century BCE'
    title TEXT NOT NULL,          -- words of the clearest citation, never invented
    inferred INTEGER NOT NULL,    -- 1: date taken from the narrative around the sentence
    context INTEGER NOT NULL,     -- 1: a comparison elsewhere in the world
    disputed INTEGER NOT NULL,    -- 1: citations disagree (see disagreements)
    disagreements TEXT NOT NULL,  -- JSON list of {field, document, value}
    related TEXT NOT NULL,        -- JSON list of event ids told nearby but kept apart
    n_sources INTEGER NOT NULL,   -- distinct documents citing it
    n_citations INTEGER NOT NULL
);

CREATE TABLE citations (
    event_id TEXT NOT NULL REFERENCES events(id),
    ordinal INTEGER NOT NULL,
    sentence_id INTEGER NOT NULL REFERENCES sentences(id),
    document_id TEXT NOT NULL REFERENCES documents(id),
    date_text TEXT,               -- the words that gave the date
    PRIMARY KEY (event_id, ordinal)
);

CREATE TABLE actors (
    name TEXT PRIMARY KEY, kind TEXT, role TEXT,
    listed INTEGER NOT NULL       -- 0: a titled person found in the text, not in the gazetteer
);
CREATE TABLE places (
    name TEXT PRIMARY KEY, neutral TEXT, kind TEXT, lat REAL, lon REAL,
    within TEXT                   -- the containing place: a filter on it finds this one too
);
-- every name a user or a document may use: aliases of actors, variants of places
CREATE TABLE aliases (
    kind TEXT NOT NULL,           -- actor|place|period
    alias TEXT NOT NULL,          -- as written
    folded TEXT NOT NULL,         -- case- and accent-folded, for lookups
    name TEXT NOT NULL,           -- canonical name
    community TEXT,               -- armenian|azerbaijani|neutral|... for place variants
    PRIMARY KEY (kind, folded, name)
);
CREATE TABLE periods (
    name TEXT PRIMARY KEY, edtf TEXT NOT NULL,
    lower INTEGER NOT NULL, upper INTEGER NOT NULL,
    parent TEXT, description TEXT
);

CREATE TABLE event_actors (event_id TEXT NOT NULL REFERENCES events(id),
                           actor TEXT NOT NULL REFERENCES actors(name),
                           PRIMARY KEY (event_id, actor));
CREATE TABLE event_places (event_id TEXT NOT NULL REFERENCES events(id),
                           place TEXT NOT NULL REFERENCES places(name),
                           PRIMARY KEY (event_id, place));
CREATE TABLE event_periods (event_id TEXT NOT NULL REFERENCES events(id),
                            period TEXT NOT NULL REFERENCES periods(name),
                            PRIMARY KEY (event_id, period));
-- the variant of a place name each citation uses (Shusha / Shushi)
CREATE TABLE citation_names (event_id TEXT NOT NULL, document_id TEXT NOT NULL,
                             place TEXT NOT NULL, variant TEXT NOT NULL);
"""

INDEXES = """
CREATE INDEX sentences_document ON sentences(document_id, ordinal);
CREATE INDEX events_lower ON events(lower, upper, id);  -- covers ORDER BY date
CREATE INDEX citations_sentence ON citations(sentence_id);
CREATE INDEX citations_document ON citations(document_id, event_id);
CREATE INDEX event_actors_actor ON event_actors(actor, event_id);
CREATE INDEX event_places_place ON event_places(place, event_id);
CREATE INDEX event_periods_period ON event_periods(period, event_id);
CREATE INDEX aliases_folded ON aliases(folded);
"""
