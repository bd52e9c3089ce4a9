// The code blocks of README.md, docs/client.md, docs/cli.md and docs/server.md, held to the package as
// it is built (and README's validators block to the results its `// →` comments give):
// every ```ts block typechecks under strict tsc against the built package (installed as
// `puffle-api`), and the ones written against the reference server on http://127.0.0.1:4010 run,
// as printed but for that URL, against a fresh reference server on 127.0.0.1: the ```ts ones
// compiled and run with node, the ```sh ones that call the CLI run by `sh` (with `puffle` and
// `node dist/cli/main.js` the built CLI); docs/server.md's script for CI and its reset `curl` are run
// as printed too. The spec's x-codeSamples are run by code-samples.test.ts,
// docs/migrating.md's blocks compiled by package.test.ts, README's checkUpdate by
// server/refused-body.test.ts and docs/cli.md's ids.csv loop by cli/binary.test.ts.
//
// A ```ts block may be a fragment that goes on from an earlier one: it is compiled inside a function
// given the names such fragments use (`puffle`, `id`, `error`, `problem`, `createPuffleClient`,
// `PuffleApiError`, `startServer`), its imports hoisted. A block indented in a list item is read
// without its indentation. A line `// <code> does not compile` in a block is a claim
// too: that code, put in place of the comment, must be a type error.
import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import vm from "node:vm";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { root, runCommand } from "../helpers.js";
import { scratchDir } from "../scratch.js";
import { ALICE_TOKEN, startServer } from "../../src/server/index.js";
import type { RunningServer } from "../../src/server/index.js";

const DOCS = ["README.md", "docs/client.md", "docs/cli.md", "docs/server.md"];
const MOCK_URL = "http://127.0.0.1:4010";
/** The default seed's thread a duplicate recipient names (docs/server.md). */
const EXISTING_THREAD = "9e1f2a3b-4c5d-4e6f-8a7b-8c9d0e1f2a3b";

/** Blocks marked ```ts that are not code to compile, each by its first line, with why. */
const NOT_CODE: Record<string, string> = {
  "updateConversation(id: string, body: UpdateConversationRequest, options?): Promise<Conversation>": "docs/client.md, \"The two methods\": the methods' signatures, not a program",
};

interface Block {
  doc: string;
  line: number;
  lang: string;
  code: string;
}

function blocks(doc: string): Block[] {
  const markdown = readFileSync(path.join(root, doc), "utf8");
  return [...markdown.matchAll(/^( *)```([a-z]*)\n([\s\S]*?)^\1```$/gm)].map((m) => ({
    doc,
    line: markdown.slice(0, m.index).split("\n").length,
    lang: m[2]!,
    code: m[3]!.replace(new RegExp(`^${m[1]!}`, "gm"), ""),
  }));
}

const all = DOCS.flatMap(blocks);
const tsBlocks = all.filter((b) => b.lang === "ts" && !(b.code.split("\n")[0]! in NOT_CODE));
const name = (b: Block) => `${b.doc.replace(/\W+/g, "-")}-${b.line}`;
/** A ```ts block using the client against the reference server: compiled as it is and run (docs/server.md's browser `fetch` is only compiled). */
const runnableTs = tsBlocks.filter((b) => b.code.includes(MOCK_URL) && /^import .* from "puffle-api";$/m.test(b.code));
/** A ```sh block that calls the CLI against the reference server. */
const runnableSh = all.filter((b) => b.lang === "sh" && b.code.includes(`--base-url ${MOCK_URL}`));

/**
 * The block as a module: one with an `export` of its own as it is; any other inside an async
 * function (its own block scope) given the names a fragment may use, its `import` lines hoisted.
 */
