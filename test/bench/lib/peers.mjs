// The peers of scenario 1, each describing the same four schemas as generated/openapi.json:
// both request bodies and both 200 responses. JSON Schema peers take the spec's own schemas
// (references inlined, `x-` extensions left out); the others are written by hand in lib/peers/,
// with the same format checks (ajv-formats' "full" uuid, email, date-time, uri) where a library
// lets us plug one in, so that every peer does the same work and reaches the same verdicts (the
// scenario checks every peer's verdict against ours before timing anything). One module a peer,
// so that scenario 2 can bundle each alone.
import fs from "node:fs";

/** The installed version of a package of test/bench (read from its folder: some export no package.json). */
export function versionOf(name, from = new URL("../node_modules/", import.meta.url)) {
  return JSON.parse(fs.readFileSync(new URL(`${name}/package.json`, from), "utf8")).version;
}
export const versions = Object.fromEntries(
  ["ajv", "ajv-formats", "@exodus/schemasafe", "@sinclair/typebox", "zod", "valibot", "arktype", "@cfworker/json-schema"].map((name) => [name, versionOf(name)]),
);

export { ajvPeer } from "./peers/ajv.mjs";
export { schemasafePeer } from "./peers/schemasafe.mjs";
export { cfworkerPeer } from "./peers/cfworker.mjs";
export { typeboxPeer } from "./peers/typebox.mjs";
export { zodPeer } from "./peers/zod.mjs";
export { valibotPeer } from "./peers/valibot.mjs";
export { arktypePeer } from "./peers/arktype.mjs";
export { handPeer } from "./peers/hand.mjs";
