// Counts for RELIABILITY.md (scripts/reliability.mjs). With PUFFLE_RELIABILITY_REPORT=1 (or
// PUFFLE_RELIABILITY_DIR, the directory test/reliability/counts.ts writes to) each suite writes
// `<dir>/<name>.json`, where <dir> is PUFFLE_RELIABILITY_DIR or test-results/reliability. Without
// either variable nothing is written.
//
// Shape: the one test/reliability/counts.ts writes and scripts/reliability.mjs merges — an object
// of sections, each an object of numbers, so the script can add and render them without knowing
// this suite:
//   { "<suite>: <section>": { "<what>": <number>, ... }, ... }
// e.g. { "server load: requests": { "requests sent": 1259, ... }, "server load: statuses":
// { "status 200": 628, ... }, "server model: sequences": { "sequences run": 150, "commands executed": 2116 } }.
// A file is written only after the suite's checks ran; it says what was tried, not that it held
// (the vitest result says that).
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export type Sections = Record<string, Record<string, number>>;

function reportDir(): string | undefined {
  const dir = process.env.PUFFLE_RELIABILITY_DIR;
  if (dir) return dir;
  if (process.env.PUFFLE_RELIABILITY_REPORT === "1") {
    return path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../test-results/reliability");
  }
  return undefined;
}

/** Writes `<dir>/<file>.json` when asked to (see above); returns the file written, if any. */
export function writeReport(file: string, sections: Sections): string | undefined {
  const dir = reportDir();
  if (dir === undefined) return undefined;
  for (const [section, entry] of Object.entries(sections)) {
    for (const [what, n] of Object.entries(entry)) {
      if (typeof n !== "number" || !Number.isFinite(n)) throw new Error(`report ${file}: ${section} / ${what} is not a finite number`);
    }
  }
  fs.mkdirSync(dir, { recursive: true });
  const out = path.join(dir, `${file}.json`);
  fs.writeFileSync(out, `${JSON.stringify(sections, null, 2)}\n`);
  return out;
}

export function bump(counter: Record<string, number>, key: string | number, n = 1): void {
  counter[String(key)] = (counter[String(key)] ?? 0) + n;
}
