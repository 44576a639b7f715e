"""Golden values for lib/metrics, from scikit-learn (run with /usr/bin/python3).

Writes test/golden/metrics.json: randomized binary, multiclass and regression cases (ties in
scores, imbalanced classes, a class never predicted, a class absent from y_true, perfect
predictions) with their inputs and scikit-learn's outputs. Expected calibration error and the
multiclass Brier score have no scikit-learn equivalent: they come from the numpy reference
implementations below. NaN and infinities are written as the strings "NaN", "Infinity",
"-Infinity" (JSON has no literal for them).

    /usr/bin/python3 test/golden/metrics_golden.py
"""
import os
import sys
import warnings

import numpy as np
from sklearn import metrics as M
from sklearn.calibration import calibration_curve
from sklearn.preprocessing import label_binarize

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _common import clean, versions, write_json  # noqa: E402

warnings.simplefilter("ignore")
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "metrics.json")


def ece_reference(y, proba, n_bins=10):
    """Equal-width ECE over the top-class probability; bin b holds (b/M, (b+1)/M]."""
    proba = np.asarray(proba, dtype=float)
    if proba.ndim == 1:
        pred = (proba > 0.5).astype(int)
        conf = np.where(pred == 1, proba, 1 - proba)
    else:
        pred = proba.argmax(axis=1)
        conf = proba.max(axis=1)
    edges = np.arange(n_bins + 1) / n_bins
    b = np.clip(np.searchsorted(edges, conf, side="left") - 1, 0, n_bins - 1)
    correct = (pred == np.asarray(y)).astype(float)
    ece, mce = 0.0, 0.0
    counts = []
    for m in range(n_bins):
        sel = b == m
        cnt = int(sel.sum())
        counts.append(cnt)
        if cnt == 0:
            continue
        gap = abs(correct[sel].mean() - conf[sel].mean())
        ece += cnt / len(conf) * gap
        mce = max(mce, gap)
    return {"value": ece, "maximum": mce, "counts": counts}


def prf_all(y, yp, k):
    out = {}
    for zd in ["warn", 0, 1]:
        for avg in [None, "macro", "micro", "weighted"] + (["binary"] if k == 2 else []):
            for beta in [1.0, 2.0]:
                p, r, f, s = M.precision_recall_fscore_support(
                    y, yp, labels=list(range(k)), average=avg, beta=beta, zero_division=zd
                )
                out[f"{avg}|{zd}|{beta}"] = {"precision": p, "recall": r, "fscore": f}
    return out


def label_metrics(y, yp, k):
    return {
        "confusion": M.confusion_matrix(y, yp, labels=list(range(k))),
        "accuracy": M.accuracy_score(y, yp),
        "balanced_accuracy": M.balanced_accuracy_score(y, yp),
        "mcc": M.matthews_corrcoef(y, yp),
        "prf": prf_all(y, yp, k),
    }


def binary_case(name, y, s, proba):
    """s: arbitrary scores for ranking; proba: probabilities of class 1 for the probability metrics."""
    y = np.asarray(y)
    fpr, tpr, thr = M.roc_curve(y, s)
    fpr_all, tpr_all, thr_all = M.roc_curve(y, s, drop_intermediate=False)
    prec, rec, pthr = M.precision_recall_curve(y, s)
    yp = (proba > 0.5).astype(int)
    case = {
        "name": name, "kind": "binary", "k": 2, "y": y, "scores": s, "proba": proba,
        "roc_curve": {"fpr": fpr, "tpr": tpr, "thresholds": thr},
        "roc_curve_all": {"fpr": fpr_all, "tpr": tpr_all, "thresholds": thr_all},
        "roc_auc": M.roc_auc_score(y, s),
        "roc_auc_reversed": M.roc_auc_score(y, -s),
        "pr_curve": {"precision": prec, "recall": rec, "thresholds": pthr},
        "average_precision": M.average_precision_score(y, s),
        "log_loss": M.log_loss(y, proba, labels=[0, 1]),
        "brier": M.brier_score_loss(y, proba),
        "calibration": {},
        "ece": {str(b): ece_reference(y, proba, b) for b in (5, 10)},
        "y_pred": yp,
        "labels": label_metrics(y, yp, 2),
    }
    for strategy in ["uniform", "quantile"]:
        for n_bins in [5, 10]:
            pt, pp = calibration_curve(y, proba, n_bins=n_bins, strategy=strategy)
            case["calibration"][f"{strategy}|{n_bins}"] = {"prob_true": pt, "prob_pred": pp}
    return case


