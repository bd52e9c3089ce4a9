// The package as its users get it: `npm pack`, the tarball's file list, then a fresh consumer project
// (TypeScript 5, "type": "module", moduleResolution nodenext) that installs the tarball from the local
// npm cache (`--prefer-offline`), typechecks a file using the client, the types and the validators,
// fails to compile a misspelled field, runs, and runs the `puffle` binary; typechecks and runs the
// documented option objects with `exactOptionalPropertyTypes`; and `require()`s every entry from a
// CommonJS file. The same consumer is then compiled under other project settings (node10 with CommonJS
// output, node16, bundler, preserve, `verbatimModuleSyntax`, `declaration`, TypeScript 5.4, README's
// minimum, no `target`, pnpm's layout) and bundled for a browser, where the client runs in Chromium over an injected fetch.
import { execFileSync, spawn } from "node:child_process";
import type { SpawnOptions } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { scratchDir } from "../scratch.js";
import { bundleForBrowser, hasChromium, launchChromium, pageProblems } from "../browser.js";

const root = path.resolve(import.meta.dirname, "../..");
const pkg = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8"));
const version = (name: string) => JSON.parse(readFileSync(path.join(root, "node_modules", name, "package.json"), "utf8")).version as string;
const dir = scratchDir("puffle-pack-");
const consumer = path.join(dir, "consumer");

/** The environment without the npm_* variables of an outer `npm test`, so the inner npm acts as a user's. */
const cleanEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));

function run(cmd: string, args: string[], options: SpawnOptions & { timeout?: number } = {}): Promise<{ status: number | null; out: string; stdout: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { env: cleanEnv, ...options, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let stdout = "";
    const timer = setTimeout(() => child.kill("SIGKILL"), options.timeout ?? 300_000);
    child.stdout!.on("data", (d) => {
      out += d;
      stdout += d;
    });
    child.stderr!.on("data", (d) => (out += d));
    child.on("error", reject);
    child.on("close", (status) => {
      clearTimeout(timer);
      resolve({ status, out, stdout });
    });
  });
}

let tarball: string;
let files: string[];

/** README's minimum TypeScript, installed beside the current one under this alias. */
const TS_MIN = "typescript-min";
const TS_MIN_VERSION = "5.4.5";

beforeAll(async () => {
  // dist/ is fresh: the vitest global setup runs the build. `--ignore-scripts` skips the package's
  // prepack build, which would rewrite dist/ under the test files running beside this one.
  const packed = await run("npm", ["pack", "--json", "--ignore-scripts", "--pack-destination", dir], { cwd: root });
  expect(packed.status, packed.out).toBe(0);
  const info = JSON.parse(packed.stdout)[0];
  tarball = path.join(dir, info.filename);
  files = info.files.map((f: { path: string }) => f.path).sort();

  mkdirSync(consumer);
  writeFileSync(path.join(consumer, "package.json"), JSON.stringify({ name: "puffle-consumer", version: "0.0.0", private: true, type: "module" }, null, 2));
  const install = await run(
    "npm",
    ["install", "--prefer-offline", "--no-audit", "--no-fund", "--no-package-lock", tarball, `typescript@${version("typescript")}`, `@types/node@${version("@types/node")}`, `${TS_MIN}@npm:typescript@${TS_MIN_VERSION}`],
    { cwd: consumer, timeout: 600_000 },
  );
  expect(install.status, install.out).toBe(0);
  writeFileSync(
    path.join(consumer, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: { target: "ES2022", module: "nodenext", moduleResolution: "nodenext", strict: true, skipLibCheck: false, resolveJsonModule: true, outDir: "out", types: ["node"] },
      files: ["consumer.ts"],
    }),
  );
}, 660_000);


