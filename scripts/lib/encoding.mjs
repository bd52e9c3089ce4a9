// Spec files must be UTF-8. Redocly reads them as UTF-8 without complaint: an invalid byte (a file
// saved as Latin-1, say) becomes U+FFFD and would be carried into every generated file. Only a file
// whose text has a U+FFFD is read again as bytes, so a valid spec costs one scan of its text.
import fs from "node:fs";
import { PipelineError } from "./errors.mjs";

/** Whether `bytes[0, end)` decodes as UTF-8; with `pending`, a sequence cut at `end` is not an error. */
function decodes(bytes, end, pending) {
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(0, end), { stream: pending });
    return true;
  } catch {
    return false;
  }
}

/** The offset of the first byte at which UTF-8 decoding of `bytes` fails, or -1. Only run for a suspect file. */
export function firstInvalidUtf8(bytes) {
  if (decodes(bytes, bytes.length, false)) return -1;
  if (decodes(bytes, bytes.length, true)) {
    // Cut short at the end: the last sequence's lead byte.
    let i = bytes.length - 1;
    while (i > 0 && (bytes[i] & 0xc0) === 0x80) i--;
    return i;
  }
  // The longest prefix that decodes ends where decoding fails: at a bad byte, or at the byte that
  // cuts short the sequence begun before it (then that sequence's lead byte is the culprit).
  let lo = 0;
  let hi = bytes.length;
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if (decodes(bytes, mid, true)) lo = mid;
    else hi = mid;
  }
  for (let j = lo - 1; j >= 0 && j >= lo - 3; j--) {
    const b = bytes[j];
    if ((b & 0xc0) === 0x80) continue;
    const length = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return j + length > lo ? j : lo;
  }
  return lo;
}

/**
 * Throws a PipelineError at the first byte that is not UTF-8 in any file `resolver` (Redocly's
 * BaseResolver, after lint loaded the spec) read whose text has a U+FFFD.
 */
export async function checkEncoding(resolver) {
  for (const [ref, pending] of resolver.cache) {
    let document;
    try {
      document = await pending;
    } catch {
      continue; // lint reported it
    }
    const body = document?.source?.body;
    if (typeof body !== "string" || !body.includes("\uFFFD") || /^[a-z][a-z0-9+.-]*:\/\//i.test(ref)) continue;
    const bytes = fs.readFileSync(ref);
    const at = firstInvalidUtf8(bytes);
    if (at === -1) continue; // a U+FFFD of its own, written as UTF-8
    const lineStart = bytes.lastIndexOf(0x0a, at - 1) + 1;
    let line = 1;
    for (let i = 0; i < lineStart; i++) if (bytes[i] === 0x0a) line++;
    const col = new TextDecoder("utf-8").decode(bytes.subarray(lineStart, at)).length + 1;
    throw new PipelineError({ file: ref, line, col, rule: "puffle/encoding", message: `not UTF-8: byte 0x${bytes[at].toString(16).padStart(2, "0")} here cannot be decoded (save the file as UTF-8)` });
  }
}
