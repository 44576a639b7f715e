import { IRIS_CLASSES, IRIS_FEATURES, loadIris } from "../../lib/data/iris.ts";
import { assert, assertEquals, assertRelativeEquals } from "../_assert.ts";

const golden = JSON.parse(
  await Deno.readTextFile(new URL("../golden/model.json", import.meta.url)),
) as { data: { nRows: number; columnMeans: number[]; classCounts: number[] } };

Deno.test("loadIris() returns 150 rows of 4 finite features and 50 flowers per species", async () => {
  const iris = await loadIris();
  assertEquals(iris.X.length, golden.data.nRows);
  assertEquals(iris.y.length, golden.data.nRows);
  assertEquals(iris.table.nRows, golden.data.nRows);
  assert(iris.X.every((row) => row.length === 4 && row.every(Number.isFinite)));
  const counts = [0, 0, 0];
  for (const c of iris.y) counts[c]!++;
  assertEquals(counts, golden.data.classCounts);
});

Deno.test("loadIris() column means equal scikit-learn's load_iris() to 1e-9", async () => {
  const { X } = await loadIris();
  golden.data.columnMeans.forEach((expected, j) => {
    const mean = X.reduce((s, row) => s + row[j]!, 0) / X.length;
    assertRelativeEquals(mean, expected, 1e-9, IRIS_FEATURES[j]);
  });
});

Deno.test("loadIris() names features and classes in file order", async () => {
  const iris = await loadIris();
  assertEquals(iris.featureNames, [...IRIS_FEATURES]);
  assertEquals(iris.classNames, [...IRIS_CLASSES]);
  assertEquals(iris.table.names, [...IRIS_FEATURES, "species"]);
  assertEquals(IRIS_FEATURES, ["sepal_length", "sepal_width", "petal_length", "petal_width"]);
  assertEquals(IRIS_CLASSES, ["setosa", "versicolor", "virginica"]);
  assertEquals([...iris.X[0]!], [5.1, 3.5, 1.4, 0.2]);
  assertEquals([iris.y[0], iris.y[50], iris.y[100], iris.y[149]], [0, 1, 2, 2]);
});

Deno.test("loadIris() y agrees with the species column of the table", async () => {
  const iris = await loadIris();
  const species = iris.table.columns["species"] as (string | null)[];
  species.forEach((name, i) => assertEquals(name, iris.classNames[iris.y[i]!], `row ${i}`));
  iris.featureNames.forEach((name, j) => {
    const column = iris.table.columns[name] as Float64Array;
    iris.X.forEach((row, i) => assertEquals(row[j], column[i], `${name} row ${i}`));
  });
});

Deno.test("loadIris() has Fisher's values in rows 35 and 38, not the UCI errata", async () => {
  const { X } = await loadIris();
  assertEquals([...X[34]!], [4.9, 3.1, 1.5, 0.2]);
  assertEquals([...X[37]!], [4.9, 3.6, 1.4, 0.1]);
});

Deno.test("loadIris() finds the file from any working directory", async () => {
  const cwd = Deno.cwd();
  try {
    Deno.chdir(await Deno.makeTempDir());
    assertEquals((await loadIris()).X.length, 150);
  } finally {
    Deno.chdir(cwd);
  }
});

Deno.test("loadIris() rows do not share memory with the table columns", async () => {
  const iris = await loadIris();
  iris.X[0]![0] = -1;
  assertEquals((iris.table.columns["sepal_length"] as Float64Array)[0], 5.1);
  assertEquals((await loadIris()).X[0]![0], 5.1);
});
