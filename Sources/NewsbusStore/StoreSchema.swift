import GRDB

/// The store's schema, as GRDB migrations. Never edit a shipped migration: add a new one.
enum StoreSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: articles, versions, fts, dead letters") { db in
            try db.execute(sql: """
                CREATE TABLE articles (
                    id INTEGER PRIMARY KEY,
                    uri TEXT NOT NULL UNIQUE,
                    version TEXT NOT NULL,
                    content_hash TEXT NOT NULL,
                    headline TEXT NOT NULL,
                    body TEXT NOT NULL,
                    section_path TEXT NOT NULL,
                    source TEXT NOT NULL,
                    language TEXT NOT NULL,
                    pubstatus TEXT NOT NULL,
                    firstcreated TEXT NOT NULL,
                    versioncreated TEXT NOT NULL,
                    wordcount INTEGER NOT NULL,
                    reading_time_seconds INTEGER NOT NULL,
                    canceled INTEGER NOT NULL DEFAULT 0,
                    payload BLOB NOT NULL,
                    stored_at TEXT NOT NULL
                );
                CREATE INDEX articles_section ON articles(section_path);
                CREATE INDEX articles_source ON articles(source);

                CREATE TABLE article_versions (
                    id INTEGER PRIMARY KEY,
                    uri TEXT NOT NULL,
                    version TEXT NOT NULL,
                    content_hash TEXT NOT NULL,
                    pubstatus TEXT NOT NULL,
                    versioncreated TEXT NOT NULL,
                    payload BLOB NOT NULL,
                    stored_at TEXT NOT NULL,
                    UNIQUE (uri, version, content_hash)
                );
                CREATE INDEX article_versions_content ON article_versions(uri, content_hash);

                CREATE VIRTUAL TABLE articles_fts USING fts5(
                    headline, body, content='articles', content_rowid='id',
                    tokenize='unicode61 remove_diacritics 2'
                );
                CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
                    INSERT INTO articles_fts(rowid, headline, body) VALUES (new.id, new.headline, new.body);
                END;
                CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
                    INSERT INTO articles_fts(articles_fts, rowid, headline, body) VALUES ('delete', old.id, old.headline, old.body);
                END;
                CREATE TRIGGER articles_fts_update AFTER UPDATE ON articles BEGIN
                    INSERT INTO articles_fts(articles_fts, rowid, headline, body) VALUES ('delete', old.id, old.headline, old.body);
                    INSERT INTO articles_fts(rowid, headline, body) VALUES (new.id, new.headline, new.body);
                END;

                CREATE TABLE dead_letters (
                    id INTEGER PRIMARY KEY,
                    message_id TEXT NOT NULL UNIQUE,
                    article_uri TEXT NOT NULL,
                    stage TEXT NOT NULL,
                    reason TEXT NOT NULL,
                    attempts INTEGER NOT NULL,
                    envelope BLOB NOT NULL,
                    payload BLOB NOT NULL,
                    created_at TEXT NOT NULL
                );
                """)
        }
        migrator.registerMigration("v2: near-duplicate links") { db in
            try db.execute(sql: """
                ALTER TABLE articles ADD COLUMN fingerprint INTEGER NOT NULL DEFAULT 0;
                ALTER TABLE articles ADD COLUMN duplicate_of TEXT;
                CREATE INDEX articles_duplicate_of ON articles(duplicate_of);
                """)
        }
        return migrator
    }
}
