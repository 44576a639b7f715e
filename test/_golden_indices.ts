/**
 * Reading index lists from `test/golden/sklearn_split.json`: lists of more than 1,000 entries are
 * stored as their first ten entries and the SHA-256 of their uint32 little-endian bytes.
 *
 * @module
 */
import { assertEquals } from "./_assert.ts";

/** An index list as the golden script records it. */
export interface GoldenIndices {
  /** Number of indices. */
  n: number;
  /** All indices, for lists of at most 1,000. */
  values?: number[];
  /** The first ten indices, for longer lists. */
  head?: number[];
  /** Hex SHA-256 of all indices as uint32 little endian, for longer lists. */
  sha256?: string;
}

/** Hex SHA-256 of indices as uint32 little endian, as the golden script hashes them. */
export async function sha256OfIndices(indices: Uint32Array): Promise<string> {
  const bytes = new Uint8Array(indices.length * 4);
  const view = new DataView(bytes.buffer);
  indices.forEach((v, i) => view.setUint32(i * 4, v, true));
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  return Array.from(digest, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** Asserts that `actual` is the recorded index list, entry by entry or by its hash. */
export async function assertGoldenIndices(
  actual: Uint32Array,
  expected: GoldenIndices,
  where: string,
): Promise<void> {
  assertEquals(actual.length, expected.n, `${where}: length`);
  if (expected.values) {
    assertEquals([...actual], expected.values, where);
  } else {
    assertEquals([...actual.subarray(0, 10)], expected.head, `${where}: first ten`);
    assertEquals(await sha256OfIndices(actual), expected.sha256, `${where}: SHA-256`);
  }
}
