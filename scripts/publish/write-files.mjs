// Writes a program's output files all or none: docs' index.html and openapi.json, bench's
// BENCHMARKS.md and last-run.json, RELIABILITY.md, scripts/lib/meta-validator-2020.mjs.
//
// Each file is first written in full to a temporary name beside it (`.NAME.partial-PID`), so a
// process stopped while writing (Ctrl-C, a CI timeout, a full disk) leaves every earlier file as it
// was, never a truncated one. Only when all are written are they renamed into place; should a rename
// fail (the name is a folder, the disk went read-only), those already renamed get their previous
// content back, so the set is never a mix of one run's files and another's. The temporary names
// are removed whatever happens; those a process killed outright (SIGKILL) left are removed by the
// next write of that file (and .gitignore'd meanwhile). A file keeps its mode; a symbolic link is
// written through (its target gets the text), as a write in place did; one file given twice (two
// spellings of its path) is refused before anything is written. A file that cannot be put back
// keeps its backup (`.NAME.partial-PID.old`), which writeFailure names.
//
// Two processes writing one file at once (two `npm run docs` into one folder) take turns: each holds
// `.NAME.write-lock` (its process id) while it writes, the other waiting up to 10 s; a lock whose
// process no longer runs is taken over. Their temporary names differ anyway (the process id).
//
// The write is synchronous, and a signal (SIGINT, SIGTERM, SIGHUP) would by its default action end
// the process between two renames: the first call installs listeners that end it with a shell's
// code for the signal (130, 143, 129) instead, which Node runs only once the write is done. They stay
// installed, so each program calls this last; a signal that came during the write ends it as it
// finishes.
import { spawn } from "node:child_process";
import nodeFs from "node:fs";
import path from "node:path";
import { leftoversOfDeadProcesses, processRuns } from "../lib/process-runs.mjs";

/** The temporary name a file is written under before it is renamed into place. */
export const partialName = (file) => path.join(path.dirname(file), `.${path.basename(file)}.partial-${process.pid}`);

/**
 * Writes every `[file, text]` of `entries`, all or none. On failure throws the first error, with
 * `file` set to the output it was about; every file is then as it was before the call.
 * `fs` is for the tests (a write or a rename that fails on cue); `lockWait`, how long (ms) to wait
 * for another process writing one of the files before giving up.
 */
