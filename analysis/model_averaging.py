"""Multiple systems estimation, headline: capture-history table in, model-averaged total with its interval out.

Frequentist model averaging (Burnham and Anderson 2002) over every estimable hierarchical
two-way log-linear model of analysis.mse, with Akaike weights, and the model-averaged tail-area
interval (MATA, Turek and Fletcher 2012) built from each model's log-normal (Chao 1987)
interval. It was chosen over BIC selection with a BCa bootstrap, stepwise selection with a
profile interval and a BIC-weighted average by the calibration study in bench/mse_calibration.py
(docs/mse.md, section 7): in the product's regime (four lists, 5-15 % of cases seen,
heterogeneous catchability, referrals between channels) it was the one whose interval kept its
coverage. `all_model_estimates` gives every estimable model with its own interval, for the
comparison beside the headline.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy import optimize, special

from analysis import mse

DEFAULT_LEVEL = 0.95
CRITERIA = ("aic", "bic")

# The calibration study (bench/mse_calibration.py, docs/mse.md section 8) found the MATA
# interval at nominal 95 % covering only 84 % where about 60 cases of 600 were seen with
# heterogeneous catchability, and 92-99 % elsewhere; at nominal 99 % it covered 91-100 % in every
# scenario (300 data sets each; lowest 91 %, Monte Carlo interval 87-94 %). So the headline is computed at nominal 99 % and stated as what it is known to cover:
# at least 90 %. `level` of a headline result is that calibrated figure, never the nominal one.
# Update both together when the study is rerun.
HEADLINE_METHOD = "aic_average_mata"
HEADLINE_NOMINAL_LEVEL = 0.99
HEADLINE_CALIBRATED_LEVEL = 0.90


# --------------------------------------------------------------------------------------------
# Fitting every model quickly
# --------------------------------------------------------------------------------------------


def _newton_poisson(
    design: np.ndarray, y: np.ndarray, start: np.ndarray | None
) -> tuple[np.ndarray, np.ndarray, float]:
    """Poisson maximum likelihood by Newton steps (the same estimate as mse._poisson_glm).

    Returns (beta, fitted means, Var(intercept)). Warm starts (the same model fitted to a
    similar table) need two or three steps instead of eight to ten; a step that lowers the
    log-likelihood is halved, as in mse._poisson_glm.
    """
    if start is None or start.shape[0] != design.shape[1]:
        # R's glm starts from mu = y + 0.1: one weighted least-squares step from there.
        mu = y + 0.1
        eta = np.log(mu)
        weighted = design.T * mu
        beta = np.linalg.solve(weighted @ design, weighted @ (eta + (y - mu) / mu))
    else:
        beta = start.copy()
    eta = np.clip(design @ beta, -700.0, 700.0)
    mu = np.exp(eta)
    log_likelihood = float(np.sum(y * eta - mu))
    for _ in range(100):
        information = (design.T * mu) @ design
        step = np.linalg.solve(information, design.T @ (y - mu))
        for _halving in range(30):
            new_beta = beta + step
            new_eta = np.clip(design @ new_beta, -700.0, 700.0)
            new_mu = np.exp(new_eta)
            new_log_likelihood = float(np.sum(y * new_eta - new_mu))
            if new_log_likelihood >= log_likelihood - 1e-10 * (float(y.sum()) + 1.0):
                break
            step = step / 2
        beta, mu, log_likelihood = new_beta, new_mu, new_log_likelihood
        if np.max(np.abs(step)) < 1e-9:
            break
    else:
        raise mse.NotEstimableError("The Poisson model did not converge.")
    information = (design.T * mu) @ design
    variance = float(np.linalg.inv(information)[0, 0])
    return beta, mu, variance


@dataclass(frozen=True, eq=False)
class _AllFits:
    """Every two-way model of a table: arrays over the models that are estimable."""

    labels: tuple[str, ...]
    empty: tuple[str, ...]
    pairs: tuple[tuple[mse.Pair, ...], ...]
    n_observed: int
    n_hat: np.ndarray
    se: np.ndarray
    log_likelihood: np.ndarray
    n_parameters: np.ndarray
    n_not_estimable: int
    betas: tuple[np.ndarray, ...]

    def criterion(self, name: str) -> np.ndarray:
        penalty = 2.0 if name == "aic" else math.log(self.n_observed)
        return -2 * self.log_likelihood + penalty * self.n_parameters


def _fit_all(table: mse.CaptureTable, starts: dict | None = None) -> _AllFits:
    """Fit every estimable hierarchical two-way model (mse.all_two_way_models).

    Estimability is checked as in mse (rank and the Fienberg-Rinaldo linear program, reused for
    a zero pattern seen before); log-likelihoods include the log(y!) terms, so AIC and BIC equal
    mse.MSEFit.aic and .bic. `starts` maps a model label to a warm start and is updated.
    """
    if table.n_lists > mse.MAX_LISTS_FOR_EXHAUSTIVE_SEARCH:
        raise ValueError(
            f"averaging over all models of {table.n_lists} lists is too slow; at most "
            f"{mse.MAX_LISTS_FOR_EXHAUSTIVE_SEARCH} lists"
        )
    labels, empty, pairs_list, n_hat, se, log_l, n_par, betas = [], [], [], [], [], [], [], []
    failed = 0
    n_observed = table.n_observed
    for pairs in mse.all_two_way_models(table.n_lists):
        layout = mse._layout(table, pairs)
        if not mse._check_layout(table, layout, reuse=True).estimable:
            failed += 1
            continue
        label = mse.format_interactions(pairs, table.list_names)
        start = None if starts is None else starts.get(label)
        try:
            beta, mu, variance = _newton_poisson(layout.design, layout.y, start)
        except (mse.NotEstimableError, np.linalg.LinAlgError):
            failed += 1
            continue
        if starts is not None:
            starts[label] = beta
        unseen = float(np.exp(beta[0]))
        y = layout.y
        labels.append(label)
        empty.append(
            mse.format_interactions(layout.empty_pairs, table.list_names)
            if layout.empty_pairs
            else ""
        )
        pairs_list.append(tuple(pairs))
        n_hat.append(n_observed + unseen)
        se.append(math.sqrt(unseen + unseen**2 * variance))
        log_l.append(float(np.sum(y * np.log(mu) - mu - special.gammaln(y + 1))))
        n_par.append(layout.design.shape[1] + len(layout.empty_pairs))
        betas.append(beta)
    return _AllFits(
        labels=tuple(labels),
        empty=tuple(empty),
        pairs=tuple(pairs_list),
        n_observed=n_observed,
        n_hat=np.array(n_hat),
        se=np.array(se),
        log_likelihood=np.array(log_l),
        n_parameters=np.array(n_par, dtype=float),
        n_not_estimable=failed,
        betas=tuple(betas),
    )


# --------------------------------------------------------------------------------------------
# Weights and the model-averaged tail-area interval
# --------------------------------------------------------------------------------------------


def akaike_weights(criteria: Sequence[float]) -> np.ndarray:
    """w_i = exp(-delta_i / 2) / sum_j exp(-delta_j / 2), delta_i = criterion_i - min criterion.

    With AIC these are Akaike weights (Burnham and Anderson 2002, section 2.9); with BIC the
    approximate posterior model probabilities under equal prior weights.
    """
    values = np.asarray(criteria, dtype=float)
    if values.size == 0:
        raise ValueError("no models to weigh")
    raw = np.exp(-(values - values.min()) / 2)
    return raw / raw.sum()


def log_scale(
    n_observed: float, n_hat: np.ndarray, se: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Each model's estimate on the scale of its log-normal interval (Chao 1987):
    theta = ln(N_hat - n) with standard error sigma = sqrt(ln(1 + se^2 / (N_hat - n)^2)).

    The log-normal interval of one model is exactly n + exp(theta -/+ z sigma); models with no
    unseen cases (N_hat = n) get theta = -inf and sigma = 0.
    """
    unseen = np.asarray(n_hat, dtype=float) - n_observed
    se = np.asarray(se, dtype=float)
    positive = unseen > 0
    theta = np.full(unseen.shape, -np.inf)
    sigma = np.zeros(unseen.shape)
    theta[positive] = np.log(unseen[positive])
    sigma[positive] = np.sqrt(np.log1p(se[positive] ** 2 / unseen[positive] ** 2))
    return theta, sigma


