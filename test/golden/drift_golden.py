#!/usr/bin/python3
"""Golden values for the drift tests in lib/drift, from scipy.

Run with Debian's Python (it has numpy/scipy):  /usr/bin/python3 test/golden/drift_golden.py
Writes test/golden/drift.json: for each case the two input samples and scipy's outputs for
ks_2samp (auto / exact / asymp), wasserstein_distance (raw and normed by np.std(reference) floored
at 0.001, as Evidently), energy_distance, cramervonmises_2samp (auto / exact / asymptotic) and
anderson_ksamp (midrank); plus anderson_ksamp of k = 2…5 samples (midrank True and False) under
"anderson_ksamp". Library versions are recorded. Deterministic (seeded).
"""
import os
import sys
import warnings
from pathlib import Path

import numpy as np
from scipy import stats

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _common import versions, write_json  # noqa: E402

OUT = Path(__file__).with_name("drift.json")
rng = np.random.default_rng(20261201)


def case(name, ref, cur, methods=("auto", "exact", "asymp"), cvm=("auto",)):
    ref = np.asarray(ref, dtype=float)
    cur = np.asarray(cur, dtype=float)
    out = {"name": name, "reference": ref.tolist(), "current": cur.tolist()}
    ks = {}
    for m in methods:
        with warnings.catch_warnings(record=True) as w:
            warnings.simplefilter("always")
            r = stats.ks_2samp(ref, cur, method=m)
        ks[m] = {
            "statistic": float(r.statistic),
            "pvalue": float(r.pvalue),
            "location": float(r.statistic_location),
            "sign": int(r.statistic_sign),
            "warned": len(w) > 0,
        }
    out["ks"] = ks
    wd = stats.wasserstein_distance(ref, cur)
    out["wasserstein"] = float(wd)
    out["wasserstein_normed"] = float(wd / max(np.std(ref), 0.001))
    out["energy"] = float(stats.energy_distance(ref, cur))
    if min(len(ref), len(cur)) >= 2:
        c = {}
        for m in cvm:
            r = stats.cramervonmises_2samp(ref, cur, method=m)
            c[m] = {"statistic": float(r.statistic), "pvalue": float(r.pvalue)}
        out["cvm"] = c
    if len(np.unique(np.concatenate([ref, cur]))) >= 2 and len(ref) + len(cur) > 3:
        with warnings.catch_warnings(record=True) as w:
            warnings.simplefilter("always")
            r = stats.anderson_ksamp([ref, cur])
        msgs = [str(x.message) for x in w if "p-value" in str(x.message)]
        out["anderson"] = {
            "statistic": float(r.statistic),
            "critical": [float(v) for v in r.critical_values],
            "pvalue": float(r.pvalue),
            "warning": msgs[0] if msgs else None,
        }
    return out


cases = []
# small sizes: exact KS (equal and unequal sizes), exact CvM
for i, (n1, n2) in enumerate([(5, 5), (7, 5), (10, 12), (20, 20), (3, 17), (15, 9), (1, 4)]):
    shift = [0.0, 0.5, 1.5][i % 3]
    cases.append(case(f"small_{n1}x{n2}", rng.normal(0, 1, n1), rng.normal(shift, 1, n2),
                      cvm=("auto", "exact", "asymptotic") if min(n1, n2) >= 2 else ()))
# ties / integer data
for i, (n1, n2, k) in enumerate([(8, 6, 4), (30, 25, 5), (200, 150, 10), (1000, 800, 20),
                                 (12, 12, 3)]):
    ref = rng.integers(0, k, n1)
    cur = rng.integers(0, k, n2) + (i % 2)
    cases.append(case(f"ties_{n1}x{n2}_k{k}", ref, cur,
                      cvm=("auto", "exact", "asymptotic") if max(n1, n2) <= 20 else ("auto",)))
