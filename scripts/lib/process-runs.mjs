// Whether a process runs, by its id: generate's leftover folders and write-files' locks are named by
// the process that made them, and are another run's (left alone) while it runs.

/** Whether a process with id `pid` runs (one we may not signal runs too). */
export function processRuns(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === "EPERM";
  }
}