export function writeFilesAtomically(entries, { fs = nodeFs, lockWait = LOCK_WAIT_MS } = {}) {
  exitOnSignals();
  const staged = [];
  /** [file, backup or null (it did not exist), the name given] of each file already renamed into place. */
  const placed = [];
  /** Backups of files that could not be put back: the previous content's only copy, kept. */
  const kept = new Set();
  /** The lock files this call holds (see lock). */
  const locks = [];
  const about = (file, err) => Object.assign(err instanceof Error ? err : new Error(String(err)), { file });
  // A symbolic link is written through (the file it names gets the text, as a write in place did),
  // not replaced by a file; and two names of one file would rename twice, the second from a
  // temporary name already gone, with the first's backup overwritten: refused before any write.
  const targets = entries.map(([file]) => {
    try {
      return realTarget(fs, file);
    } catch (err) {
      throw about(file, err); // a path through a file (ENOTDIR), a folder we may not read (EACCES)
    }
  });
  targets.forEach((target, i) => {
    const j = targets.indexOf(target);
    if (j < i) throw about(entries[i][0], new Error(`the same file as ${entries[j][0]}, given twice`));
  });
  try {
    // One writer of a file at a time (two `npm run docs` into one folder, say): another's rollback
    // could otherwise put back its previous content over this one's finished write, or two writes
    // interleave their renames into a mix. Taken in one order (sorted), so two writers of the same
    // files never wait on each other.
    for (const i of targets.map((_, i) => i).sort((a, b) => (targets[a] < targets[b] ? -1 : targets[a] > targets[b] ? 1 : 0))) {
      try {
        locks.push(lock(fs, targets[i], lockWait));
      } catch (err) {
        throw about(entries[i][0], err);
      }
    }
    entries.forEach(([file, text], i) => {
      const target = targets[i];
      // A rename over a folder fails only at the end: say it before anything is replaced.
      const before = fs.statSync(target, { throwIfNoEntry: false });
      if (before?.isDirectory()) {
        throw about(file, Object.assign(new Error(`${file} is a directory`), { code: "EISDIR" }));
      }
      // A named pipe or a device (`--out /dev/null`) would be replaced by a file (as root, /dev's own):
      // a rename can only replace, so it is refused before anything is written.
      if (before && !before.isFile()) throw about(file, new Error(`not a regular file: ${notAFile(before)}`));
      removeLeftovers(fs, target);
      const partial = partialName(target);
      staged.push(partial);
      try {
        fs.writeFileSync(partial, text);
        // The file keeps its mode (a 0755 script stays executable), as a write in place kept it.
        if (before) fs.chmodSync(partial, before.mode & 0o7777);
      } catch (err) {
        throw about(file, err);
      }
    });
    entries.forEach(([given], i) => {
      const file = targets[i];
      let backup = null;
      try {
        // lstat: a link to nothing (the only link that is a target) is kept too, as a link.
        const present = fs.lstatSync(file, { throwIfNoEntry: false });
        if (present) {
          backup = `${partialName(file)}.old`;
          fs.rmSync(backup, { force: true });
          if (present.isSymbolicLink()) fs.symlinkSync(fs.readlinkSync(file), backup);
          else {
            try {
              fs.linkSync(file, backup);
            } catch {
              fs.copyFileSync(file, backup); // a file system without hard links
            }
          }
        }
        fs.renameSync(staged[i], file);
      } catch (err) {
        if (backup !== null) quietly(() => fs.rmSync(backup, { force: true })); // the file itself is as it was
        throw about(given, err);
      }
      placed.push([file, backup, given]);
    });
  } catch (err) {
    // A file that cannot be put back keeps its backup (the finally below would have removed the
    // previous content's last copy), and the error says so: the callers' "left as it was" is
    // then not true (writeFailure says what is where instead).
    const notRestored = [];
    for (const [file, backup, given] of placed.reverse()) {
      try {
        if (backup === null) fs.rmSync(file, { force: true });
        else fs.renameSync(backup, file);
      } catch (undo) {
        notRestored.push({ file: given, backup, code: undo?.code ?? undo?.message ?? String(undo) });
        if (backup !== null) kept.add(backup);
      }
    }
    if (notRestored.length > 0) err.notRestored = notRestored.reverse();
    throw err;
  } finally {
    // A signal that came during the write is pending in the event loop: a program that ends here
    // would end with 0 and never see it. It is delivered when the loop next polls for I/O; a timer
    // did not make it poll (its callback could run first, and the loop end: a signal lost in most
    // runs), a file system call's completion does, as it comes by that poll.
    nodeFs.stat(process.execPath, () => {});
    // Best effort: the files are written (or the error above says what is where); a temporary name
    // left here is removed by the next write of its file, once this process has ended.
    for (const partial of staged) quietly(() => fs.rmSync(partial, { force: true }));
    for (const [, backup] of placed) if (backup !== null && !kept.has(backup)) quietly(() => fs.rmSync(backup, { force: true }));
    for (const lock of locks) unlock(fs, lock);
  }
}

const quietly = (f) => {
  try {
    f();
  } catch {
    // see the callers
  }
};

/** How long a write waits for another process's write of the same file (which takes milliseconds). */
const LOCK_WAIT_MS = 10_000;

/** The lock file of `file`: `.NAME.write-lock`, beside it, holding the writing process's id. */
export const lockName = (file) => path.join(path.dirname(file), `.${path.basename(file)}.write-lock`);

/** The process id a lock file names; undefined when it is gone, NaN when it names none. */
function holderOf(fs, file) {
  try {
    return Number.parseInt(fs.readFileSync(file, "utf8"), 10);
  } catch (err) {
    if (err.code === "ENOENT") return undefined;
    throw err;
  }
}

/**
 * Takes the lock of `file` (the real target), waiting up to `wait` ms while a running process holds
 * it. The lock file is made whole under a name of this process's, then linked to the lock's name:
 * a link fails when the name exists, so one process gets it, and the lock is never read half
 * written. A lock whose process no longer runs (killed outright while it wrote), or that names this
 * process (its id reused), is taken over.
 * Returns the lock file's name.
 */
