#!/usr/bin/python3
"""Golden values for lib/monitor: the metrics one monitor run must report, from scikit-learn.

A fixed 12-row, 3-class window (rows written out below, with the probabilities a stub model
returns for each row) and scikit-learn's accuracy, balanced accuracy, per-class
precision/recall/F1, macro F1, one-vs-rest macro ROC AUC and log loss on it. The monitor test
feeds the same rows through defineMonitor(...).run() and compares at 1e-9 relative.

    /usr/bin/python3 test/golden/monitor_golden.py
"""
import os
import sys

import numpy as np
from sklearn import metrics as M

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _common import versions, write_json  # noqa: E402

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "monitor.json")
CLASSES = ["setosa", "versicolor", "virginica"]

# Two features per row; the stub model ignores them and returns PROBA[row id], with the row id
# stored in feature 0 so the test can look the row up.
Y = [0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2]
PROBA = [
    [0.90, 0.05, 0.05],
    [0.70, 0.20, 0.10],
    [0.40, 0.50, 0.10],  # misclassified as versicolor
    [0.80, 0.10, 0.10],
    [0.10, 0.80, 0.10],
    [0.20, 0.60, 0.20],
    [0.10, 0.30, 0.60],  # misclassified as virginica
    [0.05, 0.90, 0.05],
    [0.05, 0.15, 0.80],
    [0.10, 0.20, 0.70],
    [0.30, 0.45, 0.25],  # misclassified as versicolor
    [0.00, 0.25, 0.75],
]
X = [[float(i), 0.5 * i] for i in range(len(Y))]


def main():
    y = np.array(Y)
    p = np.array(PROBA)
    pred = p.argmax(axis=1)
    prec, rec, f1, _ = M.precision_recall_fscore_support(y, pred, labels=[0, 1, 2], zero_division=0)
    metrics = [
        {"name": "accuracy", "value": M.accuracy_score(y, pred)},
        {"name": "balanced_accuracy", "value": M.balanced_accuracy_score(y, pred)},
    ]
    for name, values in (("precision", prec), ("recall", rec), ("f1", f1)):
        for c, v in zip(CLASSES, values):
            metrics.append({"name": name, "value": float(v), "labels": {"class": c}})
    metrics += [
        {"name": "macro_f1", "value": M.f1_score(y, pred, average="macro")},
        {"name": "roc_auc", "value": M.roc_auc_score(y, p, multi_class="ovr", average="macro")},
        {"name": "log_loss", "value": M.log_loss(y, p, labels=[0, 1, 2])},
    ]
    out = {
        "versions": versions("sklearn", "numpy"),
        "classNames": CLASSES,
        "X": X,
        "y": Y,
        "proba": PROBA,
        "metrics": [{**m, "value": float(m["value"])} for m in metrics],
    }
    write_json(OUT, out, indent=1)


if __name__ == "__main__":
    main()
