-- The protected tables of a publication (publication.protected.Publication.tables), one row per
-- table in the publication's order; their cells are in published_cell.
--   table_name: 'measure:breakdown' (discrimination:channel, all:total, letter:committee, ...).
--   is_series: a series (one value per row label) rather than a cross-table.
--   row_dimension, column_dimension: what the labels are (year, channel, department_group, ...);
--     column_dimension is NULL for a series. series_name: the name of a series.
CREATE TABLE IF NOT EXISTS published_table (
    data_version INTEGER NOT NULL,
    logic_version INTEGER NOT NULL,
    threshold INTEGER NOT NULL,
    min_width DOUBLE NOT NULL,
    table_name VARCHAR NOT NULL,
    table_position INTEGER NOT NULL,
    is_series BOOLEAN NOT NULL,
    row_dimension VARCHAR,
    column_dimension VARCHAR,
    series_name VARCHAR
);
