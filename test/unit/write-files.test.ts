// The programs that write files outside generated/ (docs' index.html and openapi.json, bench's
// BENCHMARKS.md and last-run.json, RELIABILITY.md, scripts/lib/meta-validator-2020.mjs) write them
// all or none (scripts/publish/write-files.mjs): a write or a rename that fails, or a signal while
// they are written, leaves the earlier files as they were, never a truncated file nor a mix of two
// runs' files, and no temporary name behind. Failures are injected (an fs that fails on cue; a child
// that sends itself SIGTERM between two renames), never timed.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
// @ts-expect-error -- plain ESM without declarations
import { writeReport } from "../bench/lib/report.mjs";
import { root } from "../helpers.js";
import { scratchDir } from "../scratch.js";
import { writeFailure, writeFilesAtomically, writeTarget } from "../../scripts/publish/write-files.mjs";

const work = scratchDir("puffle-write-files-");
let n = 0;
/** A fresh folder holding `files` (name → text). */
function folder(files: Record<string, string>): string {
  const dir = path.join(work, `case-${n++}`);
  fs.mkdirSync(dir);
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}
/** Every entry of `dir` with its text ("/" for a folder). */
const contents = (dir: string) => Object.fromEntries(fs.readdirSync(dir).sort().map((name) => [name, fs.statSync(path.join(dir, name)).isDirectory() ? "/" : fs.readFileSync(path.join(dir, name), "utf8")]));
/** node:fs, but `method` throws `code` on its call whose first argument ends with `suffix` (after writing half, for a write). */
function failing(method: "writeFileSync" | "renameSync", suffix: string, code: string): typeof fs {
  return {
    ...fs,
    [method]: (...args: [string, string]) => {
      const target = method === "renameSync" ? args[1] : args[0];
      if (target.endsWith(suffix)) {
        if (method === "writeFileSync") fs.writeFileSync(args[0], args[1].slice(0, args[1].length / 2));
        throw Object.assign(new Error(`${code}: injected`), { code });
      }
      return (fs[method] as (...a: unknown[]) => unknown)(...args);
    },
  } as typeof fs;
}

