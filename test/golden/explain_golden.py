#!/usr/bin/python3
"""Golden values for lib/explain from scikit-learn and scipy.

* permutation_importance: scikit-learn's `permutation_importance` on a fixed-coefficient
  one-vs-rest logistic model (the same numbers as a Vigil `LogisticRegressionModel` with
  standardize=false), so that only the permutations and the scoring are compared.
* sample_background: the rows of `sklearn.utils.resample(X, replace=False, n_samples=k,
  random_state=seed)`, which is what `shap.sample` returns.
* ridge: `Ridge(alpha, fit_intercept=True).fit(X, y, sample_weight=w)` and its weighted R²
  (`score(X, y, sample_weight=w)`), the surrogate fit of LIME's tabular explainer.
* legacy_normal: `RandomState(seed).normal(0, 1, 9)`, the draws LIME perturbs with.
* rank_correlation: `scipy.stats.spearmanr` and `scipy.stats.kendalltau` (tau-b) with ties.

Run: /usr/bin/python3 test/golden/explain_golden.py   (writes test/golden/explain.json)
"""
import os
import sys
from pathlib import Path

import numpy as np
from scipy.stats import kendalltau, spearmanr
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.inspection import permutation_importance
from sklearn.linear_model import Ridge
from sklearn.utils import resample

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _common import clean, versions, write_json  # noqa: E402

HERE = Path(__file__).resolve().parent


class FixedOvr(ClassifierMixin, BaseEstimator):
    """One-vs-rest logistic scores s_c = W[c, 0] + X @ W[c, 1:], probabilities sigma(s_c)
    normalised per row (Vigil's LogisticRegressionModel with standardize=false)."""

    def __init__(self, weights=None):
        self.weights = weights

    def fit(self, X, y):
        self.classes_ = np.unique(y)
        return self

    def decision_function(self, X):
        W = np.asarray(self.weights)
        return W[:, 0] + np.asarray(X) @ W[:, 1:].T

    def predict_proba(self, X):
        s = 1.0 / (1.0 + np.exp(-self.decision_function(X)))
        return s / s.sum(axis=1, keepdims=True)

    def predict(self, X):
        return self.classes_[np.argmax(self.decision_function(X), axis=1)]


def permutation_cases():
    rng = np.random.RandomState(7)
    n, p = 400, 4
    X = rng.normal(size=(n, p)) * [1.0, 2.0, 0.5, 1.5] + [0.0, 1.0, -1.0, 0.5]
    weights = [[0.2, 1.5, -0.4, 0.0, 0.3], [-0.1, -0.8, 0.9, 0.1, 0.0], [0.0, 0.1, 0.2, -1.2, 0.6]]
    model = FixedOvr(weights)
    # Labels: the model's own class, flipped to a random one 25% of the time.
    y = model.fit(X, [0, 1, 2]).predict(X)
    flip = rng.rand(n) < 0.25
    y[flip] = rng.randint(0, 3, size=flip.sum())
    model.fit(X, y)
    cases = []
    for scoring, n_repeats, seed in [("accuracy", 5, 42), ("neg_log_loss", 5, 42),
                                     ("neg_log_loss", 3, 0), ("balanced_accuracy", 4, 123)]:
        r = permutation_importance(model, X, y, scoring=scoring, n_repeats=n_repeats,
                                   random_state=seed)
        cases.append({
            "scoring": scoring, "nRepeats": n_repeats, "seed": seed,
            "randomSeed": int(np.random.RandomState(seed).randint(np.iinfo(np.int32).max + 1)),
            "mean": r.importances_mean, "std": r.importances_std, "importances": r.importances,
        })
    return {"X": X, "y": y, "weights": weights, "cases": cases}


def sample_cases():
    X = np.arange(50 * 2, dtype=float).reshape(50, 2)
    out = []
    for k, seed in [(10, 0), (7, 42), (50, 3)]:
        rows = resample(X, replace=False, n_samples=k, random_state=seed)
        out.append({"k": k, "seed": seed, "rows": rows})
    return {"X": X, "cases": out}


def ridge_cases():
    rng = np.random.RandomState(3)
    X = rng.normal(size=(60, 3))
    y = X @ [1.0, -2.0, 0.5] + 0.3 + rng.normal(scale=0.4, size=60)
    w = rng.rand(60)
    out = []
    for alpha in [1.0, 0.01, 10.0]:
        m = Ridge(alpha=alpha, fit_intercept=True).fit(X, y, sample_weight=w)
        out.append({"alpha": alpha, "coef": m.coef_, "intercept": m.intercept_,
                    "r2": m.score(X, y, sample_weight=w)})
    return {"X": X, "y": y, "w": w, "cases": out}


def rank_cases():
    pairs = [
        ([0.5, 0.1, 0.3, 0.3, 0.0], [0.4, 0.2, 0.1, 0.3, 0.0]),
        ([1, 2, 3, 4, 5, 6], [6, 5, 4, 3, 2, 1]),
        ([3.0, 1.0, 2.0, 2.0, 5.0, 5.0, 0.5], [2.0, 1.0, 2.0, 3.0, 4.0, 5.0, 5.0]),
    ]
    return [{"a": a, "b": b, "spearman": spearmanr(a, b).correlation,
             "kendall": kendalltau(a, b).correlation} for a, b in pairs]


def normal_cases():
    return [{"seed": s, "values": np.random.RandomState(s).normal(0, 1, 9)} for s in [0, 42]]


def main():
    doc = {
        "versions": versions("python", "numpy", "scipy", "scikit-learn"),
        "permutation_importance": permutation_cases(),
        "sample_background": sample_cases(),
        "ridge": ridge_cases(),
        "rank_correlation": rank_cases(),
        "legacy_normal": normal_cases(),
    }
    write_json(HERE / "explain.json", clean(doc))


if __name__ == "__main__":
    main()
