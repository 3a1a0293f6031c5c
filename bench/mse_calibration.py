"""Calibration of the capture-recapture headline in the product's own regime: coverage, bias and width
for known N, four lists, low capture, heterogeneity and referrals; results into docs/mse.md.

    python -m bench mse-calibration [--replications 200] [--boot-replications 40] [--write]

Every data set is drawn case by case: a latent class of catchability per case (some people
report anywhere more readily), then each channel with its probability times the class factor,
the meldpunt more likely after the integrity coordinator and the complaints committee more
likely after the confidential adviser (referrals). Each method is run on the same data sets.
"""

from __future__ import annotations

import argparse
import math
import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import numpy as np
from scipy import stats

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from analysis import model_averaging as ma  # noqa: E402  (runs as a script from any directory)
from analysis import mse  # noqa: E402
from bench import mse_study  # noqa: E402

DOC = ROOT / "docs" / "mse.md"
START_MARK = "<!-- calibration:start -->"
END_MARK = "<!-- calibration:end -->"
LEVEL = 0.95
LISTS = ("IC", "MP", "VP", "KC")
# The methods compared, in table order; "bic_bca" only on the first boot_replications data sets.
METHODS = {
    "headline": "headline: AIC-weighted average, MATA interval at nominal "
    f"{100 * ma.HEADLINE_NOMINAL_LEVEL:.0f} %",
    "aic_mata": "AIC-weighted average, MATA interval",
    "bic_mata": "BIC-weighted average, MATA interval",
    "aic_best_lognormal": "smallest AIC, log-normal interval",
    "stepwise_profile": "stepwise (0.02), profile interval",
    "independence_lognormal": "independence, log-normal interval",
    "bic_bca": "smallest BIC, BCa bootstrap (B = 300, choice repeated)",
}
BCA_REPLICATES = 300  # as publication/underreporting.py used it

# The demo warehouse's capture histories (IC, MP, VP, KC; `etl load data/demo`, then
# etl.queries.capture_histories, all years pooled), for the scenario drawn from its own fit.
DEMO_COUNTS = {
    (0, 0, 0, 1): 19,
    (0, 0, 1, 0): 139,
    (0, 0, 1, 1): 8,
    (0, 1, 0, 0): 27,
    (0, 1, 1, 0): 3,
    (1, 0, 0, 0): 76,
    (1, 0, 1, 0): 25,
    (1, 0, 1, 1): 13,
    (1, 1, 0, 0): 6,
}


@dataclass(frozen=True)
class Scenario:
    """N cases; list probabilities (IC, MP, VP, KC) for a case of average catchability;
    MP after IC and KC after VP are referral probabilities; classes: (share, factor) pairs whose
    share-weighted factors average 1 (heterogeneity); demo_fit: draw multinomially from the AIC-best
    model fitted to the demo table instead (N = its estimate)."""

    name: str
    population: int
    p: tuple[float, float, float, float] = (0.04, 0.01, 0.05, 0.008)
    mp_after_ic: float = 0.01
    kc_after_vp: float = 0.008
    classes: tuple[tuple[float, float], ...] = ((1.0, 1.0),)
    demo_fit: bool = False


HETEROGENEOUS = ((0.2, 3.0), (0.8, 0.5))
STRONGLY_HETEROGENEOUS = ((0.1, 6.0), (0.9, 4.0 / 9.0))
LOW = (0.025, 0.006, 0.035, 0.006)

SCENARIOS = (
    Scenario("independent lists, one class", 2000),
    Scenario("referrals, one class", 2000, mp_after_ic=0.25, kc_after_vp=0.15),
    Scenario("referrals, two classes", 600, mp_after_ic=0.25, kc_after_vp=0.15,
             classes=HETEROGENEOUS),
    Scenario("referrals, two classes", 2000, mp_after_ic=0.25, kc_after_vp=0.15,
             classes=HETEROGENEOUS),
    Scenario("referrals, two classes, low capture", 5000, LOW, 0.25, 0.15, HETEROGENEOUS),
    Scenario("referrals, strong heterogeneity", 3000, LOW, 0.25, 0.15, STRONGLY_HETEROGENEOUS),
    Scenario("the demo table's own AIC-best fit", 0, demo_fit=True),
)  # fmt: skip