describe("the tarball (npm pack)", () => {
  it("holds what a user needs: entries, types, the bundled spec, the binary, README and CHANGELOG", () => {
    for (const needed of [
      "package.json",
      "README.md",
      "CHANGELOG.md",
      "LICENSE",
      "dist/index.js",
      "dist/index.d.ts",
      "dist/validators.js",
      "dist/validators.d.ts",
      "dist/client.js",
      "dist/client-validators.js",
      "dist/cli/main.js",
      "generated/openapi.json",
      "generated/openapi.yaml",
      "generated/schema.d.ts",
      "generated/validators.js",
      "generated/validators.d.ts",
      "generated/meta.js",
      "generated/meta.d.ts",
    ]) {
      expect(files, needed).toContain(needed);
    }
  });

  it("holds nothing else: no sources, tests, scripts, spec sources, docs site or source maps", () => {
    const allowed = [/^(package\.json|README\.md|CHANGELOG\.md|LICENSE)$/, /^docs\/(cli|client|migrating|publishing|server)\.md$/, /^dist\/(?!docs\/)[\w/.-]+\.(js|d\.ts)$/, /^generated\/(openapi\.(json|yaml)|\w+\.(js|d\.ts))$/];
    expect(files.filter((f) => !allowed.some((re) => re.test(f)))).toEqual([]);
  });

  it("every export and the bin point at a shipped file, and every relative import inside it resolves", () => {
    const targets: string[] = [];
    const collect = (v: unknown) => {
      if (typeof v === "string") targets.push(v.replace(/^\.\//, ""));
      else if (v && typeof v === "object") Object.values(v).forEach(collect);
    };
    collect(pkg.exports);
    collect(pkg.bin);
    collect(pkg.types);
    for (const t of targets) expect(files, t).toContain(t);
    for (const condition of Object.values(pkg.exports as Record<string, unknown>)) {
      if (condition && typeof condition === "object") expect(Object.keys(condition)[0], "types first").toBe("types");
    }
    const missing: string[] = [];
    for (const file of files.filter((f) => /\.(js|d\.ts)$/.test(f))) {
      const text = readFileSync(path.join(root, file), "utf8");
      for (const m of text.matchAll(/(?:from|import)\s*\(?\s*["'](\.\.?\/[^"']+)["']/g)) {
        const spec = path.posix.normalize(path.posix.join(path.posix.dirname(file), m[1]!));
        const candidates = file.endsWith(".d.ts") ? [spec, spec.replace(/\.js$/, ".d.ts")] : [spec];
        if (!candidates.some((c) => files.includes(c))) missing.push(`${file} → ${m[1]}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("the docs that shipped code, messages and docs name are shipped: docs/*.md in a .js/.d.ts, links between shipped docs", () => {
    // The client's redirect error says "see docs/client.md"; the seed's description, the server's
    // and CLI's doc comments name docs/server.md and docs/cli.md: an installed package must hold them.
    const missing: string[] = [];
    for (const file of files.filter((f) => /\.(js|d\.ts|md)$/.test(f))) {
      const text = readFileSync(path.join(root, file), "utf8");
      const named = file.startsWith("docs/")
        ? [...text.matchAll(/\]\(((?:\.\.\/)*[\w./-]+\.md)(?:#[^)]*)?\)/g)].map((m) => path.posix.normalize(`docs/${m[1]!}`))
        : /\.(js|d\.ts)$/.test(file) ? [...text.matchAll(/\bdocs\/[\w-]+\.md\b/g)].map((m) => m[0]) : [];
      for (const doc of new Set(named)) if (!files.includes(doc)) missing.push(`${file} → ${doc}`);
    }
    expect(missing).toEqual([]);
    expect(files).toEqual(expect.arrayContaining(["docs/cli.md", "docs/client.md", "docs/migrating.md", "docs/server.md"]));
  });

  it("no shipped file points at a file that is not shipped: no sourceMappingURL or reference path to a missing file", () => {
    // A bundler's source-map loader (webpack's source-map-loader, Vite, esbuild) follows
    // `//# sourceMappingURL=` and warns for every map it cannot find in the installed package.
    const dangling: string[] = [];
    for (const file of files.filter((f) => /\.(m?js|cjs|d\.ts)$/.test(f))) {
      const text = readFileSync(path.join(root, file), "utf8");
      const refs = [
        ...[...text.matchAll(/[#@]\s*sourceMappingURL=([^\s*'"`]+)/g)].map((m) => m[1]!),
        ...[...text.matchAll(/\/\/\/\s*<reference\s+path=["']([^"']+)["']/g)].map((m) => m[1]!),
      ];
      for (const ref of refs) {
        if (/^data:/.test(ref)) continue;
        const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), ref));
        if (!files.includes(target)) dangling.push(`${file} → ${ref}`);
      }
    }
    expect(dangling).toEqual([]);
  });

  it("every shipped dist/ file is compiled from a src/ file: nothing a renamed or removed source left in dist/", () => {
    // tsc never deletes an output: the build (prepack, and the vitest global setup that made this
    // dist/) empties dist/ first, or a removed src/x.ts's dist/x.js and x.d.ts would ship.
    const compiled = files.filter((f) => /^dist\/.+\.(js|d\.ts)$/.test(f));
    expect(compiled).toContain("dist/index.js");
    const orphans = compiled.filter((f) => !existsSync(path.join(root, "src", f.slice("dist/".length).replace(/\.(js|d\.ts)$/, ".ts"))));
    expect(orphans).toEqual([]);
  });

  it("npm run build (what prepack runs) first removes what no src/ file compiles to, keeping the rest in place and dist/docs/ (npm run docs' output, not shipped)", () => {
    expect(pkg.scripts.prepack).toBe("npm run build");
    expect(pkg.scripts.build).toBe("node scripts/clean-dist.mjs && tsc -p tsconfig.build.json && node scripts/bin-executable.mjs");
    // The script on a dist/ and src/ of its own (it cleans the dist/ beside its scripts/ folder):
    // the outputs of a removed source go, with the folders they leave empty; the outputs of the
    // sources that exist stay in place (another build or test run in the clone may be using them),
    // and so does dist/docs/.
    const copy = path.join(dir, "clean-dist");
    mkdirSync(path.join(copy, "scripts"), { recursive: true });
    cpSync(path.join(root, "scripts/clean-dist.mjs"), path.join(copy, "scripts/clean-dist.mjs"));
    const kept = ["dist/kept.js", "dist/kept.d.ts", "dist/kept.js.map", "dist/cli/main.js", "dist/cli/main.d.ts", "dist/docs/index.html"];
    const stale = ["dist/removed.js", "dist/removed.d.ts", "dist/removed.d.ts.map", "dist/old/nested.js", "dist/cli/renamed.js", "dist/notes.txt", "dist/kept.ts"];
    for (const file of ["src/kept.ts", "src/cli/main.ts", ...kept, ...stale]) {
      mkdirSync(path.dirname(path.join(copy, file)), { recursive: true });
      writeFileSync(path.join(copy, file), "");
    }
    execFileSync(process.execPath, [path.join(copy, "scripts/clean-dist.mjs")]);
    const files = readdirSync(path.join(copy, "dist"), { recursive: true, withFileTypes: true }).filter((e) => e.isFile());
    expect(files.map((e) => path.relative(copy, path.join(e.parentPath, e.name)).split(path.sep).join("/")).sort()).toEqual([...kept].sort());
    expect(existsSync(path.join(copy, "dist/old"))).toBe(false);
    // No dist/ at all (a fresh clone): nothing to do.
    rmSync(path.join(copy, "dist"), { recursive: true });
    execFileSync(process.execPath, [path.join(copy, "scripts/clean-dist.mjs")]);
  });
});

describe("a fresh TypeScript consumer project with the tarball installed", () => {
  const tsc = () => path.join(consumer, "node_modules/typescript/bin/tsc");

  it("typechecks and runs a file using the client, the types, the validators and the bundled spec", async () => {
    writeFileSync(
      path.join(consumer, "consumer.ts"),
      `import { createPuffleClient } from "puffle-api";
import type { Conversation, Thread, UpdateThreadRequest } from "puffle-api";
import { normalizeRequestBody, validateRequestBody, validateResponseBody } from "puffle-api/validators";
import type { paths } from "puffle-api/schema";
import spec from "puffle-api/openapi.json" with { type: "json" };
import { ALICE_TOKEN, startServer } from "puffle-api/server";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

// The YAML form is a file to read (Node cannot import .yaml), as README shows.
const yamlText = readFileSync(fileURLToPath(import.meta.resolve("puffle-api/openapi.yaml")), "utf8");
if (!yamlText.includes("openapi: 3.1.0") || !yamlText.includes(spec.info.title)) throw new Error("puffle-api/openapi.yaml is not the bundled spec");

type UpdatePath = keyof paths;
const path: UpdatePath = "/api/threads/{id}";
const request: UpdateThreadRequest = { status: "archived", participant_email: "Sam@Example.com" };

const checked = validateRequestBody("updateThread", request);
if (!checked.valid) throw new Error("valid body rejected");
const lenient = normalizeRequestBody("updateThread", { ...request, nickname: "x" });
if (!lenient.ok || lenient.body.participant_email !== "sam@example.com" || lenient.dropped[0] !== "nickname") throw new Error("normalize");
if (validateRequestBody("updateConversation", { status: "deleted" }).valid) throw new Error("invalid body accepted");

const server = await startServer({ port: 0 });
try {
  const puffle = createPuffleClient({ baseUrl: server.url, apiKey: ALICE_TOKEN });
  const conversation: Conversation = await puffle.updateConversation("f11e8a2c-1234-4567-89ab-cdef01234567", { status: "archived" });
  const thread: Thread = await puffle.updateThread("3d986dd1-9d70-45b7-8e36-5d5b8b1c9337", { draft_subject: "Hello" });
  const wire = validateResponseBody("updateConversation", 200, { conversation });
  if (!wire.valid) throw new Error("response does not match the spec");
  console.log(spec.info.version, path, conversation.status, thread.draft_subject);
} finally {
  await server.close();
}
`,
    );
    const check = await run(process.execPath, [tsc(), "-p", consumer], { cwd: consumer });
    expect(check.out).toBe("");
    expect(check.status).toBe(0);
    const result = await run(process.execPath, [path.join(consumer, "out/consumer.js")], { cwd: consumer, timeout: 60_000 });
    expect(result.out).toBe(`${pkg.version === undefined ? "" : JSON.parse(readFileSync(path.join(root, "generated/openapi.json"), "utf8")).info.version} /api/threads/{id} archived Hello\n`);
    expect(result.status).toBe(0);
    // engines says Node 20: on one that cannot require() ES modules (before 20.19 / 22.12) the
    // package's ES entries, the server's listen() and the client run all the same.
    const without = await run(process.execPath, ["--no-experimental-require-module", path.join(consumer, "out/consumer.js")], { cwd: consumer, timeout: 60_000 });
    expect(without.out).toBe(result.out);
    expect(without.status).toBe(0);
  });

  it("fastify's inject() on createServer()'s instance: a response where Node can require() ES modules, ERR_REQUIRE_ESM before 20.19 / 22.12 (README, docs/server.md)", async () => {
    // light-my-request (fastify's inject) require()s cookie@2, which is ES modules only.
    writeFileSync(
      path.join(consumer, "inject.mjs"),
      `import { createServer } from "puffle-api/server";
const app = createServer();
let outcome;
try {
  outcome = String((await app.inject({ method: "GET", url: "/nope" })).statusCode);
} catch (error) {
  outcome = error.code;
}
await app.close();
console.log(outcome);
`,
    );
    const plain = await run(process.execPath, [path.join(consumer, "inject.mjs")], { cwd: consumer, timeout: 60_000 });
    expect(plain.stdout, plain.out).toBe(process.features.require_module ? "404\n" : "ERR_REQUIRE_ESM\n");
    const without = await run(process.execPath, ["--no-experimental-require-module", path.join(consumer, "inject.mjs")], { cwd: consumer, timeout: 60_000 });
    expect(
      without.stdout,
      "inject() no longer needs require(esm) (light-my-request or cookie changed): update README's \"Installing on Node 20\" paragraph, docs/server.md and this test",
    ).toBe("ERR_REQUIRE_ESM\n");
  });

  it("refuses to compile a misspelled field", async () => {
    writeFileSync(
      path.join(consumer, "misspelled.ts"),
      `import { createPuffleClient } from "puffle-api";
import type { UpdateThreadRequest } from "puffle-api";
export const body: UpdateThreadRequest = { draft_subjet: "Hello" };
export const call = () => createPuffleClient().updateConversation("f11e8a2c-1234-4567-89ab-cdef01234567", { unread_cont: 0 });
`,
    );
    const check = await run(process.execPath, [tsc(), "--noEmit", "--strict", "--module", "nodenext", "--moduleResolution", "nodenext", "--types", "node", "--skipLibCheck", path.join(consumer, "misspelled.ts")], { cwd: consumer });
    expect(check.status).not.toBe(0);
    expect(check.out).toMatch(/misspelled\.ts\(3,\d+\): error TS(2353|2561):.*'draft_subjet'/);
    expect(check.out).toMatch(/misspelled\.ts\(4,\d+\): error TS(2353|2561):.*'unread_cont'/);
  });

  it("typechecks and runs README's and docs/client.md's option objects with exactOptionalPropertyTypes: undefined means not given", async () => {
    // process.env.X is `string | undefined`: a consumer with exactOptionalPropertyTypes must be able to
    // pass it (and any other undefined) to every optional option, since the package treats undefined as absent.
    writeFileSync(
      path.join(consumer, "exact.ts"),
      `import { createPuffleClient, PuffleAbortError, PuffleApiError, PuffleNetworkError, PuffleTimeoutError, PuffleValidationError } from "puffle-api";
import type { PuffleClientOptions, PuffleRequestOptions, PuffleRetryOptions } from "puffle-api";
import { ALICE_TOKEN, createServer, defaultSeed, startServer } from "puffle-api/server";
import type { Seed, SeedAccount, SeedConversation, ServerOptions, StartOptions } from "puffle-api/server";

/** Every member of T, each given as undefined (the object must name them all, so a new option is covered too). */
type AllUndefined<T> = { [K in keyof T]-?: undefined };

// README, "SDK users: the typed client", as printed:
export const puffle = createPuffleClient({ apiKey: process.env.PUFFLE_API_KEY }); // baseUrl defaults to https://app.puffle.ai
// docs/client.md, "Quick start", as printed:
export const local = createPuffleClient({
  baseUrl: "http://127.0.0.1:4010",  // default: the spec's server, https://app.puffle.ai
  apiKey: process.env.PUFFLE_API_KEY, // default: the PUFFLE_API_KEY environment variable
});

const retry = { baseDelayMs: undefined, maxDelayMs: undefined, maxRetryAfterMs: undefined, random: undefined, sleep: undefined } satisfies AllUndefined<PuffleRetryOptions>;
const clientOptions = { baseUrl: undefined, apiKey: undefined, fetch: undefined, headers: undefined, validate: undefined, timeoutMs: undefined, maxRetries: undefined, retry: undefined, maxResponseBytes: undefined } satisfies AllUndefined<PuffleClientOptions>;
const callOptions = { signal: undefined, timeoutMs: undefined, headers: undefined, maxRetries: undefined } satisfies AllUndefined<PuffleRequestOptions>;
const serverOptions = { seed: undefined, logger: undefined, logStream: undefined, cors: undefined, allowReset: undefined } satisfies AllUndefined<ServerOptions>;
const startOptions = { ...serverOptions, port: undefined, host: undefined, dataFile: undefined } satisfies AllUndefined<StartOptions>;
export const asStartOptions: StartOptions = startOptions; // not started: port undefined means 4010
const seed: Seed = {
  ...defaultSeed,
  description: undefined,
  accounts: defaultSeed.accounts.map((a): SeedAccount => ({ ...a, email: undefined })),
  conversations: defaultSeed.conversations.map((c): SeedConversation => ({ ...c, warmup: undefined })),
};

const errors = [
  new PuffleApiError({ operationId: "updateThread", status: 502, statusText: undefined, body: "", problem: undefined, headers: new Headers(), existingThread: undefined, attempts: undefined }),
  new PuffleNetworkError({ url: "http://127.0.0.1:9/", operationId: undefined, cause: new Error("refused"), attempts: undefined }),
  new PuffleTimeoutError({ url: "http://127.0.0.1:9/", operationId: undefined, timeoutMs: 5, attempts: undefined }),
  new PuffleAbortError({ url: "http://127.0.0.1:9/", operationId: undefined, reason: "stopped", attempts: undefined }),
];
for (const error of errors) if (error.attempts !== 1 || error.message.includes("undefined")) throw new Error(\`undefined not taken as absent: \${error.message}\`);
const invalid = new PuffleValidationError({ target: "response", operationId: "updateThread", issues: [], status: undefined, requestId: undefined });
if (invalid.message.includes("undefined")) throw new Error(invalid.message);

createPuffleClient(clientOptions); // every option at its default
await createServer(serverOptions).close();
const server = await startServer({ ...startOptions, port: 0, seed });
try {
  const client = createPuffleClient({ ...clientOptions, baseUrl: server.url, apiKey: ALICE_TOKEN, retry });
  const conversation = await client.updateConversation("f11e8a2c-1234-4567-89ab-cdef01234567", { status: "archived" }, callOptions);
  console.log(conversation.status, new URL(server.url).hostname);
} finally {
  await server.close();
}
`,
    );
    writeFileSync(path.join(consumer, "tsconfig.exact.json"), JSON.stringify({ extends: "./tsconfig.json", compilerOptions: { exactOptionalPropertyTypes: true }, files: ["exact.ts"] }));
    const check = await run(process.execPath, [tsc(), "-p", path.join(consumer, "tsconfig.exact.json")], { cwd: consumer });
    expect(check.out).toBe("");
    expect(check.status).toBe(0);
    const result = await run(process.execPath, [path.join(consumer, "out/exact.js")], { cwd: consumer, timeout: 60_000 });
    expect(result.out).toBe("archived 127.0.0.1\n");
    expect(result.status).toBe(0);
  });

  it.skipIf(!process.features.require_module)("require()s every JS entry from a CommonJS file (Node's require of ES modules), the lazily loaded validators too", async () => {
    writeFileSync(
      path.join(consumer, "require.cjs"),
      `"use strict";
const { createPuffleClient, PuffleValidationError } = require("puffle-api");
const { validateRequestBody } = require("puffle-api/validators");
const { ALICE_TOKEN, startServer } = require("puffle-api/server");
const spec = require("puffle-api/openapi.json");

(async () => {
  const server = await startServer({ port: 0 });
  try {
    const puffle = createPuffleClient({ baseUrl: server.url, apiKey: ALICE_TOKEN });
    const conversation = await puffle.updateConversation("f11e8a2c-1234-4567-89ab-cdef01234567", { status: "archived" });
    // An id that is no canonical UUID loads the validators chunk (dynamic import) to word the refusal.
    const refused = await puffle.updateThread("not-a-uuid", { status: "archived" }).then(() => undefined, (error) => error);
    if (!(refused instanceof PuffleValidationError) || refused.target !== "path") throw refused ?? new Error("a bad id was sent");
    console.log(spec.info.version, conversation.status, refused.field, validateRequestBody("updateThread", { status: "deleted" }).valid);
  } finally {
    await server.close();
  }
})().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
`,
    );
    const result = await run(process.execPath, [path.join(consumer, "require.cjs")], { cwd: consumer, timeout: 60_000 });
    expect(result.out).toBe(`${JSON.parse(readFileSync(path.join(root, "generated/openapi.json"), "utf8")).info.version} archived id false\n`);
    expect(result.status).toBe(0);
    // What README says of a Node without require(esm) (before 20.19 / 22.12): ERR_REQUIRE_ESM.
    const without = await run(process.execPath, ["--no-experimental-require-module", path.join(consumer, "require.cjs")], { cwd: consumer, timeout: 60_000 });
    expect(without.out).toContain("ERR_REQUIRE_ESM");
    expect(without.status).not.toBe(0);
  });

  it("docs/migrating.md, as installed: each `// now` and `// 1.0.0: compiles` block compiles, each `// 1.0.0: TSnnnn` block fails with that error and only it", async () => {
    // The guide's blocks are read from the installed package (so it ships) and compiled together in
    // one program against its declarations, each as a module of its own.
    const guide = readFileSync(path.join(consumer, "node_modules/puffle-api/docs/migrating.md"), "utf8");
    const blocks = [...guide.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((m) => m[1]!);
    const marked = blocks.map((code, i) => {
      const marker = /^\/\/ (now|1\.0\.0: compiles|1\.0\.0: (TS\d+))\n/.exec(code);
      expect(marker, `block ${i + 1} starts with // now, // 1.0.0: compiles or // 1.0.0: TSnnnn:\n${code}`).not.toBeNull();
      return { file: `migrating-${String(i + 1).padStart(2, "0")}.ts`, code, kind: marker![1]!, expected: marker![2] };
    });
    // Every 1.0.0 block is followed by the code that works now.
    marked.forEach((block, i) => {
      if (block.kind !== "now") expect(marked[i + 1]?.kind, `${block.file} (${block.kind}) is followed by a // now block`).toBe("now");
    });
    expect(marked.filter((b) => b.expected).length).toBeGreaterThanOrEqual(6);
    // Met by a 1.0.0 consumer upgraded by this guide and not named before: an options object typed as
    // openapi-fetch's FetchOptions passed to puffle.PATCH (no parseAs written) types `data` as any of
    // the five bodies. The compile check below holds the block to its TS2339.
    expect(
      marked.some((b) => b.expected === "TS2339" && b.code.includes('from "openapi-fetch"') && /puffle\.PATCH\("[^"]+", init\)/.test(b.code)),
      "a // 1.0.0: TS2339 block passing a FetchOptions-typed init to puffle.PATCH",
    ).toBe(true);
    const dir = path.join(consumer, "migrating");
    mkdirSync(dir, { recursive: true });
    for (const block of marked) writeFileSync(path.join(dir, block.file), block.code);
    writeFileSync(
      path.join(dir, "tsconfig.json"),
      JSON.stringify({ compilerOptions: { target: "ES2022", module: "nodenext", moduleResolution: "nodenext", strict: true, skipLibCheck: false, noEmit: true, types: ["node"] }, files: marked.map((b) => b.file) }),
    );
    const check = await run(process.execPath, [tsc(), "-p", dir, "--pretty", "false"], { cwd: dir }); // file names in the output relative to dir
    const errors = new Map<string, string[]>();
    for (const m of check.out.matchAll(/^(migrating-\d+\.ts)\(\d+,\d+\): error (TS\d+):/gm)) errors.set(m[1]!, [...(errors.get(m[1]!) ?? []), m[2]!]);
    const got = marked.map((b) => `${b.file} ${b.kind}: ${[...new Set(errors.get(b.file) ?? [])].join(" ") || "compiles"}`);
    expect(got, check.out).toEqual(marked.map((b) => `${b.file} ${b.kind}: ${b.expected ?? "compiles"}`));
  });

  it("installs the puffle binary: `puffle --help` lists both commands", async () => {
    const help = await run(path.join(consumer, "node_modules/.bin/puffle"), ["--help"], { cwd: consumer });
    expect(help.status, help.out).toBe(0);
    expect(help.out).toMatch(/conversation/);
    expect(help.out).toMatch(/thread/);
    const update = await run(path.join(consumer, "node_modules/.bin/puffle"), ["thread", "update", "--help"], { cwd: consumer });
    expect(update.status, update.out).toBe(0);
    for (const option of ["--id", "--status", "--unread-count", "--account-id", "--clear-account-id", "--participant-email", "--draft-subject"]) {
      expect(update.out).toContain(option);
    }
  });
});

describe("the same consumer under other project settings", () => {
  const tscOf = (name = "typescript") => path.join(consumer, "node_modules", name, "bin/tsc");
  const strictest = {
    target: "ES2022",
    strict: true,
    skipLibCheck: false,
    noUncheckedIndexedAccess: true,
    exactOptionalPropertyTypes: true,
    isolatedModules: true,
    verbatimModuleSyntax: true,
    resolveJsonModule: true,
    types: ["node"],
  };
  // Every entry with a type, a value and a type-only import; a caught error narrowed as docs/client.md does.
  const usesEverything = `import { createPuffleClient, isDuplicateThreadError, PuffleApiError } from "puffle-api";
import type { Conversation, PuffleClient, Thread, UpdateThreadRequest } from "puffle-api";
import { normalizeRequestBody, schemas, validateRequestBody, validateUpdateThreadRequest } from "puffle-api/validators";
import type { ValidationResult } from "puffle-api/validators";
import type { components, operations, paths } from "puffle-api/schema";
import { ALICE_TOKEN, createServer, startServer } from "puffle-api/server";
import type { StartOptions } from "puffle-api/server";

export type ThreadPath = paths["/api/threads/{id}"];
export type ConversationSchema = components["schemas"]["Conversation"];
export type UpdateThread = operations["updateThread"];
const body: UpdateThreadRequest = { status: "archived" };
export const checked: ValidationResult<UpdateThreadRequest> = validateUpdateThreadRequest(body);
export const generic = validateRequestBody("updateThread", body);
export const lenient = normalizeRequestBody("updateThread", body);
export const isConversation = (value: unknown) => schemas.Conversation(value);
export const client: PuffleClient = createPuffleClient({ apiKey: process.env.PUFFLE_API_KEY });
// Inferred, so the emitted declarations must name each member's type through a package entry (else TS2742).
export const patch = client.PATCH;
export const rawPatch = client.raw.PATCH;
export const patchThread = (id: string) => client.PATCH("/api/threads/{id}", { params: { path: { id } }, body });
export const options: StartOptions = { port: 0 };
export const makeServer = () => createServer();
export async function update(id: string): Promise<Thread | Conversation | string | undefined> {
  const server = await startServer(options);
  try {
    return await createPuffleClient({ baseUrl: server.url, apiKey: ALICE_TOKEN }).updateThread(id, body);
  } catch (error) {
    if (isDuplicateThreadError(error)) return error.existingThread;
    if (error instanceof PuffleApiError && error.hasStatus(404)) return error.problem.title;
    // @ts-expect-error 490 is a status neither operation documents
    if (error instanceof PuffleApiError && error.hasStatus(490)) return undefined;
    throw error;
  } finally {
    await server.close();
  }
}
`;
  const jsonImports = `import spec from "puffle-api/openapi.json" with { type: "json" };
import pkg from "puffle-api/package.json" with { type: "json" };
export const title: string = spec.info.title;
export const version: string = pkg.version;
`;

  beforeAll(() => {
    writeFileSync(path.join(consumer, "uses-everything.ts"), usesEverything);
    writeFileSync(path.join(consumer, "json-imports.ts"), jsonImports);
  });

  const settings: [string, Record<string, unknown>, string[]][] = [
    ["nodenext", { module: "nodenext", moduleResolution: "nodenext" }, ["uses-everything.ts", "json-imports.ts"]],
    // node16 has no import attributes (TS2823), so no JSON import here.
    ["node16", { module: "node16", moduleResolution: "node16" }, ["uses-everything.ts"]],
    ["bundler with module esnext", { module: "esnext", moduleResolution: "bundler" }, ["uses-everything.ts", "json-imports.ts"]],
    ["bundler with module preserve", { module: "preserve", moduleResolution: "bundler" }, ["uses-everything.ts", "json-imports.ts"]],
  ];
  it.each(settings)("%s, strictest options, skipLibCheck false, emitting declarations that re-export the package's types", async (name, resolution, sources) => {
    const slug = name.replace(/\W+/g, "-");
    writeFileSync(
      path.join(consumer, `tsconfig.${slug}.json`),
      JSON.stringify({ compilerOptions: { ...strictest, ...resolution, declaration: true, emitDeclarationOnly: true, outDir: `out-${slug}` }, files: sources }),
    );
    const check = await run(process.execPath, [tscOf(), "-p", path.join(consumer, `tsconfig.${slug}.json`)], { cwd: consumer });
    expect(check.out).toBe("");
    expect(check.status).toBe(0);
    expect(readFileSync(path.join(consumer, `out-${slug}/uses-everything.d.ts`), "utf8")).toContain('from "puffle-api/schema"');
  });

  it(`TypeScript ${TS_MIN_VERSION}, README's minimum, with skipLibCheck false`, async () => {
    writeFileSync(
      path.join(consumer, "tsconfig.min.json"),
      JSON.stringify({ compilerOptions: { ...strictest, module: "nodenext", moduleResolution: "nodenext", noEmit: true }, files: ["uses-everything.ts", "json-imports.ts"] }),
    );
    const check = await run(process.execPath, [tscOf(TS_MIN), "-p", path.join(consumer, "tsconfig.min.json")], { cwd: consumer });
    expect(check.out).toBe("");
    expect(check.status).toBe(0);
  });

  it("no target (TypeScript's ES5 default) with skipLibCheck false: each entry fails with the error README names, or compiles where it says so; target ES2015 compiles them all", async () => {
    // README, TypeScript: "a `target` of ES2015 or later (with none set, … are then error …)".
    const sentence = readFileSync(path.join(root, "README.md"), "utf8").replace(/\s+/g, " ").match(/and a `target` of ES2015 or later \(with none set,.*?\)\./)?.[0];
    expect(sentence, "README, TypeScript: the `target` sentence").toBeDefined();
    // [entry, compilerOptions.types, the error without a target (undefined: none)]
    const cases: [string, string[], string | undefined][] = [
      ["puffle-api", [], "TS2585"], // dom's library only: no SymbolConstructor.hasInstance under ES5
      ["puffle-api", ["node"], undefined], // @types/node loads ES2020's library
      ["puffle-api/server", ["node"], "TS18028"],
      ["puffle-api/validators", [], undefined],
      ["puffle-api/schema", [], undefined],
    ];
    const tsc = async (slug: string, compilerOptions: Record<string, unknown>, files: string[]) => {
      writeFileSync(path.join(consumer, `tsconfig.${slug}.json`), JSON.stringify({ compilerOptions: { module: "esnext", moduleResolution: "bundler", strict: true, skipLibCheck: false, noEmit: true, ...compilerOptions }, files }));
      const check = await run(process.execPath, [tscOf(), "-p", path.join(consumer, `tsconfig.${slug}.json`)], { cwd: consumer });
      return { out: check.out, codes: [...new Set([...check.out.matchAll(/error (TS\d+)/g)].map((m) => m[1]))] };
    };
    const filesOf = new Map<string, string[]>();
    for (const [entry, types, expected] of cases) {
      const slug = `es5-${entry.replace(/\W+/g, "-")}-${types.join("") || "dom"}`;
      writeFileSync(path.join(consumer, `${slug}.ts`), `export * from ${JSON.stringify(entry)};\n`);
      filesOf.set(types.join(), [...(filesOf.get(types.join()) ?? []), `${slug}.ts`]);
      const check = await tsc(slug, { types }, [`${slug}.ts`]);
      expect(check.codes, `${entry}, types ${JSON.stringify(types)}, no target:\n${check.out}`).toEqual(expected === undefined ? [] : [expected]);
      if (expected !== undefined) expect(sentence, `README names ${entry}'s ${expected}`).toMatch(new RegExp(`\`${entry}\`'s[^;]*? ${expected}\\b`));
      else if (types.length === 0) expect(sentence, `README says ${entry} compiles`).toContain(`\`${entry}\``);
    }
    for (const [types, files] of filesOf) {
      const check = await tsc(`es2015-${types || "dom"}`, { target: "ES2015", types: types ? types.split(",") : [] }, files);
      expect(check.out, `target ES2015, types [${types}]`).toBe("");
    }
  }, 300_000);

  it("a CommonJS TypeScript file (README, TypeScript): module nodenext with verbatimModuleSyntax takes `import … = require()` and `import type`, compiles and runs; `import { … } from` is TS1286 there, and module node16 is TS1471", async () => {
    // The two forms as README prints them for such a file.
    const readme = readFileSync(path.join(root, "README.md"), "utf8");
    const forms = [/`(import validators = require\("puffle-api\/validators"\))`/, /`(import type \{ OperationId \} from "puffle-api\/validators")`/].map((form) => readme.match(form)?.[1]);
    expect(forms, "README, TypeScript: the CommonJS forms under verbatimModuleSyntax").toEqual([expect.any(String), expect.any(String)]);
    writeFileSync(
      path.join(consumer, "cjs-consumer.cts"),
      `${forms[0]};
${forms[1]};
const op: OperationId = "updateThread";
const result = validators.normalizeRequestBody(op, { status: "deleted", draft_subject: "Hi" });
if (result.ok) console.log(result.body.draft_subject, result.dropped.join());
`,
    );
    writeFileSync(path.join(consumer, "cjs-esm-import.cts"), `import { normalizeRequestBody } from "puffle-api/validators";\nconsole.log(typeof normalizeRequestBody);\n`);
    const config = (slug: string, module: string, file: string) => {
      writeFileSync(path.join(consumer, `tsconfig.${slug}.json`), JSON.stringify({ compilerOptions: { ...strictest, module, moduleResolution: module, outDir: `out-${slug}` }, files: [file] }));
      return run(process.execPath, [tscOf(), "-p", path.join(consumer, `tsconfig.${slug}.json`)], { cwd: consumer });
    };
    const check = await config("cjs", "nodenext", "cjs-consumer.cts");
    expect(check.out).toBe("");
    expect(check.status).toBe(0);
    if (process.features.require_module) {
      const result = await run(process.execPath, [path.join(consumer, "out-cjs/cjs-consumer.cjs")], { cwd: consumer, timeout: 60_000 });
      expect(result.out).toBe("Hi status\n");
    }
    expect((await config("cjs-import", "nodenext", "cjs-esm-import.cts")).out).toMatch(/cjs-esm-import\.cts\(1,\d+\): error TS1286/);
    expect((await config("cjs-node16", "node16", "cjs-consumer.cts")).out).toMatch(/cjs-consumer\.cts\(1,\d+\): error TS1471/);
  });

  it("verbatimModuleSyntax keeps `import { type paths } from \"puffle-api/schema\"` as an import, and it loads", async () => {
    // TypeScript emits `import {} from "puffle-api/schema"` for it: the types-only entry needs a module.
    writeFileSync(
      path.join(consumer, "inline-type.ts"),
      `import { type paths, type Thread } from "puffle-api/schema";
import { createPuffleClient, type PuffleClient } from "puffle-api";
const route: keyof paths = "/api/threads/{id}";
const status: Thread["status"] = "archived";
const client: PuffleClient = createPuffleClient({ apiKey: "puffle_test_alice" });
console.log(route, status, typeof client.updateThread);
`,
    );
    writeFileSync(
      path.join(consumer, "tsconfig.inline.json"),
      JSON.stringify({ compilerOptions: { ...strictest, module: "nodenext", moduleResolution: "nodenext", outDir: "out-inline" }, files: ["inline-type.ts"] }),
    );
    const check = await run(process.execPath, [tscOf(), "-p", path.join(consumer, "tsconfig.inline.json")], { cwd: consumer });
    expect(check.out).toBe("");
    expect(check.status).toBe(0);
    expect(readFileSync(path.join(consumer, "out-inline/inline-type.js"), "utf8")).toContain('"puffle-api/schema"');
    const result = await run(process.execPath, [path.join(consumer, "out-inline/inline-type.js")], { cwd: consumer, timeout: 60_000 });
    expect(result.out).toBe("/api/threads/{id} archived function\n");
    expect(result.status).toBe(0);
  });

  it("dependencies not hoisted (pnpm's layout): declarations of inferred client calls and servers name openapi-fetch's and fastify's types through puffle-api", async () => {
    // pnpm links only the project's own dependencies into its node_modules; puffle-api's (openapi-fetch)
    // sit beside puffle-api's real directory, where the project cannot import them. An inferred type
    // that needs one of their names is then TS2742 unless a puffle-api entry exports it.
    const project = path.join(dir, "not-hoisted");
    const store = path.join(project, "node_modules/.pnpm");
    /** A package's real directory in the store, as pnpm makes it: `.pnpm/<name>@<version>/node_modules/<name>`, its dependencies linked beside it. */
    const place = (name: string, deps: Record<string, string>) => {
      const { version: installed } = JSON.parse(readFileSync(path.join(consumer, "node_modules", name, "package.json"), "utf8"));
      const home = path.join(store, `${name}@${installed}/node_modules`);
      cpSync(path.join(consumer, "node_modules", name), path.join(home, name), { recursive: true, dereference: true });
      for (const [dep, target] of Object.entries(deps)) symlinkSync(target, path.join(home, dep), "dir");
      return path.join(home, name);
    };
    const linked = (name: string) => path.join(consumer, "node_modules", name);
    const openapiFetch = place("openapi-fetch", { "openapi-typescript-helpers": linked("openapi-typescript-helpers") });
    const puffle = place("puffle-api", { "openapi-fetch": openapiFetch, fastify: linked("fastify"), commander: linked("commander") });
    mkdirSync(path.join(project, "node_modules/@types"), { recursive: true });
    symlinkSync(puffle, path.join(project, "node_modules/puffle-api"), "dir");
    symlinkSync(linked("@types/node"), path.join(project, "node_modules/@types/node"), "dir");
    writeFileSync(path.join(project, "package.json"), JSON.stringify({ name: "not-hoisted-consumer", private: true, type: "module" }));
    writeFileSync(
      path.join(project, "calls.ts"),
      `import { createPuffleClient } from "puffle-api";
const client = createPuffleClient({ apiKey: "puffle_test_alice" });
export const patchThread = (id: string) => client.PATCH("/api/threads/{id}", { params: { path: { id } }, body: { status: "archived" } });
export const rawPatchConversation = (id: string) => client.raw.PATCH("/api/conversations/{id}", { params: { path: { id } }, body: { unread_count: 0 } });
export const patch = client.PATCH;
export const rawPatch = client.raw.PATCH;
export const get = client.GET;
export const request = client.request;
export const use = client.use;
`,
    );
    // The reference server's instance: its Fastify type is named through puffle-api/server too.
    writeFileSync(
      path.join(project, "server.ts"),
      `import { createServer, startServer } from "puffle-api/server";
export const app = () => createServer();
export const running = () => startServer({ port: 0 });
export const store = () => createServer().puffle.store;
`,
    );
    writeFileSync(
      path.join(project, "tsconfig.json"),
      JSON.stringify({ compilerOptions: { ...strictest, module: "nodenext", moduleResolution: "nodenext", declaration: true, emitDeclarationOnly: true, outDir: "out" }, files: ["calls.ts", "server.ts"] }),
    );
    const check = await run(process.execPath, [tscOf(), "-p", project], { cwd: project });
    expect(check.out).toBe("");
    expect(check.status).toBe(0);
    const emitted = readFileSync(path.join(project, "out/calls.d.ts"), "utf8");
    expect(emitted).toContain('import("puffle-api").FetchResponse<');
    expect(emitted).not.toContain("openapi-fetch");
    const server = readFileSync(path.join(project, "out/server.d.ts"), "utf8");
    expect(server).not.toMatch(/"fastify"|\.pnpm/);
  });

  it("moduleResolution node10 with module commonjs: every subpath has its types (typesVersions), and the emitted require()s run", async () => {
    const dir10 = path.join(consumer, "node10");
    mkdirSync(dir10, { recursive: true });
    writeFileSync(path.join(dir10, "package.json"), JSON.stringify({ name: "node10-consumer", private: true, type: "commonjs" }));
    writeFileSync(
      path.join(dir10, "main.ts"),
      `import { createPuffleClient } from "puffle-api";
import type { Conversation } from "puffle-api";
import { validateRequestBody } from "puffle-api/validators";
import type { paths } from "puffle-api/schema";
import { ALICE_TOKEN, startServer } from "puffle-api/server";
import spec from "puffle-api/openapi.json";

const route: keyof paths = "/api/conversations/{id}";
async function main(): Promise<void> {
  const server = await startServer({ port: 0 });
  try {
    const conversation: Conversation = await createPuffleClient({ baseUrl: server.url, apiKey: ALICE_TOKEN }).updateConversation("f11e8a2c-1234-4567-89ab-cdef01234567", { status: "archived" });
    console.log(spec.info.version, route, conversation.status, validateRequestBody("updateThread", { status: "deleted" }).valid);
  } finally {
    await server.close();
  }
}
main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
`,
    );
    writeFileSync(
      path.join(dir10, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: { target: "ES2022", module: "commonjs", moduleResolution: "node10", esModuleInterop: true, strict: true, skipLibCheck: false, resolveJsonModule: true, types: ["node"], outDir: "out" },
        files: ["main.ts"],
      }),
    );
    const check = await run(process.execPath, [tscOf(), "-p", dir10], { cwd: dir10 });
    expect(check.out).toBe("");
    expect(check.status).toBe(0);
    if (!process.features.require_module) return; // the emitted require() of ES modules needs Node 20.19+ / 22.12+
    const result = await run(process.execPath, [path.join(dir10, "out/main.js")], { cwd: dir10, timeout: 60_000 });
    expect(result.out).toBe(`${JSON.parse(readFileSync(path.join(root, "generated/openapi.json"), "utf8")).info.version} /api/conversations/{id} archived false\n`);
    expect(result.status).toBe(0);
  });
});

describe("the installed package bundled for a browser", () => {
  const spec = JSON.parse(readFileSync(path.join(root, "generated/openapi.json"), "utf8"));

  /** A rolldown browser bundle of `source`, resolved from the consumer project: its chunks and their modules. */
  const bundleFor = (name: string, source: string) => bundleForBrowser(consumer, name, source);

  it("importing only validators bundles neither the client nor openapi-fetch", async () => {
    const { modules } = await bundleFor("validators-only", `import { validateUpdateThreadRequest } from "puffle-api/validators";\nexport const valid = validateUpdateThreadRequest({ status: "archived" }).valid;\n`);
    expect(modules).toContain("node_modules/puffle-api/generated/validators.js");
    expect(modules.filter((m) => /puffle-api\/(dist\/(client|errors|index)|generated\/meta)\.js$|openapi-fetch/.test(m))).toEqual([]);
  });

  it.skipIf(!hasChromium)("the client has no Node-only module and runs in Chromium over an injected fetch", async () => {
    const conversationBody = spec.components.examples.ArchivedConversationResponse.value;
    const duplicateBody = spec.components.examples.DuplicateThreadProblem.value;
    const { chunks, modules, html, chunkAt } = await bundleFor(
      "browser-app",
      `import { createPuffleClient, isDuplicateThreadError, PuffleValidationError } from "puffle-api";
const conversationBody = ${JSON.stringify(conversationBody)};
const duplicateBody = ${JSON.stringify(duplicateBody)};
window.runPuffle = async () => {
  const sent = [];
  const fetch = async (input, init) => {
    sent.push([typeof input === "string" ? input : input.url, init?.method ?? input.method]);
    const [body, status, type] = sent.length === 1 ? [conversationBody, 200, "application/json"] : [duplicateBody, 409, "application/problem+json"];
    return new Response(JSON.stringify(body), { status, headers: { "content-type": type, "x-request-id": "req-" + sent.length } });
  };
  const puffle = createPuffleClient({ baseUrl: "https://api.example.test", apiKey: "puffle_test_alice", fetch, validate: "both" });
  const seen = [];
  const conversation = await puffle.updateConversation("f11e8a2c-1234-4567-89ab-cdef01234567", { status: "archived" });
  seen.push(conversation.status);
  try {
    await puffle.updateThread("3d986dd1-9d70-45b7-8e36-5d5b8b1c9337", { account_id: "5a1e5000-0000-4000-8000-000000000003" });
  } catch (error) {
    seen.push(isDuplicateThreadError(error) ? "409 " + error.existingThread.id + " " + error.requestId : String(error));
  }
  const refused = await puffle.updateThread("a/b", { status: "archived" }).catch((error) => error);
  seen.push(refused instanceof PuffleValidationError ? refused.target : String(refused));
  return { seen, sent };
};
`,
    );
    expect(modules.filter((m) => /node:|\/fastify\/|\/pino\/|puffle-api\/dist\/server\//.test(m))).toEqual([]);
    for (const chunk of chunks) expect(chunk.code, chunk.fileName).not.toMatch(/\brequire\(|["']node:|\bBuffer\./);
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      const problems = pageProblems(page);
      await page.route("**/*", (route) => {
        const url = new URL(route.request().url());
        if (url.origin !== "http://app.test") {
          problems.push(`request: ${url.href}`);
          return route.abort();
        }
        if (url.pathname === "/") return route.fulfill({ contentType: "text/html", body: html });
        const code = chunkAt(url.pathname);
        return code !== undefined ? route.fulfill({ contentType: "text/javascript", body: code }) : route.fulfill({ status: 404, body: "" });
      });
      await page.goto("http://app.test/");
      await page.waitForFunction(() => typeof (window as unknown as { runPuffle?: unknown }).runPuffle === "function");
      const result = await page.evaluate(() => (window as unknown as { runPuffle: () => Promise<unknown> }).runPuffle());
      expect(result).toEqual({
        seen: ["archived", `409 ${duplicateBody.existing_thread.id} req-2`, "path"],
        sent: [
          ["https://api.example.test/api/conversations/f11e8a2c-1234-4567-89ab-cdef01234567", "PATCH"],
          ["https://api.example.test/api/threads/3d986dd1-9d70-45b7-8e36-5d5b8b1c9337", "PATCH"],
        ],
      });
      expect(problems).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 120_000);
});
