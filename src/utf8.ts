// Text files a user hands over (a `--data` seed, a CLI `@file`): read up to a bound (`/dev/zero`, a
// pipe that never ends or a huge file must not exhaust the process's memory; a FIFO is still waited
// on until its writer sends that much or closes, as any read of it is) and decoded strictly: bytes
// that are not UTF-8 (a Latin-1 "é", a UTF-16 file) would otherwise be read as U+FFFD and sent or
// served so.
import { closeSync, openSync, readSync } from "node:fs";

const UTF8_STRICT = /* @__PURE__ */ new TextDecoder("utf-8", { fatal: true });
/** Waited on (never woken) for a few milliseconds between reads of a non-blocking descriptor with nothing yet. */
const PAUSE = /* @__PURE__ */ new Int32Array(new SharedArrayBuffer(4));

/**
 * `bytes` as text, without a leading byte order mark (Windows editors, PowerShell's Out-File: not
 * part of the JSON); undefined when they are not UTF-8.
 */
export function utf8Text(bytes: Uint8Array): string | undefined {
  try {
    return UTF8_STRICT.decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * What a text that cannot be JSON for want of a value has: `"is empty"`, `"holds only whitespace"`;
 * undefined when it holds something. JSON.parse said "Unexpected end of JSON input" for both (a
 * `> file` that failed, `@- < /dev/null`), which did not say so.
 */
export function blankness(text: string): "is empty" | "holds only whitespace" | undefined {
  if (text.trim() !== "") return undefined;
  return text === "" ? "is empty" : "holds only whitespace";
}

/**
 * The first `limit` bytes of a file (fewer when it ends before); read `limit + 1` to tell a file over
 * a bound. A number is a descriptor already open (stdin's 0): read from, not closed.
 */
export function readAtMost(file: string | number, limit: number): Buffer {
  const fd = typeof file === "number" ? file : openSync(file, "r");
  try {
    const buffer = Buffer.alloc(Math.min(limit, 64 * 1024));
    const chunks: Buffer[] = [];
    let total = 0;
    while (total < limit) {
      let n: number;
      try {
        n = readSync(fd, buffer, 0, Math.min(buffer.length, limit - total), null);
      } catch (error) {
        // A descriptor set non-blocking by whoever shares it (stdin): nothing to read yet, so wait and read again.
        if ((error as { code?: unknown }).code !== "EAGAIN") throw error;
        Atomics.wait(PAUSE, 0, 0, 5);
        continue;
      }
      if (n === 0) break;
      chunks.push(Buffer.from(buffer.subarray(0, n)));
      total += n;
    }
    return Buffer.concat(chunks, total);
  } finally {
    if (typeof file !== "number") closeSync(fd);
  }
}
