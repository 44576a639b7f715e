#!/usr/bin/python3
"""Golden values for lib/stats/python_random.ts and lib/concept (River's drift detectors).

1. CPython's random.Random draws (random, getrandbits, randrange, sample in both branches,
   choices) for seeds 0, 1, 42, 12345 and 2**40 + 7 (a seed of two 32-bit words).
2. The streams of River's docstring examples, drawn here with the same calls River's docstrings
   make, and the indices River prints for them, copied from the docstrings (River is not installed
   here: the indices are River's published output, not recomputed).

Run: /usr/bin/python3 test/golden/concept_golden.py   (writes test/golden/concept.json)
"""
import os
import random
import sys
from pathlib import Path

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _common import versions, write_json  # noqa: E402

HERE = Path(__file__).resolve().parent
SEEDS = [0, 1, 42, 12345, 2**40 + 7]


def draws(seed):
    out = {"seed": str(seed)}
    r = random.Random(seed)
    out["random"] = [r.random() for _ in range(5)]
    r = random.Random(seed)
    out["getrandbits"] = {str(k): [str(r.getrandbits(k)) for _ in range(3)] for k in (32, 64, 100)}
    r = random.Random(seed)
    out["randrange"] = {
        "stop_10": [r.randrange(10) for _ in range(5)],
        "stop_2_40": [r.randrange(2**40) for _ in range(3)],
        "start_stop_step": [r.randrange(-7, 100, 3) for _ in range(5)],
        "negative_step": [r.randrange(50, -50, -7) for _ in range(5)],
    }
    r = random.Random(seed)
    # 70 of 30 is the pool branch (River's KSWIN); 10**6 of 30 and 2000 of 5 the set branch
    out["sample"] = [
        {"n": n, "k": k, "values": r.sample(range(n), k)}
        for n, k in ((70, 30), (10, 3), (21, 5), (22, 5), (10**6, 30), (2000, 5), (100, 100))
    ]
    r = random.Random(seed)
    out["choices"] = {
        "plain": r.choices(range(7), k=10),
        "weighted": r.choices(range(3), weights=[0.2, 0.5, 0.3], k=10),
    }
    return out


def river_examples():
    rng = random.Random(12345)
    real = rng.choices([0, 1], k=1000) + rng.choices(range(4, 8), k=1000)
    rng = random.Random(42)
    binary = rng.choices([0, 1], k=1000)
    binary = binary + rng.choices([0, 1], k=1000, weights=[0.3, 0.7])
    # River prints every drift, and for the binary detectors only the first warning after the
    # start and after each drift (the docstrings' print_warning flag).
    return {
        "streams": {"real_12345": real, "binary_42": binary},
        "detectors": {
            "adwin": {"stream": "real_12345", "options": {}, "drifts": [1023],
                      "source": "river/drift/adwin.py"},
            "page_hinkley": {"stream": "real_12345", "options": {}, "drifts": [1006],
                             "source": "river/drift/page_hinkley.py"},
            "kswin": {"stream": "real_12345", "options": {"alpha": 0.0001, "seed": 42},
                      "drifts": [1016], "source": "river/drift/kswin.py"},
            "ddm": {"stream": "binary_42", "options": {}, "drifts": [1334],
                    "first_warnings": [1084, 1492], "source": "river/drift/binary/ddm.py"},
            "eddm": {"stream": "binary_42", "options": {"alpha": 0.8, "beta": 0.75},
                     "drifts": [1278], "first_warnings": [1059],
                     "source": "river/drift/binary/eddm.py"},
            "hddm_a": {"stream": "binary_42", "options": {}, "drifts": [1206],
                       "first_warnings": [451], "source": "river/drift/binary/hddm_a.py"},
            "hddm_w": {"stream": "binary_42", "options": {}, "drifts": [1077],
                       "first_warnings": [451], "source": "river/drift/binary/hddm_w.py"},
        },
        "river": {
            "repository": "https://github.com/online-ml/river",
            "note": "Docstring examples of River 0.21-0.23 (binary/ detectors, Page-Hinkley with"
                    " `mode`, ADWIN with clock/max_buckets/min_window_length/grace_period), read"
                    " at these commits",
            "commits": {
                "river/drift/binary/ddm.py": "7cb995639c9185b236a7d45696b85583a175268e",
                "river/drift/binary/hddm_a.py": "7cb995639c9185b236a7d45696b85583a175268e",
                "river/drift/binary/hddm_w.py": "3aa815f94e287ce6c657d0c75f08bcbc5f885692",
                "river/drift/binary/eddm.py": "70cad9e796184ed597f8469e9ba1880fca352f4f",
                "river/drift/adwin_c.pyx": "b19b9cab061c9adc971fdcbba6e1580f39b3e4a8",
                "rust_src/adwin.rs": "8551920107f5827f13cf51c7fcc6a2a268ffc609",
                "river/drift/kswin.py": "063ca61d06f5335c05cf78234dc9549e70fc7a72",
            },
        },
    }


def main():
    doc = {
        "versions": versions("python"),
        "python_random": [draws(s) for s in SEEDS],
        **river_examples(),
    }
    write_json(HERE / "concept.json", doc, separators=(",", ":"))


if __name__ == "__main__":
    main()
