"""The store's SQLite schema, as named migrations.

Each migration has a stable name and runs once, inside one transaction; the
names applied are kept in the `migrations` table, so `migrate()` is safe to run
again (and by two processes at once: the second waits, then finds nothing to do).
Never edit a migration that has shipped: add a new one at the end of `MIGRATIONS`.

Layer tables mirror the dataclasses in `warta.record` (one row per item, keyed by
`(article_id, idx)`); list-valued fields are JSON text, booleans 0/1.  Columns
named `start` and `end` are SQL keywords in some tools: quote them ("end").
"""

from __future__ import annotations

import datetime as dt
import sqlite3

#: PRAGMA application_id of a warta store ("WART")
APPLICATION_ID = 0x57415254

_INITIAL = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);

CREATE TABLE sources (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,          -- outlet, URL domain, or the input file
    kind TEXT                           -- outlet, domain, file
);

CREATE TABLE articles (
    pk INTEGER PRIMARY KEY,             -- stable rowid for the full-text index
    id TEXT NOT NULL UNIQUE,            -- content hash of the normalised text (Article.id)
    source TEXT,                        -- where it was read from (file, file#line, feed link)
    source_id INTEGER REFERENCES sources(id),
    url TEXT,
    title TEXT,
    authors TEXT,                       -- JSON list
    credits TEXT,                       -- JSON list
    editor TEXT,
    dateline TEXT,
    dateline_place TEXT,
    outlet TEXT,
    published TEXT,
    reference_date TEXT,
    reference_basis TEXT,
    language TEXT,
    text TEXT,
    words INTEGER,
    status TEXT NOT NULL CHECK (status IN ('ok', 'failed')),
    error TEXT,                         -- why it failed
    ingested_at TEXT NOT NULL,
    duplicate_of TEXT,                  -- id of the earlier near-identical article
    similarity REAL,                    -- estimated Jaccard similarity to duplicate_of / the story's article
    story_id TEXT,                      -- id of the first article of its story
    schema TEXT,
    pipeline TEXT,                      -- JSON list of components run
    warnings TEXT,                      -- JSON list
    sections TEXT,                      -- JSON list of Section
    sentences TEXT                      -- JSON list of [start, end, paragraph, kind]
);
CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_source ON articles(source_id);
CREATE INDEX articles_status ON articles(status);
CREATE INDEX articles_duplicate ON articles(duplicate_of);
CREATE INDEX articles_story ON articles(story_id);

CREATE TABLE entities (
    pk INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    text TEXT, start INTEGER, "end" INTEGER, label TEXT, actor TEXT, sentence INTEGER, rule TEXT, extra TEXT,
    UNIQUE (article_id, idx)
);
CREATE INDEX entities_label_text ON entities(label, text);

CREATE TABLE actors (
    pk INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    id TEXT, name TEXT, type TEXT, country TEXT, sector TEXT,
    roles TEXT, aliases TEXT, mentions TEXT, rule TEXT, extra TEXT,
    UNIQUE (article_id, idx)
);
CREATE INDEX actors_name ON actors(name);
CREATE INDEX actors_country ON actors(country);
CREATE INDEX actors_type ON actors(type);

CREATE TABLE quotes (
    pk INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    text TEXT, start INTEGER, "end" INTEGER, direct INTEGER, speaker TEXT, speaker_text TEXT,
    speaker_name TEXT,                  -- the speaker actor's name, else speaker_text
    speaker_country TEXT,
    cue TEXT, sentence INTEGER, rule TEXT, extra TEXT,
    UNIQUE (article_id, idx)
);
CREATE INDEX quotes_speaker ON quotes(speaker_name);

CREATE TABLE dates (
    pk INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    text TEXT, start INTEGER, "end" INTEGER, value TEXT, grain TEXT, sentence INTEGER, rule TEXT, extra TEXT,
    UNIQUE (article_id, idx)
);
CREATE INDEX dates_value ON dates(value);

CREATE TABLE quantities (
    pk INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    text TEXT, start INTEGER, "end" INTEGER, value REAL, unit TEXT, object TEXT, approximate INTEGER,
    sentence INTEGER, rule TEXT, extra TEXT,
    UNIQUE (article_id, idx)
);
CREATE INDEX quantities_unit ON quantities(unit);

CREATE TABLE places (
    pk INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    text TEXT, start INTEGER, "end" INTEGER, name TEXT, country TEXT, admin1 TEXT, lat REAL, lon REAL,
    geonames_id INTEGER, kind TEXT, sentence INTEGER, rule TEXT, extra TEXT,
    UNIQUE (article_id, idx)
);
CREATE INDEX places_country ON places(country);
CREATE INDEX places_name ON places(name);

CREATE TABLE events (
    pk INTEGER PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    id TEXT, type TEXT, mode TEXT, context TEXT, cameo TEXT, quad_class INTEGER, goldstein REAL,
    source TEXT, target TEXT, source_country TEXT, target_country TEXT, source_text TEXT, target_text TEXT,
    source_name TEXT,                   -- the source actor's name, else source_text
    target_name TEXT,
    date TEXT, place TEXT, negated INTEGER, modality TEXT, evidence TEXT, start INTEGER, "end" INTEGER,
    trigger TEXT, confidence REAL, rule TEXT, extra TEXT,
    UNIQUE (article_id, idx)
);
CREATE INDEX events_type ON events(type);
CREATE INDEX events_source_country ON events(source_country);
CREATE INDEX events_target_country ON events(target_country);
CREATE INDEX events_date ON events(date);
CREATE INDEX events_key ON events(type, source_country, target_country, date, cameo);

-- MinHash signatures (uint32 little-endian) and their LSH band keys, so that
-- later ingests compare new articles with every earlier one.
CREATE TABLE minhashes (
    article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    num_perm INTEGER NOT NULL,
    signature BLOB NOT NULL
) WITHOUT ROWID;
CREATE TABLE lsh_bands (
    kind INTEGER NOT NULL,              -- 0: near-duplicate bands, 1: story bands
    band INTEGER NOT NULL,
    key INTEGER NOT NULL,
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    PRIMARY KEY (kind, band, key, article_id)
) WITHOUT ROWID;
CREATE INDEX lsh_bands_article ON lsh_bands(article_id);

-- Full-text search (FTS5, external content kept in step by triggers).
CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, text, content='articles', content_rowid='pk', tokenize='unicode61 remove_diacritics 2');
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.pk, new.title, new.text);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.pk, old.title, old.text);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.pk, old.title, old.text);
    INSERT INTO articles_fts(rowid, title, text) VALUES (new.pk, new.title, new.text);