def demo_table() -> mse.CaptureTable:
    histories = mse._all_histories(4)
    counts = np.array([DEMO_COUNTS.get(tuple(int(v) for v in h), 0) for h in histories])
    return mse.CaptureTable(LISTS, histories, counts.astype(np.int64))


def _demo_model() -> tuple[int, np.ndarray]:
    """N (rounded) and the probabilities of the 16 histories (unseen first) of the demo's best fit."""
    table = demo_table()
    best = mse.select_model(table, "aic").fit
    fitted = np.array(best.fitted)
    cells = np.concatenate([[best.unobserved], fitted])
    return round(best.n_hat), cells / cells.sum()


def population_of(scenario: Scenario) -> int:
    return _demo_model()[0] if scenario.demo_fit else scenario.population


def draw_table(scenario: Scenario, generator: np.random.Generator) -> mse.CaptureTable:
    if scenario.demo_fit:
        population, probabilities = _demo_model()
        return mse_study.multinomial_table(LISTS, population, probabilities, generator)
    size = scenario.population
    shares = np.array([share for share, _ in scenario.classes])
    factors = np.array([factor for _, factor in scenario.classes])
    factor = factors[generator.choice(len(shares), size=size, p=shares / shares.sum())]
    p_ic, p_mp, p_vp, p_kc = scenario.p
    ic = mse_study.on_list(generator, p_ic, factor)
    mp = mse_study.on_list(generator, np.where(ic == 1, scenario.mp_after_ic, p_mp), factor)
    vp = mse_study.on_list(generator, p_vp, factor)
    kc = mse_study.on_list(generator, np.where(vp == 1, scenario.kc_after_vp, p_kc), factor)
    return mse_study.table_of_cases(LISTS, [ic, mp, vp, kc])


def _bic_n_hat(table: mse.CaptureTable, starts: dict) -> float:
    fits = ma._fit_all(table, starts)
    if not fits.labels:
        raise mse.NotEstimableError("no model")
    criterion = fits.criterion("bic")
    # mse.information_criterion_fit: smallest BIC, ties to fewer parameters.
    best = min(range(len(criterion)), key=lambda k: (criterion[k], fits.n_parameters[k]))
    return float(fits.n_hat[best])


def bic_bca(table: mse.CaptureTable, seed: int, n_boot: int = BCA_REPLICATES) -> tuple:
    """mse.bca_bootstrap_interval(table, "bic", n_boot=n_boot) with the faster fitter of
    analysis.model_averaging (same estimates; warm starts): population resampling, the BIC
    choice repeated in every replicate, jackknife acceleration."""
    starts: dict = {}
    estimate = _bic_n_hat(table, starts)
    generator = np.random.default_rng(seed)
    n_observed = table.n_observed
    shares = table.counts / n_observed
    population = max(round(estimate), n_observed)
    seen = generator.binomial(population, n_observed / max(estimate, n_observed), n_boot)
    replicates = []
    for seen_now in seen:
        counts = generator.multinomial(seen_now, shares)
        if counts.sum() == 0:
            continue
        try:
            replicates.append(_bic_n_hat(table.with_counts(counts), dict(starts)))
        except mse.NotEstimableError:
            continue
    if len(replicates) < n_boot // 2:
        return None
    weights, jack = [], []
    for index, count in enumerate(table.counts):
        if count == 0:
            continue
        counts = table.counts.copy()
        counts[index] -= 1
        try:
            jack.append(_bic_n_hat(table.with_counts(counts), dict(starts)))
        except mse.NotEstimableError:
            continue
        weights.append(count)
    w, j = np.array(weights, float), np.array(jack)
    deviations = np.average(j, weights=w) - j
    spread = np.sum(w * deviations**2)
    acceleration = 0.0 if spread == 0 else float(np.sum(w * deviations**3) / (6 * spread**1.5))
    lower, upper, _ = mse._bca_quantiles(np.array(replicates), estimate, acceleration, LEVEL)
    return estimate, lower, upper


