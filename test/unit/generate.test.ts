// `npm run generate` prints one line per step and `npm run generate:check` catches every kind of
// drift in generated/, naming the files, without writing anything.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { root } from "../helpers.js";

const script = path.join(root, "scripts/generate.mjs");
let work: string;

function run(...args: string[]) {
  // TMPDIR inside the work dir: a failed --check keeps its fresh output there for the user to diff.
  const result = spawnSync(process.execPath, [script, ...args], { cwd: root, encoding: "utf8", env: { ...process.env, TMPDIR: work } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(fs.readdirSync(dir).sort().map((name) => {
    const file = path.join(dir, name);
    return [name, fs.statSync(file).isDirectory() ? `(folder: ${fs.readdirSync(file).sort().join(", ")})` : fs.readFileSync(file, "utf8")];
  }));
}

beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), "puffle-generate-"));
});
afterAll(() => {
  fs.rmSync(work, { recursive: true, force: true });
});

describe("generate", () => {
  it("writes the same files as the committed generated/, printing one line per step with its time", () => {
    const out = path.join(work, "fresh");
    const { code, stdout } = run("--out", out);
    expect(code).toBe(0);
    for (const step of ["lint", "bundle", "types", "validators", "meta"]) expect(stdout).toMatch(new RegExp(`^✔ ${step}\\s+\\d+ ms$`, "m"));
    expect(snapshot(out)).toEqual(snapshot(path.join(root, "generated")));
    expect(fs.readdirSync(work).filter((n) => n.startsWith("."))).toEqual([]);
  });

  it("every generated file carries the do-not-edit notice at its top", () => {
    for (const [name, text] of Object.entries(snapshot(path.join(root, "generated")))) {
      const head = name.endsWith(".json") ? Object.keys(JSON.parse(text))[0] + JSON.parse(text)["x-generated"] : text.split("\n")[0];
      expect(head, name).toMatch(/generated from openapi\/.*do not edit/);
    }
  });
});

describe("generate --out: a folder it did not write is never replaced", () => {
  // generate swaps its --out for the fresh output and deletes the old one whole: `--out .` deleted
  // the repository, `--out ~` a home folder.
  it.each([
    ["a folder of other files", (d: string) => { fs.mkdirSync(d); fs.writeFileSync(path.join(d, "notes.txt"), "mine"); fs.mkdirSync(path.join(d, "sub")); }],
    ["a file", (d: string) => fs.writeFileSync(d, "mine")],
  ])("refuses %s, exit 2, and leaves it as it was", (_name, make) => {
    const target = path.join(fs.mkdtempSync(path.join(work, "victim-")), "out");
    make(target);
    const before = fs.statSync(target).isDirectory() ? snapshot(target) : fs.readFileSync(target, "utf8");
    const { code, stderr } = run("--out", target);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^generate: --out \S+ is not a folder generate wrote/);
    expect(fs.statSync(target).isDirectory() ? snapshot(target) : fs.readFileSync(target, "utf8")).toEqual(before);
    expect(fs.readdirSync(path.dirname(target))).toEqual(["out"]);
  });

  // The output is made in --out's parent: a missing one failed after the whole pipeline (mkdir's
  // ENOENT), and one that is a file was said to be "not a folder generate wrote".
  it.each([
    ["a missing folder", (d: string) => path.join(d, "missing/out"), "does not exist"],
    ["a file", (d: string) => (fs.writeFileSync(path.join(d, "file"), "mine"), path.join(d, "file/out")), "is not a folder"],
  ])("--out under %s: exit 2 naming --out and its parent, before the pipeline, nothing written", (_name, make, want) => {
    const dir = fs.mkdtempSync(path.join(work, "parent-"));
    const target = make(dir);
    const before = fs.readdirSync(dir);
    const { code, stdout, stderr } = run("--out", target);
    expect(stderr).toBe(`generate: --out ${target}: its parent ${path.dirname(target)} ${want}; generate makes --out, not the folders above it\n`);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(fs.readdirSync(dir)).toEqual(before);
  });

  it("an empty folder, or one it wrote (even with a file added), is written", () => {
    const target = fs.mkdtempSync(path.join(work, "empty-"));
    expect(run("--out", target).code).toBe(0);
    fs.writeFileSync(path.join(target, "notes.txt"), "x");
    expect(run("--out", target, "--force").code).toBe(0);
    expect(snapshot(target)).toEqual(snapshot(path.join(root, "generated")));
  });
});

