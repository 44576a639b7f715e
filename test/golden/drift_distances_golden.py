"""Golden values for the distribution distances and categorical drift tests of lib/drift, and for
the special functions of lib/stats/special.ts (run with /usr/bin/python3: numpy 1.24, scipy 1.10.1).

Writes test/golden/drift_distances.json. Each numeric case holds its raw inputs (NaN written as the
string "NaN") and, for several binnings, the bin edges and counts with the distances computed by
scipy / numpy on those counts, following Vigil's documented policy:

- quantile bins: interior edges numpy.quantile(ref, i / bins) (type 7) for i = 1..bins-1,
  duplicates collapsed, plus numpy.nextafter(max, inf) when the last edge equals the reference
  maximum; open outer edges; bins right-open [a, b) (numpy.searchsorted side="right");
- equal_width bins: numpy.linspace(ref.min(), ref.max(), bins + 1) with open outer edges;
- sturges_both: numpy.histogram_bin_edges(concat(ref, cur), bins="sturges") and numpy.histogram;
- PSI: proportions with 0 replaced by epsilon (1e-4), sum (c - r) * ln(c / r);
- Jensen-Shannon: scipy.spatial.distance.jensenshannon(cur_counts, ref_counts, base);
- KL: scipy.stats.entropy(pk, qk) of the epsilon-filled proportions, both directions;
- Hellinger: sqrt(sum((sqrt(p) - sqrt(q))^2) / 2).

    /usr/bin/python3 test/golden/drift_distances_golden.py
"""
import os
import sys
import warnings

import numpy as np
from scipy import special, stats
from scipy.spatial.distance import jensenshannon

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _common import clean, versions, write_json  # noqa: E402

warnings.simplefilter("ignore")
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "drift_distances.json")
EPS = 1e-4


def quantile_edges(ref, bins):
    interior = []
    for i in range(1, bins):
        q = float(np.quantile(ref, i / bins))
        if not interior or q > interior[-1]:
            interior.append(q)
    if interior and interior[-1] == ref[-1]:
        interior.append(float(np.nextafter(ref[-1], np.inf)))
    return np.array([-np.inf] + interior + [np.inf])


def open_counts(x, edges):
    idx = np.searchsorted(edges[1:-1], x, side="right")
    return np.bincount(idx, minlength=len(edges) - 1).astype(float)


def filled(counts, eps=EPS):
    p = counts / counts.sum()
    p[p == 0] = eps
    return p


def distances(ref_counts, cur_counts):
    r = ref_counts / ref_counts.sum()
    c = cur_counts / cur_counts.sum()
    fr, fc = filled(ref_counts), filled(cur_counts)
    return {
        "psi": float(np.sum((fc - fr) * np.log(fc / fr))),
        "js": float(jensenshannon(cur_counts, ref_counts)),
        "js2": float(jensenshannon(cur_counts, ref_counts, base=2)),
        "kl": float(stats.entropy(fc, fr)),
        "klReverse": float(stats.entropy(fr, fc)),
        "kl2": float(stats.entropy(fc, fr, base=2)),
        "hellinger": float(np.sqrt(np.sum((np.sqrt(c) - np.sqrt(r)) ** 2) / 2)),
    }


def numeric_case(name, ref, cur):
    rf = ref[np.isfinite(ref)]
    cf = cur[np.isfinite(cur)]
    rs = np.sort(rf)
    out = {"name": name, "reference": ref, "current": cur, "binnings": []}
    for binning, bins in [("quantile", 10), ("quantile", 4), ("equal_width", 8), ("sturges_both", 0)]:
        if binning == "quantile":
            edges = quantile_edges(rs, bins)
            rc, cc = open_counts(rf, edges), open_counts(cf, edges)
        elif binning == "equal_width":
            edges = np.linspace(rs[0], rs[-1], bins + 1) if rs[0] < rs[-1] else np.linspace(
                rs[0] - 0.5, rs[-1] + 0.5, bins + 1)
            edges[0], edges[-1] = -np.inf, np.inf
            rc, cc = open_counts(rf, edges), open_counts(cf, edges)
        else:
            edges = np.histogram_bin_edges(np.concatenate([rf, cf]), bins="sturges")
            rc = np.histogram(rf, edges)[0].astype(float)
            cc = np.histogram(cf, edges)[0].astype(float)
        entry = {"binning": binning, "bins": bins, "edges": edges, "referenceCounts": rc,
                 "currentCounts": cc}
        entry.update(distances(rc, cc))
        out["binnings"].append(entry)
    return out


def categorical_counts(ref, cur):
    keys = sorted({v for v in list(ref) + list(cur) if v is not None and v != ""})
    rc = np.array([sum(1 for v in ref if v == k) for k in keys], dtype=float)
    cc = np.array([sum(1 for v in cur if v == k) for k in keys], dtype=float)
    return keys, rc, cc


