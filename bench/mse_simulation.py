"""Simulation study of analysis.mse: coverage and bias for known N, results into docs/mse.md."""

from __future__ import annotations

import argparse
import itertools
import math
import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from analysis import mse  # noqa: E402  (the bench runs as a script from any directory)
from bench import mse_study  # noqa: E402

DOC = ROOT / "docs" / "mse.md"
START_MARK = "<!-- simulation:start -->"
END_MARK = "<!-- simulation:end -->"
LEVEL = 0.95
LISTS = ("A", "B", "C")
CHOICES = ("independence", "true model", "stepwise", "aic", "bic", "saturated")
BOOTSTRAPPED = ("stepwise", "bic")


@dataclass(frozen=True)
class Scenario:
    """Three lists A, B, C. A case is on A with p_a; on B with p_b_after_a when on A (a referral
    from channel A to channel B) and p_b otherwise; on C with p_c, independently; with
    `heterogeneity` > 0 every probability is scaled per case by a latent factor (some people
    report anywhere more readily), which no two-way model captures."""

    name: str
    population: int
    p_a: float
    p_b: float
    p_b_after_a: float
    p_c: float
    true_model: str
    heterogeneity: float = 0.0


SCENARIOS = (
    # N = 60 is the scale of the real register: 25 to 35 reports a year in the whole sector.
    Scenario("independent", 60, 0.30, 0.25, 0.25, 0.20, "independence"),
    Scenario("independent", 200, 0.30, 0.25, 0.25, 0.20, "independence"),
    Scenario("independent", 1000, 0.30, 0.25, 0.25, 0.20, "independence"),
    Scenario("referral A->B", 60, 0.30, 0.15, 0.55, 0.20, "A:B"),
    Scenario("referral A->B", 200, 0.30, 0.15, 0.55, 0.20, "A:B"),
    Scenario("referral A->B", 1000, 0.30, 0.15, 0.55, 0.20, "A:B"),
    Scenario("heterogeneous", 1000, 0.30, 0.25, 0.25, 0.20, "none", heterogeneity=1.0),
)


def cell_probabilities(scenario: Scenario) -> dict[tuple[int, ...], float]:
    p_a, p_c = scenario.p_a, scenario.p_c
    p_b = {0: scenario.p_b, 1: scenario.p_b_after_a}
    cells = {}
    for a, b, c in itertools.product((0, 1), repeat=3):
        cells[(a, b, c)] = (
            (p_a if a else 1 - p_a) * (p_b[a] if b else 1 - p_b[a]) * (p_c if c else 1 - p_c)
        )
    return cells


def draw_table(scenario: Scenario, generator: np.random.Generator) -> mse.CaptureTable:
    if scenario.heterogeneity > 0:
        # Log-normal frailty with mean 1 multiplies each case's probabilities of every list.
        sigma = scenario.heterogeneity
        frailty = generator.lognormal(-(sigma**2) / 2, sigma, scenario.population)
        on_a = mse_study.on_list(generator, scenario.p_a, frailty)
        p_b = np.where(on_a == 1, scenario.p_b_after_a, scenario.p_b)
        on_b = mse_study.on_list(generator, p_b, frailty)
        on_c = mse_study.on_list(generator, scenario.p_c, frailty)
        return mse_study.table_of_cases(LISTS, [on_a, on_b, on_c])
    cells = cell_probabilities(scenario)
    order = [(0, 0, 0), *[tuple(int(v) for v in h) for h in mse._all_histories(3)]]
    probabilities = [cells[h] for h in order]
    return mse_study.multinomial_table(LISTS, scenario.population, probabilities, generator)


def model_for(choice: str, scenario: Scenario) -> str:
    return scenario.true_model if choice == "true model" else choice


def one_dataset(task: tuple[int, int, int, bool, int]) -> dict:
    scenario_index, replicate, seed, with_bootstrap, n_boot = task
    scenario = SCENARIOS[scenario_index]
    generator = np.random.default_rng(seed)
    table = draw_table(scenario, generator)
    result = {"scenario": scenario_index, "replicate": replicate, "n_observed": table.n_observed}
    for choice in CHOICES:
        if choice == "true model" and scenario.true_model == "none":
            continue
        try:
            picked = mse.select_model(table, model_for(choice, scenario))
            profile = mse.profile_likelihood_interval(table, picked.fit.pairs, LEVEL)
            lognormal = mse.lognormal_interval(picked.fit, LEVEL)
            result[choice] = {
                "n_hat": picked.fit.n_hat,
                "model": picked.fit.interactions,
                "profile": (profile.lower, profile.upper),
                "lognormal": (lognormal.lower, lognormal.upper),
            }
        except mse.NotEstimableError:
            result[choice] = None
    if with_bootstrap:
        for choice in BOOTSTRAPPED:
            if result.get(choice) is None:
                continue
            try:
                bca = mse.bca_bootstrap_interval(
                    table, choice, level=LEVEL, n_boot=n_boot, seed=seed + 1
                )
                result[choice]["bca"] = (bca.lower, bca.upper)
            except mse.NotEstimableError:
                result[choice]["bca"] = None
    return result


