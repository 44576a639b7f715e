"""Golden values for lib/charts' histogram (the distribution chart), from numpy.

Writes test/golden/charts.json: samples (normal, skewed, with ties and values on bin edges, a
constant sample) with numpy's `histogram_bin_edges(np.concatenate([ref, cur]), bins)` and
`histogram(x, edges)` counts for each sample. Vigil's distribution chart must bin exactly as
numpy does (half-open bins, last bin closed).

    /usr/bin/python3 test/golden/charts_golden.py
"""
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _common import versions, write_json  # noqa: E402

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "charts.json")


def case(name, ref, cur, bins):
    ref = np.asarray(ref, dtype=float)
    cur = np.asarray(cur, dtype=float)
    both = np.concatenate([ref, cur])
    edges = np.histogram_bin_edges(both, bins=bins)
    return {
        "name": name,
        "reference": ref.tolist(),
        "current": cur.tolist(),
        "bins": bins,
        "edges": edges.tolist(),
        "referenceCounts": np.histogram(ref, edges)[0].tolist(),
        "currentCounts": np.histogram(cur, edges)[0].tolist(),
    }


def main():
    rng = np.random.default_rng(20261201)
    cases = [
        case("normal shift", rng.normal(0, 1, 500), rng.normal(0.5, 1.2, 400), 20),
        case("skewed", rng.lognormal(0, 1, 300), rng.lognormal(0.2, 1, 300), 15),
        # Integers land exactly on edges: checks half-open bins and the closed last bin.
        case("ties on edges", rng.integers(0, 11, 200), rng.integers(0, 11, 150), 10),
        case("tiny range", 1e-9 * rng.normal(0, 1, 50), 1e-9 * rng.normal(0, 1, 50), 7),
    ]
    out = {
        "generator": "test/golden/charts_golden.py",
        "versions": versions("python", "numpy"),
        "cases": cases,
    }
    write_json(OUT, out, indent=1)


if __name__ == "__main__":
    main()