def mata_limits(
    theta: np.ndarray, sigma: np.ndarray, weights: np.ndarray, level: float = DEFAULT_LEVEL
) -> tuple[float, float]:
    """Model-averaged tail-area Wald limits (Turek and Fletcher 2012, equation 2).

    The lower limit L solves sum_i w_i (1 - Phi((theta_i - L) / sigma_i)) = alpha / 2 and the
    upper limit U solves sum_i w_i Phi((theta_i - U) / sigma_i) = alpha / 2, alpha = 1 - level:
    each model contributes its own tail area, weighted. With one model they are its Wald limits.
    A model with sigma = 0 contributes a point mass at theta_i.
    """
    theta = np.asarray(theta, dtype=float)
    sigma = np.asarray(sigma, dtype=float)
    weights = np.asarray(weights, dtype=float)
    alpha = 1 - level
    finite = np.isfinite(theta)

    def upper_tail(value: float) -> float:
        # sum_i w_i P(theta_i-distribution above value): decreasing in value.
        spread = np.where(sigma > 0, sigma, 1.0)
        tails = np.where(
            sigma > 0, special.ndtr((theta - value) / spread), (theta > value).astype(float)
        )
        return float(np.sum(weights[finite] * tails[finite]))

    low_bracket = float(np.min(theta[finite] - 40 * sigma[finite])) - 1.0
    high_bracket = float(np.max(theta[finite] + 40 * sigma[finite])) + 1.0

    def solve(target: float) -> float:
        # upper_tail(value) = target; upper_tail falls from sum(w finite) to 0.
        if upper_tail(low_bracket) < target:
            return -math.inf
        return float(
            optimize.brentq(lambda v: upper_tail(v) - target, low_bracket, high_bracket, xtol=1e-10)
        )

    lower = solve(1 - alpha / 2)
    upper = solve(alpha / 2)
    return lower, upper


