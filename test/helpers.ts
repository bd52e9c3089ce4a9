// Shared test helpers: the repo root, the bundled spec, and a local $ref resolver.
import { spawn } from "node:child_process";
import type { SpawnOptions } from "node:child_process";
import fs from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export function readJson<T = Json>(relative: string): T {
  return JSON.parse(fs.readFileSync(path.join(root, relative), "utf8")) as T;
}

/**
 * The folder of Puffle's published pages the conformance tests read: `../shared/reference` beside the
 * repo, or the folder `PUFFLE_REFERENCE_DIR` names (relative to the repo root), for trying a change of
 * the pages on a copy (openapi/README.md, "When Puffle's pages change"). Undefined when the default
 * folder is missing (the tests that read it are skipped); a folder named by the variable must exist,
 * else this throws one line naming it, since skipping those tests would pass every check unread.
 */
export function referenceDirFrom(env: Record<string, string | undefined>): string | undefined {
  const named = env.PUFFLE_REFERENCE_DIR;
  if (named === undefined || named === "") {
    const dir = path.resolve(root, "../shared/reference");
    return fs.existsSync(dir) ? dir : undefined;
  }
  const dir = path.resolve(root, named);
  if (!fs.statSync(dir, { throwIfNoEntry: false })?.isDirectory()) {
    throw new Error(`PUFFLE_REFERENCE_DIR=${named}: ${dir} is not a folder (it names the copy of Puffle's pages to read instead of ../shared/reference)`);
  }
  return dir;
}

/**
 * `name`, or `planted_name` (again until free) when `taken` has it: the name of a field or column a
 * "the check can fail" test plants, which must not be one the spec or the server really has (a
 * contributor adding `draft_reply_to` for real made those tests fail beside the real change).
 */
export function unusedName(name: string, taken: Iterable<string>): string {
  const names = new Set(taken);
  while (names.has(name)) name = `planted_${name}`;
  return name;
}

/** The bundled spec, as users get it. */
export const spec = readJson<JsonObject>("generated/openapi.json");

/** Follows local `$ref`s in the bundled spec. */
export function deref<T = JsonObject>(node: Json | undefined): T {
  let current = node;
  for (let i = 0; i < 32 && current && typeof current === "object" && !Array.isArray(current) && typeof current.$ref === "string"; i++) {
    const ref = current.$ref as string;
    current = ref
      .slice(2)
      .split("/")
      .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"))
      .reduce<Json | undefined>((acc, key) => (acc && typeof acc === "object" && !Array.isArray(acc) ? acc[key] : undefined), spec);
  }
  return current as T;
}

export interface SpecOperation {
  operationId: "updateConversation" | "updateThread";
  method: string;
  path: string;
  op: JsonObject;
  parameters: JsonObject[];
}

export function specOperations(): SpecOperation[] {
  const out: SpecOperation[] = [];
  for (const [urlPath, item] of Object.entries(spec.paths as JsonObject)) {
    const pathItem = deref<JsonObject>(item);
    for (const method of ["get", "put", "post", "delete", "patch"]) {
      const op = pathItem[method] as JsonObject | undefined;
      if (!op) continue;
      const parameters = [...((pathItem.parameters as Json[]) ?? []), ...((op.parameters as Json[]) ?? [])].map((p) => deref<JsonObject>(p));
      out.push({ operationId: op.operationId as SpecOperation["operationId"], method: method.toUpperCase(), path: urlPath, op, parameters });
    }
  }
  return out;
}

/** `[name, value]` for each named example of a media type or parameter. */
export function namedExamples(holder: JsonObject | undefined): [string, Json][] {
  return Object.entries((holder?.examples as JsonObject) ?? {}).map(([name, example]) => [name, deref<JsonObject>(example).value as Json]);
}

/** The error a promise rejects with; fails the test when it resolves instead. */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected the call to reject");
}

/** A small seeded PRNG (mulberry32) in [0, 1), so a random run can be replayed from its seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * `count` strings made from `seed` by one to three random edits each — a character of `alphabet`
 * put in place of one, one removed, or one inserted — for fuzzing a parser around known inputs.
 */
export function randomEdits(seed: string, alphabet: string, count: number, random: () => number): string[] {
  const out: string[] = [];
  for (let k = 0; k < count; k++) {
    const chars = [...seed];
    for (let edits = 1 + Math.floor(random() * 3); edits > 0; edits--) {
      const at = Math.floor(random() * (chars.length + 1));
      const char = alphabet[Math.floor(random() * alphabet.length)]!;
      const op = Math.floor(random() * 3);
      if (op === 0) chars[at] = char;
      else if (op === 1) chars.splice(at, 1);
      else chars.splice(at, 0, char);
    }
    out.push(chars.join(""));
  }
  return out;
}

/** Starts `server` on a free port of 127.0.0.1 and resolves to its origin (`http://127.0.0.1:PORT`). */
export function listenOnLoopback(server: Server): Promise<string> {
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)));
}

/**
 * Runs a command without blocking the event loop: a reference server living in the test's own
 * process would otherwise wait forever behind a synchronous spawn that calls it. The command is
 * killed (SIGKILL) after `options.timeout` ms, with its process group when `options.detached`.
 */
export function runCommand(cmd: string, args: string[], options: SpawnOptions & { timeout: number }): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { ...options, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    // detached: the command leads a process group of its own, killed whole when it ends or times out
    // (a server a failing script left in the background goes with it).
    const killGroup = () => {
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        // none left
      }
    };
    const timer = setTimeout(() => (options.detached ? killGroup() : child.kill("SIGKILL")), options.timeout);
    child.stdout!.on("data", (d) => (stdout += d));
    child.stderr!.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (status) => {
      clearTimeout(timer);
      if (options.detached) killGroup();
      resolve({ status, stdout, stderr });
    });
  });
}

/** What has become of `promise` so far (handled from the start: a rejection is never unhandled). */
export function track(promise: Promise<unknown>): { settled: boolean; error?: unknown; value?: unknown } {
  const state: { settled: boolean; error?: unknown; value?: unknown } = { settled: false };
  promise.then(
    (value) => Object.assign(state, { settled: true, value }),
    (error: unknown) => Object.assign(state, { settled: true, error }),
  );
  return state;
}

/** The next macrotask: an abort or a fired deadline settles a call in microtasks, before it. */
export const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