END;

CREATE VIRTUAL TABLE quotes_fts USING fts5(
    text, speaker_name, content='quotes', content_rowid='pk', tokenize='unicode61 remove_diacritics 2');
CREATE TRIGGER quotes_fts_insert AFTER INSERT ON quotes BEGIN
    INSERT INTO quotes_fts(rowid, text, speaker_name) VALUES (new.pk, new.text, new.speaker_name);
END;
CREATE TRIGGER quotes_fts_delete AFTER DELETE ON quotes BEGIN
    INSERT INTO quotes_fts(quotes_fts, rowid, text, speaker_name) VALUES ('delete', old.pk, old.text, old.speaker_name);
END;
CREATE TRIGGER quotes_fts_update AFTER UPDATE OF text, speaker_name ON quotes BEGIN
    INSERT INTO quotes_fts(quotes_fts, rowid, text, speaker_name) VALUES ('delete', old.pk, old.text, old.speaker_name);
    INSERT INTO quotes_fts(rowid, text, speaker_name) VALUES (new.pk, new.text, new.speaker_name);
END;

-- The same event reported by several articles, GDELT style: one row per
-- (type, source_country, target_country, date, cameo); the date is the event's
-- own date, else the article's publication date.
CREATE VIEW event_groups AS
SELECT e.type AS type,
       e.source_country AS source_country,
       e.target_country AS target_country,
       coalesce(e.date, a.published) AS date,
       e.cameo AS cameo,
       min(e.quad_class) AS quad_class,
       avg(e.goldstein) AS goldstein,
       count(*) AS num_mentions,
       count(DISTINCT coalesce(a.source_id, a.source)) AS num_sources,
       count(DISTINCT e.article_id) AS num_articles,
       count(DISTINCT coalesce(a.duplicate_of, a.id)) AS num_distinct_articles,
       count(DISTINCT a.story_id) AS num_stories,
       min(a.published) AS first_published,
       max(a.published) AS last_published,
       group_concat(DISTINCT e.article_id) AS article_ids
FROM events e JOIN articles a ON a.id = e.article_id
WHERE a.status = 'ok'
GROUP BY e.type, e.source_country, e.target_country, coalesce(e.date, a.published), e.cameo;
"""

#: (name, SQL) in the order they apply
MIGRATIONS: list[tuple[str, str]] = [
    ("0001_initial", _INITIAL),
]


def statements(script: str) -> list[str]:
    """Split a script into complete statements (trigger bodies kept whole)."""
    out, buf = [], ""
    for line in script.splitlines(keepends=True):
        if not buf and (not line.strip() or line.strip().startswith("--")):
            continue
        buf += line
        if sqlite3.complete_statement(buf):
            out.append(buf.strip())
            buf = ""
    if buf.strip():
        out.append(buf.strip())
    return out


def applied(conn: sqlite3.Connection) -> list[str]:
    conn.execute("CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
    return [r[0] for r in conn.execute("SELECT name FROM migrations ORDER BY name")]


def migrate(conn: sqlite3.Connection) -> list[str]:
    """Apply the migrations not applied yet (each in its own transaction); return their names."""
    done = set(applied(conn))
    ran = []
    for name, script in MIGRATIONS:
        if name in done:
            continue
        conn.execute("BEGIN IMMEDIATE")
        try:
            if conn.execute("SELECT 1 FROM migrations WHERE name = ?", (name,)).fetchone():
                conn.execute("ROLLBACK")
                continue
            for statement in statements(script):
                conn.execute(statement)
            conn.execute("INSERT INTO migrations(name, applied_at) VALUES (?, ?)",
                         (name, dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")))
            conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('application', 'warta')")
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        ran.append(name)
    return ran