def one_dataset(task: tuple[int, int, int, bool]) -> dict:
    scenario_index, replicate, seed, with_bootstrap = task
    scenario = SCENARIOS[scenario_index]
    generator = np.random.default_rng(seed)
    table = draw_table(scenario, generator)
    result: dict = {"scenario": scenario_index, "n_observed": table.n_observed}
    started = time.perf_counter()
    try:
        fits = ma._fit_all(table)
    except mse.NotEstimableError:
        fits = None
    if fits is not None and fits.labels:
        for criterion in ("aic", "bic"):
            n_hat, lower, upper, _ = ma._average(fits, criterion, LEVEL)
            result[f"{criterion}_mata"] = (n_hat, lower, upper)
        result["headline"] = ma._average(fits, "aic", ma.HEADLINE_NOMINAL_LEVEL)[:3]
        aic = fits.criterion("aic")
        best = min(range(len(aic)), key=lambda k: (aic[k], fits.n_parameters[k]))
        n_hat, se = float(fits.n_hat[best]), float(fits.se[best])
        result["aic_best_lognormal"] = (n_hat, *mse.lognormal_limits(fits.n_observed, n_hat, se))
    result["seconds_average"] = time.perf_counter() - started
    for key, model, interval in (
        ("stepwise_profile", "stepwise", "profile"),
        ("independence_lognormal", "independence", "lognormal"),
    ):
        try:
            found = mse.estimate_population(table, model, interval)
            result[key] = (found.n_hat, found.lower, found.upper)
        except mse.NotEstimableError:
            result[key] = None
    if with_bootstrap:
        started = time.perf_counter()
        try:
            result["bic_bca"] = bic_bca(table, seed + 1)
        except mse.NotEstimableError:
            result["bic_bca"] = None
        result["seconds_bca"] = time.perf_counter() - started
    return result


def coverage_interval(hits: int, total: int, level: float = 0.95) -> tuple[float, float]:
    """Clopper-Pearson interval of a coverage: the Monte Carlo uncertainty of the study."""
    alpha = 1 - level
    low = 0.0 if hits == 0 else float(stats.beta.ppf(alpha / 2, hits, total - hits + 1))
    high = 1.0 if hits == total else float(stats.beta.ppf(1 - alpha / 2, hits + 1, total - hits))
    return low, high


def summarise(results: list[dict]) -> list[dict]:
    rows = []
    for index, scenario in enumerate(SCENARIOS):
        mine = [r for r in results if r["scenario"] == index]
        truth = population_of(scenario)
        seen = np.array([r["n_observed"] for r in mine])
        for method in METHODS:
            runs = [r for r in mine if method in r]
            found = [r[method] for r in runs if r[method] is not None]
            if not found:
                continue
            estimates = np.array([f[0] for f in found])
            hits = sum(lower <= truth <= upper for _, lower, upper in found)
            below = sum(upper < truth for _, _, upper in found)
            widths = np.array([upper - lower for _, lower, upper in found])
            rows.append(
                {
                    "scenario": scenario.name,
                    "N": truth,
                    "seen": float(np.mean(seen)),
                    "seen_share": float(np.mean(seen) / truth),
                    "method": method,
                    "data_sets": len(runs),
                    "estimable": len(found),
                    "coverage": hits / len(found),
                    "coverage_ci": coverage_interval(hits, len(found)),
                    "misses_below": below,
                    "misses_above": len(found) - hits - below,
                    "median_bias": float(np.median(estimates) / truth - 1),
                    "mean_bias": float(np.mean(estimates) / truth - 1),
                    "median_width": float(np.median(widths)) / truth,
                }
            )
    return rows


def percent(value: float, decimals: int = 0) -> str:
    return f"{100 * value:.{decimals}f}%" if math.isfinite(value) else "∞"


