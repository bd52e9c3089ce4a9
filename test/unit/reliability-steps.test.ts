// `npm run reliability` when a step fails, and when a signal comes while it writes RELIABILITY.md.
// Run on a copy of scripts/ (the script finds the repo from its own place) with stand-ins for the
// steps it runs, `node_modules/vitest/vitest.mjs` and `test/reliability/hostile.mjs`, so that no
// real suite runs: the stand-ins write the result files the script reads (or not, or fail).
// hostile.mjs failing was execFileSync's stack trace with the work folder left; vitest writing no
// results left the work folder; and the final process.exit right after the write ended the run with
// 0 when a SIGTERM came during it (scripts/publish/write-files.mjs's header: let the loop run).
import { spawnSync, type SpawnSyncOptionsWithStringEncoding } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { root } from "../helpers.js";
import { scratchDir } from "../scratch.js";

const work = scratchDir("puffle-reliability-steps-");

/** A stand-in vitest: writes an empty run's JSON report to `--outputFile.json=…`, unless told not to. */
const VITEST_WRITES = `const out = process.argv.find((a) => a.startsWith("--outputFile.json="));
require("node:fs").writeFileSync(out.slice("--outputFile.json=".length), JSON.stringify({ testResults: [] }));
`;
const VITEST_WRITES_NOTHING = "process.exitCode = 1;\n";
/** A stand-in hostile.mjs: writes no cases to `--json FILE`, or fails. */
const HOSTILE_WRITES = `const a = process.argv;
require("node:fs").writeFileSync(a[a.indexOf("--json") + 1], JSON.stringify({ node: process.version, results: [] }));
`;
const HOSTILE_FAILS = "process.exitCode = 3;\n";

/** A copy of the repo's scripts/ with the two stand-ins, in a folder of its own, and a TMPDIR for its work folder. */
function copyWith(vitest: string, hostile: string): { copy: string; tmp: string } {
  const copy = fs.mkdtempSync(path.join(work, "root-"));
  fs.cpSync(path.join(root, "scripts"), path.join(copy, "scripts"), { recursive: true });
  // Both are .mjs (the script runs them by these names): `require` made for the stand-ins' text.
  for (const [file, text] of [["node_modules/vitest/vitest.mjs", vitest], ["test/reliability/hostile.mjs", hostile]] as const) {
    fs.mkdirSync(path.join(copy, path.dirname(file)), { recursive: true });
    fs.writeFileSync(path.join(copy, file), `import { createRequire } from "node:module";\nconst require = createRequire(import.meta.url);\n${text}`);
  }
  const tmp = fs.mkdtempSync(path.join(work, "tmp-"));
  return { copy, tmp };
}

