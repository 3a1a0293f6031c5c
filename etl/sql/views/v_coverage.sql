-- What is delivered per (department, year, channel): 'delivered' or 'explicit_zero' (only zero rows).
-- Missing combinations have no row here; the query layer sets them against the expected grid.
CREATE OR REPLACE VIEW v_coverage AS
SELECT
    c.department,
    c.year,
    c.channel,
    CASE WHEN c.report_count = 0 THEN 'explicit_zero' ELSE 'delivered' END AS status,
    c.report_count,
    c.submission_id
FROM v_current_scope AS c
WHERE c.file_kind = 'meldingen';
