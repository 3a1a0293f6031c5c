-- The capture-recapture estimate (publication.underreporting.MseResult), every field of it, one
-- row per number or text. Holds no count the pages do not show (registered cases enter only as
-- far as protection allows; see publication.underreporting).
--   model: 'result' (estimable, reason, n_observed, stepwise_model, years, linked_cases,
--     registrations, without_key and the display the inversion check chose) or 'headline'
--     (analysis.model_averaging.ModelAverage: the AIC-weighted average over every estimable
--     log-linear model with its MATA interval, and every model in 'models.*').
--   year: NULL (all years are pooled; there is no estimate per year).
--   statistic: the field, as a path into the object: 'n_hat', 'lower', 'upper', 'level'
--     (what the interval covered in the calibration study), 'nominal_level',
--     'models.interactions', 'models.n_hat', 'models.se', 'models.weight', ...
--   position: where in nested sequences the row sits ([] for a single value; [2] the third model
--     in 'models.*' or the third year of 'years'). name: the key within a mapping (unused now).
--   value: a number (booleans as 0/1), text: a text; both NULL for a missing value (None).
-- The headline estimate and its interval, for example:
--   SELECT model, statistic, value, text FROM model_output
--   WHERE model = 'headline' AND statistic IN ('n_hat', 'lower', 'upper', 'level', 'method')
--   (with the key of the newest complete row of derived_version).
CREATE TABLE IF NOT EXISTS model_output (
    data_version INTEGER NOT NULL,
    logic_version INTEGER NOT NULL,
    threshold INTEGER NOT NULL,
    min_width DOUBLE NOT NULL,
    model VARCHAR NOT NULL,
    year INTEGER,
    statistic VARCHAR NOT NULL,
    position INTEGER[] NOT NULL,
    name VARCHAR,
    value DOUBLE,
    text VARCHAR
);
