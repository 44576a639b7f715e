#!/usr/bin/python3
"""Golden values for lib/stats/mt19937.ts and lib/data/sklearn_split.ts from numpy / scikit-learn.

Records numpy's legacy RandomState (MT19937) outputs for integer and array seeds, its
permutation(n), and scikit-learn's train_test_split row choice (shuffle and no shuffle, sizes as
shares and counts, the error cases), including the article's Iris split
(test_size=0.2, random_state=42). Splits of more than 1,000 rows are recorded as the SHA-256 of
their indices (uint32, little endian) plus the first ten entries, to keep the file small.

Run: /usr/bin/python3 test/golden/sklearn_split_golden.py   (writes test/golden/sklearn_split.json)
"""
import hashlib
import os
import sys
from pathlib import Path

import numpy as np
from sklearn.datasets import load_iris
from sklearn.model_selection import train_test_split

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _common import versions, write_json  # noqa: E402

HERE = Path(__file__).resolve().parent
SEEDS = [0, 1, 42, 123, 2**32 - 1]
SIZES = [1, 2, 10, 150, 1000, 100000]
FULL_UP_TO = 1000
# Raw outputs: the first ten, and the ones on both sides of the first two state refills.
RAW_AT = list(range(10)) + [623, 624, 625, 1247, 1248]


def indices(a):
    a = np.asarray(a, dtype=np.uint32)
    if a.size <= FULL_UP_TO:
        return {"n": int(a.size), "values": a.tolist()}
    return {"n": int(a.size), "head": a[:10].tolist(),
            "sha256": hashlib.sha256(a.astype("<u4").tobytes()).hexdigest()}


def raw(seed):
    rs = np.random.RandomState(seed)
    draws = rs.randint(0, 2**32, size=max(RAW_AT) + 1, dtype=np.uint64)
    samples = np.random.RandomState(seed).random_sample(5)
    return {"seed": seed, "at": RAW_AT, "uint32": [int(draws[i]) for i in RAW_AT],
            "randomSample": samples.tolist()}


def split(n, **kw):
    case = {"n": n, **{k: v for k, v in kw.items()}}
    try:
        train, test = train_test_split(np.arange(n), **kw)
    except ValueError as e:
        case["error"] = str(e)
        return case
    case["train"] = indices(train)
    case["test"] = indices(test)
    return case


def main():
    raws = [raw(s) for s in SEEDS] + [raw(key) for key in ([0], [1, 2, 3], [42, 2**32 - 1],
                                                         list(range(700)))]
    perms = [{"seed": s, "n": n, "permutation": indices(np.random.RandomState(s).permutation(n))}
             for s in SEEDS for n in [0, 1, 2, 3, 10, 1000, 100000]]
    splits = []
    for seed in SEEDS:
        for n in SIZES:
            splits.append(split(n, test_size=0.2, random_state=seed))
            splits.append(split(n, test_size=max(1, n // 3), random_state=seed))
    splits += [
        split(150, random_state=42),  # both sizes absent: scikit-learn's test_size=0.25
        split(100, test_size=0.07, random_state=0),  # 0.07 * 100 = 7.000000000000001 -> 8 rows
        split(150, train_size=0.5, random_state=7),
        split(150, train_size=100, random_state=7),
        split(150, test_size=0.2, train_size=0.5, random_state=3),
        split(150, test_size=20, train_size=60, random_state=3),
        split(10, test_size=0.3, shuffle=False),
        split(10, train_size=4, test_size=3, shuffle=False),
        split(10, test_size=10, random_state=0),  # count must be < n
        split(10, test_size=0.6, train_size=0.5, random_state=0),  # shares add up to > 1
        split(10, test_size=6, train_size=5, random_state=0),  # counts add up to > n
        split(1, test_size=0.5, random_state=0),  # training set empty
    ]

    X, y = load_iris(return_X_y=True)
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=42)
    train, test = train_test_split(np.arange(len(y)), test_size=0.2, random_state=42)
    assert np.array_equal(X[test], X_test) and np.array_equal(y[train], y_train)
    article = {"call": "train_test_split(X, y, test_size=0.2, random_state=42)",
               "train": train.tolist(), "test": test.tolist(), "yTest": y_test.tolist()}

    doc = {
        "description": "numpy legacy RandomState (MT19937) and scikit-learn train_test_split",
        "generator": "test/golden/sklearn_split_golden.py",
        "versions": versions("python", "numpy", "scikit-learn"),
        "raw": raws, "permutations": perms, "splits": splits, "irisArticle": article,
    }
    write_json(HERE / "sklearn_split.json", doc)
    print(f"wrote sklearn_split.json: {len(raws)} seeds, {len(perms)} permutations, "
          f"{len(splits)} splits ({sum('error' in s for s in splits)} errors)")


if __name__ == "__main__":
    main()
