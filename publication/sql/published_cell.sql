-- Every cell of every protected table, exactly as the product publishes it: safe to query and to
-- pass on (the numbers already passed the small-number protection; hidden ones are NULL).
--   row_label, column_label: the labels as text, 'Totaal' for totals; column_label is NULL in a
--     series. row_year, column_year: the label as a number where it is a year (NULL otherwise).
--   row_position, column_position: the order of the rows and columns in the table.
--   value: the published count; NULL where it is hidden.
--   status: 'published', 'primary' (1..T-1, hidden) or 'secondary' (hidden to protect another).
--   symbol: what a hidden cell shows ('<5', 'x'); '' for a published cell.
-- What a page shows, for example the discrimination reports per channel and year of the newest
-- complete results:
--   SELECT c.row_label AS channel, c.column_label AS year,
--          coalesce(c.value::VARCHAR, c.symbol) AS shown
--   FROM published_cell AS c
--   JOIN (SELECT * FROM derived_version WHERE status = 'complete'
--         ORDER BY data_version DESC LIMIT 1) AS v
--       USING (data_version, logic_version, threshold, min_width)
--   WHERE c.table_name = 'discrimination:channel'
--   ORDER BY c.row_position, c.column_position;
CREATE TABLE IF NOT EXISTS published_cell (
    data_version INTEGER NOT NULL,
    logic_version INTEGER NOT NULL,
    threshold INTEGER NOT NULL,
    min_width DOUBLE NOT NULL,
    table_name VARCHAR NOT NULL,
    row_position INTEGER NOT NULL,
    row_label VARCHAR NOT NULL,
    row_year INTEGER,
    column_position INTEGER,
    column_label VARCHAR,
    column_year INTEGER,
    value BIGINT,
    status VARCHAR NOT NULL CHECK (status IN ('published', 'primary', 'secondary')),
    symbol VARCHAR NOT NULL
);
