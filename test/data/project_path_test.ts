import { projectPath } from "../../lib/data/project_path.ts";
import { assertEquals, assertThrows } from "../_assert.ts";

const ROOT = new URL("../../", import.meta.url).pathname;

Deno.test("projectPath() resolves relative paths against the project root", () => {
  assertEquals(projectPath("data/iris.csv"), `${ROOT}data/iris.csv`);
  assertEquals(projectPath("./notebooks/../data/baseline.json"), `${ROOT}data/baseline.json`);
});

Deno.test("projectPath() does not depend on the working directory", () => {
  const before = Deno.cwd();
  try {
    Deno.chdir(`${ROOT}lib`);
    assertEquals(projectPath("data/iris.csv"), `${ROOT}data/iris.csv`);
  } finally {
    Deno.chdir(before);
  }
});

Deno.test("projectPath() keeps absolute paths and names with spaces or percent signs", () => {
  assertEquals(projectPath("/var/data/x.csv"), "/var/data/x.csv");
  assertEquals(projectPath("data/my batch 100%.csv"), `${ROOT}data/my batch 100%.csv`);
});

Deno.test("projectPath() rejects an empty path", () => {
  assertThrows(() => projectPath(""), TypeError, "non-empty string");
});
