-- Every validated report row of every submission, current or superseded (see v_reports for current).
CREATE TABLE IF NOT EXISTS report (
    submission_id VARCHAR NOT NULL REFERENCES submission (submission_id),
    line_number INTEGER NOT NULL,
    department VARCHAR NOT NULL,
    year INTEGER NOT NULL,
    channel VARCHAR NOT NULL,
    category VARCHAR,
    concerns_discrimination VARCHAR NOT NULL,
    ground VARCHAR,
    outcome VARCHAR,
    organisation VARCHAR,
    link_key VARCHAR,
    count INTEGER NOT NULL CHECK (count >= 0)
);