function asModule(code: string): string {
  if (/^export /m.test(code)) return code;
  const lines = code.split("\n");
  const isImport = (l: string) => /^import .*;(\s*\/\/.*)?$/.test(l); // a comment may follow it
  const imports = lines.filter(isImport);
  const rest = lines.map((l) => (isImport(l) ? "" : l)); // kept as blank lines: tsc's line numbers stay the block's
  return [
    ...imports,
    'import type * as __puffle from "puffle-api";',
    'import type * as __puffleServer from "puffle-api/server";',
    "export async function __sample(puffle: __puffle.PuffleClient, id: string, error: unknown, problem: unknown, createPuffleClient: typeof __puffle.createPuffleClient, PuffleApiError: typeof __puffle.PuffleApiError, startServer: typeof __puffleServer.startServer) { {",
    ...rest,
    "} }",
  ].join("\n");
}

/** The `// <code> does not compile` lines of a block, each as the block with that code in place of the comment. */
function notCompiling(b: Block): { code: string; line: number; claim: string }[] {
  const lines = b.code.split("\n");
  return lines.flatMap((l, i) => {
    const m = /^(\s*)\/\/ (.+) does not compile$/.exec(l);
    if (!m) return [];
    const code = lines.map((x, j) => (j === i ? `${m[1]}${m[2]};` : x)).join("\n");
    return [{ code, line: i, claim: m[2]! }];
  });
}

const dir = scratchDir("puffle-docs-samples-");
const project = path.join(dir, "consumer");
const tscFor = (files: Record<string, string>, emit: boolean) => {
  for (const [file, code] of Object.entries(files)) writeFileSync(path.join(project, file), code);
  writeFileSync(
    path.join(project, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: {
        target: "ES2022",
        module: "NodeNext",
        moduleResolution: "NodeNext",
        strict: true,
        noUncheckedIndexedAccess: true,
        exactOptionalPropertyTypes: true,
        skipLibCheck: true,
        outDir: "out",
        noEmit: !emit,
        types: ["node"],
        typeRoots: [path.join(root, "node_modules/@types")],
      },
      files: Object.keys(files),
    }),
  );
  const r = spawnSync(process.execPath, [path.join(root, "node_modules/typescript/bin/tsc"), "-p", project, "--pretty", "false"], { encoding: "utf8", cwd: project });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
};

beforeAll(() => {
  mkdirSync(path.join(project, "node_modules"), { recursive: true });
  symlinkSync(root, path.join(project, "node_modules/puffle-api"), "dir");
  symlinkSync(path.join(root, "node_modules/vitest"), path.join(project, "node_modules/vitest"), "dir"); // docs/server.md's reset block imports it
  writeFileSync(path.join(project, "package.json"), JSON.stringify({ name: "docs-samples", private: true, type: "module" }));
});

let server: RunningServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const run = runCommand;

it("finds the blocks: every ```ts block of the four docs, the ones to run, and each NOT_CODE block still there", () => {
  expect(tsBlocks.length).toBeGreaterThanOrEqual(15);
  expect(tsBlocks.filter((b) => b.doc === "docs/server.md").length, "docs/server.md's six ```ts blocks, the indented one included").toBeGreaterThanOrEqual(6);
  expect(runnableTs.map((b) => b.doc).sort()).toEqual(["README.md", "docs/cli.md", "docs/client.md"]);
  expect(runnableSh.map((b) => b.doc).sort()).toEqual(["README.md", "docs/cli.md", "docs/cli.md"]);
  const firstLines = all.map((b) => b.code.split("\n")[0]!);
  expect(Object.keys(NOT_CODE).filter((line) => !firstLines.includes(line)), "NOT_CODE names a block no doc has any more").toEqual([]);
  expect(tsBlocks.flatMap(notCompiling).length).toBeGreaterThanOrEqual(1);
});

it("every ```ts block typechecks under strict tsc (exactOptionalPropertyTypes too) against the built package", () => {
  const files = Object.fromEntries(tsBlocks.map((b) => [`${name(b)}.ts`, asModule(b.code)]));
  const { status, out } = tscFor(files, false);
  expect(out).toBe("");
  expect(status).toBe(0);
});

