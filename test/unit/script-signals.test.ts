// `npm run docs` stopped by Ctrl-C (SIGINT to the whole foreground process group) or a SIGTERM while
// Redoc builds the page: the process ended by the signal's default action, without its "exit"
// listener, and its work folder (`puffle-docs-*`) stayed in TMPDIR. It now ends 130 / 143 with the
// folder removed. Run in a process group of its own (detached), with a TMPDIR of its own; the
// signal goes once the work folder holds the spec Redoc reads, whichever step it then reaches.
// (`npm run reliability`'s are in reliability-steps.test.ts.)
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
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
