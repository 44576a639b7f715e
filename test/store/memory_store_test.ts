import { createMemoryStore } from "../../lib/store/mod.ts";
import { assertThrows } from "../_assert.ts";
import { SCHEMA, storeContract } from "./_contract.ts";

storeContract("createMemoryStore", () => Promise.resolve(createMemoryStore(SCHEMA)));

Deno.test("createMemoryStore() refuses a schema whose names collide with the fixed columns", () => {
  assertThrows(
    () => createMemoryStore({ featureNames: ["id"], classNames: ["a", "b"] }),
    TypeError,
    '"id"',
  );
  assertThrows(() => createMemoryStore({ featureNames: ["x"], classNames: ["a"] }), TypeError);
});
