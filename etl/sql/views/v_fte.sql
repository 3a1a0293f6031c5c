-- Current denominators per department and year.
CREATE OR REPLACE VIEW v_fte AS
SELECT f.department, f.year, f.fte, f.employees, f.submission_id
FROM fte AS f
JOIN v_current_scope AS c
    ON c.submission_id = f.submission_id
    AND c.department = f.department
    AND c.year = f.year
    AND c.file_kind = 'fte';