function run(copy: string, tmp: string, nodeArgs: string[] = []) {
  const r = spawnSync(process.execPath, [...nodeArgs, path.join(copy, "scripts/reliability.mjs")], { cwd: copy, encoding: "utf8", timeout: 60_000, env: { ...process.env, TMPDIR: tmp } });
  return { status: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

describe("npm run reliability: a step that fails", () => {
  it.each([
    ["vitest writes no results", VITEST_WRITES_NOTHING, HOSTILE_WRITES, "reliability: vitest wrote no results (exit 1); RELIABILITY.md left as it was\n"],
    ["test/reliability/hostile.mjs fails", VITEST_WRITES, HOSTILE_FAILS, "reliability: test/reliability/hostile.mjs failed (exit 3); RELIABILITY.md left as it was\n"],
    ["test/reliability/hostile.mjs writes something that is not JSON", VITEST_WRITES, 'require("node:fs").writeFileSync(process.argv[process.argv.indexOf("--json") + 1], "{");\n', /^reliability: cannot read test\/reliability\/hostile\.mjs's results \([^\n]*\); RELIABILITY\.md left as it was\n$/],
  ] as const)("%s: one line naming it, exit 1, no report, no work folder left", (_name, vitest, hostile, want) => {
    const { copy, tmp } = copyWith(vitest, hostile);
    const r = run(copy, tmp);
    if (typeof want === "string") expect(r.stderr).toBe(want);
    else expect(r.stderr).toMatch(want);
    expect(r.status).toBe(1);
    expect(fs.existsSync(path.join(copy, "RELIABILITY.md"))).toBe(false);
    expect(fs.readdirSync(tmp)).toEqual([]);
  });
});

describe("npm run reliability: a signal while it writes RELIABILITY.md", () => {
  // A preloaded module makes the rename into place send the process SIGTERM, as a Ctrl-C or a CI
  // timeout might at that moment (writeFilesAtomically calls fs.renameSync on node:fs's default export).
  it("the report is written whole, the work folder removed, and the run ends 143, not 0", () => {
    const { copy, tmp } = copyWith(VITEST_WRITES, HOSTILE_WRITES);
    const preload = path.join(copy, "sigterm-on-rename.mjs");
    fs.writeFileSync(preload, `import fs from "node:fs";
const renameSync = fs.renameSync;
fs.renameSync = (from, to) => {
  if (String(to).endsWith("RELIABILITY.md")) process.kill(process.pid, "SIGTERM");
  return renameSync(from, to);
};
`);
    const r = run(copy, tmp, ["--import", pathToFileURL(preload).href]);
    expect({ status: r.status, signal: r.signal }).toEqual({ status: 143, signal: null });
    expect(fs.readFileSync(path.join(copy, "RELIABILITY.md"), "utf8")).toMatch(/^<!-- generated by `npm run reliability`[\s\S]*## Hostile input[\s\S]*\n$/);
    expect(fs.readdirSync(tmp)).toEqual([]);
  });
});

describe("npm run reliability: a signal while the suites run", () => {
  // Ctrl-C signals the whole foreground process group: the run (in a group of its own here) and its
  // vitest. The process ended by the signal's default action and its work folder stayed in TMPDIR;
  // vitest itself ends with exit 130 on SIGINT, and the run then said "vitest wrote no results" and
  // ended 1. It now ends 130 / 143, with no work folder and no report.
  const killsItsGroup = (signal: string) => `process.kill(0, ${JSON.stringify(signal)});\nsetTimeout(() => {}, 30_000);\n`;
  const endsLikeVitest = `process.on("SIGINT", () => process.exit(130));\n${killsItsGroup("SIGINT")}`;
  it.each([
    ["SIGINT, vitest ended by it: exit 130", killsItsGroup("SIGINT"), 130],
    ["SIGTERM, vitest ended by it: exit 143", killsItsGroup("SIGTERM"), 143],
    ["SIGINT, vitest ending itself with exit 130 (as it does): exit 130", endsLikeVitest, 130],
  ] as const)("%s, no work folder, no report", (_name, vitest, code) => {
    const { copy, tmp } = copyWith(vitest, HOSTILE_WRITES);
    // detached: a process group of its own (spawnSync honours it, though @types/node does not declare it).
    const options = { cwd: copy, encoding: "utf8", timeout: 60_000, detached: true, env: { ...process.env, TMPDIR: tmp } } as SpawnSyncOptionsWithStringEncoding;
    const r = spawnSync(process.execPath, [path.join(copy, "scripts/reliability.mjs")], options);
    expect({ status: r.status, signal: r.signal }, r.stderr).toEqual({ status: code, signal: null });
    expect(fs.readdirSync(tmp)).toEqual([]);
    expect(fs.existsSync(path.join(copy, "RELIABILITY.md"))).toBe(false);
  });

  // A signal to the run alone (`kill PID`, `timeout`, a CI stopping the one process it started) came
  // while it waited for its vitest (spawnSync): the run went on until the suites had ended, then ran
  // hostile.mjs, wrote RELIABILITY.md and only then ended 143, its vitest never told. The step is
  // now given the signal, and the run ends by it once the step has ended: no report.
  it("SIGTERM to the run alone: its vitest gets it, exit 143, no work folder, no report", () => {
    const vitest = `const fs = require("node:fs");
const marker = ${JSON.stringify("vitest-stopped")};
process.on("SIGTERM", () => { fs.writeFileSync(require("node:path").join(process.cwd(), marker), "SIGTERM"); process.exit(143); });
process.kill(process.ppid, "SIGTERM");
setTimeout(() => { ${VITEST_WRITES.replace(/\n/g, " ")} }, 2000);
`;
    const { copy, tmp } = copyWith(vitest, HOSTILE_WRITES);
    const r = run(copy, tmp);
    expect({ status: r.status, signal: r.signal }, r.stderr).toEqual({ status: 143, signal: null });
    expect(fs.readFileSync(path.join(copy, "vitest-stopped"), "utf8")).toBe("SIGTERM");
    expect(fs.readdirSync(tmp)).toEqual([]);
    expect(fs.existsSync(path.join(copy, "RELIABILITY.md"))).toBe(false);
  });
});
