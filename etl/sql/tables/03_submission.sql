-- One row per accepted submission (a file loaded once); never updated after insert. Times in UTC.
-- file_kind: 'meldingen' (reports), 'fte' or 'maatregelen' (measures, since schema version 2: a
-- warehouse of version 1 has the CHECK without it and is copied into this schema by the next
-- writer, etl/warehouse.py).
CREATE TABLE IF NOT EXISTS submission (
    submission_id VARCHAR PRIMARY KEY,
    sequence_number INTEGER NOT NULL UNIQUE,
    file_name VARCHAR NOT NULL,
    sha256 VARCHAR NOT NULL REFERENCES submission_file (sha256),
    file_kind VARCHAR NOT NULL CHECK (file_kind IN ('meldingen', 'fte', 'maatregelen')),
    row_count INTEGER NOT NULL,
    report_count BIGINT NOT NULL,
    loaded_at TIMESTAMP NOT NULL,
    loaded_by VARCHAR NOT NULL,
    synthetic BOOLEAN NOT NULL,
    note VARCHAR
);
