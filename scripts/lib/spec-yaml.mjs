// generated/openapi.yaml: the bundled document as YAML 1.1, keys in the canonical order, no line
// wrapping, no anchors or aliases. Written by whichever of the pipeline's two threads is free first
// (typesStep in pipeline.mjs): on GitHub's 12 MiB spec the types worker, once its types are done,
// while the main thread is still in the validators step — ~1.5 s that no longer comes before that
// step; on a small spec the main thread, after meta. Same bytes on either thread.
import { stringify } from "yaml";

/** @param {(prefix: string) => string} header  the "do not edit" line, given its comment prefix */
export function bundledYaml(doc, header) {
  return `${header("#")}\n${stringify(doc, { version: "1.1", lineWidth: 0, aliasDuplicateObjects: false })}`;
}
