-- One row per release file (publication/releases.py): what a release ('publicatie') is. A release
-- file is written once, by `python -m publication release create`, and never changed; it lives in
-- the raw store beside the warehouse (<db>.raw/releases/<release_id>/release.duckdb), so that
-- loading, replacing and rebuilding the warehouse leave it as it is. Withdrawals are events in
-- <db>.raw/releases/releases.jsonl, never a change to this row.
--   release_id: short and URL-safe ('2025-1'); name: 'Jaarrapportage 2025'; release_date: the day
--     it was adopted ('vastgesteld'); created_at (UTC), created_by.
--   data_version, logic_version, threshold, min_width: the key of the derived results it was made
--     from (publication/sql/derived_version.sql), stored in the same file under that key.
--   submissions_in_force, latest_submission_id, latest_load, synthetic: etl.queries.DataVersion of
--     that data version, as the source lines of exports quote it.
--   extra_hidden: registry ids hidden on top of the derived results so that differencing this
--     release with earlier ones reveals nothing small (publication.version_audit).
CREATE TABLE IF NOT EXISTS release (
    release_id VARCHAR PRIMARY KEY,
    name VARCHAR NOT NULL,
    release_date DATE NOT NULL,
    created_at TIMESTAMP NOT NULL,
    created_by VARCHAR NOT NULL,
    data_version INTEGER NOT NULL,
    logic_version INTEGER NOT NULL,
    threshold INTEGER NOT NULL,
    min_width DOUBLE NOT NULL,
    submissions_in_force INTEGER NOT NULL,
    latest_submission_id VARCHAR,
    latest_load TIMESTAMP,
    synthetic BOOLEAN NOT NULL,
    extra_hidden VARCHAR[] NOT NULL
);
