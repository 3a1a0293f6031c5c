-- The capture-recapture estimate (publication.underreporting.MseResult), every field of it, one
-- row per number or text. Holds no count the pages do not show (registered cases enter only as
-- far as protection allows; see publication.underreporting).
--   model: 'result' (estimable, reason, n_observed, linked_cases, years_shown), 'chosen' (BIC with
--     bootstrap interval), 'stepwise', 'independence' (analysis.mse.PopulationEstimate),
--     'model_range' (analysis.mse.ModelRange) or 'per_year' (analysis.mse.StratumEstimate).
--   year: the year of a 'per_year' row, NULL otherwise.
--   statistic: the field, as a path into the object: 'choice.fit.n_hat' (the estimate),
--     'interval.lower', 'interval.upper', 'choice.fit.interactions', 'n_hat' (per_year),
--     'models.fit.n_hat' (model_range), 'interval.bootstrap.replicates', ...
--   position: where in nested sequences the row sits ([] for a single value; [2] the third model
--     of the range or bootstrap replicate; [0, 3, 1] the second item of the fourth candidate of
--     the first stepwise step). name: the key within a mapping (coefficient names).
--   value: a number (booleans as 0/1), text: a text; both NULL for a missing value (None).
-- The estimate and its interval, for example:
--   SELECT model, statistic, value, text FROM model_output
--   WHERE model IN ('chosen', 'stepwise', 'independence')
--     AND statistic IN ('choice.fit.interactions', 'choice.fit.n_hat', 'interval.lower',
--                       'interval.upper')
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
