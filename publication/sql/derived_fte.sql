-- etl.queries.fte_by_group of the data version: fte per comparable ministry group and year, with
-- the number of ministries behind it, in order (position).
CREATE TABLE IF NOT EXISTS derived_fte (
    data_version INTEGER NOT NULL,
    logic_version INTEGER NOT NULL,
    threshold INTEGER NOT NULL,
    min_width DOUBLE NOT NULL,
    position INTEGER NOT NULL,
    department_group VARCHAR,
    year INTEGER,
    fte DOUBLE,
    departments BIGINT
);