# --------------------------------------------------------------------------------------------
# Results
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ModelEstimate:
    """One estimable two-way model, as a dot with its interval in a plot of all models.

    interactions: "A:B,B:C" or "independence". empty_overlaps: interactions fitted by the
    extended estimate ("" if none). n_parameters, aic, bic: as mse.MSEFit. delta: criterion
    minus the smallest. weight: its Akaike (or BIC) weight. n_hat, se: its estimate.
    lower, upper: its own interval at `level`, log-normal (Chao 1987) or, when asked,
    profile likelihood; it treats the model as known.
    """

    interactions: str
    empty_overlaps: str
    n_parameters: int
    aic: float
    bic: float
    delta: float
    weight: float
    n_hat: float
    se: float
    lower: float
    upper: float
    interval: str
    level: float


@dataclass(frozen=True)
class ModelAverage:
    """The model-averaged estimate of the total and its MATA interval.

    criterion: "aic" (Akaike weights) or "bic". n_observed: cases seen. n_hat: sum_i w_i N_hat_i
    (Burnham and Anderson 2002, eq. 4.1). lower, upper: the MATA limits transformed back,
    n + exp(L) and n + exp(U), at nominal_level. median: the MATA limit at 50 %, the
    middle of the averaged distribution (on the log scale the average is skewed by the large
    models). level: what the interval is known to cover in the product's regime (the
    calibration study), equal to nominal_level only where the study found that.
    models: every estimable model, best first. n_not_estimable: models skipped by the checks.
    effective_models: 1 / sum w_i^2, how many models share the weight.
    method: "aic_average_mata" or "bic_average_mata".
    """

    method: str
    criterion: str
    n_observed: int
    n_hat: float
    lower: float
    upper: float
    median: float
    nominal_level: float
    level: float
    models: tuple[ModelEstimate, ...]
    n_not_estimable: int
    effective_models: float
    list_names: tuple[str, ...]

    @property
    def best(self) -> ModelEstimate:
        return self.models[0]


def _model_entries(
    fits: _AllFits, criterion: str, level: float, table: mse.CaptureTable, interval: str
) -> tuple[tuple[ModelEstimate, ...], np.ndarray]:
    values = fits.criterion(criterion)
    weights = akaike_weights(values)
    aic, bic = fits.criterion("aic"), fits.criterion("bic")
    entries = []
    for k in range(len(fits.labels)):
        if interval == "profile":
            found = mse.profile_likelihood_interval(table, fits.pairs[k], level)
            lower, upper = found.lower, found.upper
        else:
            lower, upper = mse.lognormal_limits(
                fits.n_observed, float(fits.n_hat[k]), float(fits.se[k]), level
            )
        entries.append(
            ModelEstimate(
                interactions=fits.labels[k],
                empty_overlaps=fits.empty[k],
                n_parameters=int(fits.n_parameters[k]),
                aic=float(aic[k]),
                bic=float(bic[k]),
                delta=float(values[k] - values.min()),
                weight=float(weights[k]),
                n_hat=float(fits.n_hat[k]),
                se=float(fits.se[k]),
                lower=float(lower),
                upper=float(upper),
                interval=interval,
                level=level,
            )
        )
    order = sorted(range(len(entries)), key=lambda k: (values[k], entries[k].n_parameters))
    return tuple(entries[k] for k in order), weights