describe("generate into a folder whose path holds the temporary folders' marker", () => {
  // The old output's temporary name was the new one's with its first ".new-" made ".old-": in a
  // parent folder's name (a clone in ~/src/api.new-layout), a folder that is not there. The first
  // run wrote; every later one failed ("could not write … ENOENT, rename … -> …/api.old-layout/…").
  it("writes it again and again, nothing left beside it", () => {
    const target = path.join(work, "api.new-layout", "generated");
    fs.mkdirSync(path.dirname(target));
    for (let i = 0; i < 2; i++) {
      const { code, stderr } = run("--out", target, "--force");
      expect(stderr).toBe("");
      expect(code).toBe(0);
    }
    expect(snapshot(target)).toEqual(snapshot(path.join(root, "generated")));
    expect(fs.readdirSync(path.dirname(target))).toEqual(["generated"]);
    expect(fs.readdirSync(work).filter((n) => n.includes(".old-"))).toEqual([]);
  });
});

describe("generate under a umask", () => {
  // The new output's folder was made by mkdtemp (0700) and set to 0755 whatever the umask: under
  // umask 077 a folder all could read, holding files only their owner could.
  it.each([
    ["077", 0o700, 0o600],
    ["022", 0o755, 0o644],
  ])("umask %s: the folder and its files get the umask's modes", (umask, folder, file) => {
    const target = path.join(fs.mkdtempSync(path.join(work, "umask-")), "generated");
    const r = spawnSync("sh", ["-c", `umask ${umask} && exec "$0" "$@"`, process.execPath, script, "--out", target], { cwd: root, encoding: "utf8" });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(fs.statSync(target).mode & 0o777).toBe(folder);
    for (const name of fs.readdirSync(target)) expect(fs.statSync(path.join(target, name)).mode & 0o777, name).toBe(file);
  });
});

describe("generate:check", () => {
  const cases: [string, { mutate: (dir: string) => void; want: RegExp }][] = [
    ["an edited file", { mutate: (d) => fs.appendFileSync(path.join(d, "schema.d.ts"), "// hand edit\n"), want: /stale:\s+\S*schema\.d\.ts/ }],
    ["a missing file", { mutate: (d) => fs.rmSync(path.join(d, "validators.js")), want: /missing:\s+\S*validators\.js/ }],
    ["an extra file", { mutate: (d) => fs.writeFileSync(path.join(d, "notes.txt"), "x"), want: /extra:\s+\S*notes\.txt/ }],
    // generate replaces the whole folder: a folder in it would be gone after a regenerate.
    ["an extra folder", { mutate: (d) => { fs.mkdirSync(path.join(d, "sub")); fs.writeFileSync(path.join(d, "sub", "a.js"), "x"); }, want: /extra:\s+\S*sub\/$/m }],
    ["a folder where a generated file goes", { mutate: (d) => { fs.rmSync(path.join(d, "meta.js")); fs.mkdirSync(path.join(d, "meta.js")); }, want: /stale:\s+\S*meta\.js/ }],
  ];
  it.each(cases)("fails on %s, naming it, and changes nothing", (_name, { mutate, want }) => {
    const dir = fs.mkdtempSync(path.join(work, "check-"));
    fs.cpSync(path.join(root, "generated"), dir, { recursive: true });
    mutate(dir);
    const before = snapshot(dir);
    const { code, stderr } = run("--check", "--out", dir);
    expect(code).toBe(1);
    expect(stderr).toMatch(want);
    expect(stderr).toMatch(/run `npm run generate`/);
    expect(snapshot(dir)).toEqual(before);
    // The fresh output is kept where the message says, whole, for the user to diff against.
    const kept = /\(fresh output in (\S+)\)/.exec(stderr)?.[1];
    expect(kept && path.dirname(kept)).toBe(work);
    expect(snapshot(kept as string)).toEqual(snapshot(path.join(root, "generated")));
  });

  it("passes on an up-to-date copy", () => {
    const dir = fs.mkdtempSync(path.join(work, "ok-"));
    fs.cpSync(path.join(root, "generated"), dir, { recursive: true });
    const kept = () => fs.readdirSync(work).filter((n) => n.startsWith("puffle-generate-check-"));
    const before = kept();
    const { code, stdout } = run("--check", "--out", dir);
    expect(code).toBe(0);
    expect(stdout).toMatch(/up to date/);
    expect(kept()).toEqual(before); // its fresh output is removed when the check passes
  });

  it("rejects an unknown option with usage, exit 2", () => {
    const { code, stderr } = run("--chek");
    expect(code).toBe(2);
    expect(stderr).toMatch(/--chek/);
    expect(stderr).toMatch(/usage:/);
  });
});
