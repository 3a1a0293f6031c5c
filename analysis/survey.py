"""Survey statistics for the survey comparison (publication.survey_comparison): the Wilson interval
of a proportion and the '1 in X' rounding."""

from __future__ import annotations

import math

from scipy import stats

DEFAULT_LEVEL = 0.95


def round_one_in(ratio: float | None) -> float | None:
    """Round X of "about 1 in X" to two significant figures (466 -> 470, 33.3 -> 33, 4.67 -> 4.7).

    Two figures because the survey interval rarely supports a third. None for X < 1 (more
    reports than people with an experience) or an undefined X.
    """
    if ratio is None or not math.isfinite(ratio) or ratio < 1:
        return None
    digits = 1 - math.floor(math.log10(ratio))
    rounded = round(ratio, digits)
    return float(int(rounded)) if rounded >= 10 else rounded


def wilson_interval(
    proportion: float, effective_sample_size: float, level: float = DEFAULT_LEVEL
) -> tuple[float, float]:
    """Wilson score interval for a proportion p with (effective) sample size n*:

        centre = (p + z^2 / (2 n*)) / (1 + z^2 / n*)
        half   = z / (1 + z^2 / n*) * sqrt(p (1 - p) / n* + z^2 / (4 n*^2))

    Wilson rather than Wald because prevalences near 0 are common here and Wald then gives
    negative limits and poor coverage (Brown, Cai and DasGupta 2001); Wilson rather than Jeffreys
    because it has a closed form that can be checked by hand. n* may be non-integer and math.inf
    (a census: the interval is the point).
    """
    if math.isinf(effective_sample_size):
        return proportion, proportion
    z = float(stats.norm.ppf(0.5 + level / 2))
    z2_over_n = z * z / effective_sample_size
    centre = (proportion + z2_over_n / 2) / (1 + z2_over_n)
    half = (z / (1 + z2_over_n)) * math.sqrt(
        proportion * (1 - proportion) / effective_sample_size
        + z2_over_n / (4 * effective_sample_size)
    )
    # At p = 0 (or 1) the limit is exactly 0 (or 1); the subtraction would leave rounding dust.
    lower = 0.0 if proportion == 0 else max(0.0, centre - half)
    upper = 1.0 if proportion == 1 else min(1.0, centre + half)
    return lower, upper


__all__ = ["DEFAULT_LEVEL", "round_one_in", "wilson_interval"]
