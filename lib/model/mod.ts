/**
 * The model Vigil monitors in its examples: a multiclass logistic regression (one-vs-rest,
 * trained by `ml-logistic-regression`) with feature standardisation, an intercept, normalised
 * probabilities and exact JSON round trips, and {@linkcode OnlineLogisticRegression}, a binary
 * logistic regression that learns one row at a time (SGD) to track a drifting stream. Splits of rows live in `lib/data/split.ts` (stratified)
 * and `lib/data/sklearn_split.ts` (scikit-learn's `train_test_split` rows).
 *
 * @example
 * ```ts
 * import { LogisticRegressionModel, trainLogisticRegression } from "./mod.ts";
 * const model = trainLogisticRegression([[0], [1], [4], [5]], [0, 0, 1, 1]);
 * const copy = LogisticRegressionModel.fromJSON(model.toJSON());
 * if (copy.predict([[4.5]])[0] !== 1) throw new Error();
 * ```
 *
 * @module
 */
export * from "./logistic_regression.ts";
export * from "./logistic_regression_model.ts";
export * from "./online_logistic_regression.ts";
