// `npm run docs` stopped by Ctrl-C (SIGINT to the whole foreground process group) or a SIGTERM while
// Redoc builds the page: the process ended by the signal's default action, without its "exit"
// listener, and its work folder (`puffle-docs-*`) stayed in TMPDIR. It now ends 130 / 143 with the
// folder removed. Run in a process group of its own (detached), with a TMPDIR of its own; the
// signal goes once the work folder holds the spec Redoc reads, whichever step it then reaches.
// (`npm run reliability`'s are in reliability-steps.test.ts.)
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { root } from "../helpers.js";
import { scratchDir } from "../scratch.js";

const work = scratchDir("puffle-script-signals-");

/** Runs docs.mjs in its own process group; once its work folder holds openapi.json, sends `signal` to the group. */
function docsStoppedBy(signal: NodeJS.Signals, to: "group" | "run" = "group"): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string; tmp: string; out: string }> {
  const tmp = fs.mkdtempSync(path.join(work, "tmp-"));
  const out = fs.mkdtempSync(path.join(work, "out-"));
  const child = spawn(process.execPath, [path.join(root, "scripts/docs.mjs"), out], { cwd: root, detached: true, stdio: ["ignore", "ignore", "pipe"], env: { ...process.env, TMPDIR: tmp } });
  let stderr = "";
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  let sent = false;
  const poll = setInterval(() => {
    const folder = fs.readdirSync(tmp).find((name) => name.startsWith("puffle-docs-"));
    if (sent || folder === undefined || !fs.existsSync(path.join(tmp, folder, "openapi.json"))) return;
    sent = true;
    clearInterval(poll);
    process.kill(to === "group" ? -child.pid! : child.pid!, signal);
  }, 10);
  return new Promise((resolve) => {
    child.on("close", (code, endedBy) => {
      clearInterval(poll);
      resolve({ code, signal: endedBy, stderr, tmp, out });
    });
  });
}

describe("npm run docs stopped while Redoc builds", () => {
  it.each([["SIGINT", 130], ["SIGTERM", 143]] as const)("%s: exit %i, no puffle-docs-* folder left in TMPDIR", async (signal, code) => {
    const r = await docsStoppedBy(signal);
    expect({ code: r.code, signal: r.signal }, r.stderr).toEqual({ code, signal: null });
    expect(fs.readdirSync(r.tmp)).toEqual([]);
  }, 120_000);
});

// A SIGTERM to the run alone (`kill PID`, `timeout`): it waited under spawnSync for Redoc's build,
// then checked and wrote the page, and only then ended 143 (an output written by a run told to
// stop). Redoc is now given the signal, and the run ends 143 once it has, nothing written.
describe("npm run docs: a SIGTERM to the run alone while Redoc builds", () => {
  it("Redoc gets it; exit 143, no page written, no puffle-docs-* folder left", async () => {
    const r = await docsStoppedBy("SIGTERM", "run");
    expect({ code: r.code, signal: r.signal }, r.stderr).toEqual({ code: 143, signal: null });
    expect(fs.readdirSync(r.out)).toEqual([]);
    expect(fs.readdirSync(r.tmp)).toEqual([]);
  }, 120_000);
});

// A step that ignores the signal passed on (or hangs on it) kept the run waiting, with nothing but
// SIGKILL to end it, which leaves the work folder: a second signal now ends the step outright
// (SIGKILL), and the run ends with the first signal's code.
describe("runStep: a second signal ends a step that ignores the first", () => {
  it("SIGTERM, then SIGTERM again: the step is killed, the run ends 143 without going on", async () => {
    const writeFiles = pathToFileURL(path.join(root, "scripts/publish/write-files.mjs")).href;
    // The step ends by itself once the run is gone (so none is left behind when the test fails).
    const step = "process.on('SIGTERM', () => console.log('ignored')); const run = process.ppid; console.log('ready'); setInterval(() => { try { process.kill(run, 0); } catch { process.exit(); } }, 200);";
    const program = `import { runStep } from ${JSON.stringify(writeFiles)};\nawait runStep(process.execPath, ["-e", ${JSON.stringify(step)}], { stdio: ["ignore", "inherit", "inherit"] });\nconsole.log("went on");\n`;
    const run = spawn(process.execPath, ["--input-type=module", "-e", program], { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    run.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    const said = (line: string) => stdout.split("\n").includes(line);
    let signals = 0;
    run.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk;
      // The first once the step listens; the second once the step has shown it ignored the first.
      if (signals === 0 && said("ready")) {
        signals = 1;
        run.kill("SIGTERM");
      } else if (signals === 1 && said("ignored")) {
        signals = 2;
        run.kill("SIGTERM");
      }
    });
    // Without the fix the run never ends: a guard (not a timing assertion) stops it and fails the test.
    const guard = setTimeout(() => run.kill("SIGKILL"), 30_000);
    const ended = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => run.on("close", (code, signal) => resolve({ code, signal })));
    clearTimeout(guard);
    expect({ ...ended, signals, stdout }, stderr).toEqual({ code: 143, signal: null, signals: 2, stdout: "ready\nignored\n" });
  }, 60_000);
});