// Errors that say only that the code lacks its context (a name not declared, a value still unknown):
// a claim refused for them alone says nothing of the API.
const NO_CONTEXT = new Set(["TS2304", "TS2552", "TS18004", "TS18046"]);

it("each `// <code> does not compile` line of a block is a type error there, and not for want of context", () => {
  const claims = tsBlocks.flatMap((b) =>
    notCompiling(b).map((c, i) => {
      const module = asModule(c.code.replace(`${c.claim};`, `${c.claim}; /*__claim__*/`));
      return { file: `${name(b)}-not-${i}.ts`, module, at: module.split("\n").findIndex((l) => l.endsWith("/*__claim__*/")) + 1, claim: c.claim, where: `${b.doc}:${b.line + 1 + c.line}` };
    }),
  );
  const { out } = tscFor(Object.fromEntries(claims.map((c) => [c.file, c.module])), false);
  const problems = claims.flatMap((c) => {
    const codes = [...out.matchAll(new RegExp(`^${c.file.replace(/\./g, "\\.")}\\((\\d+),\\d+\\): error (TS\\d+)`, "gm"))].filter((m) => Number(m[1]) === c.at).map((m) => m[2]!);
    if (codes.length === 0) return [`${c.where}: \`${c.claim}\` compiles`];
    if (codes.every((code) => NO_CONTEXT.has(code))) return [`${c.where}: \`${c.claim}\` fails only for want of context (${codes.join(", ")}): write the code that does not compile in full`];
    return [];
  });
  expect(problems, out).toEqual([]);
});

describe.each(runnableTs)("$doc, the ```ts block at line $line", (block) => {
  it("compiles as it is and runs against the reference server, exit 0, nothing on stderr", async () => {
    server = await startServer({ port: 0, host: "127.0.0.1" });
    const file = `run-${name(block)}`;
    const { status, out } = tscFor({ [`${file}.ts`]: block.code.split(MOCK_URL).join(server.url) }, true);
    expect(out).toBe("");
    expect(status).toBe(0);
    const r = await run(process.execPath, [path.join(project, "out", `${file}.js`)], {
      cwd: project,
      env: { ...process.env, PUFFLE_API_KEY: ALICE_TOKEN },
      timeout: 30_000,
    });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    // Each sample ends on the 409 of the default seed, its existing thread printed; nothing it prints is undefined.
    expect(r.stdout).toContain(EXISTING_THREAD);
    expect(r.stdout).not.toMatch(/\bundefined\b/);
  });
});

