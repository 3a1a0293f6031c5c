-- etl.queries.discrimination_cases_by_year of the data version: registrations and distinct cases
-- of discrimination per year, in order (position). RAW counts, not for publication as they are:
-- the pages pass them through publication.underreporting.protected_cases.
CREATE TABLE IF NOT EXISTS derived_cases (
    data_version INTEGER NOT NULL,
    logic_version INTEGER NOT NULL,
    threshold INTEGER NOT NULL,
    min_width DOUBLE NOT NULL,
    position INTEGER NOT NULL,
    year INTEGER,
    registrations BIGINT,
    cases BIGINT
);
