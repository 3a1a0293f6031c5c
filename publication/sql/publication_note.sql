-- What a publication says besides its cells, one row per item in order (position):
--   kind 'year': a year the publication covers (year).
--   kind 'unavailable': a table of the fixed publication that cannot be protected for these data
--     (label: its table name; text_key: the base.texts key of the sentence saying so).
--   kind 'grouped_department': a ministry group shown only inside 'overige ministeries' in the
--     department tables (label: its code).
CREATE TABLE IF NOT EXISTS publication_note (
    data_version INTEGER NOT NULL,
    logic_version INTEGER NOT NULL,
    threshold INTEGER NOT NULL,
    min_width DOUBLE NOT NULL,
    kind VARCHAR NOT NULL CHECK (kind IN ('year', 'unavailable', 'grouped_department')),
    position INTEGER NOT NULL,
    label VARCHAR,
    text_key VARCHAR,
    year INTEGER
);
