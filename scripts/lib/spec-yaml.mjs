// generated/openapi.yaml: the bundled document as YAML 1.1, keys in the canonical order, no line
// wrapping, no anchors or aliases. Built on the types worker once the types are done (the worker
// holds the document already, and is idle while this thread builds the validators): on GitHub's
// 12 MiB spec this is ~1.4 s that no longer comes before the validators step. PUFFLE_GENERATE_THREADS=0
// builds it in process (same bytes).
import { stringify } from "yaml";

/** @param {(prefix: string) => string} header  the "do not edit" line, given its comment prefix */
export function bundledYaml(doc, header) {
  return `${header("#")}\n${stringify(doc, { version: "1.1", lineWidth: 0, aliasDuplicateObjects: false })}`;
}