describe("writeFilesAtomically", () => {
  it("writes every file, nothing left beside them", () => {
    const dir = folder({ "a.md": "old a" });
    writeFilesAtomically([[path.join(dir, "a.md"), "new a"], [path.join(dir, "b.json"), "new b"]]);
    expect(contents(dir)).toEqual({ "a.md": "new a", "b.json": "new b" });
  });

  it("a write that fails part way (a full disk) on the second file: both as they were, the error names it", () => {
    const dir = folder({ "a.md": "old a", "b.json": "old b" });
    let error: unknown;
    try {
      writeFilesAtomically([[path.join(dir, "a.md"), "new a"], [path.join(dir, "b.json"), "new b"]], { fs: failing("writeFileSync", "b.json.partial-" + process.pid, "ENOSPC") });
    } catch (err) {
      error = err;
    }
    expect(writeFailure(error, dir)).toBe("cannot write b.json (ENOSPC)");
    expect(contents(dir)).toEqual({ "a.md": "old a", "b.json": "old b" });
  });

  // The cleanup of a failed write runs in a finally: a temporary name it could not remove threw
  // from there, and the error said EBUSY about a.md instead of the full disk on b.json.
  it("a temporary name that cannot be removed after a failed write: the error is still the write's", () => {
    const dir = folder({ "a.md": "old a", "b.json": "old b" });
    const base = failing("writeFileSync", "b.json.partial-" + process.pid, "ENOSPC");
    const rmSync = (file: fs.PathLike, options?: fs.RmOptions) => {
      if (String(file).endsWith("a.md.partial-" + process.pid)) throw Object.assign(new Error("EBUSY: injected"), { code: "EBUSY" });
      return fs.rmSync(file, options);
    };
    let error: unknown;
    try {
      writeFilesAtomically([[path.join(dir, "a.md"), "new a"], [path.join(dir, "b.json"), "new b"]], { fs: { ...base, rmSync } });
    } catch (err) {
      error = err;
    }
    expect(writeFailure(error, dir)).toBe("cannot write b.json (ENOSPC)");
    fs.rmSync(path.join(dir, ".a.md.partial-" + process.pid));
    expect(contents(dir)).toEqual({ "a.md": "old a", "b.json": "old b" });
  });

  it("a rename that fails on the second file: the first gets its previous content back; a new first file is removed", () => {
    const dir = folder({ "a.md": "old a", "b.json": "old b" });
    const files: [string, string][] = [[path.join(dir, "a.md"), "new a"], [path.join(dir, "b.json"), "new b"]];
    expect(() => writeFilesAtomically(files, { fs: failing("renameSync", "b.json", "EROFS") })).toThrow(/EROFS/);
    expect(contents(dir)).toEqual({ "a.md": "old a", "b.json": "old b" });

    const fresh = folder({ "b.json": "old b" });
    expect(() => writeFilesAtomically([[path.join(fresh, "a.md"), "new a"], [path.join(fresh, "b.json"), "new b"]], { fs: failing("renameSync", "b.json", "EROFS") })).toThrow(/EROFS/);
    expect(contents(fresh)).toEqual({ "b.json": "old b" });
  });

  it("a file name that is a folder: refused before anything is written", () => {
    const dir = folder({ "a.md": "old a" });
    fs.mkdirSync(path.join(dir, "b.json"));
    let error: unknown;
    try {
      writeFilesAtomically([[path.join(dir, "a.md"), "new a"], [path.join(dir, "b.json"), "new b"]]);
    } catch (err) {
      error = err;
    }
    expect(writeFailure(error, dir)).toBe("cannot write b.json (EISDIR)");
    expect(contents(dir)).toEqual({ "a.md": "old a", "b.json": "/" });
  });

  // A rename can only replace: a named pipe, or a device (`--out /dev/null`, as root), became a file.
  it("a file name that is a named pipe: refused before anything is written, the pipe left", () => {
    const dir = folder({ "a.md": "old a" });
    expect(spawnSync("mkfifo", [path.join(dir, "pipe")]).status).toBe(0);
    let error: unknown;
    try {
      writeFilesAtomically([[path.join(dir, "a.md"), "new a"], [path.join(dir, "pipe"), "new"]]);
    } catch (err) {
      error = err;
    }
    expect(writeFailure(error, dir)).toBe("cannot write pipe (not a regular file: a named pipe)");
    expect(fs.lstatSync(path.join(dir, "pipe")).isFIFO()).toBe(true);
    expect(fs.readdirSync(dir).sort()).toEqual(["a.md", "pipe"]);
    expect(fs.readFileSync(path.join(dir, "a.md"), "utf8")).toBe("old a");
  });

  // The rollback checked for a previous file with existsSync, which follows a link: a link to nothing
  // had no backup, and the rollback removed the file the write had put in its place.
  it("a rename that fails after a link to nothing was replaced: the link is put back", () => {
    const dir = folder({ "b.json": "old b" });
    fs.symlinkSync("nowhere.md", path.join(dir, "a.md"));
    expect(() => writeFilesAtomically([[path.join(dir, "a.md"), "new a"], [path.join(dir, "b.json"), "new b"]], { fs: failing("renameSync", "b.json", "EROFS") })).toThrow(/EROFS/);
    expect(fs.readlinkSync(path.join(dir, "a.md"))).toBe("nowhere.md");
    expect(fs.readdirSync(dir).sort()).toEqual(["a.md", "b.json"]);
  });

  // The rollback of a file whose rename back failed (a rename failing while an unlink works) went
  // on to remove its backup, the previous content's only copy, and the callers said "left as it was".
  it("a file that cannot be put back keeps its backup, and the error says where it is, not 'left as it was'", () => {
    const dir = fs.realpathSync(folder({ "a.md": "old a", "b.json": "old b" }));
    const renameSync = (from: fs.PathLike, to: fs.PathLike) => {
      if (String(to).endsWith("b.json")) throw Object.assign(new Error("EROFS: injected"), { code: "EROFS" });
      if (String(from).endsWith(".old")) throw Object.assign(new Error("EACCES: injected"), { code: "EACCES" });
      return fs.renameSync(from, to);
    };
    let error: unknown;
    try {
      writeFilesAtomically([[path.join(dir, "a.md"), "new a"], [path.join(dir, "b.json"), "new b"]], { fs: { ...fs, renameSync } });
    } catch (err) {
      error = err;
    }
    const backup = `.a.md.partial-${process.pid}.old`;
    expect(writeFailure(error, dir, "out left as it was")).toBe(`cannot write b.json (EROFS); a.md could not be put back (EACCES): its previous content is in ${backup} until the next write of it`);
    expect(contents(dir)).toEqual({ [backup]: "old a", "a.md": "new a", "b.json": "old b" });
  });

  it("a new file that cannot be removed again: the error says it is there; all put back: the caller's words", () => {
    const dir = fs.realpathSync(folder({ "b.json": "old b" }));
    const files: [string, string][] = [[path.join(dir, "a.md"), "new a"], [path.join(dir, "b.json"), "new b"]];
    const rmSync = (file: fs.PathLike, options?: fs.RmOptions) => {
      if (String(file).endsWith("a.md")) throw Object.assign(new Error("EBUSY: injected"), { code: "EBUSY" });
      return fs.rmSync(file, options);
    };
    let error: unknown;
    try {
      writeFilesAtomically(files, { fs: { ...failing("renameSync", "b.json", "EROFS"), rmSync } });
    } catch (err) {
      error = err;
    }
    expect(writeFailure(error, dir, "out left as it was")).toBe("cannot write b.json (EROFS); a.md could not be removed (EBUSY): it is new, from this run");
    expect(contents(dir)).toEqual({ "a.md": "new a", "b.json": "old b" });

    const again = folder({ "a.md": "old a", "b.json": "old b" });
    try {
      writeFilesAtomically([[path.join(again, "a.md"), "new a"], [path.join(again, "b.json"), "new b"]], { fs: failing("renameSync", "b.json", "EROFS") });
    } catch (err) {
      error = err;
    }
    expect(writeFailure(error, again, "out left as it was")).toBe("cannot write b.json (EROFS); out left as it was");
  });

  // The files were in place, but a backup that could not be removed threw out of the cleanup: the
  // caller said "cannot write …; left as it was" about a write that was done.
  it("a temporary name that cannot be removed once the files are in place: no error, the files written", () => {
    const dir = folder({ "a.md": "old a" });
    const rmSync = (file: fs.PathLike, options?: fs.RmOptions) => {
      if (String(file).endsWith(".old") && fs.existsSync(file)) throw Object.assign(new Error("EBUSY: injected"), { code: "EBUSY" });
      return fs.rmSync(file, options);
    };
    writeFilesAtomically([[path.join(dir, "a.md"), "new a"]], { fs: { ...fs, rmSync } });
    expect(fs.readFileSync(path.join(dir, "a.md"), "utf8")).toBe("new a");
  });

  // Two writers of one folder at once had no lock: between this write's renames another process
  // wrote both files, and this write's rollback then put back a.md's previous content over the
  // other's finished write: its b.json beside the old a.md. The other now waits (here: not at all).
  it("another process writing the same files meanwhile waits for the lock; a rollback never undoes its write", () => {
    const dir = folder({ "a.md": "old a", "b.json": "old b" });
    const other = `
      import { writeFailure, writeFilesAtomically } from ${JSON.stringify(pathToFileURL(path.join(root, "scripts/publish/write-files.mjs")).href)};
      const dir = ${JSON.stringify(dir)};
      try {
        writeFilesAtomically([[dir + "/a.md", "their a"], [dir + "/b.json", "their b"]], { lockWait: 0 });
      } catch (err) {
        process.stderr.write(writeFailure(err, dir) + "\\n");
        process.exitCode = 1;
      }
    `;
    let theirs: ReturnType<typeof spawnSync> | undefined;
    const renameSync = (from: fs.PathLike, to: fs.PathLike) => {
      if (String(to).endsWith("b.json")) {
        theirs = spawnSync(process.execPath, ["--input-type=module", "-e", other], { encoding: "utf8", timeout: 20_000 });
        throw Object.assign(new Error("EROFS: injected"), { code: "EROFS" });
      }
      return fs.renameSync(from, to);
    };
    expect(() => writeFilesAtomically([[path.join(dir, "a.md"), "new a"], [path.join(dir, "b.json"), "new b"]], { fs: { ...fs, renameSync } })).toThrow(/EROFS/);
    expect(contents(dir)).toEqual({ "a.md": "old a", "b.json": "old b" });
    expect({ status: theirs?.status, stderr: theirs?.stderr }).toEqual({ status: 1, stderr: expect.stringMatching(/^cannot write a\.md \(being written by process \d+: its lock .*\.a\.md\.write-lock is there; if no such write runs, delete it\)\n$/) });
  });

  it("a lock held by a running process: refused once the wait is over, nothing written; a dead process's lock is taken over", () => {
    const dir = folder({ "a.md": "old a", ".a.md.write-lock": `${process.ppid}\n` });
    let error: unknown;
    try {
      writeFilesAtomically([[path.join(dir, "a.md"), "new a"]], { lockWait: 0 });
    } catch (err) {
      error = err;
    }
    expect(writeFailure(error, dir)).toMatch(new RegExp(`^cannot write a\\.md \\(being written by process ${process.ppid}: `));
    expect(contents(dir)).toEqual({ ".a.md.write-lock": `${process.ppid}\n`, "a.md": "old a" });

    const dead = spawnSync(process.execPath, ["-e", ""]).pid;
    const stale = folder({ "a.md": "old a", ".a.md.write-lock": `${dead}\n`, [`.a.md.write-lock-${dead}`]: `${dead}\n` });
    writeFilesAtomically([[path.join(stale, "a.md"), "new a"]], { lockWait: 0 });
    expect(contents(stale)).toEqual({ "a.md": "new a" });
  });

  // A container starts its processes at the same ids run after run: a writer killed outright left a
  // lock naming the id this process now has. It was "held by a running process" (this one): every
  // write waited 10 s and failed, blaming itself. A write is synchronous, so this process holds no
  // lock when it takes one: a lock naming it is a dead one's, taken over.
  it("a lock naming this process's id (a killed run's, the id reused) is taken over, not waited for", () => {
    const dir = folder({ "a.md": "old a", ".a.md.write-lock": `${process.pid}\n` });
    writeFilesAtomically([[path.join(dir, "a.md"), "new a"]], { lockWait: 0 });
    expect(contents(dir)).toEqual({ "a.md": "new a" });
  });

  it("a file system without hard links: the lock is made under its name, and the write done", () => {
    const dir = folder({ "a.md": "old a" });
    const linkSync = () => {
      throw Object.assign(new Error("EPERM: injected"), { code: "EPERM" });
    };
    writeFilesAtomically([[path.join(dir, "a.md"), "new a"]], { fs: { ...fs, linkSync }, lockWait: 0 });
    expect(contents(dir)).toEqual({ "a.md": "new a" });
  });

  it("the same file given twice (another spelling of its path): refused before anything is written", () => {
    const dir = folder({ "a.md": "old a" });
    let error: unknown;
    try {
      writeFilesAtomically([[path.join(dir, "a.md"), "x"], [`${dir}/../${path.basename(dir)}/a.md`, "y"]]);
    } catch (err) {
      error = err;
    }
    expect(writeFailure(error, dir)).toMatch(/^cannot write .*a\.md \(the same file as .*a\.md, given twice\)$/);
    expect(contents(dir)).toEqual({ "a.md": "old a" });
  });

  it("the same file through a linked folder: refused too, as bench's --out check (writeTarget) refuses it", () => {
    const dir = folder({ "a.md": "old a" });
    const linked = path.join(work, `link-${n++}`);
    fs.symlinkSync(dir, linked);
    expect(writeTarget(path.join(linked, "a.md"))).toBe(writeTarget(path.join(dir, "a.md")));
    expect(() => writeFilesAtomically([[path.join(dir, "a.md"), "x"], [path.join(linked, "a.md"), "y"]])).toThrow(/^the same file as .*a\.md, given twice$/);
    expect(contents(dir)).toEqual({ "a.md": "old a" });
  });

  it("a symbolic link is written through, not replaced; a file keeps its mode", () => {
    const dir = folder({ "real.md": "old", "run.sh": "old" });
    fs.symlinkSync("real.md", path.join(dir, "link.md"));
    fs.chmodSync(path.join(dir, "run.sh"), 0o755);
    writeFilesAtomically([[path.join(dir, "link.md"), "new"], [path.join(dir, "run.sh"), "new"]]);
    expect(fs.lstatSync(path.join(dir, "link.md")).isSymbolicLink()).toBe(true);
    expect(contents(dir)).toEqual({ "link.md": "new", "real.md": "new", "run.sh": "new" });
    expect((fs.statSync(path.join(dir, "run.sh")).mode & 0o777).toString(8)).toBe("755");
  });

  // A process killed outright (SIGKILL) leaves its temporary names: the next write removes those of a
  // process that no longer runs, keeps a live one's, and git ignores them meanwhile.
  it("temporary names a killed run left are removed; a running process's are kept; git ignores them", () => {
    const dead = spawnSync(process.execPath, ["-e", ""]).pid;
    const live = process.ppid;
    const dir = folder({ "a.md": "old a", [`.a.md.partial-${dead}`]: "cut", [`.a.md.partial-${dead}.old`]: "old a", [`.a.md.partial-${live}`]: "theirs", [`.b.md.partial-${dead}`]: "other file" });
    writeFilesAtomically([[path.join(dir, "a.md"), "new a"]]);
    expect(contents(dir)).toEqual({ [`.a.md.partial-${live}`]: "theirs", [`.b.md.partial-${dead}`]: "other file", "a.md": "new a" });
    const leftovers = [`.RELIABILITY.md.partial-${dead}`, `scripts/lib/.meta-validator-2020.mjs.partial-${dead}.old`, ".RELIABILITY.md.write-lock", `.RELIABILITY.md.write-lock-${dead}`];
    const ignored = spawnSync("git", ["check-ignore", "--no-index", ...leftovers], { cwd: root, encoding: "utf8" });
    if (ignored.error) return; // no git here
    expect(ignored.stdout.split("\n").filter(Boolean)).toEqual(leftovers);
  });

  // The signal reaches the program's listener only when the event loop polls once the write is done;
  // a program that went on a while after it (reliability removes its work folder, docs prints a line)
  // let the timer meant to make that poll run first, and ended with 0, the signal never seen.
  it.each([
    ["ends there", ""],
    ["goes on a while after it", "const until = Date.now() + 20; while (Date.now() < until);"],
  ])("SIGTERM between the two renames, the program %s: the write completes, then the process exits 143; no mix, nothing left", (_name, after) => {
    const dir = folder({ "a.md": "old a", "b.json": "old b" });
    // The child's fs sends the process SIGTERM as it is about to rename the second file.
    const child = `
      import fs from "node:fs";
      import { writeFilesAtomically } from ${JSON.stringify(pathToFileURL(path.join(root, "scripts/publish/write-files.mjs")).href)};
      const dir = ${JSON.stringify(dir)};
      const renameSync = (from, to) => {
        if (to.endsWith("b.json")) process.kill(process.pid, "SIGTERM");
        return fs.renameSync(from, to);
      };
      writeFilesAtomically([[dir + "/a.md", "new a"], [dir + "/b.json", "new b"]], { fs: { ...fs, renameSync } });
      ${after}
    `;
    const r = spawnSync(process.execPath, ["--input-type=module", "-e", child], { encoding: "utf8", timeout: 20_000 });
    expect({ status: r.status, signal: r.signal, stderr: r.stderr }).toEqual({ status: 143, signal: null, stderr: "" });
    expect(contents(dir)).toEqual({ "a.md": "new a", "b.json": "new b" });
  });
});

