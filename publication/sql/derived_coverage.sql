-- etl.coverage.coverage_table of the data version: one row per expected or delivered
-- (department, year, channel) with its status ('delivered', 'explicit_zero', 'missing'), in order
-- (position). report_count and submission_id are NULL where nothing was delivered.
CREATE TABLE IF NOT EXISTS derived_coverage (
    data_version INTEGER NOT NULL,
    logic_version INTEGER NOT NULL,
    threshold INTEGER NOT NULL,
    min_width DOUBLE NOT NULL,
    position INTEGER NOT NULL,
    department VARCHAR,
    year INTEGER,
    channel VARCHAR,
    status VARCHAR,
    report_count BIGINT,
    submission_id VARCHAR
);