def all_model_estimates(
    table: mse.CaptureTable,
    *,
    criterion: str = "aic",
    level: float = DEFAULT_LEVEL,
    interval: str = "lognormal",
) -> tuple[ModelEstimate, ...]:
    """Every estimable two-way model with its estimate and own interval, best first.

    For the comparison beside the headline (a dot plot of all models): the full spread, not a
    range over models within 2 AIC of each other. interval: "lognormal" (fast) or "profile"
    (mse.profile_likelihood_interval per model; about a second for 64 models).
    """
    if criterion not in CRITERIA:
        raise ValueError(f"criterion must be one of {CRITERIA}, not {criterion!r}")
    if interval not in ("lognormal", "profile"):
        raise ValueError(f"interval must be 'lognormal' or 'profile', not {interval!r}")
    fits = _fit_all(table)
    if not fits.labels:
        raise mse.NotEstimableError("No two-way log-linear model is estimable for these data.")
    return _model_entries(fits, criterion, level, table, interval)[0]


def _average(fits: _AllFits, criterion: str, level: float) -> tuple[float, float, float, float]:
    """(n_hat, lower, upper, median) of the weighted models, without building the entries."""
    weights = akaike_weights(fits.criterion(criterion))
    theta, sigma = log_scale(fits.n_observed, fits.n_hat, fits.se)
    lower, upper = mata_limits(theta, sigma, weights, level)
    median = mata_limits(theta, sigma, weights, 0.0)[0]
    n = fits.n_observed

    def back(value: float) -> float:
        return n + math.exp(value) if value > -math.inf else float(n)

    return float(np.sum(weights * fits.n_hat)), back(lower), back(upper), back(median)


def model_average(
    table: mse.CaptureTable,
    criterion: str = "aic",
    *,
    level: float = DEFAULT_LEVEL,
    calibrated_level: float | None = None,
    starts: dict | None = None,
) -> ModelAverage:
    """Average N_hat over every estimable two-way model with AIC (or BIC) weights; MATA interval.

    calibrated_level: what the interval is known to cover (see HEADLINE_CALIBRATED_LEVEL);
    None means the nominal level is reported as is (for analysts' own checks).
    starts: warm starts per model label, updated (see _fit_all): for many similar tables, as the
    inversion check of publication.mse_disclosure fits.
    Raises mse.NotEstimableError when no model is estimable.
    """
    if criterion not in CRITERIA:
        raise ValueError(f"criterion must be one of {CRITERIA}, not {criterion!r}")
    if not 0 < level < 1:
        raise ValueError(f"level must be between 0 and 1, got {level!r}")
    fits = _fit_all(table, starts)
    if not fits.labels:
        raise mse.NotEstimableError("No two-way log-linear model is estimable for these data.")
    entries, weights = _model_entries(fits, criterion, level, table, "lognormal")
    n_hat, lower, upper, median = _average(fits, criterion, level)
    return ModelAverage(
        method=f"{criterion}_average_mata",
        criterion=criterion,
        n_observed=table.n_observed,
        n_hat=n_hat,
        lower=lower,
        upper=upper,
        median=median,
        nominal_level=level,
        level=level if calibrated_level is None else calibrated_level,
        models=entries,
        n_not_estimable=fits.n_not_estimable,
        effective_models=float(1 / np.sum(weights**2)),
        list_names=table.list_names,
    )


def headline_estimate(table: mse.CaptureTable, starts: dict | None = None) -> ModelAverage:
    """The estimate a page leads with: the method and nominal level the calibration study chose,
    with `level` the coverage that study found (HEADLINE_CALIBRATED_LEVEL). starts: as in
    model_average."""
    return model_average(
        table,
        "aic",
        level=HEADLINE_NOMINAL_LEVEL,
        calibrated_level=HEADLINE_CALIBRATED_LEVEL,
        starts=starts,
    )


__all__ = [
    "CRITERIA",
    "HEADLINE_CALIBRATED_LEVEL",
    "HEADLINE_METHOD",
    "HEADLINE_NOMINAL_LEVEL",
    "ModelAverage",
    "ModelEstimate",
    "akaike_weights",
    "all_model_estimates",
    "headline_estimate",
    "log_scale",
    "mata_limits",
    "model_average",
]