def categorical_case(name, ref, cur):
    keys, rc, cc = categorical_counts(ref, cur)
    out = {"name": name, "reference": ref, "current": cur, "categories": keys,
           "referenceCounts": rc, "currentCounts": cc}
    out.update(distances(rc, cc))
    n_ref, n_cur = rc.sum(), cc.sum()
    f_exp = rc / n_ref * n_cur
    gof = stats.chisquare(cc, f_exp)
    out["chiSquare"] = {"statistic": gof.statistic, "pValue": gof.pvalue}
    table = np.vstack([rc, cc])
    for correction in (True, False):
        chi2, p, dof, _ = stats.chi2_contingency(table, correction=correction)
        key = "contingency" if correction else "contingencyNoCorrection"
        out[key] = {"statistic": chi2, "pValue": p, "dof": dof}
    if len(keys) == 2:
        x1, x2 = rc[1], cc[1]
        p1, p2 = x1 / n_ref, x2 / n_cur
        pooled = (x1 + x2) / (n_ref + n_cur)
        z = (p2 - p1) / np.sqrt(pooled * (1 - pooled) * (1 / n_ref + 1 / n_cur))
        out["zTest"] = {"statistic": z, "pValue": 2 * stats.norm.sf(abs(z))}
    return out


def with_nan(rng, x, share):
    x = x.copy()
    x[rng.random(len(x)) < share] = np.nan
    return x


def special_values(rng):
    xs = np.concatenate([rng.uniform(-38, 38, 200), rng.uniform(-3, 3, 200), [0.0, 1e-300, 5, 10]])
    gamma = []
    for a in np.concatenate([rng.uniform(0.05, 5, 40), rng.uniform(5, 800, 40), [0.5, 1, 1.5, 2, 50]]):
        for f in (0.01, 0.5, 0.9, 1.0, 1.1, 2.0, 5.0):
            x = a * f
            gamma.append([a, x, special.gammainc(a, x), special.gammaincc(a, x)])
    chi2 = []
    for k in (1, 2, 3, 4, 5, 9, 10, 29, 100, 999):
        for x in (0.01, 0.5, 1.0, k * 0.5, k, k * 2.0, k + 40.0, 300.0):
            chi2.append([x, k, stats.chi2.sf(x, k)])
    lg = np.concatenate([rng.uniform(0.001, 3, 100), rng.uniform(3, 1e5, 100), [0.5, 1.5, 15, 100]])
    return {
        "x": xs, "erf": special.erf(xs), "erfc": special.erfc(xs), "ndtr": special.ndtr(xs),
        "normSf": stats.norm.sf(xs), "gamma": gamma, "chi2": chi2,
        "gammaln": [[v, special.gammaln(v)] for v in lg],
        "quantile": [[list(q), p, float(np.quantile(q, p))] for q, p in (
            (np.sort(rng.normal(size=n)), p) for n in (1, 2, 7, 100, 1001)
            for p in (0.0, 0.1, 0.25, 0.3, 0.5, 0.7, 0.9, 1.0))],
    }


def main():
    rng = np.random.default_rng(20240607)
    numeric = [
        numeric_case("normal shift", rng.normal(0, 1, 500), rng.normal(0.3, 1, 400)),
        numeric_case("normal same", rng.normal(0, 1, 300), rng.normal(0, 1, 300)),
        numeric_case("scale change with NaN", with_nan(rng, rng.normal(5, 2, 1000), 0.05),
                     with_nan(rng, rng.normal(5, 4, 700), 0.1)),
        numeric_case("integer ties", rng.integers(0, 6, 400).astype(float),
                     rng.integers(0, 9, 350).astype(float)),
        numeric_case("small", rng.normal(0, 1, 12), rng.normal(2, 1, 9)),
        numeric_case("constant reference", np.full(50, 3.0), rng.normal(3, 1, 40)),
        numeric_case("exponential vs lognormal", rng.exponential(1, 2000),
                     rng.lognormal(0, 0.7, 1500)),
    ]
    letters = np.array(list("abcdefg"))
    categorical = [
        categorical_case("seven categories", list(letters[rng.integers(0, 7, 600)]),
                         list(letters[rng.integers(0, 7, 500)])),
        categorical_case("unseen in current", list(letters[rng.integers(0, 3, 200)]),
                         list(letters[rng.integers(0, 5, 150)])),
        categorical_case("binary", list(np.array(["no", "yes"])[(rng.random(300) < 0.3).astype(int)]),
                         list(np.array(["no", "yes"])[(rng.random(250) < 0.4).astype(int)])),
        categorical_case("binary with missing",
                         [None if rng.random() < 0.1 else str(int(rng.random() < 0.5)) for _ in range(80)],
                         ["" if rng.random() < 0.1 else str(int(rng.random() < 0.6)) for _ in range(90)]),
        categorical_case("three categories small", ["x", "y", "z", "x", "x", "y"],
                         ["x", "z", "z", "z", "y"]),
    ]
    data = {
        "versions": versions("numpy", "scipy"),
        "epsilon": EPS,
        "numeric": numeric,
        "categorical": categorical,
        "special": special_values(rng),
    }
    write_json(OUT, clean(data), newline=False)
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
