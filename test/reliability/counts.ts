// Counters for RELIABILITY.md. Tests call `tally(test, what, n)` for what they tried (inputs
// generated, faults injected); when PUFFLE_RELIABILITY_DIR is set (scripts/reliability.mjs sets it),
// each test file writes its counts there as JSON when it ends. Without it, counting costs nothing
// and nothing is written.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const counts: Record<string, Record<string, number>> = {};

export function tally(test: string, what: string, n = 1): void {
  const entry = (counts[test] ??= {});
  entry[what] = (entry[what] ?? 0) + n;
}

/** Call from `afterAll` with the test file's `import.meta.url`. */
export function flushCounts(fileUrl: string): void {
  const dir = process.env.PUFFLE_RELIABILITY_DIR;
  if (!dir) return;
  fs.mkdirSync(dir, { recursive: true });
  const name = path.basename(fileURLToPath(fileUrl)).replace(/\W+/g, "_");
  fs.writeFileSync(path.join(dir, `${name}.json`), `${JSON.stringify(counts, null, 2)}\n`);
}