def multiclass_case(name, y, proba):
    y = np.asarray(y)
    k = proba.shape[1]
    yp = proba.argmax(axis=1)
    case = {"name": name, "kind": "multiclass", "k": k, "y": y, "proba": proba.ravel(), "y_pred": yp}
    auc = {}
    for mc in ["ovr", "ovo"]:
        for avg in ["macro", "weighted"]:
            try:
                auc[f"{mc}|{avg}"] = M.roc_auc_score(y, proba, multi_class=mc, average=avg, labels=list(range(k)))
            except ValueError as e:
                auc[f"{mc}|{avg}"] = "error: " + str(e)
    case["roc_auc"] = auc
    yb = label_binarize(y, classes=list(range(k)))
    case["average_precision"] = {
        "per_class": [M.average_precision_score(yb[:, c], proba[:, c]) if yb[:, c].any() else "NaN" for c in range(k)],
    }
    if yb.all(axis=0).any() or not yb.any(axis=0).all():
        case["average_precision"]["macro"] = "error"
    else:
        case["average_precision"]["macro"] = M.average_precision_score(yb, proba, average="macro")
        case["average_precision"]["weighted"] = M.average_precision_score(yb, proba, average="weighted")
    case["log_loss"] = M.log_loss(y, proba, labels=list(range(k)))
    case["brier_multiclass"] = float(np.mean(np.sum((proba - np.eye(k)[y]) ** 2, axis=1)))
    case["ece"] = {str(b): ece_reference(y, proba, b) for b in (5, 10)}
    case["labels"] = label_metrics(y, yp, k)
    return case


def softmax(z):
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def main():
    rng = np.random.default_rng(20261201)
    cases = []
    # binary: continuous scores, rounded scores (ties), heavy ties, imbalanced, perfect
    for name, n, prev, dec, shift in [
        ("binary_random", 300, 0.4, None, 1.0),
        ("binary_ties", 300, 0.5, 1, 0.8),
        ("binary_heavy_ties", 200, 0.3, 0, 0.5),
        ("binary_imbalanced", 600, 0.03, 2, 1.5),
    ]:
        y = (rng.random(n) < prev).astype(int)
        z = rng.normal(size=n) + shift * y
        s = np.round(z, dec) if dec is not None else z
        proba = 1 / (1 + np.exp(-z))
        # exact values and bin edges for clipping and calibration boundaries
        proba[:6] = [0.0, 1.0, 0.2, 0.6, 0.5, 0.8]
        if dec is not None:
            proba = np.round(proba, dec + 1)
        cases.append(binary_case(name, y, s, proba))
    y = np.array([0] * 20 + [1] * 10)
    s = np.r_[rng.random(20) * 0.5, 0.5 + rng.random(10) * 0.5]
    cases.append(binary_case("binary_perfect", y, s, s))
    # multiclass
    for name, n, k, freq, noise, quant in [
        ("multi_random", 300, 3, None, 1.0, None),
        ("multi_ties", 300, 3, None, 1.0, 1.0),
        ("multi_imbalanced", 500, 4, [0.7, 0.2, 0.08, 0.02], 1.2, None),
        ("multi_never_predicted", 200, 3, None, 1.0, 0.5),
        ("multi_absent_true", 200, 4, [0.5, 0.3, 0.2, 0.0], 1.0, None),
        ("multi_perfect", 60, 3, None, 0.0, None),
    ]:
        p = np.ones(k) / k if freq is None else np.array(freq)
        y = rng.choice(k, size=n, p=p)
        z = rng.normal(size=(n, k)) * noise + 2.0 * np.eye(k)[y]
        if name == "multi_never_predicted":
            z[:, 2] -= 10.0
        if name == "multi_perfect":
            z = 5.0 * np.eye(k)[y]
        if quant is not None:
            z = np.round(z / quant) * quant
        cases.append(multiclass_case(name, y, softmax(z)))
    # label-only: 5 classes, class 4 absent from both, class 3 never predicted
    y = rng.choice(4, size=150)
    yp = np.where(rng.random(150) < 0.6, y, rng.choice(3, size=150))
    cases.append({"name": "labels_absent", "kind": "labels", "k": 5, "y": y, "y_pred": yp, "labels": label_metrics(y, yp, 5)})
    # regression
    reg = []
    for name in ["random", "zeros_in_y", "constant_perfect", "constant_off"]:
        n = 100
        t = rng.normal(size=n) * 10 + 3
        if name == "zeros_in_y":
            t[:10] = 0.0
        if name.startswith("constant"):
            t = np.full(n, 2.5)
        pr = t + rng.normal(size=n) if name != "constant_perfect" else t.copy()
        reg.append({
            "name": name, "y": t, "y_pred": pr,
            "mae": M.mean_absolute_error(t, pr),
            "rmse": M.mean_squared_error(t, pr, squared=False),
            "mape": M.mean_absolute_percentage_error(t, pr),
            "r2": M.r2_score(t, pr),
        })
    out = {
        "generator": "test/golden/metrics_golden.py",
        "versions": versions("python", "numpy", "scipy", "sklearn"),
        "cases": cases,
        "regression": reg,
    }
    write_json(OUT, clean(out), newline=False, separators=(",", ":"))
    print(f"wrote {OUT} ({os.path.getsize(OUT)} bytes)")


if __name__ == "__main__":
    main()
