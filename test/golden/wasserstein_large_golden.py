#!/usr/bin/python3
"""Golden values for wasserstein() on samples whose squares overflow a float64 (>= 1e154).

Run with Debian's Python:  /usr/bin/python3 test/golden/wasserstein_large_golden.py
Writes test/golden/wasserstein_large.json. There np.std(reference) is inf, so Evidently's normed
distance wasserstein_distance / np.std(reference) collapses to 0. The normed distance is
scale-invariant and dividing by a power of two is exact, so the reference value is computed on the
samples divided by 2^floor(log2(max |x|)); the raw distance is scipy's on the original samples.
Library versions are recorded. Deterministic (seeded).
"""
import os
import sys

import numpy as np
from scipy import stats

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _common import clean, versions, write_json  # noqa: E402

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "wasserstein_large.json")
rng = np.random.default_rng(20261205)


def case(name, ref, cur):
    scale = 2.0 ** np.floor(np.log2(max(np.abs(ref).max(), np.abs(cur).max())))
    with np.errstate(over="ignore"):
        numpy_std = float(np.std(ref))
    sd = float(np.std(ref / scale)) * scale
    return {"name": name, "reference": ref, "current": cur,
            "wasserstein": float(stats.wasserstein_distance(ref, cur)),
            "reference_std": sd,
            "numpy_std": numpy_std,
            "wasserstein_normed": float(stats.wasserstein_distance(ref / scale, cur / scale)
                                        / np.std(ref / scale))}


cases = [
    case("normal_1e154", rng.normal(0, 1, 60) * 1e154, rng.normal(0.5, 1, 45) * 1e154),
    case("shifted_1e200", rng.normal(3, 1, 80) * 1e200, rng.normal(3.2, 1.1, 70) * 1e200),
    case("lognormal_1e300", rng.lognormal(0, 1, 50) * 1e300, rng.lognormal(0.2, 1, 50) * 1e300),
    case("negative_1e250", rng.normal(-5, 2, 40) * 1e250, rng.normal(-5, 2, 40) * 1e250),
]
write_json(OUT, clean({"generator": "test/golden/wasserstein_large_golden.py",
                       "versions": versions("python", "numpy", "scipy"), "cases": cases}))
print(f"wrote {OUT} ({len(cases)} cases)")