# medium sizes: normal, shifted, scaled, unequal
for name, n1, n2, mu, sd in [("same", 300, 300, 0, 1), ("shift", 500, 400, 0.2, 1),
                             ("scale", 400, 600, 0, 1.3), ("shift_small", 1000, 1000, 0.05, 1),
                             ("unequal", 2000, 137, 0.1, 1), ("big_shift", 250, 300, 2.0, 1)]:
    cases.append(case(f"normal_{name}_{n1}x{n2}", rng.normal(0, 1, n1), rng.normal(mu, sd, n2),
                      cvm=("auto", "asymptotic")))
# large sizes: auto KS switches to asymp (max > 10000)
for name, n1, n2, mu in [("large_same", 12000, 11000, 0.0), ("large_shift", 15000, 10001, 0.03),
                         ("large_unequal", 20000, 3000, 0.05)]:
    cases.append(case(name, rng.normal(0, 1, n1), rng.normal(mu, 1, n2),
                      methods=("auto", "asymp"), cvm=("auto",)))
# skewed data
cases.append(case("lognormal_700x650", rng.lognormal(0, 1, 700), rng.lognormal(0.1, 1, 650)))
# identical samples
same = rng.normal(0, 1, 50)
cases.append(case("identical_50", same, same.copy(), cvm=("auto", "asymptotic")))
# constant reference (normed Wasserstein uses the 0.001 floor)
cases.append(case("constant_reference", np.full(30, 2.0), rng.normal(2, 0.01, 25)))

# null distributions used by the tests (lib/stats/kolmogorov_distribution.ts, lib/drift/_cvm_distribution.ts)
from scipy import special  # noqa: E402
from scipy.stats._hypotests import _cdf_cvm_inf, _pval_cvm_2samp_exact  # noqa: E402
from scipy.stats._stats_py import _compute_prob_outside_square  # noqa: E402
from scipy.stats._stats_pythran import _compute_outer_prob_inside_method  # noqa: E402

kstwo = []
for n in [1, 2, 5, 10, 50, 140, 141, 500, 5000, 20000, 100000, 100001, 500000, 2000000]:
    xs = np.concatenate([rng.uniform(0, 1, 4), rng.uniform(0, min(1, 3 / np.sqrt(n)), 12),
                         [0.5 / n, 1 / n, 0.5, 1.0]])
    for x in xs:
        kstwo.append({"n": n, "x": float(x), "sf": float(stats.kstwo.sf(x, n)),
                      "smirnov": float(special.smirnov(n, x))})
exact = []
for _ in range(120):
    n1, n2 = int(rng.integers(1, 300)), int(rng.integers(1, 300))
    if rng.uniform() < 0.3:
        n2 = n1
    g = int(np.gcd(n1, n2))
    lcm = n1 // g * n2
    h = int(rng.integers(1, max(2, int(lcm * (1 if rng.uniform() < 0.3 else 0.3)))))
    p = (_compute_prob_outside_square(n1, h) if n1 == n2
         else _compute_outer_prob_inside_method(n1, n2, g, h))
    exact.append({"n1": n1, "n2": n2, "h": h, "p": float(p)})
bessel = [{"nu": nu, "x": x, "kv_scaled": float(np.exp(-x) * special.kv(nu, x))}
          for nu in (0.25, 0.75, 1.25) for x in (1e-3, 0.01, 0.1, 0.5, 1, 2, 5, 20, 100, 500)]
cvm_inf = [{"x": x, "cdf": float(_cdf_cvm_inf(x))}
           for x in (0.003, 0.01, 0.03, 0.05, 0.1, 0.2, 0.35, 0.5, 1, 2, 3, 5)]
cvm_exact = []
for m, n in [(2, 2), (3, 5), (5, 4), (6, 7), (10, 12), (4, 20), (20, 20)]:
    k, N = m * n, m + n
    for t in rng.uniform(0.02, 1.2, 3):  # T = U/(kN) − (4k−1)/(6N), so U from T
        u = float(np.round(k * N * (t + (4 * k - 1) / (6 * N)) * 4) / 4)
        cvm_exact.append({"u": u, "m": m, "n": n, "p": float(_pval_cvm_2samp_exact(u, m, n))})

