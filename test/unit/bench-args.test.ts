// `npm run bench`'s options (test/bench/run.mjs): a bad one is said at once — exit 2, the option and
// the rule, the usage — before anything is installed, built, run or written; no stack trace.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { root } from "../helpers.js";
import { scratchDir } from "../scratch.js";

const script = path.join(root, "test/bench/run.mjs");
const lastRun = path.join(root, "test/bench/last-run.json");
const work = scratchDir("puffle-bench-args-");

function bench(...args: string[]) {
  const r = spawnSync(process.execPath, [script, ...args], { cwd: root, encoding: "utf8", timeout: 20_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
// A rename can only replace: a named pipe (as /dev/null, a device) would become a file.
spawnSync("mkfifo", [path.join(work, "pipe")]);
const stat = (file: string) => fs.statSync(file, { throwIfNoEntry: false })?.mtimeMs;

describe("npm run bench: bad options", () => {
  const report = path.join(work, "BENCHMARKS.md");
  const cases: [string, { given: string[]; want: RegExp }][] = [
    ["an unknown option", { given: ["--bogus", "--out", report], want: /^bench: Unknown option '--bogus'/ }],
    ["a positional argument", { given: ["validators", "--out", report], want: /^bench: Unexpected argument 'validators'/ }],
    ["--only without a value", { given: ["--out", report, "--only"], want: /^bench: Option '--only <value>' argument missing/ }],
    ["--only with an empty list", { given: ["--only=", "--out", report], want: /^bench: --only: "" is not a scenario$/m }],
    ["--only with a misspelt scenario", { given: ["--only", "validators,e2E", "--out", report], want: /^bench: --only: "e2E" is not a scenario$/m }],
    ["--only with two unknown scenarios", { given: ["--only", "speed,size,memory", "--out", report], want: /^bench: --only: "speed", "memory" are not scenarios$/m }],
    ["--out in a missing directory", { given: ["--out", path.join(work, "missing/B.md")], want: /^bench: --out: cannot write \S+missing\/B\.md \(\S+missing: ENOENT\)$/m }],
    ["--out naming a directory", { given: ["--out", work], want: /^bench: --out: cannot write \S+ \(it is a directory; give a file name\)$/m }],
    ["--out naming a named pipe (or /dev/null)", { given: ["--out", path.join(work, "pipe")], want: /^bench: --out: cannot write \S+pipe \(it is a named pipe, not a regular file; give a file name\)$/m }],
    ["--out under a file", { given: ["--out", path.join(script, "B.md")], want: /^bench: --out: cannot write \S+ \(\S+run\.mjs is not a directory\)$/m }],
    ["--out naming the run's record", { given: ["--out", path.join(path.dirname(script), "lib/../last-run.json")], want: /^bench: --out: cannot write \S+last-run\.json \(it is test\/bench\/last-run\.json, the run's record; give another file\)$/m }],
    ["--quick with a value", { given: ["--quick=1", "--out", report], want: /^bench: Option '--quick' does not take an argument/ }],
  ];
  it.each(cases)("%s: exit 2 with the rule and the usage, nothing run or written", (_name, { given, want }) => {
    const before = stat(lastRun);
    const { code, stdout, stderr } = bench(...given);
    expect(code).toBe(2);
    expect(stderr).toMatch(want);
    expect(stderr).toMatch(/^usage: npm run bench -- \[--only SCENARIO/m);
    expect(stderr).toContain("scenarios: validators, cold-start, size, pipeline, client, e2e");
    expect(stderr).not.toMatch(/\n\s+at |installing|building dist/);
    expect(stdout).toBe("");
    expect(fs.existsSync(report)).toBe(false);
    expect(stat(lastRun)).toBe(before);
  });

  it("--help prints the usage and exits 0, running nothing", () => {
    const { code, stdout, stderr } = bench("--help");
    expect(code).toBe(0);
    expect(stdout).toMatch(/^usage: npm run bench -- \[--only SCENARIO\[,SCENARIO…\]\] \[--quick\] \[--out FILE\]\n {2}scenarios: /);
    expect(stderr).toBe("");
    expect(bench("-h").stdout).toBe(stdout);
  });
});
