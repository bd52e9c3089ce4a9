// The docs' code samples (`x-codeSamples`, made by scripts/publish/code-samples.mjs from the spec's
// examples) cannot rot: each one runs, exactly as printed, against the reference server on
// 127.0.0.1 — the only change is the server URL (curl, TypeScript) or PUFFLE_BASE_URL (CLI).
// curl runs through `sh`, the CLI is the real built binary (dist/cli/main.js, as `puffle` on PATH),
// and the TypeScript sample is typechecked with strict tsc against the built package and then run.
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runCommand } from "../helpers.js";
import { scratchDir } from "../scratch.js";
import { buildCodeSamples } from "../../scripts/publish/code-samples.mjs";
import type { OperationSamples } from "../../scripts/publish/code-samples.mjs";
import { ALICE_TOKEN, startServer } from "../../src/server/index.js";
import type { RunningServer } from "../../src/server/index.js";
import { validateResponseBody } from "../../src/validators.js";

const root = path.resolve(import.meta.dirname, "../..");
const spec = JSON.parse(readFileSync(path.join(root, "generated/openapi.json"), "utf8"));
const all = buildCodeSamples(spec);
const dir = scratchDir("puffle-samples-");

let server: RunningServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const run = runCommand;

/** A fresh server per sample: every sample starts from the documented default seed. */
async function fresh(): Promise<RunningServer> {
  server = await startServer({ port: 0, host: "127.0.0.1" });
  expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  return server;
}

function source(entry: OperationSamples, label: string): string {
  const sample = entry.samples.find((s) => s.label === label);
  if (!sample) throw new Error(`${entry.operationId}: no ${label} sample`);
  return sample.source;
}

/** The record the server returned is the documented 200 body, for the sample's id. */
function expectUpdated(entry: OperationSamples, body: unknown) {
  const result = validateResponseBody(entry.operationId as "updateThread", 200, body);
  expect(result.valid ? [] : result.errors).toEqual([]);
  const record = (body as Record<string, { id: string } & Record<string, unknown>>)[entry.member]!;
  expect(record.id).toBe(entry.id);
  for (const [field, value] of Object.entries(entry.body)) {
    expect(record[field], field).toEqual(field === "participant_email" && typeof value === "string" ? value.toLowerCase() : value);
  }
}

it("there is a sample of each kind for both operations, made from the docs' examples", () => {
  expect(all.map((e) => e.operationId).sort()).toEqual(["updateConversation", "updateThread"]);
  for (const entry of all) {
    expect(entry.exampleName).toBe("docs");
    expect(entry.samples.map((s) => s.label)).toEqual(["curl", "puffle CLI", "TypeScript client"]);
  }
});

describe.each(all)("$operationId samples", (entry) => {
  it("curl: runs as printed against the reference server", async () => {
    const curl = spawnSync("sh", ["-c", "command -v curl"], { encoding: "utf8" });
    expect(curl.status, "curl is not installed (.ci/run installs it with apt-get)").toBe(0);
    const { url } = await fresh();
    const script = source(entry, "curl");
    expect(script).toContain(entry.serverUrl);
    const r = await run("sh", ["-c", script.split(entry.serverUrl).join(url)], {
      env: { ...process.env, PUFFLE_API_KEY: ALICE_TOKEN },
      timeout: 30_000,
    });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expectUpdated(entry, JSON.parse(r.stdout));
  });

  it("puffle CLI: the built binary runs the sample as printed", async () => {
    const bin = path.join(root, "dist/cli/main.js");
    expect(existsSync(bin), "dist/cli/main.js (built by the test setup)").toBe(true);
    const shims = path.join(dir, `bin-${entry.operationId}`);
    mkdirSync(shims, { recursive: true });
    writeFileSync(path.join(shims, "puffle"), `#!/bin/sh\nexec "${process.execPath}" "${bin}" "$@"\n`);
    chmodSync(path.join(shims, "puffle"), 0o755);
    const { url } = await fresh();
    const r = await run("sh", ["-c", source(entry, "puffle CLI")], {
      env: { ...process.env, PATH: `${shims}${path.delimiter}${process.env.PATH}`, PUFFLE_API_KEY: ALICE_TOKEN, PUFFLE_BASE_URL: url },
      timeout: 30_000,
    });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const printed = JSON.parse(r.stdout);
    // The CLI prints the updated record; accept it bare or wrapped in its response member.
    expectUpdated(entry, entry.member in printed ? printed : { [entry.member]: printed });
  });

  it("TypeScript client: typechecks under strict tsc against the built package, and runs", async () => {
    const project = path.join(dir, `ts-${entry.operationId}`);
    mkdirSync(path.join(project, "node_modules"), { recursive: true });
    symlinkSync(root, path.join(project, "node_modules/puffle-api"), "dir");
    writeFileSync(path.join(project, "package.json"), JSON.stringify({ name: "sample", private: true, type: "module" }));
    const { url } = await fresh();
    const code = source(entry, "TypeScript client");
    expect(code).toContain(JSON.stringify(entry.serverUrl));
    writeFileSync(path.join(project, "sample.ts"), code.split(JSON.stringify(entry.serverUrl)).join(JSON.stringify(url)));
    writeFileSync(
      path.join(project, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          target: "ES2022",
          module: "NodeNext",
          moduleResolution: "NodeNext",
          strict: true,
          noUncheckedIndexedAccess: true,
          skipLibCheck: true,
          outDir: "out",
          types: ["node"],
          typeRoots: [path.join(root, "node_modules/@types")],
        },
        files: ["sample.ts"],
      }),
    );
    const tsc = spawnSync(process.execPath, [path.join(root, "node_modules/typescript/bin/tsc"), "-p", project], { encoding: "utf8", cwd: project });
    expect(tsc.stdout + tsc.stderr).toBe("");
    expect(tsc.status).toBe(0);
    const r = await run(process.execPath, [path.join(project, "out/sample.js")], {
      cwd: project,
      env: { ...process.env, PUFFLE_API_KEY: ALICE_TOKEN },
      timeout: 30_000,
    });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const [id, status] = r.stdout.trim().split(" ");
    expect(id).toBe(entry.id);
    expect(["active", "archived", "draft"]).toContain(status);
  });
});