def summarise(results: list[dict], replications: int) -> list[dict]:
    rows = []
    for index, scenario in enumerate(SCENARIOS):
        mine = [r for r in results if r["scenario"] == index]
        truth = scenario.population
        for choice in CHOICES:
            if choice == "true model" and scenario.true_model == "none":
                continue
            fitted = [r[choice] for r in mine if r.get(choice) is not None]
            estimates = np.array([f["n_hat"] for f in fitted])
            for interval in ("profile", "lognormal", "bca"):
                limits = [f.get(interval) for f in fitted if f.get(interval) is not None]
                if not limits:
                    continue
                covered = [lower <= truth <= upper for lower, upper in limits]
                widths = [upper - lower for lower, upper in limits]
                rows.append(
                    {
                        "scenario": scenario.name,
                        "N": truth,
                        "choice": "true model (" + scenario.true_model + ")"
                        if choice == "true model"
                        else choice,
                        "interval": interval,
                        "intervals": len(limits),
                        "estimable": len(fitted) / len(mine),
                        "mean_n_observed": float(np.mean([r["n_observed"] for r in mine])),
                        "relative_bias": float(np.mean(estimates) / truth - 1),
                        "median_relative_bias": float(np.median(estimates) / truth - 1),
                        "relative_rmse": float(np.sqrt(np.mean((estimates - truth) ** 2)) / truth),
                        "coverage": float(np.mean(covered)),
                        "median_width": float(np.median(widths)),
                    }
                )
    return rows


def percent(value: float, decimals: int = 1) -> str:
    return f"{100 * value:.{decimals}f}%"


def markdown(rows: list[dict], settings: dict) -> str:
    lines = [
        START_MARK,
        "",
        f"Run of {settings['date']}: {settings['replications']} data sets per scenario, BCa on the "
        f"first {settings['boot_replications']} of them with {settings['n_boot']} bootstrap "
        f"replicates (population resampling, model choice repeated), nominal level 95%, "
        f"{settings['workers']} worker processes, {settings['seconds']:.0f} s in all. Command: "
        f"`{settings['command']}`. Monte Carlo standard error of a coverage near 95% is about "
        f"{percent(math.sqrt(0.95 * 0.05 / settings['replications']))} for the profile and "
        f"log-normal rows and {percent(math.sqrt(0.95 * 0.05 / settings['boot_replications']))} "
        "for the BCa rows.",
        "",
        "| scenario | N | mean n seen | model choice | estimable | bias of mean N̂ | "
        "bias of median N̂ | rel. RMSE | interval | intervals | coverage | median width |",
        "|---|---:|---:|---|---:|---:|---:|---:|---|---:|---:|---:|",
    ]
    for row in rows:
        lines.append(
            f"| {row['scenario']} | {row['N']} | {row['mean_n_observed']:.0f} | {row['choice']} | "
            f"{percent(row['estimable'], 0)} | {percent(row['relative_bias'])} | "
            f"{percent(row['median_relative_bias'])} | {percent(row['relative_rmse'])} | "
            f"{row['interval']} | {row['intervals']} | {percent(row['coverage'])} | "
            f"{row['median_width']:.0f} |"
        )
    lines += ["", END_MARK]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--replications", type=int, default=500)
    parser.add_argument("--boot-replications", type=int, default=120)
    parser.add_argument("--n-boot", type=int, default=199)
    parser.add_argument("--workers", type=int, default=min(2, os.cpu_count() or 1))
    parser.add_argument("--seed", type=int, default=20240101)
    parser.add_argument("--write", type=Path, default=None, help="markdown file to update")
    args = parser.parse_args(argv)

    started = time.perf_counter()
    seeds = np.random.SeedSequence(args.seed).generate_state(len(SCENARIOS) * args.replications)
    tasks = [
        (
            s,
            r,
            int(seeds[s * args.replications + r]),
            r < args.boot_replications,
            args.n_boot,
        )
        for s in range(len(SCENARIOS))
        for r in range(args.replications)
    ]
    with ProcessPoolExecutor(max_workers=args.workers) as pool:
        # Small chunks: the first boot_replications data sets of each scenario carry the
        # bootstrap and take ten times longer, so large chunks leave one worker idle at the end.
        results = list(pool.map(one_dataset, tasks, chunksize=2))
    rows = summarise(results, args.replications)
    settings = {
        "date": date.today().isoformat(),
        "replications": args.replications,
        "boot_replications": min(args.boot_replications, args.replications),
        "n_boot": args.n_boot,
        "workers": args.workers,
        "seconds": time.perf_counter() - started,
        "command": "python bench/mse_simulation.py " + " ".join(argv or sys.argv[1:]),
    }
    text = markdown(rows, settings)
    print(text)
    if args.write is not None:
        mse_study.write_between_marks(text, args.write, START_MARK, END_MARK)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
