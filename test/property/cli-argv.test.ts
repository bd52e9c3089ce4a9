// The `puffle` command line fed random argv, in-process (runCli with a `send` spy and captured
// output): the real option names with random values (unicode, control characters, huge numbers,
// `-`-leading values, `=`-joined forms, repeats, unknown options, `--`, empty strings, `@` forms).
// Whatever is typed: a documented exit code, a one-line `puffle error: …` (no stack trace, no raw
// control character) when it fails, nothing sent unless it succeeds, and what is sent passes the
// strict request validator. `puffle mock` is fuzzed with the server module replaced by a spy that
// never listens: bad --port/--host/--cors values are refused before it is called.
import fc from "fast-check";
import { afterAll, describe, expect, it, vi } from "vitest";
import { operations as generatedOperations } from "../../generated/meta.js";
import { deriveFieldOptions } from "../../src/cli/options.js";
import type { FieldOption } from "../../src/cli/options.js";
import { EXIT, runCli } from "../../src/cli/program.js";
import type { SendRequest } from "../../src/cli/program.js";
import { hostProblem } from "../../src/server/launch.js";
import { validateRequestBody } from "../../src/validators.js";
import { flushCounts, tally } from "../reliability/counts.js";

const started = vi.hoisted(() => [] as { port: unknown; host: unknown; cors: unknown; allowReset: unknown }[]);
vi.mock("../../src/server/index.js", async (importOriginal) => {
  const real = await importOriginal<typeof import("../../src/server/index.js")>();
  return {
    ...real,
    // Never listens: records what it was asked, then fails as a port in use does.
    startServer: async (options: { port?: unknown; host?: unknown; cors?: unknown; allowReset?: unknown }) => {
      started.push({ port: options.port, host: options.host, cors: options.cors, allowReset: options.allowReset });
      throw Object.assign(new Error("listen EADDRINUSE (test)"), { code: "EADDRINUSE" });
    },
  };
});

afterAll(() => flushCounts(import.meta.url));

const RUNS = 300;
/** FUZZ_SEED=<n> explores other inputs; the default keeps runs repeatable. */
const SEED = Number(process.env.FUZZ_SEED ?? 20261206);
const THREAD_ID = "3d986dd1-9d70-45b7-8e36-5d5b8b1c9337";
const DOCUMENTED_EXITS: number[] = Object.values(EXIT);

/** Raw control characters (C0 but the final newline, DEL, C1), bidi formatting, line separators. */
const UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u061c\u200e\u200f\u2028\u2029]/;

const value = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: "binary", maxLength: 12 }) },
  fc.string({ unit: fc.constantFrom("\u0000", "\u001b", "\n", "\r", "\u0085", "\u009b", "\u202e", "\u2028", "a", "-", "=", "@", " "), maxLength: 8 }),
  fc.constantFrom("", "-", "--", "-1", "--x", "-0", "0", "1", "00", "1e3", "0x10", "+1", "1.5", "NaN", "Infinity", "9007199254740992", "99999999999999999999999", "2147483648", "65536", "65535", "true", "false", "null", "[]", "{}", "[{}]", '[{"name":"a.pdf"}]', "@", "@-", "@./-", "@/nonexistent/x.json", "@/dev/null", "archived", "active", "done", THREAD_ID, THREAD_ID.toUpperCase(), "a@b.co", "A@B.CO", "http://127.0.0.1:1", "ftp://x", "http://u:p@x", "http://a?b", "*", "http://a,https://b", "::1", "127.0.0.1", "localhost", "a b", "[::1]"),
  fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }).map(String),
);

/** A value its field takes (so that a good share of the runs get as far as sending). */
function goodValue(field: FieldOption): fc.Arbitrary<string> {
  if (field.choices) return fc.constantFrom(...field.choices);
  if (field.kind === "integer" || field.kind === "number") return fc.nat({ max: 1000 }).map(String);
  if (field.kind === "json") return fc.constantFrom("[]", '[{"name":"a.pdf"}]', "null", "@-");
  if (field.flags.endsWith("<uuid>")) return fc.constantFrom(THREAD_ID, THREAD_ID.toUpperCase());
  if (field.flags.endsWith("<email>")) return fc.constantFrom("a@b.co", "A@B.CO");
  return fc.string({ unit: "grapheme", maxLength: 12 });
}

/** One argv piece: an option with a value (apart or `=`-joined), a flag, a bare value, `--`. */
function tokens(names: readonly string[], fields: readonly FieldOption[] = []): fc.Arbitrary<string[]> {
  const name = fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...names) }, fc.constantFrom("--bogus", "-x", "--ID", "--status-", "--", "-", "--help-me"));
  const piece = fc.oneof(
    { weight: 5, arbitrary: fc.tuple(name, value).map(([n, v]) => [n, v]) },
    { weight: 2, arbitrary: fc.tuple(name, value).map(([n, v]) => [`${n}=${v}`]) },
    { weight: 2, arbitrary: name.map((n) => [n]) },
    { weight: 1, arbitrary: value.map((v) => [v]) },
  );
  const good = fields.map((f) => goodValue(f).map((v) => [f.long, v]));
  if (good.length === 0) return fc.array(piece, { maxLength: 6 }).map((pieces) => pieces.flat());
  return fc.oneof(
    fc.array(fc.oneof(piece, fc.oneof(...good)), { maxLength: 6 }).map((pieces) => pieces.flat()),
    // Mostly good: valid values, one piece of noise at most.
    fc.tuple(fc.array(fc.oneof(...good), { minLength: 1, maxLength: 4 }), fc.option(piece), fc.nat()).map(([pieces, noise, at]) => {
      const out = [...pieces];
      if (noise !== null) out.splice(at % (out.length + 1), 0, noise);
      return out.flat();
    }),
  );
}

