#!/usr/bin/python3
"""Golden values for lib/model/online_logistic_regression.ts: the penalised batch fit that SGD
with a decaying step must converge to.

Two overlapping Gaussian blobs (numpy RandomState(0)), standardised by the population mean and
sd (StandardScaler), fitted by scikit-learn's LogisticRegression with C = 1 / (n * l2), so that
its objective C * sum(log loss) + ||w||^2 / 2 is n * C times mean(log loss) + (l2 / 2) ||w||^2,
the objective the online model's updates follow.

Run: /usr/bin/python3 test/golden/online_model_golden.py   (writes test/golden/online_model.json)
"""
import os
import sys
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import StandardScaler

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _common import clean, versions, write_json  # noqa: E402

HERE = Path(__file__).resolve().parent


def main():
    rng = np.random.RandomState(0)
    n = 400
    y = (np.arange(n) % 2).astype(int)
    X = rng.normal(size=(n, 2)) * [1.0, 3.0] + np.where(y[:, None] == 1, [1.5, 2.0], [0.0, 0.0]) + [5, -2]
    l2 = 0.01
    Z = StandardScaler().fit_transform(X)
    model = LogisticRegression(C=1 / (n * l2), tol=1e-12, max_iter=100000).fit(Z, y)
    doc = {
        "versions": versions("python", "numpy", "scikit-learn"),
        "l2": l2,
        "X": X,
        "y": y,
        "coef": model.coef_[0],
        "intercept": model.intercept_[0],
        "proba": model.predict_proba(Z[:5])[:, 1],
    }
    write_json(HERE / "online_model.json", clean(doc), separators=(",", ":"))


if __name__ == "__main__":
    main()
