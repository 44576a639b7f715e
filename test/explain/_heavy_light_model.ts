/**
 * A two-class logistic regression whose log-odds are 4·heavy + 1·light (the "ignored" feature
 * has weight 0): the shared fixture of the attribution-drift, chart and monitor tests.
 *
 * @module
 */
import { LogisticRegressionModel } from "../../lib/model/logistic_regression_model.ts";

/** Builds the heavy/light/ignored model (a fresh instance each call). */
export function heavyLightModel(): LogisticRegressionModel {
  return new LogisticRegressionModel({
    kind: "vigil.logistic_regression",
    version: 1,
    featureNames: ["heavy", "light", "ignored"],
    classNames: ["no", "yes"],
    standardize: false,
    means: [0, 0, 0],
    scales: [1, 1, 1],
    weights: [[0, -2, -0.5, 0], [0, 2, 0.5, 0]],
    numSteps: 1,
    learningRate: 1,
  });
}
