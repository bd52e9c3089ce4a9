// Writes a program's output files all or none: docs' index.html and openapi.json, bench's
// BENCHMARKS.md and last-run.json, RELIABILITY.md, scripts/lib/meta-validator-2020.mjs.
//
// Each file is first written in full to a temporary name beside it (`.NAME.partial-PID`), so a
// process stopped while writing (Ctrl-C, a CI timeout, a full disk) leaves every earlier file as it
// was, never a truncated one. Only when all are written are they renamed into place; should a rename
// fail (the name is a folder, the disk went read-only), those already renamed get their previous
// content back, so the set is never a mix of one run's files and another's. The temporary names
// are removed whatever happens.
//
// The write is synchronous, and a signal (SIGINT, SIGTERM, SIGHUP) would by its default action end
// the process between two renames: the first call installs listeners that end it with a shell's
// code for the signal (130, 143, 129) instead, which Node runs only once the write is done. They stay
// installed, so each program calls this last; a signal that came during the write ends it as it
// finishes.
import nodeFs from "node:fs";
import path from "node:path";

/** The temporary name a file is written under before it is renamed into place. */
export const partialName = (file) => path.join(path.dirname(file), `.${path.basename(file)}.partial-${process.pid}`);

/**
 * Writes every `[file, text]` of `entries`, all or none. On failure throws the first error, with
 * `file` set to the output it was about; every file is then as it was before the call.
 * `fs` is for the tests (a write or a rename that fails on cue).
 */
export function writeFilesAtomically(entries, { fs = nodeFs } = {}) {
  exitOnSignals();
  const staged = [];
  /** [file, backup or null (it did not exist)] of each file already renamed into place. */
  const placed = [];
  const about = (file, err) => Object.assign(err instanceof Error ? err : new Error(String(err)), { file });
  try {
    for (const [file, text] of entries) {
      // A rename over a folder fails only at the end: say it before anything is replaced.
      if (fs.statSync(file, { throwIfNoEntry: false })?.isDirectory()) {
        throw about(file, Object.assign(new Error(`${file} is a directory`), { code: "EISDIR" }));
      }
      const partial = partialName(file);
      staged.push(partial);
      try {
        fs.writeFileSync(partial, text);
      } catch (err) {
        throw about(file, err);
      }
    }
    entries.forEach(([file], i) => {
      let backup = null;
      try {
        if (fs.existsSync(file)) {
          backup = `${partialName(file)}.old`;
          fs.rmSync(backup, { force: true });
          try {
            fs.linkSync(file, backup);
          } catch {
            fs.copyFileSync(file, backup); // a file system without hard links
          }
        }
        fs.renameSync(staged[i], file);
      } catch (err) {
        if (backup !== null) fs.rmSync(backup, { force: true });
        throw about(file, err);
      }
      placed.push([file, backup]);
    });
  } catch (err) {
    for (const [file, backup] of placed.reverse()) {
      try {
        if (backup === null) fs.rmSync(file, { force: true });
        else fs.renameSync(backup, file);
      } catch {
        // nothing more can be done: the error below names the file that failed
      }
    }
    throw err;
  } finally {
    // A signal that came during the write is pending in the event loop: a program that ends here
    // would end with 0 and never see it. One more turn of the loop (a timer's poll) delivers it.
    setTimeout(() => {}, 0);
    for (const partial of staged) fs.rmSync(partial, { force: true });
    for (const [, backup] of placed) if (backup !== null) fs.rmSync(backup, { force: true });
  }
}

let listening = false;
function exitOnSignals() {
  if (listening) return;
  listening = true;
  for (const [signal, code] of [["SIGHUP", 129], ["SIGINT", 130], ["SIGTERM", 143]]) process.on(signal, () => process.exit(code));
}

/** One line for a failure of writeFilesAtomically: the file and the system's code (EACCES, ENOSPC, …). */
export function writeFailure(err, cwd = process.cwd()) {
  return `cannot write ${err?.file ? shown(err.file, cwd) : "the output"} (${err?.code ?? err?.message ?? err})`;
}

/** A path as a message shows it: relative to `cwd` when inside it, else absolute. */
export function shown(file, cwd = process.cwd()) {
  const rel = path.relative(cwd, file);
  return rel === "" || rel === ".." || rel.startsWith(`..${path.sep}`) || path.isAbsolute(rel) ? path.resolve(file) : rel;
}
