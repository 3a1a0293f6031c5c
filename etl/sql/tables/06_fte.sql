-- Denominators: workforce per department and year, from fte submissions.
CREATE TABLE IF NOT EXISTS fte (
    submission_id VARCHAR NOT NULL REFERENCES submission (submission_id),
    line_number INTEGER NOT NULL,
    department VARCHAR NOT NULL,
    year INTEGER NOT NULL,
    fte DOUBLE NOT NULL,
    employees INTEGER
);
