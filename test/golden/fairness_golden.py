"""Golden values for lib/fairness: the published formulas, implemented in numpy (run with
/usr/bin/python3). fairlearn and AIF360 are not installable from Debian, so this script follows
their definitions as written in their sources and docs:

- fairlearn (fairlearn/metrics/_fairness_metrics.py, MetricFrame.difference/ratio): by-group
  selection rate, TPR, FPR; difference = max - min ("between_groups") or max |g - overall|
  ("to_overall"); ratio = min / max or min over groups of min(g/overall, overall/g);
  equalized odds combines the TPR and FPR values by max/min ("worst_case") or mean ("mean").
- AIF360 (aif360/metrics/classification_metric.py): with U the unprivileged rows and P the
  privileged ones, disparate_impact = SR_U / SR_P, statistical_parity_difference = SR_U - SR_P,
  equal_opportunity_difference = TPR_U - TPR_P, average_odds_difference =
  0.5 * ((FPR_U - FPR_P) + (TPR_U - TPR_P)), theil_index = mean((b/mu) ln(b/mu)) with
  b = y_pred - y_true + 1 and 0 ln 0 = 0.

Groups are the sorted combinations of the sensitive values that occur. Writes
test/golden/fairness.json (inputs and expected values; NaN as "NaN").

    /usr/bin/python3 test/golden/fairness_golden.py
"""
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _common import clean, versions, write_json  # noqa: E402

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fairness.json")


def groups_of(sensitive):
    names = list(sensitive.keys())
    keys = list(zip(*[sensitive[a] for a in names]))
    uniq = sorted(set(keys))
    labels = [" & ".join(str(v) for v in k) for k in uniq]
    index = {k: i for i, k in enumerate(uniq)}
    codes = np.array([index[k] for k in keys])
    return labels, codes


def rates(y, p):
    y, p = np.asarray(y), np.asarray(p)
    pos, neg = y == 1, y == 0
    sr = p.mean() if len(p) else np.nan
    tpr = p[pos].mean() if pos.any() else np.nan
    fpr = p[neg].mean() if neg.any() else np.nan
    return {"selection_rate": sr, "true_positive_rate": tpr, "false_positive_rate": fpr}


def diff_ratio(by_group, overall):
    v = np.asarray(by_group, dtype=float)
    between_d = v.max() - v.min()
    between_r = v.min() / v.max() if v.max() != 0 else np.nan
    to_d = np.abs(v - overall).max()
    r = v / overall
    r = np.where(r > 1, 1 / r, r)
    to_r = np.nanmin(r)
    return {"between_groups": (between_d, between_r), "to_overall": (to_d, to_r)}


def fairlearn_measures(y, p, codes, k):
    by = [rates(y[codes == g], p[codes == g]) for g in range(k)]
    overall = rates(y, p)
    out = {}
    agg = {}
    for rate in ["selection_rate", "true_positive_rate", "false_positive_rate"]:
        agg[rate] = diff_ratio([b[rate] for b in by], overall[rate])
    for method in ["between_groups", "to_overall"]:
        out[f"demographic_parity_difference/{method}"] = agg["selection_rate"][method][0]
        out[f"demographic_parity_ratio/{method}"] = agg["selection_rate"][method][1]
        out[f"equal_opportunity_difference/{method}"] = agg["true_positive_rate"][method][0]
        out[f"equal_opportunity_ratio/{method}"] = agg["true_positive_rate"][method][1]
        d = [agg["true_positive_rate"][method][0], agg["false_positive_rate"][method][0]]
        r = [agg["true_positive_rate"][method][1], agg["false_positive_rate"][method][1]]
        out[f"equalized_odds_difference/{method}/worst_case"] = max(d)
        out[f"equalized_odds_difference/{method}/mean"] = float(np.mean(d))
        out[f"equalized_odds_ratio/{method}/worst_case"] = min(r)
        out[f"equalized_odds_ratio/{method}/mean"] = float(np.mean(r))
    return out, by, overall


