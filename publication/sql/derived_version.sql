-- One row per set of derived results (publication/derived.py): which data version they describe,
-- with which logic and protection rules, and whether computing them succeeded. Every other
-- derived table is keyed by the same four columns; read them only for a 'complete' row here.
--   data_version: the data version described (etl.queries.latest_sequence: the sequence number of
--     the newest submission).
--   logic_version: publication.derived.LOGIC_VERSION of the code that computed them.
--   threshold, min_width: the protection rules (ProtectionRules.threshold, .min_interval_width).
--   status: 'complete' (all tables below hold the results) or 'failed' (none; error says why).
--   inputs_digest: sha256 of the finest cells, cases per year and capture histories the
--     publication and the estimate were computed from (a later version with the same digest
--     reuses them instead of recomputing).
-- A cache, never a source: only results derived from the report table, which the writer
-- replaces per data version and deletes for older versions.
CREATE TABLE IF NOT EXISTS derived_version (
    data_version INTEGER NOT NULL,
    logic_version INTEGER NOT NULL,
    threshold INTEGER NOT NULL,
    min_width DOUBLE NOT NULL,
    status VARCHAR NOT NULL CHECK (status IN ('complete', 'failed')),
    error VARCHAR,
    built_at TIMESTAMP NOT NULL,
    build_seconds DOUBLE,
    inputs_digest VARCHAR,
    PRIMARY KEY (data_version, logic_version, threshold, min_width)
);