def markdown(rows: list[dict], settings: dict) -> str:
    lines = [
        START_MARK,
        "",
        f"Run of {settings['date']}: {settings['replications']} data sets per scenario "
        f"(BIC + BCa on the first {settings['boot_replications']} of them, {BCA_REPLICATES} "
        f"replicates each), nominal level 95 % unless said otherwise, {settings['workers']} worker processes, "
        f"{settings['seconds']:.0f} s in all; seed {settings['seed']}. Command: "
        f"`{settings['command']}`. Coverage is followed by its 95 % Clopper-Pearson Monte Carlo "
        "interval; misses are counted below / above N; bias is of the median estimate and "
        "width the median interval width, both relative to N.",
        "",
        "| scenario | N | seen | method | coverage (MC 95 %) | misses below/above | "
        "median bias | median width / N |",
        "|---|---:|---:|---|---|---:|---:|---:|",
    ]
    for row in rows:
        low, high = row["coverage_ci"]
        estimable = (
            "" if row["estimable"] == row["data_sets"] else f" ({row['estimable']} estimable)"
        )
        lines.append(
            f"| {row['scenario']} | {row['N']:,} | {row['seen']:.0f} "
            f"({percent(row['seen_share'])}) | {METHODS[row['method']]}{estimable} | "
            f"**{percent(row['coverage'])}** ({percent(low)}–{percent(high)}) | "
            f"{row['misses_below']}/{row['misses_above']} | {percent(row['median_bias'])} | "
            f"{row['median_width']:.2f} |"
        )
    headline = [row for row in rows if row["method"] == "headline"]
    worst = min(headline, key=lambda row: row["coverage"])
    claimed = ma.HEADLINE_CALIBRATED_LEVEL
    verdict = "holds" if worst["coverage"] >= claimed else "does NOT hold: lower the stated level"
    lines += [
        "",
        f"Lowest coverage of the headline: {percent(worst['coverage'])} "
        f"({percent(worst['coverage_ci'][0])}–{percent(worst['coverage_ci'][1])}) in "
        f"'{worst['scenario']}', N = {worst['N']:,}; the stated level "
        f"{percent(claimed)} (analysis.model_averaging.HEADLINE_CALIBRATED_LEVEL) {verdict}.",
        "",
        END_MARK,
    ]
    return "\n".join(lines)


def run(
    replications: int,
    boot_replications: int,
    seed: int,
    workers: int,
    scenarios: tuple[int, ...] | None = None,
) -> list[dict]:
    """All data sets of the chosen scenarios (default all), in a pool of `workers` processes."""
    chosen = range(len(SCENARIOS)) if scenarios is None else scenarios
    seeds = np.random.SeedSequence(seed).generate_state(len(SCENARIOS) * replications)
    tasks = [
        (s, r, int(seeds[s * replications + r]), r < boot_replications)
        for s in chosen
        for r in range(replications)
    ]
    if workers <= 1:
        return [one_dataset(task) for task in tasks]
    with ProcessPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(one_dataset, tasks, chunksize=2))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench mse-calibration", description=__doc__)
    add_arguments(parser)
    options = sys.argv[1:] if argv is None else argv
    return run_from(parser.parse_args(options), options)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--replications", type=int, default=300, help="data sets per scenario")
    parser.add_argument(
        "--boot-replications", type=int, default=25, help="of which with BIC + BCa (slow)"
    )
    parser.add_argument("--workers", type=int, default=min(2, os.cpu_count() or 1))
    parser.add_argument("--seed", type=int, default=20250614)
    parser.add_argument("--write", action="store_true", help="put the table into docs/mse.md")


def run_from(args: argparse.Namespace, options: list[str] | None = None) -> int:
    """Run the study as parsed; `options` are the command's options for the record (default:
    those after `python -m bench mse-calibration`)."""
    started = time.perf_counter()
    results = run(args.replications, args.boot_replications, args.seed, args.workers)
    rows = summarise(results)
    averages = [r["seconds_average"] for r in results]
    boots = [r["seconds_bca"] for r in results if "seconds_bca" in r]
    settings = {
        "date": date.today().isoformat(),
        "replications": args.replications,
        "boot_replications": min(args.boot_replications, args.replications),
        "workers": args.workers,
        "seed": args.seed,
        "seconds": time.perf_counter() - started,
        "command": " ".join(
            ["python -m bench mse-calibration", *(sys.argv[2:] if options is None else options)]
        ),
    }
    text = markdown(rows, settings)
    print(text)
    print(
        f"median seconds per data set: averaging {np.median(averages):.3f}"
        + (f", BIC + BCa {np.median(boots):.1f}" if boots else "")
    )
    if args.write:
        mse_study.write_between_marks(text, DOC, START_MARK, END_MARK)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
