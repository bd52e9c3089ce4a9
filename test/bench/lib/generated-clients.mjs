// The generated-client peers of scenarios 2b and 3: the fetch clients `@hey-api/openapi-ts` and
// `orval` (both root devDependencies) generate from OUR bundled spec, generated/openapi.json, at
// bench time (sources in a temporary folder, so that no generated .ts lands in the repo's
// typecheck) and bundled by esbuild into one ESM module each in test/bench/generated-clients/
// (gitignored, never committed). Each tool runs with its defaults plus only what a user must set to call
// the API: orval's fetch client gets a `baseUrl`; hey-api's base URL, token and fetch are set at run
// time with `setConfig`. Rebuilt when the spec or a tool's version changes.
//
//   hey-api: generated-clients/hey-api.mjs  exports { client, updateThread, updateConversation }
//   orval:   generated-clients/orval.mjs    exports { updateThread, updateConversation }; its code
//            calls the global `fetch`, which esbuild rewrites to `globalThis.__benchOrvalFetch`, so
//            a scenario can hand it the same stub as everyone else.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const benchDir = fileURLToPath(new URL("..", import.meta.url));
const repo = path.resolve(benchDir, "../..");
const outDir = path.join(benchDir, "generated-clients");
const spec = path.join(repo, "generated/openapi.json");
const rootBin = (name) => path.join(repo, "node_modules/.bin", name);
const version = (name) => JSON.parse(fs.readFileSync(path.join(repo, "node_modules", name, "package.json"), "utf8")).version;

export const versions = { "@hey-api/openapi-ts": version("@hey-api/openapi-ts"), orval: version("orval") };
/** The base URL the orval client is generated with (scenario 3 calls it). */
export const ORVAL_BASE_URL = "https://api.example.test";

/** The bundled modules (scenario 2b re-bundles them minified, keeping only what a call needs). */
const modulePaths = { heyApi: path.join(outDir, "hey-api.mjs"), orval: path.join(outDir, "orval.mjs") };

function generate(tool, run) {
  try {
    run();
    return undefined;
  } catch (error) {
    const text = `${error.stderr ?? ""}${error.stdout ?? ""}${error.message ?? error}`;
    return `${tool} failed: ${text.trim().split("\n").slice(-3).join(" ").slice(0, 300)}`;
  }
}

/**
 * Generates (if stale) and bundles both clients. Returns `{ modules: { heyApi, orval }, failures }`:
 * the bundled module paths of those that built, and why the others did not.
 */
export async function buildGeneratedClients() {
  const key = createHash("sha256").update(fs.readFileSync(spec)).update(JSON.stringify(versions)).update(ORVAL_BASE_URL).digest("hex");
  const stamp = path.join(outDir, "stamp.json");
  const fresh = fs.existsSync(stamp) && JSON.parse(fs.readFileSync(stamp, "utf8")).key === key && Object.values(modulePaths).every((p) => fs.existsSync(p));
  if (fresh) return { modules: { ...modulePaths }, failures: {} };
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.mkdirSync(outDir, { recursive: true });
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "puffle-bench-clients-"));
  const sources = { heyApi: path.join(work, "hey-api"), orval: path.join(work, "orval/client.ts") };
  const failures = {};
  const modules = {};
  try {
    const opts = { cwd: work, stdio: "pipe", encoding: "utf8", timeout: 120_000 };
    const hey = generate("@hey-api/openapi-ts", () => execFileSync(rootBin("openapi-ts"), ["-i", spec, "-o", sources.heyApi], opts));
    if (hey) failures.heyApi = hey;
    // orval's programmatic `generate` (its CLI has no --base-url), in a child process of its own.
    const script = `const { generate } = await import(${JSON.stringify(path.join(repo, "node_modules/orval/dist/index.js"))});\nawait generate({ input: ${JSON.stringify(spec)}, output: { target: ${JSON.stringify(sources.orval)}, client: "fetch", baseUrl: ${JSON.stringify(ORVAL_BASE_URL)} } });`;
    const orval = generate("orval", () => execFileSync(process.execPath, ["--input-type=module", "-e", script], opts));
    if (orval) failures.orval = orval;
    const common = { bundle: true, format: "esm", platform: "neutral", mainFields: ["module", "main"], logLevel: "silent", write: true, nodePaths: [path.join(repo, "node_modules")] };
    const entries = {
      heyApi: `export { client } from ${JSON.stringify(path.join(sources.heyApi, "client.gen.ts"))};\nexport { updateThread, updateConversation } from ${JSON.stringify(path.join(sources.heyApi, "sdk.gen.ts"))};`,
      orval: `export { updateThread, updateConversation } from ${JSON.stringify(sources.orval)};`,
    };
    for (const [name, contents] of Object.entries(entries)) {
      if (failures[name]) continue;
      try {
        await build({ ...common, stdin: { contents, resolveDir: work, loader: "ts" }, outfile: modulePaths[name], define: name === "orval" ? { fetch: "globalThis.__benchOrvalFetch" } : {} });
        modules[name] = modulePaths[name];
      } catch (error) {
        failures[name] = `bundling failed: ${String(error.message ?? error).slice(0, 300)}`;
      }
    }
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
  if (Object.keys(failures).length === 0) fs.writeFileSync(stamp, JSON.stringify({ key }));
  return { modules, failures };
}
