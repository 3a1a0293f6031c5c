-- The submission in force for each (kind, department, year, channel).
CREATE OR REPLACE VIEW v_current_scope AS
SELECT submission_id, file_kind, department, year, channel, report_count
FROM submission_scope
WHERE superseded_by IS NULL;
