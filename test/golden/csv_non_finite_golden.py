#!/usr/bin/python3
"""Golden values for the CSV readers' `nonFinite` option (lib/data/csv.ts).

For each token, what Python's float() reads (the option's reference: overflowing decimals are
±inf, "inf"/"infinity"/"nan" in any letter case with an optional sign are ±inf/nan) or null when
float() rejects it, and what pandas' default C parser makes of a column holding "1" and the token
("float64" or "object"), to document where the two differ.

Run: /usr/bin/python3 test/golden/csv_non_finite_golden.py   (writes test/golden/csv_non_finite.json)
"""
import io
import os
import sys

import pandas as pd

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from _common import clean, versions, write_json  # noqa: E402

TOKENS = [
    "inf", "-inf", "+inf", "Inf", "INF", "Infinity", "-Infinity", "infinity", "+Infinity",
    "nan", "NaN", "-nan", "NAN", "+nan", "1e309", "-1e309", "1e400", "1e-400", "1.5",
    " inf", "inf ", "infx", "in", "nana", "0x1A", "1_000", "--1", "i",
]


def py_float(token):
    # float() also accepts underscores and some other whitespace; the CSV policy does not
    if "_" in token:
        return None
    try:
        return float(token)
    except ValueError:
        return None


def pandas_dtype(token):
    return str(pd.read_csv(io.StringIO("x\n1\n" + token + "\n")).x.dtype)


doc = {
    "versions": versions("python", "pandas"),
    "cases": [
        {"token": t, "float": clean(py_float(t)), "pandas": pandas_dtype(t)} for t in TOKENS
    ],
}
write_json(os.path.join(os.path.dirname(os.path.abspath(__file__)), "csv_non_finite.json"), doc,
           indent=1)
