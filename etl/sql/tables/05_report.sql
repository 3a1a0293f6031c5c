-- Every validated report row of every submission, current or superseded (see v_reports for current).
-- submission_id has no REFERENCES submission: DuckDB checks a foreign key row by row (about
-- 0.1 s per million rows at COMMIT), and etl/loading.py writes a submission and its rows in one
-- transaction. A warehouse created before keeps its foreign key until `etl rebuild`.
CREATE TABLE IF NOT EXISTS report (
    submission_id VARCHAR NOT NULL,
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
