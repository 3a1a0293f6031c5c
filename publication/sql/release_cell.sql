-- The finest cells (etl.queries.finest_cells) of a release's data version: RAW counts, not for
-- publication. Kept so that each later release can be audited together with this one
-- (publication.version_audit: differencing two releases must not reveal a small number), also
-- after the warehouse has moved on. The release file is therefore as confidential as the
-- warehouse; only its shown.csv may be passed on.
CREATE TABLE IF NOT EXISTS release_cell (
    release_id VARCHAR NOT NULL,
    year INTEGER NOT NULL,
    department_group VARCHAR,
    channel VARCHAR,
    category VARCHAR,
    concerns VARCHAR,
    ground VARCHAR,
    outcome VARCHAR,
    count BIGINT NOT NULL
);
