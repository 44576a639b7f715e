"""Golden values for lib/drift/corrections.ts and lib/drift/data_driven_threshold.ts
(run with /usr/bin/python3: numpy 1.24, scipy 1.10.1).

Writes test/golden/dataset_drift.json:

- ``corrections``: p-value vectors (ties, ones, tiny values, unsorted, a single value) with their
  Bonferroni and Benjamini-Hochberg adjusted p-values. statsmodels is not installed and
  scipy.stats.false_discovery_control only exists from scipy 1.11 (this is 1.10.1), so both are
  computed by numpy re-implementations of statsmodels.stats.multitest.multipletests
  (method="bonferroni" and method="fdr_bh", is_sorted=False), written out below.
- ``data_driven``: NannyML-style thresholds: a reference sample split into k contiguous chunks
  (numpy.array_split, so the first n % k chunks hold one extra row), the two-sample KS statistic
  (scipy.stats.ks_2samp) of each chunk against the whole reference and against the rest of the
  reference, and mean +/- 3 * numpy.std(ddof=0) of those statistics, as
  nannyml.thresholds.StandardDeviationThreshold computes them (lower bound clipped at 0).

    /usr/bin/python3 test/golden/dataset_drift_golden.py
"""
import os
import sys

import numpy as np
from scipy import stats

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _common import clean, versions, write_json  # noqa: E402

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "dataset_drift.json")


def bonferroni(p):
    """statsmodels multipletests(method="bonferroni"): min(1, p * m)."""
    p = np.asarray(p, dtype=float)
    return np.minimum(p * p.size, 1.0)


def fdr_bh(p):
    """statsmodels multipletests(method="fdr_bh") corrected p-values, step by step as there:
    sort ascending, multiply the i-th smallest (1-based) by m / i, take the running minimum from
    the largest down, clip at 1, and undo the sort."""
    p = np.asarray(p, dtype=float)
    order = np.argsort(p)
    sorted_p = p[order]
    m = p.size
    ecdf_factor = np.arange(1, m + 1) / float(m)
    raw = sorted_p / ecdf_factor
    corrected = np.minimum.accumulate(raw[::-1])[::-1]
    corrected[corrected > 1] = 1
    out = np.empty_like(corrected)
    out[order] = corrected
    return out


def correction_cases():
    rng = np.random.default_rng(20261201)
    cases = [
        ("textbook", [0.01, 0.04, 0.03, 0.005, 0.2]),
        ("ties", [0.02, 0.02, 0.02, 0.5, 0.001, 0.001]),
        ("ones and zero", [1.0, 0.0, 1.0, 0.3]),
        ("single", [0.03]),
        ("tiny", [1e-300, 1e-12, 0.049, 0.051]),
        ("uniform 40", rng.uniform(size=40).tolist()),
        ("mixed 25", np.concatenate([rng.uniform(0, 0.01, 10), rng.uniform(size=15)]).tolist()),
    ]
    return [
        {"name": name, "pValues": p, "bonferroni": bonferroni(p), "benjaminiHochberg": fdr_bh(p)}
        for name, p in cases
    ]


def data_driven_cases():
    rng = np.random.default_rng(7)
    out = []
    for name, x, k in [
        ("normal 200, 10 chunks", rng.normal(size=200), 10),
        ("normal 203, 7 chunks", rng.normal(2.0, 3.0, size=203), 7),
        ("trend 120, 4 chunks", np.linspace(0, 1, 120) + rng.normal(0, 0.05, 120), 4),
    ]:
        chunks = np.array_split(x, k)
        whole = [stats.ks_2samp(c, x).statistic for c in chunks]
        starts = np.cumsum([0] + [len(c) for c in chunks])
        rest = [
            stats.ks_2samp(c, np.concatenate([x[: starts[i]], x[starts[i + 1]:]])).statistic
            for i, c in enumerate(chunks)
        ]
        case = {"name": name, "reference": x, "chunks": k, "chunkSizes": [len(c) for c in chunks]}
        for label, s in [("whole", whole), ("rest", rest)]:
            s = np.asarray(s)
            mean, sd = s.mean(), s.std()
            case[label] = {
                "statistics": s,
                "mean": mean,
                "sd": sd,
                "lower": max(mean - 3 * sd, 0.0),
                "upper": mean + 3 * sd,
            }
        out.append(case)
    return out


def main():
    doc = {
        "versions": versions("numpy", "scipy"),
        "scipyHasFalseDiscoveryControl": hasattr(stats, "false_discovery_control"),
        "corrections": correction_cases(),
        "dataDriven": data_driven_cases(),
    }
    write_json(OUT, clean(doc))


if __name__ == "__main__":
    main()
