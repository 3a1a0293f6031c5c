-- What each submission covers: (department, year, channel) for reports, (department, year) for fte
-- (channel '') and for measures (channel 'maatregelen', etl.contract.MEASURES_CHANNEL). A newer
-- submission of the same file_kind for the same scope sets superseded_by; history is never deleted.
CREATE TABLE IF NOT EXISTS submission_scope (
    submission_id VARCHAR NOT NULL REFERENCES submission (submission_id),
    file_kind VARCHAR NOT NULL,
    department VARCHAR NOT NULL,
    year INTEGER NOT NULL,
    channel VARCHAR NOT NULL,
    report_count BIGINT NOT NULL,
    superseded_by VARCHAR,
    superseded_at TIMESTAMP,
    PRIMARY KEY (submission_id, department, year, channel)
);
