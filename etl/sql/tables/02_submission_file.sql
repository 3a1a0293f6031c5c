-- The immutable raw bytes of every accepted file, content-addressed: the warehouse is rebuilt from these.
CREATE TABLE IF NOT EXISTS submission_file (
    sha256 VARCHAR PRIMARY KEY,
    size_bytes BIGINT NOT NULL,
    content BLOB NOT NULL
);
