// The base a release is compared with, shared by `npm run diff` (scripts/diff.mjs) and
// `npm run diff:package` (scripts/diff-package.mjs): the last release tag vX.Y.Z reachable from
// HEAD, else the repository's first commit.
import { execFileSync } from "node:child_process";

/** `{ ref, why }` for the repository at `cwd`; throws what git throws when there is no HEAD. */
export function defaultRef(cwd) {
  const git = (...args) => execFileSync("git", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }).trim();
  try {
    // Release tags only (vX.Y.Z, docs/publishing.md): any other tag (a bench run's, a test's) on a
    // later commit was taken as the last release.
    return { ref: git("describe", "--tags", "--abbrev=0", "--match", "v[0-9]*"), why: "last tag" };
  } catch {
    const roots = git("rev-list", "--max-parents=0", "HEAD").split("\n");
    // Not the last release unless it was made there: the first commit's version may read the same
    // (1.0.0 was released from a later commit), so the line says how to compare with the release.
    return { ref: roots[roots.length - 1], why: "first commit (no tag yet): if a release was made since, tag it, `git tag vX.Y.Z <commit>`, or give its commit" };
  }
}
