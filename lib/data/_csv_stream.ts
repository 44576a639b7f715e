/**
 * Private: streams a file through the CSV engine in chunks read with `Deno.open`.
 *
 * @module
 */

import { createEngine, type EngineConfig, type EngineState, feed } from "./_csv_engine.ts";

/**
 * Feeds the file at `path` to a new engine, yielding the engine state whenever a batch is full
 * and once at the end of the file (also when no row was read, so a header-only file still yields
 * its columns). The consumer takes the batch (`takeTable`) before asking for the next one. The
 * buffer holds one chunk plus the incomplete record carried over from the previous chunk.
 */
export async function* streamBatches(
  path: string | URL,
  config: EngineConfig,
  chunkSize = 1 << 20,
): AsyncGenerator<EngineState> {
  const st = createEngine(config);
  const file = await Deno.open(path, { read: true });
  if ((await file.stat()).isDirectory) {
    file.close();
    throw new Deno.errors.IsADirectory(`${config.label}: it is a directory, not a file`);
  }
  try {
    let buf = new Uint8Array(chunkSize);
    let length = 0;
    let eof = false;
    let yielded = false;
    while (!eof) {
      // a record longer than 64 KiB is rescanned after each read: read more at once to stay linear
      const want = length > 1 << 16 ? Math.max(chunkSize, length) : chunkSize;
      if (length + want > buf.length) {
        const bigger = new Uint8Array(Math.max(buf.length * 2, length + want));
        bigger.set(buf.subarray(0, length));
        buf = bigger;
      }
      const n = await file.read(buf.subarray(length, length + want));
      if (n === null) eof = true;
      else length += n;
      let consumed = 0;
      for (;;) {
        consumed = feed(st, buf, consumed, length, eof);
        if (st.rows < config.batchRows) break;
        yielded = true;
        yield st;
      }
      buf.copyWithin(0, consumed, length);
      length -= consumed;
      if (length > config.maxRecordBytes) throw tooLong(st);
    }
    if (st.rows > 0 || !yielded) yield st;
  } finally {
    file.close();
  }
}

function tooLong(st: EngineState): RangeError {
  const { label, maxRecordBytes } = st.config;
  const where = st.columns === null
    ? "the header"
    : `row ${st.rowOffset + st.rows + 1} (line ${st.line})`;
  return new RangeError(
    `${label}: ${where} is longer than maxRecordBytes (${maxRecordBytes} bytes) and has not ended; raise maxRecordBytes if records really are this long`,
  );
}
