-- Current measures: the rows of the measures file in force per department and year.
CREATE OR REPLACE VIEW v_measures AS
SELECT
    m.department,
    m.year,
    m.kind,
    m.activities,
    m.participants,
    m.organisation,
    m.submission_id,
    m.line_number
FROM measure AS m
JOIN v_current_scope AS c
    ON c.submission_id = m.submission_id
    AND c.department = m.department
    AND c.year = m.year
    AND c.file_kind = 'maatregelen';
