// Counts for RELIABILITY.md (scripts/reliability.mjs). With PUFFLE_RELIABILITY_REPORT=1 (or
// PUFFLE_RELIABILITY_DIR, the directory test/reliability/counts.ts writes to) each suite writes
// `<dir>/<name>.json`, where <dir> is PUFFLE_RELIABILITY_DIR or test-results/reliability. Without
// either variable nothing is written.
//
// Shape (every leaf a number, like test/reliability/counts.ts, plus `suite`, `config`, `generated_at`):
//   {
//     "suite": "server-load" | "server-model",
//     "generated_at": "<ISO time>",
//     "config": { <name>: number, ... },            // the knobs the run used (duration, runs, ...)
//     "counts": { <what>: number, ... },            // requests sent, sequences run, commands executed, ...
//     "statuses": { "200": n, "400": n, ... },      // every HTTP status seen, with how often
//     "by_kind": { <request kind>: n, ... },        // the mix that was sent
//     "held": { <invariant>: number of checks }     // what was asserted, how many times (all passed if written)
//   }
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export interface SuiteReport {
  suite: string;
  config: Record<string, number | string>;
  counts: Record<string, number>;
  statuses: Record<string, number>;
  by_kind: Record<string, number>;
  held: Record<string, number>;
}

export function reportDir(): string | undefined {
  const dir = process.env.PUFFLE_RELIABILITY_DIR;
  if (dir) return dir;
  if (process.env.PUFFLE_RELIABILITY_REPORT === "1") {
    return path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../test-results/reliability");
  }
  return undefined;
}

/** Writes the report when asked to (see above); returns the file written, if any. */
export function writeReport(report: SuiteReport): string | undefined {
  const dir = reportDir();
  if (dir === undefined) return undefined;
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${report.suite}.json`);
  const { suite, ...rest } = report;
  fs.writeFileSync(file, `${JSON.stringify({ suite, generated_at: new Date().toISOString(), ...rest }, null, 2)}\n`);
  return file;
}

export function bump(counter: Record<string, number>, key: string | number, n = 1): void {
  counter[String(key)] = (counter[String(key)] ?? 0) + n;
}
