import { csvBatchSource } from "../../lib/data/csv_batch_source.ts";
import { assertEquals, assertRejects } from "../_assert.ts";

const options = { featureNames: ["a", "b"], classNames: ["cat", "dog"], labelColumn: "kind" };

async function withDir(fn: (dir: string) => Promise<void>): Promise<void> {
  const dir = await Deno.makeTempDir();
  try {
    await fn(dir);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

Deno.test("csvBatchSource() reads features in the given order and labels as indices", async () => {
  await withDir(async (dir) => {
    await Deno.writeTextFile(`${dir}/w.csv`, "kind,b,extra,a\ndog,2,x,1\ncat,4,y,3\n");
    const next = await csvBatchSource(`${dir}/w.csv`, options);
    const batch = await next();
    assertEquals(batch.X.map((r) => [...r]), [[1, 2], [3, 4]]);
    assertEquals([...batch.y], [1, 0]);
    assertEquals(batch.table.names, ["kind", "b", "extra", "a"]);
    assertEquals(batch.file, `${dir}/w.csv`);
  });
});

Deno.test("csvBatchSource() re-reads a single file on every call", async () => {
  await withDir(async (dir) => {
    const file = `${dir}/w.csv`;
    await Deno.writeTextFile(file, "a,b,kind\n1,2,cat\n");
    const next = await csvBatchSource(file, options);
    assertEquals((await next()).X.length, 1);
    await Deno.writeTextFile(file, "a,b,kind\n1,2,cat\n3,4,dog\n");
    assertEquals((await next()).X.length, 2);
  });
});

Deno.test("csvBatchSource() cycles through a folder's .csv files in name order", async () => {
  await withDir(async (dir) => {
    for (const name of ["02", "01", "03"]) {
      await Deno.writeTextFile(`${dir}/${name}.csv`, `a,b,kind\n${name},0,cat\n`);
    }
    await Deno.writeTextFile(`${dir}/notes.txt`, "not a batch");
    const next = await csvBatchSource(dir, options);
    const firsts: number[] = [];
    for (let i = 0; i < 5; i++) firsts.push((await next()).X[0]![0]!);
    assertEquals(firsts, [1, 2, 3, 1, 2]);
  });
});

Deno.test("csvBatchSource() rejects unknown labels, missing columns and empty folders", async () => {
  await withDir(async (dir) => {
    await Deno.writeTextFile(`${dir}/bad.csv`, "a,b,kind\n1,2,cow\n");
    const next = await csvBatchSource(`${dir}/bad.csv`, options);
    await assertRejects(() => next(), RangeError, 'row 0 has kind "cow"');
    await Deno.writeTextFile(`${dir}/bad.csv`, "a,kind\n1,cat\n");
    await assertRejects(() => next(), Error, "b");
    await Deno.remove(`${dir}/bad.csv`);
    await assertRejects(() => csvBatchSource(dir, options), RangeError, "has no .csv file");
    await assertRejects(() => csvBatchSource(`${dir}/nope`, options), Deno.errors.NotFound);
    await assertRejects(
      () => csvBatchSource(dir, { ...options, classNames: ["one"] }),
      RangeError,
      "classNames",
    );
  });
});
