-- One row per accepted file, content-addressed: what the warehouse knows of its raw bytes.
-- The bytes themselves live outside the warehouse file, in the raw store beside it
-- (`<db>.raw/ab/cdef….zst`, etl/raw_store.py), so that a damaged or lost warehouse can be rebuilt
-- from them. sha256 and size_bytes are those of the file as delivered. `content` is empty for a file
-- in the raw store (every file the loader writes now; a delivered file is never empty, validation
-- rejects that); it holds the bytes only in warehouses written before the raw store, until
-- `etl rebuild` moves them out. content_encoding says how the bytes are kept: 'zstd' (Zstandard,
-- in the raw store or, in older warehouses, in `content`) or 'identity' (as delivered, in
-- `content`: rows written before the column existed). Read the bytes back only through
-- etl.loading.raw_file.
CREATE TABLE IF NOT EXISTS submission_file (
    sha256 VARCHAR PRIMARY KEY,
    size_bytes BIGINT NOT NULL,
    content BLOB NOT NULL DEFAULT '',
    content_encoding VARCHAR NOT NULL DEFAULT 'identity'
        CHECK (content_encoding IN ('identity', 'zstd'))
);
-- A warehouse from before content_encoding gets the column, its rows 'identity'. (DuckDB cannot
-- add it NOT NULL here; the loader always writes it.) `content` stays NOT NULL in older files for
-- the same reason (DuckDB cannot alter a column of a table others refer to): hence '' rather than
-- NULL for a file in the raw store.
ALTER TABLE submission_file ADD COLUMN IF NOT EXISTS content_encoding VARCHAR DEFAULT 'identity';
