#!/usr/bin/python3
"""Golden values for lib/stats/isotonic.ts and lib/estimate/cbpe.ts.

1. scikit-learn's IsotonicRegression(out_of_bounds="clip"): fitted values and predictions on
   inputs with ties, weights and points outside the fitted range.
2. CBPE (NannyML's confidence-based performance estimation) written out in numpy from NannyML's
   published formulas (nannyml/performance_estimation/confidence_based/metrics.py and
   nannyml/sampling_error/*): a hand-checkable binary case (8 reference rows, 4 window rows) and
   a seeded 3-class case. NannyML itself is not installed here; the formulas are restated, with
   its calibration (IsotonicRegression, out_of_bounds="clip") taken from scikit-learn.

Run: /usr/bin/python3 test/golden/cbpe_golden.py   (writes test/golden/cbpe.json)
"""
import os
import sys
from pathlib import Path

import numpy as np
from sklearn.isotonic import IsotonicRegression
from sklearn.metrics import auc

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _common import clean, versions, write_json  # noqa: E402

HERE = Path(__file__).resolve().parent
RANGE = 3  # nannyml.sampling_error.SAMPLING_ERROR_RANGE


def isotonic_cases():
    rng = np.random.default_rng(5)
    cases = []
    x = np.array([1, 2, 2, 3, 4, 4, 4, 5, 6, 7], dtype=float)
    y = np.array([1, 3, 2, 2, 5, 1, 3, 4, 4, 3], dtype=float)
    w = np.array([1, 2, 1, 1, 0.5, 1, 3, 1, 2, 1], dtype=float)
    xr = rng.uniform(0, 1, 60)
    yr = (rng.uniform(0, 1, 60) < xr).astype(float)
    at = [-1, 0, 0.5, 1.5, 2, 3.3, 4, 6.5, 7, 9]
    at_r = list(np.linspace(-0.1, 1.1, 25))
    for name, xs, ys, ws, ts in [
        ("ties", x, y, None, at),
        ("weights", x, y, w, at),
        ("binary_labels", xr, yr, None, at_r),
    ]:
        ir = IsotonicRegression(out_of_bounds="clip").fit(xs, ys, sample_weight=ws)
        cases.append({
            "name": name, "x": xs, "y": ys, "weights": ws,
            "fitted": ir.predict(xs), "at": ts, "predicted": ir.predict(np.array(ts)),
        })
    return cases


def estimate_roc_auc(p):
    # nannyml/performance_estimation/confidence_based/metrics.py, estimate_roc_auc
    thresholds = np.append(np.sort(p), 1)
    one_min = 1 - thresholds
    tp = np.cumsum(thresholds[::-1])[::-1]
    fp = np.cumsum(one_min[::-1])[::-1]
    fn = np.cumsum(np.insert(thresholds, 0, 0)[:-1])
    tn = np.cumsum(np.insert(one_min, 0, 0)[:-1])
    keep = np.diff(np.insert(thresholds, 0, -1)).astype(bool)
    tp, fp, fn, tn = tp[keep], fp[keep], fn[keep], tn[keep]
    return auc(fp / (fp + tn), tp / (tp + fn))


def auroc_components(y_true, p):
    # nannyml/sampling_error: observation-level rank gaps, variance and share of positives
    y_true = np.asarray(y_true).astype(int)
    p = np.asarray(p, dtype=float)
    if np.mean(y_true) > 0.5:
        y_true = abs(y_true - 1)
        p = 1 - p
    idx = np.argsort(p, kind="stable")
    y_sorted = y_true[idx]
    positive_ranks = y_sorted * np.arange(len(p))
    indexes = np.unique(positive_ranks)[1:]
    ser = np.array([index - i for i, index in enumerate(indexes)], dtype=float)
    n_pos = np.sum(y_sorted)
    return np.var(ser / (len(y_true) - n_pos)), n_pos / len(y_true)


def prf_components(y_true, y_pred, binary):
    tp = np.ones(np.sum((y_true == 1) & (y_pred == 1)))
    fp = np.zeros(np.sum((y_true == 0) & (y_pred == 1)))
    fn = np.zeros(np.sum((y_true == 1) & (y_pred == 0)))
    n = len(y_true)
    f1 = np.concatenate([tp, fn, fp])
    if binary:  # binary_classification.f1_sampling_error_components: correcting factor
        f1 = f1 * (len(f1) / ((len(fn) + len(fp)) * 0.5 + len(tp)))
    return {
        "precision": (np.var(np.concatenate([tp, fp])), np.sum(y_pred) / n),
        "recall": (np.var(np.concatenate([tp, fn])), np.sum(y_true) / n),
        "f1": (np.var(f1), len(f1) / n),
    }


