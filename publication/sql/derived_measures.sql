-- etl.queries.current_measures of the data version: the measures in force per department, year
-- and kind (activities, participants), in order (position). Counts of activities, not of people
-- who reported.
CREATE TABLE IF NOT EXISTS derived_measures (
    data_version INTEGER NOT NULL,
    logic_version INTEGER NOT NULL,
    threshold INTEGER NOT NULL,
    min_width DOUBLE NOT NULL,
    position INTEGER NOT NULL,
    department VARCHAR,
    department_group VARCHAR,
    year INTEGER,
    kind VARCHAR,
    activities BIGINT,
    participants BIGINT
);
