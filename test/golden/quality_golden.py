"""Golden values for lib/profile/profile.ts and lib/quality, from numpy and pandas (run with
/usr/bin/python3).

Writes test/golden/quality.json: the reference profile of the Iris numeric columns and of a
seeded synthetic column with missing values and ties (numpy mean, std with ddof=0, min, max,
numpy.quantile type 7, deciles as inner bin edges with ties collapsed, counts in right-open bins
with open outer edges, the uniform quantile sketch numpy.quantile(x, i/(m-1))), Iris species
counts, and pandas' duplicated() counts (NaN equal to NaN) and missing shares for a seeded
synthetic table. NaN is written as the string "NaN".

    /usr/bin/python3 test/golden/quality_golden.py
"""
import os
import sys

import numpy as np
import pandas as pd

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _common import clean, versions, write_json  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "quality.json")
IRIS = os.path.join(HERE, "..", "..", "data", "iris.csv")
LEVELS = {"p01": 0.01, "p05": 0.05, "p25": 0.25, "p50": 0.5, "p75": 0.75, "p95": 0.95, "p99": 0.99}


def numeric_profile(values, bins=10, sample_limit=None):
    x = np.sort(np.asarray(values, dtype=float))
    finite = x[np.isfinite(x)]
    inner = []
    for i in range(1, bins):
        q = float(np.quantile(finite, i / bins))
        if not inner or q > inner[-1]:
            inner.append(q)
    counts = np.bincount(np.searchsorted(inner, finite, side="right"), minlength=len(inner) + 1)
    out = {
        "nMissing": int(len(x) - len(finite)),
        "summary": {
            "count": int(len(finite)),
            "mean": float(np.mean(finite)),
            "std": float(np.std(finite)),
            "min": float(finite.min()),
            "max": float(finite.max()),
            "quantiles": {k: float(np.quantile(finite, p)) for k, p in LEVELS.items()},
        },
        "edges": inner,
        "binCounts": counts.tolist(),
    }
    if sample_limit is not None and len(finite) > sample_limit:
        m = sample_limit
        out["sketch"] = [float(np.quantile(finite, i / (m - 1))) for i in range(m)]
    return out


def main():
    iris = pd.read_csv(IRIS)
    rng = np.random.default_rng(20261201)
    synthetic = np.round(rng.normal(10.0, 3.0, 2000), 1)
    synthetic[rng.choice(2000, 137, replace=False)] = np.nan
    n = 500
    table = {
        "a": rng.integers(0, 3, n).astype(float),
        "b": rng.integers(0, 2, n).astype(float),
        "c": rng.choice(["x", "y", ""], n).tolist(),
    }
    table["a"][rng.choice(n, 40, replace=False)] = np.nan
    df = pd.DataFrame(table)
    missing_c = float((df["c"] == "").mean())
    golden = {
        "versions": versions("numpy", "pandas"),
        "iris": {
            col: numeric_profile(iris[col].to_numpy())
            for col in ["sepal_length", "sepal_width", "petal_length", "petal_width"]
        },
        "irisSpecies": {k: int(v) for k, v in iris["species"].value_counts(sort=False).items()},
        "irisDuplicates": int(iris.duplicated().sum()),
        "synthetic": {
            "values": synthetic,
            "profile": numeric_profile(synthetic, bins=7, sample_limit=101),
        },
        "table": {
            "columns": table,
            "duplicates": int(df.duplicated().sum()),
            "duplicatesAB": int(df.duplicated(subset=["a", "b"]).sum()),
            "missingShare": {"a": float(df["a"].isna().mean()), "b": 0.0, "c": missing_c},
        },
    }
    write_json(OUT, clean(golden))


main()