def cbpe(ref_proba, ref_y, proba):
    k = ref_proba.shape[1]
    binary = k == 2
    classes = [1] if binary else list(range(k))
    fits = {c: IsotonicRegression(out_of_bounds="clip").fit(ref_proba[:, c], (ref_y == c).astype(float))
            for c in classes}

    def calibrate(p):
        if binary:
            p1 = fits[1].predict(p[:, 1])
            return np.stack([1 - p1, p1], axis=1)
        cal = np.stack([fits[c].predict(p[:, c]) for c in classes], axis=1)
        return cal / cal.sum(axis=1, keepdims=True)

    ref_pred = np.argmax(ref_proba, axis=1)
    sigma_acc = np.std((ref_pred == ref_y).astype(int))
    comps = []
    for c in classes:
        yt = (ref_y == c).astype(int)
        yp = (ref_pred == c).astype(int)
        d = prf_components(yt, yp, binary)
        d["roc_auc"] = auroc_components(yt, ref_proba[:, c])
        comps.append(d)

    cal = calibrate(proba)
    yhat = np.argmax(proba, axis=1)
    n = len(yhat)
    values = {"accuracy": np.mean(cal[np.arange(n), yhat])}
    per = {"precision": [], "recall": [], "f1": [], "roc_auc": []}
    for c in classes:
        q = cal[:, c]
        is_c = yhat == c
        tp, fp, fn = np.sum(q[is_c]), np.sum(1 - q[is_c]), np.sum(q[~is_c])
        per["precision"].append(tp / (tp + fp))
        per["recall"].append(tp / (tp + fn))
        per["f1"].append(2 * tp / (2 * tp + fp + fn))
        per["roc_auc"].append(estimate_roc_auc(q))
    for m, v in per.items():
        values[m] = np.mean(v)
    out = []
    for m in ["accuracy", "precision", "recall", "f1", "roc_auc"]:
        if m == "accuracy":
            se = sigma_acc / np.sqrt(n)
        elif binary:
            var, frac = comps[0][m]
            se = np.sqrt(var / (n * frac))
        else:
            se = np.sqrt(sum(c[m][0] / (n * c[m][1]) for c in comps)) / len(comps)
            if m == "roc_auc":
                se *= 1.2
        v = values[m]
        out.append({"metric": m, "value": v, "samplingError": se,
                    "lower": max(0.0, v - RANGE * se), "upper": min(1.0, v + RANGE * se)})
    return {"calibrated": cal, "estimates": out}


def cbpe_cases():
    # Binary, small enough to check by hand.
    p1 = np.array([0.1, 0.2, 0.35, 0.4, 0.6, 0.7, 0.8, 0.9])
    ref_proba = np.stack([1 - p1, p1], axis=1)
    ref_y = np.array([0, 0, 1, 0, 0, 1, 1, 1])
    w1 = np.array([0.15, 0.45, 0.65, 0.95])
    win = np.stack([1 - w1, w1], axis=1)
    cases = [{"name": "binary", "refProba": ref_proba, "refY": ref_y, "proba": win,
              **cbpe(ref_proba, ref_y, win)}]
    # Three classes, seeded softmax scores with noisy labels.
    rng = np.random.default_rng(11)
    logits = rng.normal(0, 1.5, (80, 3))
    ref_proba = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)
    ref_y = np.array([rng.choice(3, p=(0.6 * r + 0.4 / 3)) for r in ref_proba])
    wl = rng.normal(0, 1.0, (30, 3))
    win = np.exp(wl) / np.exp(wl).sum(axis=1, keepdims=True)
    cases.append({"name": "multiclass", "refProba": ref_proba, "refY": ref_y, "proba": win,
                  **cbpe(ref_proba, ref_y, win)})
    return cases


def main():
    doc = {
        "versions": versions("python", "numpy", "scikit-learn"),
        "isotonic": isotonic_cases(),
        "cbpe": cbpe_cases(),
    }
    write_json(HERE / "cbpe.json", clean(doc))


if __name__ == "__main__":
    main()