interface Ran {
  code: number;
  stdout: string;
  stderr: string;
  sent: SendRequest[];
}

async function run(argv: string[], env: Record<string, string | undefined>): Promise<Ran> {
  let stdout = "";
  let stderr = "";
  const sent: SendRequest[] = [];
  const code = await runCli(argv, {
    env,
    send: async (request) => {
      sent.push(request);
      return { sent: request.body };
    },
    stdin: { isTTY: false, read: () => Buffer.from('[{"name":"from-stdin.pdf"}]') },
    io: { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) },
  });
  return { code, stdout, stderr, sent };
}

/** What every run must show, whatever it was fed. */
function expectWellBehaved(argv: string[], r: Ran): void {
  const context = JSON.stringify({ argv, code: r.code, stderr: r.stderr.slice(0, 500) });
  expect(DOCUMENTED_EXITS, context).toContain(r.code);
  expect(r.stdout + r.stderr, context).not.toMatch(/\n {4}at /);
  expect(r.stderr, context).not.toMatch(UNSAFE);
  if (r.code === EXIT.ok) {
    expect(r.stderr, context).toBe("");
  } else {
    // One line, `puffle error: …` (ours and commander's alike), or commander's usage output.
    expect(/^puffle error: [^\n]*\n$/.test(r.stderr) || r.stderr.startsWith("Usage:"), context).toBe(true);
    expect(r.sent, context).toEqual([]);
  }
}

describe("puffle update commands fed random argv", () => {
  for (const [operationId, operation] of Object.entries(generatedOperations)) {
    const noun = operationId === "updateThread" ? "thread" : "conversation";
    const fields = deriveFieldOptions(operation);
    const names = ["--id", "--base-url", "--timeout", "--retries", "--dry-run", ...fields.flatMap((f) => [f.long, ...(f.clear ? [f.clear.long] : [])])];

    it(`${noun} update: documented exit, one clean error line, nothing sent unless valid`, async () => {
      const env = fc.record({
        PUFFLE_API_KEY: fc.constantFrom(undefined, "", "k", "k", "k", "puffle_test_alice", "k\n"),
        PUFFLE_BASE_URL: fc.constantFrom(undefined, undefined, undefined, "", "http://127.0.0.1:1", "not a url", "http://u:p@x", "ftp://x"),
      });
      await fc.assert(
        fc.asyncProperty(fc.oneof(fc.constant(true), fc.boolean()), tokens(names, fields), env, async (withId, rest, env) => {
          tally("cli argv", `${noun} update runs`);
          const argv = [noun, "update", ...(withId ? ["--id", THREAD_ID] : []), ...rest];
          const r = await run(argv, env);
          expectWellBehaved(argv, r);
          // A send spy that answers: a usage error (2) or success, never an internal error.
          expect([EXIT.ok, EXIT.usage], JSON.stringify({ argv, stderr: r.stderr })).toContain(r.code);
          expect(r.sent.length).toBeLessThanOrEqual(1);
          for (const request of r.sent) {
            tally("cli argv", `${noun} update sends`);
            expect(request.operationId).toBe(operationId);
            expect(validateRequestBody(operationId, request.body).valid, JSON.stringify({ argv, body: request.body })).toBe(true);
          }
          if (r.code === EXIT.ok && argv.includes("--dry-run") && r.sent.length === 0 && !r.stdout.startsWith("Usage:") && r.stdout.startsWith("{")) {
            const printed = JSON.parse(r.stdout) as { body: unknown };
            expect(validateRequestBody(operationId, printed.body).valid, JSON.stringify({ argv, body: printed.body })).toBe(true);
          }
        }),
        { numRuns: RUNS, seed: SEED },
      );
    });
  }
});

describe("puffle mock fed random argv (the server never listens here)", () => {
  const names = ["--port", "--host", "--data", "--cors", "--allow-reset", "--quiet", "--print-seed"];

  it("documented exit, one clean error line; the server is asked only for a valid port and host", async () => {
    await fc.assert(
      fc.asyncProperty(tokens(names), async (rest) => {
        tally("cli argv", "mock runs");
        started.length = 0;
        const argv = ["mock", ...rest];
        const r = await run(argv, {});
        expectWellBehaved(argv, r);
        for (const asked of started) {
          tally("cli argv", "mock starts (spy)");
          expect(Number.isInteger(asked.port) && (asked.port as number) >= 0 && (asked.port as number) <= 65_535, JSON.stringify(argv)).toBe(true);
          expect(typeof asked.host === "string" && hostProblem(asked.host) === undefined, JSON.stringify(argv)).toBe(true);
          // On only when asked for: the reset endpoint is opt-in.
          expect(typeof asked.allowReset, JSON.stringify(argv)).toBe("boolean");
          if (asked.allowReset === true) expect(argv, "allowReset without --allow-reset").toContain("--allow-reset");
        }
      }),
      { numRuns: RUNS, seed: SEED },
    );
  });
});
