-- One row: the schema version, so an older file is recognised and rebuilt rather than misread.
CREATE TABLE IF NOT EXISTS warehouse_meta (
    schema_version INTEGER NOT NULL,
    created_at TIMESTAMP NOT NULL
);
