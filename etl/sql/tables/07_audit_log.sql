-- Who changed the warehouse, when and how: written in the same transaction as the change itself,
-- never updated or deleted, carried over by rebuild. Never file contents, only what identifies them.
-- action: 'commit' (a submission was stored), 'replace' (one (department, year, channel) of an
-- older submission went out of force), 'rebuild' (the warehouse was rebuilt from the raw files).
-- Refusals (rejected files, version conflicts, refused access, identical re-uploads) change nothing
-- in the warehouse and are kept in the append-only journal beside it (docs/access.md).
CREATE TABLE IF NOT EXISTS audit_log (
    event_id INTEGER PRIMARY KEY,
    occurred_at TIMESTAMP NOT NULL,
    actor VARCHAR NOT NULL,
    source VARCHAR NOT NULL,
    action VARCHAR NOT NULL CHECK (action IN ('commit', 'replace', 'rebuild')),
    submission_id VARCHAR,
    replaced_submission_id VARCHAR,
    departments VARCHAR,
    year INTEGER,
    channel VARCHAR,
    file_name VARCHAR,
    sha256 VARCHAR,
    row_count INTEGER,
    report_count BIGINT,
    note VARCHAR
);