describe.each(runnableSh)("$doc, the ```sh block at line $line", (block) => {
  it("runs in sh against the reference server, each `echo $?` printing the exit code its comment gives", async () => {
    server = await startServer({ port: 0, host: "127.0.0.1" });
    const shims = path.join(dir, `bin-${name(block)}`);
    mkdirSync(shims, { recursive: true });
    writeFileSync(path.join(shims, "puffle"), `#!/bin/sh\nexec "${process.execPath}" "${path.join(root, "dist/cli/main.js")}" "$@"\n`);
    chmodSync(path.join(shims, "puffle"), 0o755);
    const lines = block.code.split("\n");
    // Building and starting the server: done here (the test setup builds dist/; the server is this process's).
    const setup = lines.filter((l) => /^(npm run build\b|puffle mock .*&)/.test(l));
    expect(setup.length, "only a build and a server started in the background are left out").toBe(lines.filter((l) => /^(npm |puffle mock)/.test(l)).length);
    const expected = lines.flatMap((l) => (/^echo \$\?/.test(l) ? [Number(/#\s*(\d+)\b/.exec(l)?.[1])] : []));
    const script = lines
      .filter((l) => !setup.includes(l))
      .map((l) => l.replace(/^echo \$\?.*$/, 'echo "exit=$?"'))
      .join("\n")
      .split(MOCK_URL)
      .join(server.url);
    const env: NodeJS.ProcessEnv = { ...process.env, PATH: `${shims}${path.delimiter}${process.env.PATH}` };
    delete env.PUFFLE_API_KEY; // the block exports it
    delete env.PUFFLE_BASE_URL;
    const r = await run("sh", ["-c", script], { cwd: root, env, timeout: 60_000 });
    expect(r.status).toBe(0);
    expect([...r.stdout.matchAll(/^exit=(\d+)$/gm)].map((m) => Number(m[1]))).toEqual(expected);
    // Every command before an `echo $?` and every other one succeeded: a JSON record per command on stdout.
    const commands = lines.filter((l) => /^(puffle|node dist\/cli\/main\.js) (conversation|thread) update\b/.test(l)).length;
    expect(r.stdout.match(/^\{$/gm)?.length ?? 0).toBe(commands - expected.filter((code) => code !== 0).length);
  });
});

// docs/server.md, "In CI, or as a service for other tests": the script that starts `puffle mock` on
// port 0, reads its URL from the banner and stops it with `kill` (exit 0), run as printed, in a
// folder where puffle-api is installed (as its first line assumes), its one comment line standing for
// the tests replaced by a request against $URL.
describe("docs/server.md's script for CI", () => {
  const block = all.find((b) => b.doc === "docs/server.md" && b.lang === "sh" && b.code.includes("MOCK_PID=$!"));
  const TESTS = /^# … tests against \$URL …$/m;

  it("starts the server, finds its URL, is served there, and stops it: exit 0", async () => {
    expect(block, "docs/server.md has the script").toBeDefined();
    expect(block!.code).toMatch(TESTS);
    const script = block!.code.replace(TESTS, `curl -sS -o /dev/null -w 'status=%{http_code}\\n' -X PATCH -H 'authorization: Bearer ${ALICE_TOKEN}' -H 'content-type: application/json' -d '{"draft_subject":"x"}' "$URL/api/threads/3d986dd1-9d70-45b7-8e36-5d5b8b1c9337"; echo "url=$URL"`);
    const r = await run("sh", ["-c", `${script}\necho "exit=$?"`], { cwd: project, env: { ...process.env }, timeout: 30_000, detached: true });
    expect(r.stderr).toBe("");
    expect(r.stdout).toMatch(/^status=200\nurl=http:\/\/127\.0\.0\.1:\d+\nexit=0\n$/);
    const url = /^url=(.*)$/m.exec(r.stdout)![1]!;
    expect(readFileSync(path.join(project, "mock.log"), "utf8")).toMatch(/^Puffle reference server listening on http:\/\/127\.0\.0\.1:\d+\n/);
    await expect(fetch(`${url}/api/threads/x`), "the server is gone once the script ends").rejects.toThrow();
  });
});

// docs/server.md, "From another process: the reset endpoint": its `curl` line, against a server started with allowReset.
describe("docs/server.md's reset curl", () => {
  const block = all.find((b) => b.doc === "docs/server.md" && b.lang === "sh" && b.code.includes("/__puffle/reset"));

  it("puts an updated store back to its seed, exit 0, nothing printed", async () => {
    expect(block, "docs/server.md has the reset block").toBeDefined();
    expect(block!.code).toContain(MOCK_URL);
    server = await startServer({ port: 0, host: "127.0.0.1", allowReset: true });
    const seed = server.app.puffle.store.snapshot();
    const patched = await fetch(`${server.url}/api/threads/3d986dd1-9d70-45b7-8e36-5d5b8b1c9337`, { method: "PATCH", headers: { authorization: `Bearer ${ALICE_TOKEN}`, "content-type": "application/json" }, body: '{"draft_subject":"changed"}' });
    expect(patched.status).toBe(200);
    expect(server.app.puffle.store.snapshot()).not.toEqual(seed);
    const r = await run("sh", ["-c", `${block!.code.split(MOCK_URL).join(server.url)}echo "exit=$?"`], { cwd: project, env: { ...process.env }, timeout: 30_000 });
    expect([r.stdout, r.stderr]).toEqual(["exit=0\n", ""]);
    expect(server.app.puffle.store.snapshot()).toEqual(seed);
  });
});

// README's validators block gives results as `// → { … }` after a call: each is what the call returns.
describe("README's `// →` results of the validators", () => {
  const block = blocks("README.md").find((b) => b.code.includes('from "puffle-api/validators"') && b.code.includes("// →"));
  /** Each call and the value its `// →` comment gives (on its line or the next), the comment's words after the value left out. */
  const claims = (code: string) => {
    const lines = code.split("\n");
    return lines.flatMap((l, i) => {
      const call = /^(\w+\(.*\));(?:\s*\/\/ → (.*))?$/.exec(l);
      const result = call?.[2] ?? /^\/\/ → (.*)$/.exec(lines[i + 1] ?? "")?.[1];
      if (!call || result === undefined) return [];
      return [{ call: call[1]!, result: result.slice(0, result.lastIndexOf("}") + 1) }];
    });
  };

  it("each is what the call returns", async () => {
    expect(block, "README has the validators block").toBeDefined();
    const found = claims(block!.code);
    expect(found.length).toBeGreaterThanOrEqual(4);
    const validators = await import("../../src/validators.js");
    const value = (text: string, context: object) => JSON.parse(JSON.stringify(vm.runInNewContext(`(${text})`, { ...context })));
    expect(found.map(({ call }) => ({ call, result: value(call, validators) }))).toEqual(found.map(({ call, result }) => ({ call, result: value(result, {}) })));
  });

  it("the check can fail: a result that is not the call's", () => {
    const planted = 'validateRequestBody("updateThread", { status: "archived" });\n// → { valid: false, errors: [] }\n';
    expect(claims(planted)).toEqual([{ call: 'validateRequestBody("updateThread", { status: "archived" })', result: "{ valid: false, errors: [] }" }]);
  });
});

// README, "Using it": without "dom" in `lib` or @types/node, a type-only import from puffle-api was
// said to be "a list of TS2304". That holds under skipLibCheck: false only; under skipLibCheck: true
// (tsc --init's default) it compiles, the fetch API's types then `any`, unchecked.
describe("README: a project with neither \"dom\" nor @types/node", () => {
  const compile = (files: Record<string, string>, options: Record<string, unknown>) => {
    const folder = path.join(project, `no-dom-${Object.keys(files)[0]!.replace(/\W+/g, "-")}-${String(options.skipLibCheck)}-${String(options.lib)}`);
    mkdirSync(folder, { recursive: true });
    for (const [file, code] of Object.entries(files)) writeFileSync(path.join(folder, file), code);
    writeFileSync(path.join(folder, "tsconfig.json"), JSON.stringify({ compilerOptions: { target: "ES2022", module: "NodeNext", moduleResolution: "NodeNext", strict: true, noEmit: true, types: [], lib: ["es2022"], ...options }, files: Object.keys(files) }));
    const r = spawnSync(process.execPath, [path.join(root, "node_modules/typescript/bin/tsc"), "-p", folder, "--pretty", "false"], { encoding: "utf8", cwd: project });
    return [...new Set([...`${r.stdout}${r.stderr}`.matchAll(/error (TS\d+)/g)].map((m) => m[1]!))];
  };
  const typeOnly = { "type-only.ts": 'import type { Thread } from "puffle-api";\nexport const t: Thread | undefined = undefined;\n' };
  const unchecked = { "unchecked.ts": 'import { PuffleApiError } from "puffle-api";\nexport const f = (e: unknown) => (e instanceof PuffleApiError ? e.headers.nope() : 0);\n' };
  const readme = () => readFileSync(path.join(root, "README.md"), "utf8").replace(/\s*\n\s*/g, " ");

  it("skipLibCheck false: a type-only import from puffle-api is TS2304s; puffle-api/schema and /validators compile", () => {
    expect(compile(typeOnly, { skipLibCheck: false })).toContain("TS2304");
    expect(compile({ "others.ts": 'import type { paths } from "puffle-api/schema";\nimport type { ValidationIssue } from "puffle-api/validators";\nexport type T = paths | ValidationIssue;\n' }, { skipLibCheck: false })).toEqual([]);
    expect(readme().includes("under `skipLibCheck: false` even a type-only import from `puffle-api` is a list of TS2304"), "README, \"Using it\": says so").toBe(true);
  });

  it("skipLibCheck true: it compiles, the fetch types `any` (a PuffleApiError's headers.nope() compiles; with \"dom\" it does not)", () => {
    expect(compile(typeOnly, { skipLibCheck: true })).toEqual([]);
    expect(compile(unchecked, { skipLibCheck: true })).toEqual([]);
    expect(compile(unchecked, { skipLibCheck: true, lib: ["es2022", "dom"] })).toEqual(["TS2339"]);
    expect(readme().includes("under `skipLibCheck: true` it compiles, but those types are then `any`, unchecked (on a `PuffleApiError`, `headers.nope()` compiles)"), "README, \"Using it\": says so").toBe(true);
  });
});

// README, "Using it": a CommonJS TypeScript file importing the package, under node16/nodenext.
describe("README: a CommonJS TypeScript file (.cts) that imports puffle-api", () => {
  const files = {
    "value.cts": 'import { createPuffleClient } from "puffle-api";\nexport const c = createPuffleClient;\n',
    "type-only.cts": 'import type { Thread } from "puffle-api";\nexport type T = Thread;\n',
    "resolution-mode.cts": 'import type { Thread } from "puffle-api" with { "resolution-mode": "import" };\nexport type T = Thread;\n',
  };
  const errors = (module: string) => {
    const folder = path.join(project, `cts-${module}`);
    mkdirSync(folder, { recursive: true });
    for (const [file, code] of Object.entries(files)) writeFileSync(path.join(folder, file), code);
    writeFileSync(path.join(folder, "tsconfig.json"), JSON.stringify({ compilerOptions: { target: "ES2022", module, moduleResolution: module, strict: true, noEmit: true, skipLibCheck: true, types: ["node"], typeRoots: [path.join(root, "node_modules/@types")] }, files: Object.keys(files) }));
    const r = spawnSync(process.execPath, [path.join(root, "node_modules/typescript/bin/tsc"), "-p", folder, "--pretty", "false"], { encoding: "utf8", cwd: folder }); // file names relative to folder
    return Object.fromEntries(Object.keys(files).map((file) => [file, [...`${r.stdout}${r.stderr}`.matchAll(new RegExp(`^${file.replace(/\./g, "\\.")}\\(\\d+,\\d+\\): error (TS\\d+)`, "gm"))].map((m) => m[1]).join(" ")]));
  };

  it('module "nodenext": each compiles', () => {
    expect(errors("nodenext")).toEqual({ "value.cts": "", "type-only.cts": "", "resolution-mode.cts": "" });
  });

  it('module "node16": an import is TS1479, an `import type` TS1541 unless it says `with { "resolution-mode": "import" }`', () => {
    expect(errors("node16")).toEqual({ "value.cts": "TS1479", "type-only.cts": "TS1541", "resolution-mode.cts": "" });
    const readme = readFileSync(path.join(root, "README.md"), "utf8").replace(/\s*\n\s*/g, " ");
    expect(readme.includes('with `module: "node16"` or an older TypeScript it is error TS1479 there (use `await import()`), and an `import type` there is error TS1541 unless it says `with { "resolution-mode": "import" }`'), "README says so").toBe(true);
  });
});