ranks = []
for data in (rng.normal(0, 1, 50), rng.integers(0, 6, 80).astype(float), np.array([3.0, 3.0, 3.0]),
             np.array([2.5, -1.0, 2.5, 0.0, -1.0, 7.0])):
    ranks.append({"values": data.tolist(),
                  "ranks": stats.rankdata(data, method="average").tolist()})

# anderson_ksamp with k >= 2 samples (lib/drift/anderson_darling.ts andersonDarlingKSample), midrank
# True and False; generated after every case above, by their own RNG, so those stay unchanged
krng = np.random.default_rng(20261202)


def anderson_result(samples, midrank):
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        r = stats.anderson_ksamp(samples, midrank=midrank)
    msgs = [str(x.message) for x in w if "p-value" in str(x.message)]
    return {"statistic": float(r.statistic), "critical": [float(v) for v in r.critical_values],
            "pvalue": float(r.pvalue), "warning": msgs[0] if msgs else None}


def ksample_case(name, samples):
    samples = [np.asarray(x, dtype=float) for x in samples]
    return {"name": name, "samples": [x.tolist() for x in samples],
            "midrank": anderson_result(samples, True), "right": anderson_result(samples, False)}


same3 = krng.normal(0, 1, 40)
anderson_ksamp = [
    ksample_case("k2_ties_right", [krng.integers(0, 5, 25), krng.integers(0, 5, 18) + 1]),
    ksample_case("k3_same_unequal", [krng.normal(0, 1, n) for n in (30, 45, 61)]),
    ksample_case("k3_shift", [krng.normal(mu, 1, n) for mu, n in ((0, 40), (0.3, 35), (0.6, 50))]),
    ksample_case("k3_small", [krng.normal(0, 1, 2), krng.normal(0.5, 1, 3), krng.normal(1, 1, 2)]),
    ksample_case("k3_identical_capped", [same3, same3.copy(), same3.copy()]),
    ksample_case("k4_ties_unequal", [krng.integers(0, 6, n) + s
                                     for n, s in ((20, 0), (33, 0), (12, 1), (27, 0))]),
    ksample_case("k4_scale", [krng.normal(0, sd, n) for sd, n in ((1, 60), (1.2, 45), (0.8, 70),
                                                                  (1.5, 38))]),
    ksample_case("k4_far_floored", [krng.normal(mu, 1, 30) for mu in (0, 3, 6, 9)]),
    ksample_case("k5_unequal", [krng.normal(mu, 1, n) for mu, n in ((0, 10), (0.2, 20), (0, 15),
                                                                    (0.4, 40), (0.1, 8))]),
    ksample_case("k5_ties", [krng.integers(0, 4, n) for n in (15, 22, 9, 30, 17)]),
    ksample_case("k5_mixed_ties", [np.round(krng.normal(mu, 1, n), 1) for mu, n in
                                   ((0, 50), (0, 80), (0.1, 65), (0, 120), (0.2, 33))]),
    ksample_case("k3_large", [krng.normal(mu, 1, n) for mu, n in ((0, 1500), (0.02, 1100),
                                                                  (0.05, 1800))]),
]

doc = {
    "generator": "test/golden/drift_golden.py",
    "versions": versions("python", "numpy", "scipy"),
    "cases": cases,
    "distributions": {"kstwo": kstwo, "ks_exact": exact, "bessel_k": bessel,
                      "cvm_inf": cvm_inf, "cvm_exact": cvm_exact, "rankdata": ranks},
    "anderson_ksamp": anderson_ksamp,
}
write_json(OUT, doc, newline=False, separators=(",", ":"))
print(f"wrote {OUT} ({OUT.stat().st_size} bytes, {len(cases)} cases, "
      f"{len(anderson_ksamp)} k-sample cases)")
