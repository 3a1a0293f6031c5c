-- The submissions a release rests on: every submission up to its data version, as
-- etl.queries.submission_history gave them then (file name, sha256 of the bytes, what it covers,
-- which later submissions up to that version replaced parts of it, and the note the department
-- gave, such as the reason of a replacement). Read by the revisions table
-- (publication.releases.revisions) to say which submissions changed a number.
CREATE TABLE IF NOT EXISTS release_submission (
    release_id VARCHAR NOT NULL,
    submission_id VARCHAR NOT NULL,
    sequence_number INTEGER NOT NULL,
    file_name VARCHAR NOT NULL,
    file_kind VARCHAR NOT NULL,
    sha256 VARCHAR NOT NULL,
    loaded_at TIMESTAMP,
    loaded_by VARCHAR,
    covers VARCHAR,
    replaced_by VARCHAR,
    fully_in_force BOOLEAN,
    note VARCHAR,
    PRIMARY KEY (release_id, submission_id)
);
