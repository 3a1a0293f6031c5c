-- The immutable raw bytes of every accepted file, content-addressed: the warehouse is rebuilt from these.
-- sha256 and size_bytes are those of the file as delivered; content_encoding says how `content`
-- holds it: 'zstd' (Zstandard, what the loader writes: DuckDB would otherwise hold a large file
-- uncompressed in the loading transaction) or 'identity' (as delivered, rows written before the
-- column existed). Read the bytes back only through etl.loading.raw_file.
CREATE TABLE IF NOT EXISTS submission_file (
    sha256 VARCHAR PRIMARY KEY,
    size_bytes BIGINT NOT NULL,
    content BLOB NOT NULL,
    content_encoding VARCHAR NOT NULL DEFAULT 'identity'
        CHECK (content_encoding IN ('identity', 'zstd'))
);
-- A warehouse from before content_encoding gets the column, its rows 'identity'. (DuckDB cannot
-- add it NOT NULL here; the loader always writes it.)
ALTER TABLE submission_file ADD COLUMN IF NOT EXISTS content_encoding VARCHAR DEFAULT 'identity';
