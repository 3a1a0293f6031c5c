-- Every submission with what it covered and what replaced it, newest first.
CREATE OR REPLACE VIEW v_submission_history AS
SELECT
    s.submission_id,
    s.sequence_number,
    s.file_name,
    s.sha256,
    s.file_kind,
    s.row_count,
    s.report_count,
    s.loaded_at,
    s.loaded_by,
    s.synthetic,
    s.note,
    sc.department,
    sc.year,
    sc.channel,
    sc.report_count AS scope_report_count,
    sc.superseded_by,
    sc.superseded_at
FROM submission AS s
JOIN submission_scope AS sc ON sc.submission_id = s.submission_id
ORDER BY s.sequence_number DESC, sc.department, sc.year, sc.channel;
