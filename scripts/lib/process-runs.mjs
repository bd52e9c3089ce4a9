// Whether a process runs, by its id: generate's leftover folders and write-files' temporary names
// and locks are named by the process that made them, and are another run's (left alone) while it runs.

/** Whether a process with id `pid` runs (one we may not signal runs too). */
export function processRuns(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === "EPERM";
  }
}

/**
 * The names among `names` that a process killed outright (SIGKILL, a power cut) left: each starts
 * with one of `prefixes`' prefix, the rest matching its pattern, whose first group is the id of a
 * process that no longer runs (this one's are its own, never a leftover).
 */
export function leftoversOfDeadProcesses(names, prefixes) {
  return names.filter((name) => {
    const [prefix, rest] = prefixes.find(([p]) => name.startsWith(p)) ?? [];
    const pid = prefix === undefined ? undefined : rest.exec(name.slice(prefix.length))?.[1];
    return pid !== undefined && Number(pid) !== process.pid && !processRuns(Number(pid));
  });
}
