-- Every validated row of every measures file ('maatregelen'), current or superseded (see
-- v_measures for current): per department, year and kind of measure (etl.contract.MEASURE_KINDS)
-- the number of activities (for 'vertrouwenspersonen': the confidential advisers at the end of the
-- year), the participants when known (NULL: not given), and the organisation when given.
CREATE TABLE IF NOT EXISTS measure (
    submission_id VARCHAR NOT NULL REFERENCES submission (submission_id),
    line_number INTEGER NOT NULL,
    department VARCHAR NOT NULL,
    year INTEGER NOT NULL,
    kind VARCHAR NOT NULL,
    activities INTEGER NOT NULL CHECK (activities >= 0),
    participants INTEGER CHECK (participants >= 0),
    organisation VARCHAR
);
