"""Helpers shared by the golden-value generators in this folder (run with /usr/bin/python3).

Each generator imports this module with its own folder on ``sys.path``, so it runs from any
working directory:

    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    from _common import clean, versions, write_json
"""
import importlib
import json
import math
import sys

import numpy as np

# Version key -> module to import for it (the key is what the JSON records).
_MODULES = {"scikit-learn": "sklearn"}


def clean(x):
    """Numpy -> JSON-able: arrays as lists, numpy scalars as Python ones, and NaN / infinities as
    the strings "NaN", "Infinity", "-Infinity" (JSON has no literal for them)."""
    if isinstance(x, dict):
        return {k: clean(v) for k, v in x.items()}
    if isinstance(x, (list, tuple)):
        return [clean(v) for v in x]
    if isinstance(x, np.ndarray):
        return clean(x.tolist())
    if isinstance(x, (bool, np.bool_)):
        return bool(x)
    if isinstance(x, np.integer):
        return int(x)
    if isinstance(x, (float, np.floating)):
        x = float(x)
        if math.isnan(x):
            return "NaN"
        if math.isinf(x):
            return "Infinity" if x > 0 else "-Infinity"
        return x
    return x


def versions(*names):
    """``{name: version}`` in the order given, for recording in a fixture. "python" is the
    interpreter's version; any other name is a module (or a key of ``_MODULES``) whose
    ``__version__`` is recorded."""
    out = {}
    for name in names:
        if name == "python":
            out[name] = sys.version.split()[0]
        else:
            out[name] = importlib.import_module(_MODULES.get(name, name)).__version__
    return out


def write_json(path, doc, newline=True, **dump_args):
    """Write ``doc`` to ``path`` with ``json.dump(doc, f, **dump_args)``, then a final newline
    unless ``newline`` is False."""
    with open(path, "w") as f:
        json.dump(doc, f, **dump_args)
        if newline:
            f.write("\n")
