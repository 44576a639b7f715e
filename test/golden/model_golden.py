#!/usr/bin/python3
"""Golden values for lib/model (logistic regression on Iris) from scikit-learn.

Trains scikit-learn's LogisticRegression(max_iter=200) (defaults otherwise: multinomial, L2 with
C=1, lbfgs, raw features) on EXACTLY the training rows of Vigil's seed-42 stratified 80/20 split,
read from test/golden/iris_split.json (written by `deno run --allow-read --allow-write
scripts/export_split.ts`; Vigil's generator differs from numpy's, so sklearn's own
train_test_split would pick other rows). Also records StandardScaler's mean_/scale_ on those rows,
which Vigil's standardisation must match to 1e-9.

Also records the article's example exactly: train_test_split(X, y, test_size=0.2,
random_state=42) then LogisticRegression(max_iter=200), with its 30 test rows (which
sklearnTrainTestSplit reproduces) and scikit-learn's accuracy on them.

Run: /usr/bin/python3 test/golden/model_golden.py   (writes test/golden/model.json)
"""
import csv
import json
import os
import re
import sys
from pathlib import Path

import numpy as np
from sklearn.datasets import load_iris
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _common import versions  # noqa: E402

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
CLASSES = ["setosa", "versicolor", "virginica"]


def read_vigil_iris():
    with open(ROOT / "data" / "iris.csv", newline="") as f:
        rows = list(csv.DictReader(f))
    X = np.array([[float(r[c]) for c in ("sepal_length", "sepal_width", "petal_length",
                                          "petal_width")] for r in rows])
    y = np.array([CLASSES.index(r["species"]) for r in rows])
    return X, y


def main():
    X, y = read_vigil_iris()
    ref = load_iris()
    # data/iris.csv must be scikit-learn's copy, number for number.
    assert np.array_equal(X, ref.data) and np.array_equal(y, ref.target)
    assert list(ref.target_names) == CLASSES

    split = json.loads((HERE / "iris_split.json").read_text())
    train = np.array(split["train"], dtype=int)
    test = np.array(split["test"], dtype=int)
    assert sorted(np.concatenate([train, test]).tolist()) == list(range(len(y)))

    scaler = StandardScaler().fit(X[train])
    model = LogisticRegression(max_iter=200).fit(X[train], y[train])
    pred = model.predict(X[test])
    proba = model.predict_proba(X[test])

    rows = np.arange(len(y))
    a_train, a_test = train_test_split(rows, test_size=0.2, random_state=42)
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=42)
    assert np.array_equal(X[a_test], X_test) and np.array_equal(y[a_train], y_train)
    article = LogisticRegression(max_iter=200).fit(X_train, y_train)
    a_pred = article.predict(X_test)

    out = {
        "description": "scikit-learn LogisticRegression(max_iter=200) on Vigil's Iris split",
        "generator": "test/golden/model_golden.py",
        "versions": versions("python", "numpy", "scikit-learn"),
        "data": {"nRows": int(len(ref.target)), "columnMeans": ref.data.mean(axis=0).tolist(),
                 "classCounts": np.bincount(ref.target).tolist()},
        "split": {"seed": split["seed"], "testSize": split["testSize"],
                  "train": train.tolist(), "test": test.tolist()},
        "standardScaler": {"mean": scaler.mean_.tolist(), "scale": scaler.scale_.tolist()},
        "logisticRegression": {
            "params": {"max_iter": 200, "C": model.C, "penalty": model.penalty,
                       "solver": model.solver, "multi_class": model.multi_class},
            "nIter": int(model.n_iter_[0]),
            "trainAccuracy": float(model.score(X[train], y[train])),
            "testAccuracy": float(model.score(X[test], y[test])),
            "testCorrect": int((pred == y[test]).sum()),
            "testPredictions": pred.tolist(),
            "testProbabilities": proba.tolist(),
        },
        "articleSplit": {
            "code": "train_test_split(X, y, test_size=0.2, random_state=42); "
                    "LogisticRegression(max_iter=200)",
            "train": a_train.tolist(), "test": a_test.tolist(),
            "testAccuracy": float(article.score(X_test, y_test)),
            "testCorrect": int((a_pred == y_test).sum()),
            "testPredictions": a_pred.tolist(),
        },
    }
    text = json.dumps(out, indent=1)
    # Numeric lists on one line each, so the file stays readable.
    text = re.sub(r"\[[-0-9.e+,\s]*\]", lambda m: re.sub(r"\s+", "", m.group(0)), text)
    (HERE / "model.json").write_text(text + "\n")
    lr = out["logisticRegression"]
    print(f"wrote model.json: test accuracy {lr['testAccuracy']:.4f} "
          f"({lr['testCorrect']}/{len(test)}), train accuracy {lr['trainAccuracy']:.4f}; "
          f"article split {out['articleSplit']['testCorrect']}/{len(a_test)}")


if __name__ == "__main__":
    main()