function lock(fs, file, wait) {
  const name = lockName(file);
  const mine = `${name}-${process.pid}`;
  const until = Date.now() + wait;
  fs.writeFileSync(mine, `${process.pid}\n`);
  try {
    for (;;) {
      try {
        fs.linkSync(mine, name);
        return name;
      } catch (err) {
        if (err.code !== "EEXIST") {
          // A file system without hard links: made under its name (an empty one, read while it is
          // being written, names no process, and is waited for).
          try {
            fs.writeFileSync(name, `${process.pid}\n`, { flag: "wx" });
            return name;
          } catch (made) {
            if (made.code !== "EEXIST") throw made;
          }
        }
      }
      const holder = holderOf(fs, name);
      if (holder === undefined) continue; // released meanwhile
      // This process holds no lock when it takes one (a write is synchronous, one per process, as
      // the temporary names assume): a lock naming its id is a dead process's, the id reused (a
      // container starts its processes at the same ids run after run).
      if (holder > 0 && (holder === process.pid || !processRuns(holder))) {
        takeOver(fs, name, holder);
        continue;
      }
      if (Date.now() >= until) {
        const who = holder > 0 ? `process ${holder}` : "another process";
        throw new Error(`being written by ${who}: its lock ${shown(name)} is there; if no such write runs, delete it`);
      }
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
    }
  } finally {
    quietly(() => fs.rmSync(mine, { force: true }));
  }
}

/**
 * Removes the lock `name` of process `holder`, which no longer runs. Moved aside first, then read:
 * another process may have taken it over and locked it anew since it was read, and that lock is
 * put back (a link: unless a third took the name meanwhile, which is left as a known limit).
 */
function takeOver(fs, name, holder) {
  const aside = `${name}-${process.pid}.stale`;
  try {
    fs.renameSync(name, aside);
  } catch (err) {
    if (err.code === "ENOENT") return; // another process took it over first
    throw err;
  }
  try {
    if (holderOf(fs, aside) !== holder) fs.linkSync(aside, name);
  } catch {
    // a third process has the name: see above
  } finally {
    quietly(() => fs.rmSync(aside, { force: true }));
  }
}

/** Releases a lock taken by lock(), unless another process has it now. */
function unlock(fs, name) {
  quietly(() => {
    if (holderOf(fs, name) === process.pid) fs.rmSync(name, { force: true });
  });
}

/**
 * The file a write of `file` reaches, absolute: a symbolic link's target (when it resolves), else
 * `file` in its folder's real path (a folder reached through a link, `..`), so that two names of one
 * file are one target. A caller checking its options early (bench's `--out`) uses it as `writeTarget`.
 */
function realTarget(fs, file) {
  const absolute = path.resolve(file);
  if (fs.lstatSync(absolute, { throwIfNoEntry: false })?.isSymbolicLink()) {
    try {
      return fs.realpathSync(absolute);
    } catch {
      // a link to nothing: replaced, as before
    }
  }
  try {
    return path.join(fs.realpathSync(path.dirname(absolute)), path.basename(absolute));
  } catch {
    return absolute; // a folder not there: the write names it
  }
}

/**
 * What a file system entry that is no regular file is ("a directory", "a named pipe", …), for
 * messages; undefined for a regular file. bench's `--out` check says it by the writer's rule.
 */
export function notAFile(stats) {
  if (stats.isFile()) return undefined;
  if (stats.isDirectory()) return "a directory";
  if (stats.isFIFO()) return "a named pipe";
  if (stats.isCharacterDevice()) return "a character device";
  if (stats.isBlockDevice()) return "a block device";
  if (stats.isSocket()) return "a socket";
  return "not a regular file";
}

/** realTarget on the file system: the file a write of `file` reaches (two names of one file give one). */
export const writeTarget = (file) => realTarget(nodeFs, file);

/**
 * Removes the temporary names (and backups) of `file` left by a process that was killed outright
 * (SIGKILL, a power cut) while it wrote: those of a process id that no longer runs. Another live
 * process's are left alone.
 */
function removeLeftovers(fs, file) {
  const prefixes = [
    [`.${path.basename(file)}.partial-`, /^(\d+)(?:\.old)?$/],
    [`.${path.basename(file)}.write-lock-`, /^(\d+)(?:\.stale)?$/],
  ];
  let names;
  try {
    names = fs.readdirSync(path.dirname(file));
  } catch {
    return; // the write below says what is wrong with the folder
  }
  for (const name of leftoversOfDeadProcesses(names, prefixes)) fs.rmSync(path.join(path.dirname(file), name), { force: true });
}