describe("npm run bench's writer (writeReport)", () => {
  const env = { date: "2026-01-01T00:00:00.000Z", machine: { cpu: "test cpu", cores: 2, memoryGiB: 1, loadavg: [0, 0, 0], node: "v20", v8: "12", platform: "test" }, quick: true, puffle: "1.0.0", commit: "abc1234", totalSeconds: 1 };
  const results = { size: { skipped: "not written yet" } };

  it("writes BENCHMARKS.md and last-run.json together", () => {
    const dir = folder({});
    writeReport(path.join(dir, "BENCHMARKS.md"), path.join(dir, "last-run.json"), env, results);
    expect(Object.keys(contents(dir))).toEqual(["BENCHMARKS.md", "last-run.json"]);
    expect(JSON.parse(fs.readFileSync(path.join(dir, "last-run.json"), "utf8"))).toEqual({ env, results });
  });

  // The record is what the next `--only` run carries over: a new report beside the old record made
  // that run print the old figures again (and a failed write was a stack trace).
  it("last-run.json cannot be written: BENCHMARKS.md left as it was too", () => {
    const dir = folder({ "BENCHMARKS.md": "old report", "last-run.json": "{}\n" });
    expect(() => writeReport(path.join(dir, "BENCHMARKS.md"), path.join(dir, "last-run.json"), env, results, { fs: failing("renameSync", "last-run.json", "EACCES") })).toThrow(/EACCES/);
    expect(contents(dir)).toEqual({ "BENCHMARKS.md": "old report", "last-run.json": "{}\n" });
  });

  it("a report cut off by a full disk leaves the previous one whole", () => {
    const dir = folder({ "BENCHMARKS.md": "old report", "last-run.json": "{}\n" });
    expect(() => writeReport(path.join(dir, "BENCHMARKS.md"), path.join(dir, "last-run.json"), env, results, { fs: failing("writeFileSync", `BENCHMARKS.md.partial-${process.pid}`, "ENOSPC") })).toThrow(/ENOSPC/);
    expect(contents(dir)).toEqual({ "BENCHMARKS.md": "old report", "last-run.json": "{}\n" });
  });
});