def theil(y, p):
    b = np.asarray(p, dtype=float) - np.asarray(y, dtype=float) + 1
    mu = b.mean()
    # AIF360: np.mean(np.log((b / mu) ** b) / mu)
    return float(np.mean(np.log((b / mu) ** b) / mu))


def aif360_measures(y, p, labels, codes, privileged, unprivileged=None):
    priv = codes == labels.index(privileged)
    unpriv = ~priv if unprivileged is None else codes == labels.index(unprivileged)
    u, q = rates(y[unpriv], p[unpriv]), rates(y[priv], p[priv])
    return {
        "disparate_impact": u["selection_rate"] / q["selection_rate"],
        "statistical_parity_difference": u["selection_rate"] - q["selection_rate"],
        "equal_opportunity_difference": u["true_positive_rate"] - q["true_positive_rate"],
        "average_odds_difference": 0.5 * ((u["false_positive_rate"] - q["false_positive_rate"])
                                          + (u["true_positive_rate"] - q["true_positive_rate"])),
    }


def case(name, y, p, sensitive, aif):
    y, p = np.asarray(y), np.asarray(p)
    labels, codes = groups_of(sensitive)
    fl, by, overall = fairlearn_measures(y, p, codes, len(labels))
    aifs = [{"privileged": a[0], "unprivileged": a[1],
             "expected": aif360_measures(y, p, labels, codes, a[0], a[1])} for a in aif]
    return {
        "name": name,
        "yTrue": y.tolist(),
        "yPred": p.tolist(),
        "sensitive": {k: list(v) for k, v in sensitive.items()},
        "groups": labels,
        "counts": [int((codes == g).sum()) for g in range(len(labels))],
        "byGroup": by,
        "overall": overall,
        "fairlearn": fl,
        "aif360": aifs,
        "theil": theil(y, p),
    }


def main():
    cases = []
    # fairlearn's own doc example (common_fairness_metrics.rst): published values are
    # demographic parity difference 0.25 and ratio 0.666..., equalized odds difference 1.0 and
    # ratio 0.0.
    cases.append(case(
        "fairlearn_docs",
        [0, 1, 1, 1, 1, 0, 1, 0, 1, 0, 0, 0, 1, 1, 1, 1, 1, 1],
        [0, 0, 1, 0, 1, 1, 1, 0, 0, 1, 1, 1, 1, 0, 0, 1, 1, 0],
        {"sf": ['b', 'b', 'a', 'b', 'b', 'c', 'c', 'c', 'a',
                'a', 'c', 'a', 'b', 'c', 'c', 'b', 'c', 'c']},
        [("a", None), ("a", "b")],
    ))
    # Hand-checkable: group u selects 1/4, p selects 3/4; TPR 1/2 vs 1; FPR 0 vs 1/2.
    cases.append(case(
        "hand",
        [1, 1, 0, 0, 1, 1, 0, 0],
        [1, 0, 0, 0, 1, 1, 1, 0],
        {"g": ["u", "u", "u", "u", "p", "p", "p", "p"]},
        [("p", None), ("u", None)],
    ))
    rng = np.random.default_rng(20261205)
    for i in range(4):
        n = 600 + 200 * i
        race = rng.choice(["x", "y", "z"], size=n, p=[0.5, 0.3, 0.2])
        sex = rng.choice(["F", "M"], size=n)
        base = np.where(race == "x", 0.5, np.where(race == "y", 0.35, 0.3))
        y = (rng.random(n) < base).astype(int)
        skill = np.where(y == 1, 0.75, 0.25) + np.where(sex == "M", 0.05, -0.05)
        p = (rng.random(n) < skill).astype(int)
        sensitive = {"race": race.tolist()} if i % 2 == 0 else {"race": race.tolist(), "sex": sex.tolist()}
        priv = "x" if i % 2 == 0 else "x & M"
        cases.append(case(f"random_{i}", y, p, sensitive, [(priv, None), (priv, "z" if i % 2 == 0 else "z & F")]))
    write_json(OUT, clean({"versions": versions("python", "numpy"), "cases": cases}))


if __name__ == "__main__":
    main()