/** A shell's exit code for a process ended by each signal it handles: 128 + the signal's number. */
const SIGNAL_EXIT_CODES = Object.freeze({ SIGHUP: 129, SIGINT: 130, SIGTERM: 143 });

/** The code to end with when a child process ended by `signal` (spawnSync's `signal`), or undefined for none of those. */
export const signalExitCode = (signal) => (typeof signal === "string" && Object.hasOwn(SIGNAL_EXIT_CODES, signal) ? SIGNAL_EXIT_CODES[signal] : undefined);

let listening = false;
/** The child a program waits for (runStep), while it runs. */
let step;
/** The code a signal that came while a step ran asked to end with. */
let stopping;
/**
 * Makes SIGHUP, SIGINT and SIGTERM end the process with process.exit (129, 130, 143), so that its
 * "exit" listeners run (a program's work folder removed), rather than by their default action,
 * which ends it at once. While a step runs (runStep), the signal is passed to it, and the process
 * ends once the step has; a second signal meanwhile ends the step with SIGKILL. Called by writeFilesAtomically, and by a program with a work folder to
 * remove as soon as it has one; installed once.
 */
export function exitOnSignals() {
  if (listening) return;
  listening = true;
  for (const [signal, code] of Object.entries(SIGNAL_EXIT_CODES)) {
    process.on(signal, () => {
      if (step === undefined) process.exit(code);
      // A second signal while the step is stopping: a step that ignores the first (or hangs on it)
      // kept the run waiting with no way to end it but SIGKILL, which leaves the work folder; it
      // is now ended outright (SIGKILL), and the run ends with the first signal's code.
      if (stopping !== undefined) {
        step.kill("SIGKILL");
        return;
      }
      stopping = code;
      step.kill(signal);
    });
  }
}

/**
 * Runs a program's step (Redoc's build, the suites) as spawnSync did, the event loop running
 * meanwhile: a signal to this process alone (`kill PID`, `timeout`, a CI stopping the process it
 * started) waited under spawnSync until the step had ended, and the program then went on and wrote
 * its output before ending by it. It is now passed to the step, and the process ends with its code
 * once the step has ended. Resolves to { status, signal, error, stdout, stderr } (the text of the
 * streams that are pipes).
 */
export function runStep(command, args, options = {}) {
  exitOnSignals();
  return new Promise((resolve) => {
    const child = spawn(command, args, options);
    step = child;
    let stdout = "";
    let stderr = "";
    child.stdout?.setEncoding("utf8").on("data", (text) => (stdout += text));
    child.stderr?.setEncoding("utf8").on("data", (text) => (stderr += text));
    let error;
    child.on("error", (err) => {
      error = err;
      if (child.pid === undefined) end(null, null); // never started: no "close" to wait for
    });
    child.on("close", (status, signal) => end(status, signal));
    const end = (status, signal) => {
      if (step !== child) return;
      step = undefined;
      if (stopping !== undefined) process.exit(stopping);
      resolve({ status, signal, error, stdout, stderr });
    };
  });
}

/**
 * One line for a failure of writeFilesAtomically: the file and the system's code (EACCES, ENOSPC,
 * …), then `untouched` (the caller's "OUT left as it was") when every file is as it was; when one
 * could not be put back, where its previous content is instead (or that a new one is still there).
 */
export function writeFailure(err, cwd = process.cwd(), untouched = undefined) {
  const line = `cannot write ${err?.file ? shown(err.file, cwd) : "the output"} (${err?.code ?? err?.message ?? err})`;
  if (err?.notRestored?.length > 0) {
    const what = err.notRestored.map(({ file, backup, code }) =>
      backup === null
        ? `${shown(file, cwd)} could not be removed (${code}): it is new, from this run`
        : `${shown(file, cwd)} could not be put back (${code}): its previous content is in ${shown(backup, cwd)} until the next write of it`,
    );
    return `${line}; ${what.join("; ")}`;
  }
  return untouched === undefined ? line : `${line}; ${untouched}`;
}

/** A path as a message shows it: relative to `cwd` when inside it, else absolute. */
export function shown(file, cwd = process.cwd()) {
  const rel = path.relative(cwd, file);
  return rel === "" || rel === ".." || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel) ? path.resolve(file) : rel;
}