// docs.mjs writes openapi.json, then index.html: with index.html a folder, openapi.json was replaced
// and the run failed, leaving the old page beside the new spec (its download link's target).
describe("npm run docs: the page and its openapi.json, both or neither", () => {
  it("index.html is a folder: exit 1 naming it, openapi.json left as it was", () => {
    const out = folder({ "openapi.json": "old spec" });
    fs.mkdirSync(path.join(out, "index.html"));
    const r = spawnSync(process.execPath, [path.join(root, "scripts/docs.mjs"), out], { cwd: root, encoding: "utf8", timeout: 60_000, env: { ...process.env, TMPDIR: work } });
    expect(r.stderr).toBe(`docs: cannot write ${path.join(out, "index.html")} (EISDIR); ${out} left as it was\n`);
    expect(r.status).toBe(1);
    expect(contents(out)).toEqual({ "index.html": "/", "openapi.json": "old spec" });
  });
});

// build-meta-validator.mjs wrote scripts/lib/meta-validator-2020.mjs in place: a run cut off while it
// wrote (a full disk, Ctrl-C) left a truncated module, which every later generate failed to import.
// Run on a copy of scripts/ (the script writes beside itself), its fs failing on cue.
describe("node scripts/build-meta-validator.mjs", () => {
  const copyOfScripts = (): string => {
    const copy = folder({});
    fs.cpSync(path.join(root, "scripts"), path.join(copy, "scripts"), { recursive: true });
    fs.symlinkSync(path.join(root, "node_modules"), path.join(copy, "node_modules"), "dir");
    return copy;
  };
  const moduleFiles = (lib: string) => fs.readdirSync(lib).filter((name) => name.includes("meta-validator-2020")).sort();

  it("a write cut off by a full disk leaves the previous meta-validator-2020.mjs whole, nothing beside it", () => {
    const copy = copyOfScripts();
    const lib = path.join(copy, "scripts/lib");
    const before = fs.readFileSync(path.join(lib, "meta-validator-2020.mjs"), "utf8");
    // In the child, a write of the module (under any name) writes half of it, then fails.
    const preload = `import fs from "node:fs";
      const write = fs.writeFileSync;
      fs.writeFileSync = (file, data, ...rest) => {
        if (String(file).includes("meta-validator-2020.mjs") && String(data).length > 1000) {
          write(file, String(data).slice(0, String(data).length / 2));
          throw Object.assign(new Error("ENOSPC: injected"), { code: "ENOSPC" });
        }
        return write(file, data, ...rest);
      };`;
    const script = path.join(copy, "scripts/build-meta-validator.mjs");
    const r = spawnSync(process.execPath, ["--import", `data:text/javascript,${encodeURIComponent(preload)}`, script], { cwd: copy, encoding: "utf8", timeout: 60_000 });
    // One line (it was a stack trace).
    expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 1, stderr: "build-meta-validator: cannot write scripts/lib/meta-validator-2020.mjs (ENOSPC); scripts/lib/meta-validator-2020.mjs left as it was\n" });
    expect(moduleFiles(lib)).toEqual(["meta-validator-2020.mjs"]);
    expect(fs.readFileSync(path.join(lib, "meta-validator-2020.mjs"), "utf8") === before, "meta-validator-2020.mjs as it was").toBe(true);
    // The same copy without the failure: the script runs there, and writes the module it had.
    const ok = spawnSync(process.execPath, [script], { cwd: copy, encoding: "utf8", timeout: 60_000 });
    expect({ status: ok.status, stderr: ok.stderr }).toEqual({ status: 0, stderr: "" });
    expect(moduleFiles(lib)).toEqual(["meta-validator-2020.mjs"]);
    expect(fs.readFileSync(path.join(lib, "meta-validator-2020.mjs"), "utf8") === before, "meta-validator-2020.mjs rewritten as it was").toBe(true);
  });
});
