#!/usr/bin/env python3
"""Logging a Python model's predictions and late labels to Vigil (standard library only).

Most models that need monitoring are served from Python. They keep their own model and server
and only send Vigil what they predicted (POST /log), then the true labels when they arrive
(POST /labels, hours or weeks later). Teams without a model server can let Vigil score instead
(POST /predict). Start Vigil first:

    deno task serve            # http://127.0.0.1:8080, log in log/predictions.duckdb
    python3 scripts/python_client_example.py --url http://127.0.0.1:8080

Prints one JSON line summarising what it sent and what Vigil answered.
"""
import argparse
import json
import math
import urllib.error
import urllib.request
import uuid


class VigilClient:
    """A minimal client of Vigil's model service."""

    def __init__(self, url, timeout=5.0):
        self.url = url.rstrip("/")
        self.timeout = timeout

    def _post(self, path, body):
        request = urllib.request.Request(
            self.url + path,
            data=json.dumps(body).encode(),
            headers={"content-type": "application/json"},
            method="POST",
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                return response.status, json.load(response)
        except urllib.error.HTTPError as error:  # 4xx/5xx carry a JSON error naming the field
            return error.code, json.load(error)

    def log(self, rows):
        """Logs predictions made elsewhere: rows of {id, features, probabilities[, predicted]}."""
        return self._post("/log", {"rows": rows})

    def label(self, prediction_id, label):
        """Sends the true label of a logged prediction (idempotent; a different label is 409)."""
        return self._post("/labels", {"id": prediction_id, "label": label})

    def predict(self, rows):
        """Lets Vigil's own model score rows (objects keyed by feature name, or arrays)."""
        return self._post("/predict", {"rows": rows})


# The team's own model: here a nearest-centroid softmax over the Iris class means, standing in
# for scikit-learn, XGBoost or a neural network.
CLASSES = ["setosa", "versicolor", "virginica"]
CENTROIDS = [[5.006, 3.428, 1.462, 0.246], [5.936, 2.770, 4.260, 1.326], [6.588, 2.974, 5.552, 2.026]]


def my_model_predict_proba(features):
    scores = [-sum((f - c) ** 2 for f, c in zip(features, centroid)) for centroid in CENTROIDS]
    top = max(scores)
    weights = [math.exp(s - top) for s in scores]
    total = sum(weights)
    return [w / total for w in weights]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://127.0.0.1:8080")
    args = parser.parse_args()
    vigil = VigilClient(args.url)

    requests = [[5.1, 3.5, 1.4, 0.2], [6.2, 2.9, 4.3, 1.3], [7.7, 3.0, 6.1, 2.3]]
    rows = []
    for features in requests:
        probabilities = my_model_predict_proba(features)
        rows.append({
            "id": str(uuid.uuid4()),  # the id your service already gives the request
            "features": features,
            "probabilities": dict(zip(CLASSES, probabilities)),
        })
    log_status, logged = vigil.log(rows)

    # Later, when the truth is known (a chargeback, a diagnosis, a human review):
    truth = ["setosa", "versicolor", "virginica"]
    label_statuses = [vigil.label(row["id"], label)[0] for row, label in zip(rows, truth)]
    repeat_status, repeat = vigil.label(rows[0]["id"], "setosa")  # same again: a no-op
    conflict_status, conflict = vigil.label(rows[0]["id"], "virginica")  # changed mind: 409

    predict_status, predicted = vigil.predict([{"sepal_length": 5.0, "sepal_width": 3.4,
                                                "petal_length": 1.5, "petal_width": 0.2}])
    bad_status, bad = vigil.predict([{"sepal_length": "five"}])

    print(json.dumps({
        "log": [log_status, logged.get("ids")],
        "labels": label_statuses,
        "repeat": [repeat_status, repeat.get("status")],
        "conflict": [conflict_status, conflict.get("field")],
        "predict": [predict_status, predicted["predictions"][0]["class"] if predict_status == 200 else None],
        "bad": [bad_status, bad.get("field")],
    }))


if __name__ == "__main__":
    main()
