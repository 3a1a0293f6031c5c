-- Results derived from this warehouse version by the writer, right after a load and in the same
-- swap (publication/derived.py): the protected publication and the capture-recapture estimate, so
-- that readers do not recompute them (up to tens of seconds on sparse data). A cache, never a
-- source: replaced whole on every load, ignored when `fingerprint` (the code and rules that made
-- it) differs from the reader's, and rebuilt by `etl rebuild`. Holds no true counts beyond what
-- the report table already holds. inputs_digest identifies the data it was computed from, so that a
-- load that does not change them (an fte file) keeps the result instead of recomputing it.
CREATE TABLE IF NOT EXISTS derived_result (
    name VARCHAR PRIMARY KEY,
    fingerprint VARCHAR NOT NULL,
    inputs_digest VARCHAR,
    payload BLOB NOT NULL,
    build_seconds DOUBLE NOT NULL,
    built_at TIMESTAMP NOT NULL
);
-- Warehouses written by the first version of this table.
ALTER TABLE derived_result ADD COLUMN IF NOT EXISTS inputs_digest VARCHAR;
