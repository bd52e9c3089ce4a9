// The resolver lint and bundle share (Redocly's BaseResolver), kept to the spec's folder: the folder
// of the root file (openapi/). A `$ref` to a URL (http, https, file, data) is never fetched, and one
// to a file outside the folder (by `..`, an absolute path or a symlink inside it) is never read:
// a spec edit that CI regenerates could otherwise have the pipeline fetch a document (and hang on a
// server that never answers) or bundle any file the job can read into generated/. Redocly reports
// the refusal at the `$ref` (no-unresolved-refs), with the reason.
import fs from "node:fs";
import path from "node:path";
import { BaseResolver } from "@redocly/openapi-core";

const RULE = "a $ref must name a file inside the spec's folder";

/** Why `absoluteRef` (Redocly's: a URL, or an absolute path) may not be read, or undefined. */
function refusal(absoluteRef, folder, realFolder) {
  if (!path.isAbsolute(absoluteRef)) return `${RULE} (${path.basename(folder)}/): ${absoluteRef} is a URL: URLs are never fetched`;
  const inside = (dir, file) => {
    const rel = path.relative(dir, file);
    return rel !== "" && rel !== ".." && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel);
  };
  if (!inside(folder, absoluteRef)) return `${RULE} (${path.basename(folder)}/): ${absoluteRef} is outside it`;
  let real;
  try {
    real = fs.realpathSync(absoluteRef);
  } catch {
    return undefined; // missing: Redocly says so
  }
  if (!inside(realFolder, real)) return `${RULE} (${path.basename(folder)}/): ${path.relative(folder, absoluteRef)} is outside it (a symlink to ${real})`;
  return undefined;
}

/** A BaseResolver for the spec whose root file is `root` (its folder is the spec's folder). */
export function specResolver(config, root) {
  const rootFile = path.resolve(root);
  const folder = path.dirname(rootFile);
  const realFolder = fs.realpathSync(folder);
  class SpecResolver extends BaseResolver {
    async loadExternalRef(absoluteRef) {
      const why = absoluteRef === rootFile ? undefined : refusal(absoluteRef, folder, realFolder);
      if (why !== undefined) throw new Error(why);
      return super.loadExternalRef(absoluteRef);
    }
  }
  return new SpecResolver(config);
}
