-- The stable public view: current reports with provenance. Documented in docs/data-model.md.
CREATE OR REPLACE VIEW v_reports AS
SELECT
    r.department,
    r.year,
    r.channel,
    r.category,
    r.concerns_discrimination,
    r.ground,
    r.outcome,
    r.organisation,
    r.link_key,
    r.count,
    r.submission_id,
    r.line_number,
    s.file_name,
    s.sha256,
    s.loaded_at,
    s.loaded_by,
    s.synthetic
FROM report AS r
JOIN v_current_scope AS c
    ON c.submission_id = r.submission_id
    AND c.department = r.department
    AND c.year = r.year
    AND c.channel = r.channel
    AND c.file_kind = 'meldingen'
JOIN submission AS s ON s.submission_id = r.submission_id;
