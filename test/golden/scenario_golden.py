#!/usr/bin/python3
"""Golden values for lib/data/sea_concepts.ts and lib/data/stagger_concepts.ts.

River is not installed here, so the two generators are re-drawn with the calls River's sources
make (river/datasets/synth/sea.py at 4011f5a95ac5ff1f094e8cd56b1f5300273455c5, stagger.py at
1117735cb2d0dcc171d6a25beb42730559c90493): SEA uses CPython's random.Random(seed) (three
uniform(0, 10), then random() when noise > 0); STAGGER uses numpy's RandomState(seed).randint(3)
three times per row, redrawn until the wanted class when balancing. The first rows of River's
docstrings are checked here too, before writing.

Run: /usr/bin/python3 test/golden/scenario_golden.py   (writes test/golden/scenario.json)
"""
import os
import random
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _common import versions, write_json  # noqa: E402

HERE = Path(__file__).resolve().parent
SEA_THRESHOLDS = {0: 8, 1: 9, 2: 7, 3: 9.5}
STAGGER = [
    lambda size, color, shape: 1 if (size == 0 and color == 0) else 0,
    lambda size, color, shape: 1 if (color == 2 or shape == 0) else 0,
    lambda size, color, shape: 1 if (size == 1 or size == 2) else 0,
]


def sea(n, variant, noise, seed, switch_at=None, variant_after=None):
    rng = random.Random(seed)
    X, y = [], []
    for i in range(n):
        v = variant_after if switch_at is not None and i >= switch_at else variant
        x = [rng.uniform(0, 10) for _ in range(3)]
        label = x[0] + x[1] > SEA_THRESHOLDS[v]
        if noise and rng.random() < noise:
            label = not label
        X.append(x)
        y.append(int(label))
    return {"n": n, "variant": variant, "noise": noise, "seed": seed, "switch_at": switch_at,
            "variant_after": variant_after, "X": X, "y": y}


def stagger(n, function, seed, balance):
    rng = np.random.RandomState(seed)
    nxt_zero = False
    X, y = [], []
    for _ in range(n):
        while True:
            size, color, shape = rng.randint(3), rng.randint(3), rng.randint(3)
            label = STAGGER[function](size, color, shape)
            if not balance or (nxt_zero and label == 0) or (not nxt_zero and label == 1):
                if balance:
                    nxt_zero = not nxt_zero
                break
        X.append([int(size), int(color), int(shape)])
        y.append(int(label))
    return {"n": n, "function": function, "seed": seed, "balance": balance, "X": X, "y": y}


def main():
    first = sea(5, 0, 0.0, 42)
    # River's docstring: {0: 6.39426, 1: 0.25010, 2: 2.75029} False ... (5 rows)
    assert [round(v, 3) for v in first["X"][0]] == [6.394, 0.25, 2.75], first["X"][0]
    assert first["y"] == [0, 1, 1, 0, 0], first["y"]
    doc_stagger = stagger(5, 2, 112, False)
    assert doc_stagger["X"] == [[0, 0, 2], [1, 0, 1], [0, 0, 0], [1, 2, 0], [1, 0, 2]]
    assert doc_stagger["y"] == [0, 1, 0, 1, 1]
    doc = {
        "versions": versions("python", "numpy"),
        "sea": [sea(5, 0, 0.0, 42), sea(300, 3, 0.1, 7), sea(400, 0, 0.2, 1, 200, 2)],
        "stagger": [doc_stagger, stagger(300, 0, 3, True), stagger(300, 1, 9, False)],
    }
    write_json(HERE / "scenario.json", doc, separators=(",", ":"))


if __name__ == "__main__":
    main()
