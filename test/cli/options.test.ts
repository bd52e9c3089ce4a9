// The CLI's options are a pure function of generated/meta.js: every request field becomes an
// option, and a field added to a (copy of the) meta appears in the program and its --help
// without any hand edit. Runs the program in-process with captured output and a send spy.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { runInNewContext } from "node:vm";
import { describe, expect, it, vi } from "vitest";
import { apiVersion, operations as meta } from "../../generated/meta.js";
import { commandOf, DEFAULT_MAX_FILE_BYTES, deriveFieldOptions, kebabCase, OptionValueError } from "../../src/cli/options.js";
import { jsonSyntaxErrorAt, jsonSyntaxProblem } from "../../src/json-syntax.js";
import type { FieldSchema, MetaOperations } from "../../src/cli/options.js";
import { EXIT, runCli } from "../../src/cli/program.js";
import type { CliDeps, SendRequest } from "../../src/cli/program.js";
import { hostProblem } from "../../src/server/launch.js";
import { normalizeRequestBody, validatePathParams } from "../../src/validators.js";

const THREAD_ID = "3d986dd1-9d70-45b7-8e36-5d5b8b1c9337";

async function run(argv: string[], deps: CliDeps = {}) {
  let stdout = "";
  let stderr = "";
  const send = vi.fn(async (request: SendRequest) => ({ sent: request.body }));
  const code = await runCli(argv, {
    env: { PUFFLE_API_KEY: "k" },
    send,
    ...deps,
    io: { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) },
  });
  return { code, stdout, stderr, send };
}

describe("deriveFieldOptions", () => {
  it("gives every request field of every operation an option named after it, and --clear-X for nullable ones", () => {
    for (const operation of Object.values(meta)) {
      const options = deriveFieldOptions(operation);
      expect(options.map((o) => o.field)).toEqual(Object.keys(operation.requestFields));
      for (const option of options) {
        const schema = operation.requestFields[option.field as keyof typeof operation.requestFields] as { type: string | string[]; description: string };
        expect(option.long).toBe(`--${option.field.replace(/_/g, "-")}`);
        const nullable = Array.isArray(schema.type) && schema.type.includes("null");
        expect(option.clear?.long).toBe(nullable ? `--clear-${option.field.replace(/_/g, "-")}` : undefined);
        expect(option.description.length).toBeGreaterThan(10);
      }
    }
  });

  it("maps the thread fields to the documented flags", () => {
    const flags = deriveFieldOptions(meta.updateThread).flatMap((o) => [o.flags, ...(o.clear ? [o.clear.flags] : [])]);
    expect(flags).toEqual(expect.arrayContaining([
      "--status <value>",
      "--unread-count <n>",
      "--account-id <uuid>",
      "--clear-account-id",
      "--participant-email <email>",
      "--participant-name <text>",
      "--draft-subject <text>",
      "--clear-draft-subject",
      "--draft-body-text <text>",
      "--draft-body-html <text>",
      "--draft-cc <text>",
      "--draft-bcc <text>",
      "--draft-attachments <json|@file>",
      "--clear-draft-attachments",
    ]));
    expect(flags).not.toContain("--clear-participant-email");
    expect(flags).not.toContain("--clear-status");
  });

  it("parses integers strictly, within the schema's range", () => {
    const option = deriveFieldOptions(meta.updateThread).find((o) => o.field === "unread_count");
    if (!option) throw new Error("no unread_count option");
    expect(option.parse("0")).toBe(0);
    expect(option.parse("42")).toBe(42);
    expect(option.parse("9007199254740991")).toBe(9007199254740991);
    for (const bad of ["", " 1", "1 ", "+1", "01", "-0", "1.0", "1e3", "0x10", "-1", "9007199254740992", "abc", "NaN", "Infinity"]) {
      expect(() => option.parse(bad), bad).toThrow(OptionValueError);
    }
    expect(() => option.parse("-1")).toThrow("unread_count must be an integer from 0 to 9007199254740991, got -1");
  });

  it("parses JSON values and @file, checking the JSON type", () => {
    const option = deriveFieldOptions(meta.updateThread).find((o) => o.field === "draft_attachments");
    if (!option) throw new Error("no draft_attachments option");
    expect(option.parse('[{"name":"a.pdf"}]')).toEqual([{ name: "a.pdf" }]);
    const dir = mkdtempSync(path.join(tmpdir(), "puffle-cli-"));
    try {
      const file = path.join(dir, "attachments.json");
      writeFileSync(file, '[{"id":"att_1"}]');
      expect(option.parse(`@${file}`)).toEqual([{ id: "att_1" }]);
      expect(() => option.parse('{"a":1}')).toThrow("draft_attachments must be array or null, got object");
      expect(() => option.parse("[1,")).toThrow(/draft_attachments must be JSON \(array\) or @file: not valid JSON/);
      expect(() => option.parse(`@${path.join(dir, "missing.json")}`)).toThrow(/draft_attachments: cannot read .*missing\.json.* \(ENOENT\)/);
      expect(() => option.parse("@")).toThrow('"@" needs a file name');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("names commands after operations", () => {
    expect(commandOf("updateThread")).toEqual({ noun: "thread", verb: "update" });
    expect(commandOf("updateConversation")).toEqual({ noun: "conversation", verb: "update" });
    expect(commandOf("archiveEmailThread")).toEqual({ noun: "email-thread", verb: "archive" });
    expect(kebabCase("draft_body_html")).toBe("draft-body-html");
  });
});

describe("deriveFieldOptions of a field of each kind the spec may add", () => {
  // One synthetic operation: each field is read as the meta would give it (a hand mutation pass
  // found these rules unchecked: the real spec has no number field, no one-sided range, …).
  const operation = (requestFields: Record<string, FieldSchema>, behaviour?: { maxBodyBytes?: number }) => ({ method: "PATCH", path: "/x/{id}", requestFields, ...(behaviour ? { behaviour } : {}) });
  const only = (schema: FieldSchema) => {
    const [option] = deriveFieldOptions(operation({ some_field: schema }));
    if (!option) throw new Error("no option");
    return option;
  };

  it.each([
    ["integer, minimum only", { type: "integer", minimum: 1 }, "some_field (integer >= 1)", [["1", 1], ["12", 12]], [["0", "some_field must be an integer >= 1, got 0"]]],
    ["integer, maximum only", { type: "integer", maximum: 5 }, "some_field (integer <= 5)", [["5", 5], ["-3", -3]], [["6", "some_field must be an integer <= 5, got 6"]]],
    ["integer, no range", { type: "integer" }, "some_field (integer)", [["9007199254740991", 9007199254740991], ["-9007199254740991", -9007199254740991]], [["9007199254740993", 'some_field must be an integer, got "9007199254740993"'], ["-9007199254740992", 'some_field must be an integer, got "-9007199254740992"']]],
    ["number", { type: "number" }, "some_field (number)", [["1.5", 1.5], ["-0.25", -0.25], ["0", 0], ["-2", -2]], [["1.", 'some_field must be a number, got "1."'], [".5", 'some_field must be a number, got ".5"'], ["01.5", 'some_field must be a number, got "01.5"']]],
    ["number, range", { type: "number", minimum: 0, maximum: 1 }, "some_field (number from 0 to 1)", [["0.5", 0.5], ["1", 1]], [["1.01", "some_field must be a number from 0 to 1, got 1.01"], ["-0.5", "some_field must be a number from 0 to 1, got -0.5"]]],
    ["integer or string (text)", { type: ["integer", "string"] }, "some_field", [["7", "7"], ["seven", "seven"]], []],
  ] as [string, FieldSchema, string, [string, unknown][], [string, string][]][])("%s", (_name, schema, description, good, bad) => {
    const option = only(schema);
    expect(option.description).toBe(description);
    for (const [text, value] of good) expect(option.parse(text), text).toBe(value);
    for (const [text, message] of bad) expect(() => option.parse(text), text).toThrow(message);
  });

  it.each([
    ["a description over several lines, with backticks", { type: "string", description: "Line `one`,\n  and\ttwo. " }, "Line one, and two."],
    ["no description: the field's name", { type: "string" }, "some_field"],
    ["no description, a format", { type: "string", format: "email" }, "some_field (format: email)"],
  ] as [string, FieldSchema, string][])("help text: %s", (_name, schema, description) => {
    expect(only(schema).description).toBe(description);
  });

  it.each([
    ["true", true],
    ["false", false],
  ])("a boolean field added to the meta: --starred %s sends the JSON boolean %s, not the text", async (text, value) => {
    const withBoolean = structuredClone(meta) as unknown as { updateThread: { requestFields: Record<string, unknown> } } & MetaOperations;
    withBoolean.updateThread.requestFields.starred = { description: "Whether the thread is starred.", type: "boolean" };
    const { code, stdout, stderr } = await run(["thread", "update", "--id", THREAD_ID, "--starred", text, "--dry-run"], { meta: withBoolean, validateBody: (_op, body) => ({ valid: true as const, value: body }) });
    expect(stderr).toBe("");
    expect(code).toBe(EXIT.ok);
    expect(JSON.parse(stdout).body).toEqual({ starred: value });
    const bad = await run(["thread", "update", "--id", THREAD_ID, "--starred", "yes", "--dry-run"], { meta: withBoolean });
    expect(bad.code).toBe(EXIT.usage);
    expect(bad.stderr).toContain("Allowed choices are true, false");
  });

  const syntaxError = (text: string) => {
    try {
      JSON.parse(text);
    } catch (error) {
      return (error as Error).message;
    }
    throw new Error(`${text} is JSON`);
  };
  it.each([
    ["an object", { type: "object" }, "object"],
    ["an array", { type: ["array", "null"] }, "array"],
    ["an array or an object", { type: ["array", "object", "null"] }, "array or object"],
  ] as [string, FieldSchema, string][])("a JSON field's rule names the JSON it takes: %s", (_name, schema, wanted) => {
    // The message is the parser's own, without its class name ("SyntaxError: …").
    expect(() => only(schema).parse("{")).toThrow(new OptionValueError(`some_field must be JSON (${wanted}) or @file: not valid JSON (${syntaxError("{")})`));
  });

  it("stdin that cannot be read (an error without a code) is named, with no code", () => {
    const [option] = deriveFieldOptions(operation({ items: { type: "array" } }), { isTTY: false, read: () => { throw new Error("closed"); } });
    expect(() => option!.parse("@-")).toThrow(new OptionValueError("items: cannot read stdin"));
  });

  it("a nullable field's --clear-… says what it conflicts with", () => {
    expect(only({ type: ["string", "null"] }).clear).toEqual({ flags: "--clear-some-field", long: "--clear-some-field", description: "Send some_field: null (clear it). Cannot be combined with --some-field." });
  });

  it("an @file is bounded by the API's 1 MiB when the operation names no maxBodyBytes", () => {
    expect(DEFAULT_MAX_FILE_BYTES).toBe(1_048_576);
    const [option] = deriveFieldOptions(operation({ items: { type: "array" } }));
    if (!option) throw new Error("no option");
    if (existsSync("/dev/zero")) expect(() => option.parse("@/dev/zero")).toThrow("holds more than 1048576 bytes");
  });

  it.each([
    ["updateThread", { noun: "thread", verb: "update" }],
    ["ping", { noun: "ping", verb: "call" }],
    ["get_thread", { noun: "get-thread", verb: "call" }],
    ["Thread", { noun: "thread", verb: "call" }],
  ])("commandOf(%j)", (operationId, command) => {
    expect(commandOf(operationId)).toEqual(command);
  });
});

describe("a field added to the meta appears in the CLI without hand edits", () => {
  // A copy of the generated meta with three new thread fields, as `npm run generate` would emit them.
  // `base` is the meta without them (whether or not the spec has them: a spec that adds `priority`
  // must not fail the last test), `modified` the same with them added.
  type Editable = { updateThread: { requestFields: Record<string, unknown> } } & MetaOperations;
  const base = structuredClone(meta) as unknown as Editable;
  for (const field of ["draft_reply_to", "priority", "label"]) delete base.updateThread.requestFields[field];
  const modified = structuredClone(base);
  modified.updateThread.requestFields.draft_reply_to = { description: "Reply-To address of the draft, or null to clear it.", type: ["string", "null"], format: "email" };
  modified.updateThread.requestFields.priority = { description: "Sort priority of the thread.", type: "integer", minimum: 1, maximum: 5 };
  modified.updateThread.requestFields.label = { description: "Colour label of the thread.", type: "string", enum: ["red", "green"] };
  const passthrough = (_op: string, body: unknown) => ({ valid: true as const, value: body });

  it("lists the new options, their descriptions, ranges and choices in --help", async () => {
    const { code, stdout } = await run(["thread", "update", "--help"], { meta: modified });
    expect(code).toBe(EXIT.ok);
    const help = stdout.replace(/\s+/g, " ");
    expect(help).toContain("--draft-reply-to <email> Reply-To address of the draft (--clear-draft-reply-to clears it). (format: email)");
    expect(help).toContain("--clear-draft-reply-to Send draft_reply_to: null (clear it).");
    expect(help).toContain("--priority <n> Sort priority of the thread. (integer from 1 to 5)");
    expect(help).toContain('--label <value> Colour label of the thread. (choices: "red", "green")');
  });

  it("sends them, parsed by their schema", async () => {
    const { code, send, stdout } = await run(["thread", "update", "--id", THREAD_ID, "--priority", "3", "--label", "red", "--clear-draft-reply-to"], { meta: modified, validateBody: passthrough });
    expect(code).toBe(EXIT.ok);
    expect(send).toHaveBeenCalledTimes(1);
    expect(send.mock.calls[0]?.[0]).toMatchObject({ operationId: "updateThread", id: THREAD_ID, body: { priority: 3, label: "red", draft_reply_to: null } });
    expect(JSON.parse(stdout)).toEqual({ sent: { priority: 3, label: "red", draft_reply_to: null } });
  });

  it("enforces their rules before sending", async () => {
    const tooHigh = await run(["thread", "update", "--id", THREAD_ID, "--priority", "9"], { meta: modified, validateBody: passthrough });
    expect(tooHigh.code).toBe(EXIT.usage);
    expect(tooHigh.stderr).toBe("puffle error: option '--priority <n>' argument \"9\" is invalid. priority must be an integer from 1 to 5, got 9\n");
    const badChoice = await run(["thread", "update", "--id", THREAD_ID, "--label", "blue"], { meta: modified, validateBody: passthrough });
    expect(badChoice.code).toBe(EXIT.usage);
    expect(badChoice.stderr).toContain("Allowed choices are red, green");
    const both = await run(["thread", "update", "--id", THREAD_ID, "--draft-reply-to", "a@b.c", "--clear-draft-reply-to"], { meta: modified, validateBody: passthrough });
    expect(both.code).toBe(EXIT.usage);
    expect(both.stderr).toContain("cannot be used with option '--clear-draft-reply-to'");
    for (const r of [tooHigh, badChoice, both]) expect(r.send).not.toHaveBeenCalled();
  });

  it("and the CLI does not know them without them in the meta", async () => {
    const { code, stderr, send } = await run(["thread", "update", "--id", THREAD_ID, "--priority", "3"], { meta: base });
    expect(code).toBe(EXIT.usage);
    expect(stderr).toBe("puffle error: unknown option \"--priority\"\n");
    expect(send).not.toHaveBeenCalled();
  });
});

describe("runCli in-process", () => {
  it("validates the assembled body with the generated validator, naming option and field", async () => {
    const { code, stderr, send } = await run(["thread", "update", "--id", THREAD_ID, "--account-id", "acct_1"]);
    expect(code).toBe(EXIT.usage);
    expect(stderr).toBe('puffle error: --account-id (account_id) must match format "uuid", got "acct_1"\n');
    expect(send).not.toHaveBeenCalled();
  });

  // The body's own checks named the option and the rule but not the value given (`--id`, `--status`
  // and the number options did): it is quoted as the options' checks quote theirs, escapes shown
  // and a long one cut; a member that is an object, a list or null is not repeated.
  it.each([
    ["a terminal escape in a format field", ["--account-id", "a\u001b[31mb"], '--account-id (account_id) must match format "uuid", got "a\\u001b[31mb"'],
    ["a bad email", ["--participant-email", "not-an-email"], '--participant-email (participant_email) must match format "email", got "not-an-email"'],
    ["a text over its length, cut", ["--draft-bcc", "x".repeat(5000)], `--draft-bcc (draft_bcc) must NOT have more than 4096 characters, got "${"x".repeat(197)}…" (cut; 5000 characters in all)`],
    ["a list member that is a number", ["--draft-attachments", "[1]"], "--draft-attachments (draft_attachments.0) must be object, got 1"],
    ["a list member that is null", ["--draft-attachments", "[null]"], "--draft-attachments (draft_attachments.0) must be object"],
  ])("a body check names the value given: %s", async (_name, given, want) => {
    const { code, stderr, send } = await run(["thread", "update", "--id", THREAD_ID, ...given]);
    expect(code).toBe(EXIT.usage);
    expect(stderr).toBe(`puffle error: ${want}\n`);
    expect(send).not.toHaveBeenCalled();
  });

  // JSON.parse reads a number past ±1.7976931348623157e308 as Infinity, which the body carried as
  // null: `--draft-attachments '[{"size":1e400}]' --dry-run` printed (and a real call sent) size null.
  it.each([
    ["1e400", "Infinity"],
    ["-1e400", "-Infinity"],
  ])("a JSON option holding %s (no finite number) is refused, naming where", async (number, got) => {
    const { code, stdout, stderr, send } = await run(["thread", "update", "--id", THREAD_ID, "--draft-attachments", `[{"name":"a.pdf","size":${number}}]`, "--dry-run"]);
    expect({ code, stdout }).toEqual({ code: EXIT.usage, stdout: "" });
    expect(stderr).toBe(
      `puffle error: option '--draft-attachments <json|@file>' argument ${JSON.stringify(`[{"name":"a.pdf","size":${number}}]`)} is invalid. draft_attachments at /0/size is not a JSON value (${got}: a number past ±1.7976931348623157e308, such as 1e400, which JSON.stringify sends as null)\n`,
    );
    expect(send).not.toHaveBeenCalled();
    // 1e-400 is a finite number (0) and large finite ones stay: sent as JSON reads them.
    const fine = await run(["thread", "update", "--id", THREAD_ID, "--draft-attachments", '[{"size":1e-400,"big":1e308}]', "--dry-run"]);
    expect(fine.code).toBe(0);
    expect(JSON.parse(fine.stdout).body).toEqual({ draft_attachments: [{ size: 0, big: 1e308 }] });
  });

  // commander calls `--dry-run=yes` an unknown option: the line said so, `unknown option "--dry-run"
  // (given a value, not shown)`, though the command has it. It now says the option takes no value, as
  // for `puffle mock --allow-reset=yes`; an option the command lacks is still unknown.
  it.each([
    [["thread", "update", "--id", THREAD_ID, "--status", "archived", "--dry-run=yes"], "--dry-run"],
    [["thread", "update", "--id", THREAD_ID, "--clear-account-id=1"], "--clear-account-id"],
    [["mock", "--allow-reset=yes"], "--allow-reset"],
  ])("%j: exit 2, the option takes no value", async (argv, flag) => {
    const { code, stdout, stderr, send } = await run(argv);
    expect({ code, stdout, stderr }).toEqual({ code: EXIT.usage, stdout: "", stderr: `puffle error: ${flag} takes no value: give ${flag} alone (on) or leave it out (off)\n` });
    expect(send).not.toHaveBeenCalled();
  });
  it("an option of another command given a value is still unknown", async () => {
    const { code, stderr } = await run(["thread", "update", "--id", THREAD_ID, "--allow-reset=yes"]);
    expect({ code, stderr }).toEqual({ code: EXIT.usage, stderr: 'puffle error: unknown option "--allow-reset" (given a value, not shown)\n' });
  });

  it("--dry-run prints the request and sends nothing (no API key needed)", async () => {
    const { code, stdout, send } = await run(["conversation", "update", "--id", "f11e8a2c-1234-4567-89ab-cdef01234567", "--unread-count", "0", "--dry-run", "--base-url", "http://127.0.0.1:4010/"], { env: {} });
    expect(code).toBe(EXIT.ok);
    expect(JSON.parse(stdout)).toEqual({ method: "PATCH", url: "http://127.0.0.1:4010/api/conversations/f11e8a2c-1234-4567-89ab-cdef01234567", body: { unread_count: 0 } });
    expect(send).not.toHaveBeenCalled();
  });

  const CONVERSATION_ID = "f11e8a2c-1234-4567-89ab-cdef01234567";
  const AT_RULE = (shown: string) => `must not hold an "@", got ${JSON.stringify(shown)}: no user name or password goes in it (one whose password holds a "/" or "?" reads as another host, a port and a path; the token goes in PUFFLE_API_KEY), and an "@" in a path is written %40`;
  const baseUrlCases: [string, { args: string[]; env: Record<string, string>; want: { code: number; stderr?: string; url?: string } }][] = [
    ["--dry-run with a base URL that is no URL", { args: ["--dry-run", "--base-url", "not a url"], env: {}, want: { code: EXIT.usage, stderr: 'puffle error: --base-url must be an absolute http(s) URL, got "not a url"\n' } }],
    ["--dry-run with an ftp base URL", { args: ["--dry-run", "--base-url", "ftp://x"], env: {}, want: { code: EXIT.usage, stderr: 'puffle error: --base-url must use http or https, got "ftp:"\n' } }],
    ["a base URL with an empty query", { args: ["--base-url", "http://127.0.0.1:4010/?"], env: { PUFFLE_API_KEY: "k" }, want: { code: EXIT.usage, stderr: 'puffle error: --base-url must not have a query or fragment, got "http://127.0.0.1:4010/?"\n' } }],
    ["a base URL with a password, not echoed", { args: ["--base-url", "http://u:s3cret@127.0.0.1:4010"], env: { PUFFLE_API_KEY: "k" }, want: { code: EXIT.usage, stderr: "puffle error: --base-url must not hold a user name or password (fetch refuses such URLs; the token goes in PUFFLE_API_KEY)\n" } }],
    ["a base URL that is no URL but holds a password: not echoed", { args: ["--dry-run", "--base-url", "http//deploy:s3cret@127.0.0.1:4010"], env: {}, want: { code: EXIT.usage, stderr: 'puffle error: --base-url must be an absolute http(s) URL, got "http//***@127.0.0.1:4010"\n' } }],
    // A password with a "/" or an "@" of its own (not percent-encoded) makes the text no URL; all of it is still hidden.
    ["a base URL that is no URL, its password holding a /: not echoed", { args: ["--dry-run", "--base-url", "http://deploy:s3/cret@127.0.0.1:4010"], env: {}, want: { code: EXIT.usage, stderr: 'puffle error: --base-url must be an absolute http(s) URL, got "http://***@127.0.0.1:4010"\n' } }],
    ["a base URL that is no URL, its password holding an @: not echoed", { args: ["--dry-run", "--base-url", "http://deploy:s3@cret@127.0.0.1:99999"], env: {}, want: { code: EXIT.usage, stderr: 'puffle error: --base-url must be an absolute http(s) URL, got "http://***@127.0.0.1:99999"\n' } }],
    // A password of digits and a "/" or "?" (2024/s3cret) parses as a port, the rest as a path or query: a URL without credentials, still not echoed.
    ["a base URL whose password starts with digits and a ?: not echoed", { args: ["--dry-run", "--base-url", "http://deploy:12?s3cret@127.0.0.1:4010"], env: {}, want: { code: EXIT.usage, stderr: 'puffle error: --base-url must not have a query or fragment, got "http://***?***"\n' } }],
    // A password of digits and a "/" (2024/s3cret) parses as a port and a path: a URL without
    // credentials that checkBaseUrl passes. --dry-run printed it whole, password and all, and a real
    // call went to the host "deploy". An "@" is refused wherever it is; %40 is the way to one in a path.
    ["--dry-run with a base URL whose password starts with digits and a /: refused, not echoed", { args: ["--dry-run", "--base-url", "http://deploy:2024/s3cret@127.0.0.1:4010"], env: {}, want: { code: EXIT.usage, stderr: `puffle error: --base-url ${AT_RULE("http://***@127.0.0.1:4010")}\n` } }],
    ["a PUFFLE_BASE_URL whose password starts with digits and a /: refused, not echoed", { args: [], env: { PUFFLE_API_KEY: "k", PUFFLE_BASE_URL: "https://deploy:2024/s3cret@api.example.com/v1" }, want: { code: EXIT.usage, stderr: `puffle error: PUFFLE_BASE_URL ${AT_RULE("https://***@api.example.com/v1")}\n` } }],
    ["a base URL with an @ in its path: refused, naming %40", { args: ["--dry-run", "--base-url", "https://api.example.com/@scope/v1"], env: {}, want: { code: EXIT.usage, stderr: `puffle error: --base-url ${AT_RULE("https://***@scope/v1")}\n` } }],
    ["a base URL whose password starts with digits and a / and ends in a full-width ＠: refused, not echoed", { args: ["--dry-run", "--base-url", "http://deploy:2024/s3cret\uFF20127.0.0.1:4010"], env: {}, want: { code: EXIT.usage, stderr: `puffle error: --base-url ${AT_RULE("http://***\uFF20127.0.0.1:4010").replace('an "@"', 'an "@" or a character typed for one (U+FF20)')} (U+FF20 %EF%BC%A0)\n` } }],
    ["a base URL with %40 in its path", { args: ["--dry-run", "--base-url", "https://api.example.com/%40scope/v1"], env: {}, want: { code: EXIT.ok, url: `https://api.example.com/%40scope/v1/api/conversations/${CONVERSATION_ID}` } }],
    // A token in the query (RFC 6750's access_token) is not echoed: only that there is a query.
    ["a base URL with a token in its query: not echoed", { args: ["--dry-run", "--base-url", "http://127.0.0.1:4010/?access_token=puffle_live_t0ken"], env: {}, want: { code: EXIT.usage, stderr: 'puffle error: --base-url must not have a query or fragment, got "http://127.0.0.1:4010/?***"\n' } }],
    // An "@" in the query: everything before the last "@" was masked, the host hidden and the token's end shown ("https://***@puffle_live_t0ken").
    ["a base URL with a token holding an @ in its query: not echoed, the host shown", { args: ["--dry-run", "--base-url", "https://api.example.com/v1?access_token=a@puffle_live_t0ken"], env: {}, want: { code: EXIT.usage, stderr: 'puffle error: --base-url must not have a query or fragment, got "https://api.example.com/v1?***"\n' } }],
    ["a PUFFLE_BASE_URL with a token in its query: not echoed", { args: [], env: { PUFFLE_API_KEY: "k", PUFFLE_BASE_URL: "https://api.example.com/v1?access_token=puffle_live_t0ken" }, want: { code: EXIT.usage, stderr: 'puffle error: PUFFLE_BASE_URL must not have a query or fragment, got "https://api.example.com/v1?***"\n' } }],
    ["a bad PUFFLE_BASE_URL is named as such", { args: ["--dry-run"], env: { PUFFLE_BASE_URL: "127.0.0.1:4010" }, want: { code: EXIT.usage, stderr: 'puffle error: PUFFLE_BASE_URL must be an absolute http(s) URL, got "127.0.0.1:4010"\n' } }],
    ["--base-url wins over PUFFLE_BASE_URL", { args: ["--dry-run", "--base-url", "http://127.0.0.1:1/"], env: { PUFFLE_BASE_URL: "http://127.0.0.1:2" }, want: { code: EXIT.ok, url: `http://127.0.0.1:1/api/conversations/${CONVERSATION_ID}` } }],
    ["PUFFLE_BASE_URL when --base-url is not given", { args: ["--dry-run"], env: { PUFFLE_BASE_URL: "http://127.0.0.1:2/" }, want: { code: EXIT.ok, url: `http://127.0.0.1:2/api/conversations/${CONVERSATION_ID}` } }],
    ["an empty PUFFLE_BASE_URL is unset: the spec's server", { args: ["--dry-run"], env: { PUFFLE_BASE_URL: "" }, want: { code: EXIT.ok, url: `https://app.puffle.ai/api/conversations/${CONVERSATION_ID}` } }],
  ];
  it.each(baseUrlCases)("%s", async (_name, { args, env, want }) => {
    const { code, stdout, stderr, send } = await run(["conversation", "update", "--id", CONVERSATION_ID, "--status", "archived", ...args], { env });
    expect(code).toBe(want.code);
    if (want.stderr !== undefined) {
      expect(stderr).toBe(want.stderr);
      expect(stdout).toBe("");
    }
    if (want.url !== undefined) expect(JSON.parse(stdout).url).toBe(want.url);
    expect(send).not.toHaveBeenCalled();
  });

  it("--help shows PUFFLE_BASE_URL as the default without its user name or password", async () => {
    const { stdout } = await run(["thread", "update", "--help"], { env: { PUFFLE_API_KEY: "k", PUFFLE_BASE_URL: "https://deploy:s3cret@api.example.com/v1" } });
    expect(stdout).not.toContain("s3cret");
    expect(stdout).not.toContain("deploy");
    expect(stdout.replace(/\s+/g, " ")).toContain('(default: "https://***:***@api.example.com/v1" from PUFFLE_BASE_URL)');
    const plain = await run(["thread", "update", "--help"], { env: { PUFFLE_API_KEY: "k", PUFFLE_BASE_URL: "http://127.0.0.1:4010" } });
    expect(plain.stdout.replace(/\s+/g, " ")).toContain('(default: "http://127.0.0.1:4010" from PUFFLE_BASE_URL)');
    for (const [given, shown] of [["deploy:s3cret@api.example.com", "***@api.example.com"], ["http//deploy:s3cret@api.example.com", "http//***@api.example.com"], ["https://deploy:s3/cret@api.example.com", "https://***@api.example.com"], ["https://deploy:2024/s3cret@api.example.com", "https://***@api.example.com"], ["https://de/ploy:s3cret@api.example.com", "https://***@api.example.com"]]) {
      const odd = await run(["thread", "update", "--help"], { env: { PUFFLE_API_KEY: "k", PUFFLE_BASE_URL: given } });
      expect(odd.stdout, given).not.toContain("s3cret");
      expect(odd.stdout.replace(/\s+/g, " "), given).toContain(`(default: "${shown}" from PUFFLE_BASE_URL)`);
    }
    const unset = await run(["thread", "update", "--help"]);
    expect(unset.stdout.replace(/\s+/g, " ")).toContain('(default: "https://app.puffle.ai")');
  });

  it("--help shows PUFFLE_BASE_URL without the text of its query or fragment (where a token may travel)", async () => {
    for (const [given, shown] of [["https://api.example.com/v1?access_token=puffle_live_t0ken", "https://api.example.com/v1?***"], ["https://api.example.com/v1#access_token=puffle_live_t0ken", "https://api.example.com/v1#***"]]) {
      const { stdout } = await run(["thread", "update", "--help"], { env: { PUFFLE_API_KEY: "k", PUFFLE_BASE_URL: given } });
      expect(stdout, given).not.toContain("puffle_live_t0ken");
      expect(stdout.replace(/\s+/g, " "), given).toContain(`(default: "${shown}" from PUFFLE_BASE_URL)`);
    }
  });

  // The help quoted PUFFLE_BASE_URL with JSON.stringify alone: a C1 control (U+009B, a CSI to a
  // terminal reading 8-bit controls), a bidi override or a line separator reached the terminal as
  // it was, and 100 KiB of it was 100 KiB of help. It is now quoted as an error quotes a value.
  it("--help shows PUFFLE_BASE_URL quoted as a usage error quotes a value: no control or bidi character, cut", async () => {
    const unsafe = await run(["thread", "update", "--help"], { env: { PUFFLE_BASE_URL: "https://api.example.com/\u009b2J\u202eevil\u2028x\u001b" } });
    expect(unsafe.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]/);
    expect(unsafe.stdout.replace(/\s+/g, " ")).toContain('(default: "https://api.example.com/\\u009b2J\\u202eevil\\u2028x\\u001b" from PUFFLE_BASE_URL)');
    const long = await run(["conversation", "update", "--help"], { env: { PUFFLE_BASE_URL: `https://u:s3cret@api.example.com/${"x".repeat(102_400)}` } });
    expect(long.stdout).not.toContain("s3cret");
    expect(long.stdout.length).toBeLessThan(5000);
    expect(long.stdout.replace(/\s+/g, " ")).toMatch(/\(default: "https:\/\/\*\*\*:\*\*\*@api\.example\.com\/x+…" \(cut; 102432 characters in all\) from PUFFLE_BASE_URL\)/);
  });

  it("a 2xx body too deeply nested to print is an unexpected response (exit 5), not an internal error", async () => {
    // A server's 2xx with a value nested a million levels deep: JSON.stringify ran out of stack, and
    // the CLI said "internal error" (exit 1, a bug in puffle) for what the server sent.
    let deep: unknown = [];
    for (let i = 0; i < 1_000_000; i++) deep = [deep];
    const send = vi.fn(async () => ({ thread: { id: THREAD_ID, draft_attachments: deep } }));
    const { code, stdout, stderr } = await run(["thread", "update", "--id", THREAD_ID, "--status", "archived"], { send });
    expect(code).toBe(EXIT.response);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/^puffle error: unexpected response: the body cannot be printed as JSON \(.+\)\n$/);
  });

  it("sends with the documented defaults: --timeout 30000, --retries 2", async () => {
    const { code, send } = await run(["thread", "update", "--id", THREAD_ID, "--status", "archived"]);
    expect(code).toBe(EXIT.ok);
    expect(send).toHaveBeenCalledWith(expect.objectContaining({ timeoutMs: 30_000, maxRetries: 2 }));
  });

  it.each([
    ["--timeout at its largest, 2147483647", ["--timeout", "2147483647"], EXIT.ok],
    ["--timeout one more", ["--timeout", "2147483648"], EXIT.usage],
    ["--retries at its largest, 20", ["--retries", "20"], EXIT.ok],
    ["--retries one more", ["--retries", "21"], EXIT.usage],
    ["--timeout with a leading zero", ["--timeout", "010"], EXIT.usage],
    ["--retries with a leading zero", ["--retries", "01"], EXIT.usage],
    ["--timeout 0 (none)", ["--timeout", "0"], EXIT.ok],
  ])("%s", async (_name, args, want) => {
    const { code, send } = await run(["thread", "update", "--id", THREAD_ID, "--status", "archived", ...args]);
    expect(code).toBe(want);
    expect(send).toHaveBeenCalledTimes(want === EXIT.ok ? 1 : 0);
  });

  it("an @file with a UTF-8 byte order mark is read as the JSON after it", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "puffle-cli-bom-"));
    try {
      const file = path.join(dir, "attachments.json");
      writeFileSync(file, `\uFEFF${JSON.stringify([{ name: "a.pdf", url: "https://example.com/a.pdf" }])}`);
      const { code, stdout, stderr } = await run(["thread", "update", "--id", THREAD_ID, "--draft-attachments", `@${file}`, "--dry-run"]);
      expect(stderr).toBe("");
      expect(code).toBe(EXIT.ok);
      expect(JSON.parse(stdout).body).toEqual({ draft_attachments: [{ name: "a.pdf", url: "https://example.com/a.pdf" }] });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  // An empty file (`jq … > a.json` that failed) said `not valid JSON (Unexpected end of JSON input)`.
  it("an empty @file (or one with a byte order mark or whitespace alone) is said to be so, naming the option and the file", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "puffle-cli-empty-"));
    try {
      for (const [name, content, what] of [["empty.json", "", "is empty"], ["bom.json", "\uFEFF", "is empty"], ["blank.json", " \r\n\t", "holds only whitespace"]] as const) {
        const file = path.join(dir, name);
        writeFileSync(file, content);
        const { code, stdout, stderr, send } = await run(["thread", "update", "--id", THREAD_ID, "--draft-attachments", `@${file}`]);
        expect(code, name).toBe(EXIT.usage);
        expect(send).not.toHaveBeenCalled();
        expect(stdout).toBe("");
        expect(stderr).toBe(`puffle error: option '--draft-attachments <json|@file>' argument ${JSON.stringify(`@${file}`)} is invalid. draft_attachments: ${JSON.stringify(file)} ${what}; it must hold JSON (array)\n`);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  // An @file that is not JSON (a .env given by mistake) had its text quoted by V8's message on
  // stderr, `not valid JSON (Unexpected token 'A', "API_KEY=secret\n" is not valid JSON)`: a
  // secret in a CI log. The line names the option, the file and where, and quotes none of the text.
  it("an @file or stdin that is not JSON is named with the line and column, its text not quoted", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "puffle-cli-notjson-"));
    try {
      for (const [name, content, where] of [
        [".env", "API_KEY=s3cret_value\n", "unexpected character at line 1 column 1"],
        ["bad.json", '[\n  {"name": "a.pdf"},\n  {"name": s3cret_value}\n]', "unexpected character at line 3 column 12"],
        ["cut.json", '[{"name": "s3cret_value"', "it ends at line 1 column 25 before the JSON is complete"],
        ["trailing.json", '[] s3cret_value', "unexpected character at line 1 column 4"],
        ["string.json", '["s3cret_value\\q"]', "unexpected character at line 1 column 16"],
      ] as const) {
        const file = path.join(dir, name);
        writeFileSync(file, content);
        const { code, stdout, stderr, send } = await run(["thread", "update", "--id", THREAD_ID, "--draft-attachments", `@${file}`, "--dry-run"]);
        expect(code, name).toBe(EXIT.usage);
        expect(send).not.toHaveBeenCalled();
        expect(stdout).toBe("");
        expect(stderr, name).toBe(`puffle error: option '--draft-attachments <json|@file>' argument ${JSON.stringify(`@${file}`)} is invalid. draft_attachments: ${JSON.stringify(file)} is not valid JSON: ${where} (its text is not quoted); it must hold JSON (array)\n`);
        const piped = await run(["thread", "update", "--id", THREAD_ID, "--draft-attachments", "@-", "--dry-run"], { stdin: { isTTY: false, read: (limit: number) => Buffer.from(content).subarray(0, limit) } });
        expect(piped.code, name).toBe(EXIT.usage);
        expect(piped.stderr, name).toBe(`puffle error: option '--draft-attachments <json|@file>' argument "@-" is invalid. draft_attachments: stdin is not valid JSON: ${where} (its text is not quoted); it must hold JSON (array)\n`);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("jsonSyntaxErrorAt agrees with JSON.parse: -1 for JSON, else the position V8 names when it names one", () => {
    const texts = ["[]", "{}", ' {"a": [1, -0.5e+3, "x\\u00e9\\n", null, true, false, {}]} ', "0", '""', "[1,]", "{,}", '{"a"}', '{"a":}', "[01]", "-", "1.", "1e", '"\\x"', '"\\u12g4"', '"a\u0001"', "tru", "nul", "[1 2]", '{"a":1 "b":2}', "[", '"', "[1] ]", "\uFEFF[]", "[1,\r\n2,\nx]"];
    for (const text of texts) {
      let message: string | undefined;
      try {
        JSON.parse(text);
      } catch (error) {
        message = (error as Error).message;
      }
      const at = jsonSyntaxErrorAt(text);
      expect(at === -1, text).toBe(message === undefined);
      const named = message === undefined ? undefined : / at position (\d+)/.exec(message)?.[1] ?? (message === "Unexpected end of JSON input" ? String(text.length) : undefined);
      if (named !== undefined) expect(at, text).toBe(Number(named));
    }
    // Iterative: a million open brackets are scanned without a deep stack.
    expect(jsonSyntaxErrorAt("[".repeat(1_000_000))).toBe(1_000_000);
    expect(jsonSyntaxProblem("[1,\r\n2,\nx]")).toBe("unexpected character at line 3 column 1");
    expect(jsonSyntaxProblem('["\u00e9\u{1F600}", x]')).toBe("unexpected character at line 1 column 8");
  });

  it("an @file that is not UTF-8 is an error naming the field and the file, not sent with U+FFFD in place of its bytes", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "puffle-cli-latin1-"));
    try {
      // Latin-1 (an older Windows editor's "ANSI"): é is the byte E9, which UTF-8 cannot hold alone.
      const file = path.join(dir, "attachments.json");
      writeFileSync(file, Buffer.from('[{"name":"caf\u00e9.pdf"}]', "latin1"));
      const { code, stdout, stderr, send } = await run(["thread", "update", "--id", THREAD_ID, "--draft-attachments", `@${file}`]);
      expect(stdout).toBe("");
      expect(stderr).toContain(`draft_attachments: ${JSON.stringify(file)} is not UTF-8 text`);
      expect(code).toBe(EXIT.usage);
      expect(send).not.toHaveBeenCalled();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  // Node reads every argument as UTF-8, whatever LANG says: a Latin-1 byte (a script or CSV file
  // in ISO-8859-1, `printf 'Zo\\351'`) reaches puffle as U+FFFD, the replacement character.
  it.each([
    ["a text field", ["--participant-name", "Zo\uFFFD"], "--participant-name <text>", "participant_name"],
    ["a text field given with =", ["--draft-subject=na\uFFFDve"], "--draft-subject <text>", "draft_subject"],
    ["JSON text", ["--draft-attachments", '[{"name":"caf\uFFFD.pdf"}]'], "--draft-attachments <json|@file>", "draft_attachments"],
    ["an @file name", ["--draft-attachments", "@caf\uFFFD.json"], "--draft-attachments <json|@file>", "draft_attachments"],
  ])("an argument that was not UTF-8 (%s, read with U+FFFD) is refused naming the field, not sent with U+FFFD", async (_name, args, flags, field) => {
    const { code, stdout, stderr, send } = await run(["thread", "update", "--id", THREAD_ID, ...args]);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/^puffle error: [^\n]+\n$/);
    expect(stderr).toContain(`option '${flags}' argument `);
    expect(stderr).toContain(`. ${field} holds U+FFFD, the replacement character, which is what a byte that is not UTF-8 is read as: give the argument in UTF-8 (from Latin-1: iconv -f latin1 -t utf-8)\n`);
    expect(code).toBe(EXIT.usage);
    expect(send).not.toHaveBeenCalled();
  });

  // The base URL is read the same way: its U+FFFD was percent-encoded into the path (%EF%BF%BD),
  // another URL than the one typed, printed by --dry-run with exit 0 and called for real (a 404).
  it.each([
    ["--base-url", ["--base-url", "http://127.0.0.1:4010/caf\uFFFD"], {}],
    ["PUFFLE_BASE_URL", [], { PUFFLE_BASE_URL: "http://127.0.0.1:4010/caf\uFFFD" }],
  ])("a base URL that was not UTF-8 (%s, read with U+FFFD) is refused naming it, with --dry-run too", async (name, args, env) => {
    for (const dryRun of [[], ["--dry-run"]]) {
      const { code, stdout, stderr, send } = await run(["thread", "update", "--id", THREAD_ID, "--status", "archived", ...args, ...dryRun], { env: { PUFFLE_API_KEY: "puffle_test_alice", ...env } });
      expect(stdout).toBe("");
      expect(stderr).toBe(`puffle error: ${name} holds U+FFFD, the replacement character, which is what a byte that is not UTF-8 is read as: give the argument in UTF-8 (from Latin-1: iconv -f latin1 -t utf-8)\n`);
      expect(code).toBe(EXIT.usage);
      expect(send).not.toHaveBeenCalled();
    }
  });

  it("U+FFFD inside an @file's UTF-8 text is the file's own character, sent as it is", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "puffle-cli-fffd-"));
    try {
      const file = path.join(dir, "attachments.json");
      writeFileSync(file, '[{"name":"caf\uFFFD.pdf"}]', "utf8");
      const { code, stderr, send } = await run(["thread", "update", "--id", THREAD_ID, "--draft-attachments", `@${file}`]);
      expect(stderr).toBe("");
      expect(code).toBe(EXIT.ok);
      expect(send.mock.calls[0]?.[0].body).toEqual({ draft_attachments: [{ name: "caf\uFFFD.pdf" }] });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("an unexpected failure is exit 1 with one line, no stack", async () => {
    const { code, stderr } = await run(["thread", "update", "--id", THREAD_ID, "--status", "archived"], { send: async () => { throw new RangeError("boom\n    at somewhere"); } });
    expect(code).toBe(EXIT.internal);
    expect(stderr).toBe("puffle error: internal error: boom at somewhere\n");
    // Another realm's Error (a vm context's) as this realm's: its message, not `RangeError: boom`.
    const foreign = await run(["thread", "update", "--id", THREAD_ID, "--status", "archived"], { send: async () => { throw runInNewContext("new RangeError('boom')"); } });
    expect(foreign).toMatchObject({ code: EXIT.internal, stderr: "puffle error: internal error: boom\n" });
  });

  it("no command prints help on stderr and is a usage error", async () => {
    const { code, stderr, stdout } = await run([]);
    expect(code).toBe(EXIT.usage);
    expect(stderr).toContain("Usage: puffle");
    expect(stdout).toBe("");
  });
});

describe("review: @file bounds, a JSON null, help width", () => {
  it("an @file is read no further than the operation's body limit: a larger file or an endless device is an error", () => {
    const small = deriveFieldOptions({ ...meta.updateThread, behaviour: { maxBodyBytes: 64 } }).find((o) => o.field === "draft_attachments");
    const real = deriveFieldOptions(meta.updateThread).find((o) => o.field === "draft_attachments");
    if (!small || !real) throw new Error("no draft_attachments option");
    const dir = mkdtempSync(path.join(tmpdir(), "puffle-cli-big-"));
    try {
      const fits = path.join(dir, "fits.json");
      writeFileSync(fits, `[${" ".repeat(62)}]`); // 64 bytes
      expect(small.parse(`@${fits}`)).toEqual([]);
      const over = path.join(dir, "over.json");
      writeFileSync(over, `[${" ".repeat(63)}]`); // 65 bytes
      expect(() => small.parse(`@${over}`)).toThrow(`draft_attachments: ${JSON.stringify(over)} holds more than 64 bytes, the most a request body may have`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    // The generated meta's limit (the API's 1 MiB); /dev/zero never ends, so an unbounded read never returns.
    expect(meta.updateThread.behaviour.maxBodyBytes).toBe(1_048_576);
    if (existsSync("/dev/zero")) expect(() => real.parse("@/dev/zero")).toThrow("holds more than 1048576 bytes");
  });

  it("--draft-attachments null sends null (commander would have stored the parser's null as \"\")", async () => {
    const { code, stdout, stderr } = await run(["thread", "update", "--id", THREAD_ID, "--draft-attachments", "null", "--dry-run"]);
    expect(stderr).toBe("");
    expect(code).toBe(EXIT.ok);
    expect(JSON.parse(stdout).body).toEqual({ draft_attachments: null });
  });

  // The spec tells API callers to send null to clear a field; on the command line a text option's
  // "null" is the text "null", and a field is cleared with --clear-X (a JSON option also takes null).
  it("the help of a nullable field says how the CLI clears it, not \"or null to clear it\"", async () => {
    const fields = meta.updateThread.requestFields as Record<string, { description?: string }>;
    // The spec keeps its wording for API users.
    expect(fields.draft_subject?.description).toContain("or null to clear it");
    for (const operation of Object.values(meta)) {
      for (const option of deriveFieldOptions(operation)) expect(option.description, option.long).not.toMatch(/\bor null to clear\b/i);
    }
    const { code, stdout } = await run(["thread", "update", "--help"]);
    expect(code).toBe(EXIT.ok);
    const help = stdout.replace(/\s+/g, " ");
    expect(help).toContain("--account-id <uuid> Email sender account ID (--clear-account-id clears it).");
    expect(help).toContain("--draft-subject <text> Draft email subject (--clear-draft-subject clears it).");
    expect(help).toContain("--draft-body-text <text> Draft plain-text body (--clear-draft-body-text clears it).");
    expect(help).toContain("--draft-cc <text> Draft CC recipients (--clear-draft-cc clears them).");
    expect(help).toContain('--draft-attachments <json|@file> Draft attachment metadata from "Upload thread attachment" (--clear-draft-attachments or the value null clears it).');
    expect(help).not.toMatch(/null to clear/);
  });

  it("every --help fits 80 columns and the update commands list every exit code", async () => {
    for (const argv of [["--help"], ["thread", "update", "--help"], ["conversation", "update", "--help"], ["mock", "--help"]]) {
      const { code, stdout } = await run(argv);
      expect(code).toBe(EXIT.ok);
      for (const line of stdout.split("\n")) expect(line.length, `${argv.join(" ")}: ${line}`).toBeLessThanOrEqual(80);
      if (argv[1] === "update") for (const exit of Object.values(EXIT)) expect(stdout).toMatch(new RegExp(`^  ${exit}  \\S`, "m"));
    }
  });

  it("the update commands' --help says an exit 1 may be an output error after the update was applied, as docs/cli.md does", async () => {
    const { stdout } = await run(["thread", "update", "--help"]);
    expect(stdout).toMatch(/^  1  internal error in puffle, or the result could not be written to stdout\n +\(ENOSPC\.\.\.: the update was applied\)$/m);
  });
});

describe("review: --dry-run prints the URL fetch will call", () => {
  it.each([
    ["HTTP://Example.COM:80/", "http://example.com/api/conversations/"],
    ["https://example.com/a b/", "https://example.com/a%20b/api/conversations/"],
    ["https://example.com/v1/%2e%2e/", "https://example.com/api/conversations/"],
    ["http://[::1]:4010", "http://[::1]:4010/api/conversations/"],
  ])("--base-url %j", async (baseUrl, want) => {
    const id = "f11e8a2c-1234-4567-89ab-cdef01234567";
    const { code, stdout } = await run(["conversation", "update", "--id", id, "--status", "active", "--dry-run", "--base-url", baseUrl]);
    expect(code).toBe(EXIT.ok);
    const { url } = JSON.parse(stdout) as { url: string };
    expect(url).toBe(`${want}${id}`);
    expect(new URL(url).href).toBe(url);
  });
});

// Every usage error is one line with each value from the command line quoted as the client quotes
// one (JSON-quoted, on one line, cut to 200 characters), commander's own errors included: its
// "option '…' argument '<value>' is invalid." and "unknown option '<text>'" echoed the value whole,
// a line break, an escape sequence, a bidi override or 100 KiB of it.
describe("a usage error quotes what was typed on one short line, whatever it holds", () => {
  const UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u061c\u200e\u200f\u2028\u2029]/;
  const update = (...more: string[]) => ["thread", "update", "--id", THREAD_ID, ...more];
  const OPTIONS: [string, (value: string) => string[], string][] = [
    ["--status (commander's choices)", (v) => update("--status", v), "option '--status <value>' argument "],
    ["--unread-count", (v) => update("--unread-count", v), "option '--unread-count <n>' argument "],
    ["--timeout", (v) => update("--status", "archived", "--timeout", v), "option '--timeout <ms>' argument "],
    ["--retries", (v) => update("--status", "archived", "--retries", v), "option '--retries <n>' argument "],
    ["--draft-attachments JSON", (v) => update("--draft-attachments", v), "option '--draft-attachments <json|@file>' argument "],
    ["--draft-attachments @file", (v) => update("--draft-attachments", `@${v}`), "draft_attachments: cannot read "],
    ["--id", (v) => ["thread", "update", "--id", v, "--status", "archived"], "--id must be a UUID"],
    ["--base-url", (v) => update("--status", "archived", "--dry-run", "--base-url", v), "--base-url must be an absolute http(s) URL"],
    ["an unknown option", (v) => update("--status", "archived", `--${v}`), "unknown option "],
    ["an unknown command", (v) => [v], "unknown command "],
    ["mock --port", (v) => ["mock", "--quiet", "--port", v], "option '--port <n>' argument "],
    ["mock --host", (v) => ["mock", "--quiet", "--port", "0", "--host", v], "option '--host <host>' argument "],
    ["mock --cors", (v) => ["mock", "--quiet", "--port", "0", "--cors", v], "option '--cors [origin]' argument "],
    ["mock --data", (v) => ["mock", "--quiet", "--port", "0", "--data", v], "--data: "],
  ];
  const VALUES: [string, string, (stderr: string) => void][] = [
    ["a line break", "a\nb", (stderr) => expect(stderr).toContain("a\\nb")],
    ["an escape sequence", "\u001b[31mred", (stderr) => expect(stderr).toContain("\\u001b[31mred")],
    ["a bidi override", "\u202eevil", (stderr) => expect(stderr).toContain("\\u202eevil")],
    ["100 KiB", "x".repeat(102_400), (stderr) => expect(stderr).toMatch(/xxx…" \(cut; 10240\d characters in all\)/)],
  ];
  it.each(OPTIONS.flatMap(([option, argv, names]) => VALUES.map(([what, value, shows]) => [option, what, argv(value), names, shows] as const)))(
    "%s holding %s: exit 2, one line naming it, the value escaped and cut",
    async (_option, _what, argv, names, shows) => {
      const { code, stdout, stderr, send } = await run(argv);
      expect({ code, stdout }).toEqual({ code: EXIT.usage, stdout: "" });
      expect(send).not.toHaveBeenCalled();
      expect(stderr).toMatch(/^puffle error: [^\n]*\n$/);
      expect(stderr).not.toMatch(UNSAFE);
      expect(stderr.length).toBeLessThanOrEqual(1000);
      expect(stderr).toContain(names);
      shows(stderr);
    },
  );

  it("mock --data: a seed with more problems than a SeedError lists counts them all (and 4990 more)", async () => {
    const { defaultSeed } = await import("../../src/server/index.js");
    const dir = mkdtempSync(path.join(tmpdir(), "puffle-cli-seed-"));
    try {
      const file = path.join(dir, "seed.json");
      writeFileSync(file, JSON.stringify({ ...defaultSeed, conversations: Array.from({ length: 5000 }, () => 1) }));
      const { code, stderr } = await run(["mock", "--quiet", "--port", "0", "--data", file]);
      expect(code).toBe(EXIT.usage);
      expect(stderr).toMatch(/conversations\[9\]: must be an object; and 4990 more\n$/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("mock --data: a file that is not JSON (a .env by mistake) is named with the line and column, none of its text on stderr", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "puffle-cli-seed-"));
    try {
      const file = path.join(dir, ".env");
      writeFileSync(file, "API_KEY=secret\n");
      const { code, stdout, stderr } = await run(["mock", "--quiet", "--port", "0", "--data", file]);
      expect({ code, stdout }).toEqual({ code: EXIT.usage, stdout: "" });
      expect(stderr).toBe(`puffle error: --data: ${JSON.stringify(file)} is not a valid seed: (file): is not valid JSON: unexpected character at line 1 column 1 (its text is not quoted)\n`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("mock --data: an invalid seed's line names the file quoted and its first ten problems, then how many more", async () => {
    const { defaultSeed } = await import("../../src/server/index.js");
    const dir = mkdtempSync(path.join(tmpdir(), "puffle-cli-seed-"));
    try {
      const file = path.join(dir, "seed\u001b[2J.json");
      const extra = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`x${String(i).padStart(2, "0")}`, 1]));
      writeFileSync(file, JSON.stringify({ ...defaultSeed, ...extra }));
      const { code, stdout, stderr } = await run(["mock", "--quiet", "--port", "0", "--data", file]);
      expect({ code, stdout }).toEqual({ code: EXIT.usage, stdout: "" });
      const listed = Array.from({ length: 10 }, (_, i) => `x${String(i).padStart(2, "0")}: is not a known field (known: description, workspaces, users, accounts, conversations)`).join("; ");
      expect(stderr).toBe(`puffle error: --data: ${JSON.stringify(file)} is not a valid seed: ${listed}; and 2 more\n`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  // commander's "unknown option '--api-key=<token>'" echoed the value: the token someone tried on
  // the command line went on to the terminal and a CI log. Only the option's name is shown now, and
  // a name like a token's says where the token is read from.
  it.each([
    ["--api-key=<token>", ["--api-key=puffle_live_t0ken"], 'unknown option "--api-key" (given a value, not shown) (the bearer token is read from PUFFLE_API_KEY, never from the command line)'],
    ["--token <token>", ["--token", "puffle_live_t0ken"], 'unknown option "--token" (the bearer token is read from PUFFLE_API_KEY, never from the command line)'],
    ["-k<token>", ["-kpuffle_live_t0ken"], 'unknown option "-k" (given a value, not shown)'],
    ["--bogus=<value>", ["--bogus=puffle_live_t0ken"], 'unknown option "--bogus" (given a value, not shown)'],
  ])("an unknown option %s: exit 2, its value not echoed", async (_name, args, want) => {
    for (const argv of [update("--status", "archived", ...args), [...args, "thread", "update"]]) {
      const { code, stdout, stderr, send } = await run(argv, { env: { PUFFLE_API_KEY: "k" } });
      expect({ code, stdout }).toEqual({ code: EXIT.usage, stdout: "" });
      expect(send).not.toHaveBeenCalled();
      expect(stderr).toBe(`puffle error: ${want}\n`);
      expect(stderr).not.toContain("t0ken");
    }
  });

  it("a suggestion after an unknown option is kept; a quote or a fake suggestion in the option is quoted with it", async () => {
    expect((await run(update("--stauts", "archived"))).stderr).toBe('puffle error: unknown option "--stauts" (Did you mean --status?)\n');
    const { stderr } = await run(update("--x'\n(Did you mean --y?)"));
    expect(stderr).toBe('puffle error: unknown option "--x\'\\n(Did you mean --y?)"\n');
  });
});

describe("security review: text from a server cannot drive the terminal", () => {
  // ESC and CSI (U+009B, the 8-bit form some terminals read), DEL and a right-to-left override.
  const hostile = "a\u001b[2Jb\u009b31mc\u007fd\u202eevil\u2066e";

  it("the result JSON escapes DEL, C1 controls and bidirectional formatting (and is the same JSON value)", async () => {
    const { code, stdout } = await run(["thread", "update", "--id", THREAD_ID, "--status", "archived"], { send: async () => ({ thread: { participant_name: hostile } }) });
    expect(code).toBe(EXIT.ok);
    expect(stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    expect(stdout).toContain("\\u009b31m");
    expect(JSON.parse(stdout)).toEqual({ thread: { participant_name: hostile } });
  });

  it("the result JSON also escapes the bidirectional marks and the line and paragraph separators", async () => {
    const marks = "a\u200fb\u200ec\u061cd\u2028e\u2029f";
    const { code, stdout } = await run(["thread", "update", "--id", THREAD_ID, "--status", "archived"], { send: async () => ({ thread: { participant_name: marks } }) });
    expect(code).toBe(EXIT.ok);
    expect(stdout).not.toMatch(/[\u061c\u200e\u200f\u2028\u2029]/);
    expect(stdout).toContain("a\\u200fb\\u200ec\\u061cd\\u2028e\\u2029f");
    expect(JSON.parse(stdout)).toEqual({ thread: { participant_name: marks } });
  });

  it("a problem's detail on stderr has them removed", async () => {
    const { PuffleApiError } = await import("../../src/errors.js");
    const error = new PuffleApiError({
      operationId: "updateThread",
      status: 400,
      body: {},
      problem: { type: "https://app.puffle.ai/problems/x", title: `Bad${hostile}`, status: 400, detail: hostile },
      headers: new Headers({ "x-request-id": "req_1" }),
    });
    const { code, stderr } = await run(["thread", "update", "--id", THREAD_ID, "--status", "archived"], { send: async () => { throw error; } });
    expect(code).toBe(EXIT.api);
    expect(stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    expect(stderr).toBe("puffle error: HTTP 400 Bada [2Jb 31mc d evil e: a [2Jb 31mc d evil e (request id req_1)\n");
  });
});

// The spec tells API callers that other `status` values are dropped (the API's leniency); the CLI
// rejects them (docs/cli.md: "The CLI is stricter than the API"), so its help must not say they
// are dropped.
describe("the help of an enum field says the CLI rejects other values", () => {
  it("--status: not \"other values are silently dropped\" / \"ignored\", and the value is indeed rejected", async () => {
    for (const operation of Object.values(meta)) {
      for (const option of deriveFieldOptions(operation)) {
        if (option.choices === undefined) continue;
        expect(option.description, option.long).not.toMatch(/other values are (silently )?(dropped|ignored)/i);
      }
    }
    const conversation = (await run(["conversation", "update", "--help"])).stdout.replace(/\s+/g, " ");
    expect(conversation).toContain("--status <value> Archive or un-archive the thread. Only active and archived are accepted; other values are rejected (the API silently drops them).");
    const thread = (await run(["thread", "update", "--help"])).stdout.replace(/\s+/g, " ");
    expect(thread).toContain("--status <value> Set to active or archived. Other values are rejected (the API ignores them).");
    const rejected = await run(["conversation", "update", "--id", THREAD_ID, "--status", "deleted"]);
    expect(rejected.code).toBe(EXIT.usage);
    expect(rejected.send).not.toHaveBeenCalled();
  });
});

// Each failure the send step can throw, as runCli reports it: the exit code and the one stderr line.
// In-process (the binary tests reach some of these through a server); a hand mutation pass found the
// parts of these lines, and the exit codes of an abort and a request-validation error, unchecked.
describe("runCli reports each send failure with its exit code and one line", () => {
  const TOKEN = "puffle_test_alice";
  const url = `http://127.0.0.1:9/api/threads/${THREAD_ID}`;
  const problem = (status: number, title: string, extra: Record<string, unknown> = {}) => ({ type: "https://app.puffle.ai/problems/x", title, status, ...extra });
  const api = async (status: number, body: unknown, options: { problem?: Record<string, unknown>; headers?: Record<string, string>; existingThread?: { id: string } } = {}) => {
    const { PuffleApiError } = await import("../../src/errors.js");
    return new PuffleApiError({ operationId: "updateThread", status, body, problem: options.problem as never, headers: new Headers(options.headers), existingThread: options.existingThread as never });
  };
  const cases: [string, () => Promise<unknown>, number, string][] = [
    ["a problem with errors, one at the body as a whole", () => api(400, {}, { problem: problem(400, "Invalid request", { detail: "Bad.", errors: [{ path: "/unread_count", keyword: "minimum", message: "must be >= 0" }, { path: "", keyword: "minProperties", message: "must have at least 1 valid field" }] }) }), EXIT.api, "HTTP 400 Invalid request: Bad. [--unread-count (unread_count) must be >= 0; the body must have at least 1 valid field]"],
    // `/` names a member whose name is "" (not the body as a whole, `""`): it read `the body`.
    ["a problem with errors at a member named \"\" (path /)", () => api(400, {}, { problem: problem(400, "Invalid request", { errors: [{ path: "/", keyword: "x", message: "is not a known field" }, { path: "", keyword: "minProperties", message: "must have at least 1 valid field" }] }) }), EXIT.api, 'HTTP 400 Invalid request ["" is not a known field; the body must have at least 1 valid field]'],
    ["a 2xx whose issue is at a member named \"\" (path /)", async () => new (await import("../../src/errors.js")).PuffleValidationError({ target: "response", operationId: "updateThread", status: 200, issues: [{ path: "/", keyword: "x", message: "is not allowed" }] }), EXIT.response, 'unexpected response (HTTP 200): "" is not allowed'],
    ["a problem with an empty errors list", () => api(400, {}, { problem: problem(400, "Invalid request", { errors: [] }) }), EXIT.api, "HTTP 400 Invalid request"],
    ["an empty body", () => api(502, ""), EXIT.api, "HTTP 502 with an empty body"],
    ["a non-JSON body", () => api(502, "<html>", { headers: { "content-type": "text/html" } }), EXIT.api, "HTTP 502 with a non-JSON body (text/html)"],
    ["a non-JSON body without a content type", () => api(502, "oops"), EXIT.api, "HTTP 502 with a non-JSON body (no content type)"],
    ["a JSON body that is no problem", () => api(500, { oops: true }), EXIT.api, "HTTP 500 with a body that is not a problem details object"],
    ["a 409 naming the existing thread", () => api(409, {}, { problem: problem(409, "Conflict"), existingThread: { id: "5a1e5000-0000-4000-8000-000000000009" } }), EXIT.api, "HTTP 409 Conflict (existing thread 5a1e5000-0000-4000-8000-000000000009)"],
    ["a 401", () => api(401, {}, { problem: problem(401, "Unauthorized") }), EXIT.api, "HTTP 401 Unauthorized (check PUFFLE_API_KEY)"],
    ["a 403 (no PUFFLE_API_KEY hint)", () => api(403, {}, { problem: problem(403, "Forbidden") }), EXIT.api, "HTTP 403 Forbidden"],
    ["a 300 with a Location", () => api(300, "", { headers: { location: "http://127.0.0.1:9/elsewhere" } }), EXIT.api, "HTTP 300 with an empty body (a redirect to http://127.0.0.1:9/elsewhere, not followed: check --base-url)"],
    ["a 307 without a Location", () => api(307, ""), EXIT.api, "HTTP 307 with an empty body (a redirect, not followed: check --base-url)"],
    ["a network error", async () => new (await import("../../src/errors.js")).PuffleNetworkError({ url, operationId: "updateThread", cause: new TypeError("fetch failed") }), EXIT.network, `updateThread: network error calling ${url}: fetch failed`],
    ["a timeout: what to check", async () => new (await import("../../src/errors.js")).PuffleTimeoutError({ url, operationId: "updateThread", timeoutMs: 5 }), EXIT.network, `updateThread: no response from ${url} within 5 ms; is the server at https://app.puffle.ai up and reachable? a slower one needs a larger --timeout`],
    // Exit 4 said what failed, not what to do: a hint on the same line, for the failures that have one.
    ["a refused connection: is a server listening", async () => new (await import("../../src/errors.js")).PuffleNetworkError({ url, operationId: "updateThread", cause: new TypeError("fetch failed", { cause: Object.assign(new Error("connect ECONNREFUSED"), { code: "ECONNREFUSED" }) }), attempts: 3 }), EXIT.network, `updateThread: network error calling ${url}: fetch failed: ECONNREFUSED (after 3 attempts); is a server listening at https://app.puffle.ai (that host, that port)?`],
    ["a host not found: check --base-url", async () => new (await import("../../src/errors.js")).PuffleNetworkError({ url, operationId: "updateThread", cause: new TypeError("fetch failed", { cause: Object.assign(new Error("getaddrinfo ENOTFOUND app.puffle.ai"), { code: "ENOTFOUND" }) }) }), EXIT.network, `updateThread: network error calling ${url}: fetch failed: ENOTFOUND; the host of https://app.puffle.ai was not found: check --base-url (a typo, or no DNS from here)`],
    // A reset connection, TLS meeting no TLS server, a certificate not accepted: what to check too.
    ["a reset connection: the server closed it", async () => new (await import("../../src/errors.js")).PuffleNetworkError({ url, operationId: "updateThread", cause: new TypeError("fetch failed", { cause: Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" }) }), attempts: 3 }), EXIT.network, `updateThread: network error calling ${url}: fetch failed: ECONNRESET (after 3 attempts); the server at https://app.puffle.ai closed the connection without an answer: check --base-url, and any proxy in between`],
    ["a broken pipe: the server closed it", async () => new (await import("../../src/errors.js")).PuffleNetworkError({ url, operationId: "updateThread", cause: new TypeError("fetch failed", { cause: Object.assign(new Error("write EPIPE"), { code: "EPIPE" }) }) }), EXIT.network, `updateThread: network error calling ${url}: fetch failed: EPIPE; the server at https://app.puffle.ai closed the connection without an answer: check --base-url, and any proxy in between`],
    ["undici's other side closed: the server closed it", async () => new (await import("../../src/errors.js")).PuffleNetworkError({ url, operationId: "updateThread", cause: new TypeError("fetch failed", { cause: Object.assign(new Error("other side closed"), { code: "UND_ERR_SOCKET" }) }) }), EXIT.network, `updateThread: network error calling ${url}: fetch failed: UND_ERR_SOCKET; the server at https://app.puffle.ai closed the connection without an answer: check --base-url, and any proxy in between`],
    ["an https base URL at a plain-http port: no TLS there", async () => new (await import("../../src/errors.js")).PuffleNetworkError({ url, operationId: "updateThread", cause: new TypeError("fetch failed", { cause: Object.assign(new Error("wrong version number"), { code: "ERR_SSL_WRONG_VERSION_NUMBER" }) }) }), EXIT.network, `updateThread: network error calling ${url}: fetch failed: ERR_SSL_WRONG_VERSION_NUMBER; TLS failed at https://app.puffle.ai: is it a server without TLS? check --base-url (http:// for one, such as \`puffle mock\`)`],
    ["EPROTO (older Node's word for it): no TLS there", async () => new (await import("../../src/errors.js")).PuffleNetworkError({ url, operationId: "updateThread", cause: new TypeError("fetch failed", { cause: Object.assign(new Error("write EPROTO"), { code: "EPROTO" }) }) }), EXIT.network, `updateThread: network error calling ${url}: fetch failed: EPROTO; TLS failed at https://app.puffle.ai: is it a server without TLS? check --base-url (http:// for one, such as \`puffle mock\`)`],
    ["a certificate no trusted CA signed (DEPTH_ZERO_SELF_SIGNED_CERT)", async () => new (await import("../../src/errors.js")).PuffleNetworkError({ url, operationId: "updateThread", cause: new TypeError("fetch failed", { cause: Object.assign(new Error("certificate"), { code: "DEPTH_ZERO_SELF_SIGNED_CERT" }) }) }), EXIT.network, `updateThread: network error calling ${url}: fetch failed: DEPTH_ZERO_SELF_SIGNED_CERT; the certificate of https://app.puffle.ai is not signed by a CA this machine trusts (self-signed, or a private CA's): give that CA's certificate file in NODE_EXTRA_CA_CERTS, or check --base-url`],
    ["a certificate no trusted CA signed (SELF_SIGNED_CERT_IN_CHAIN)", async () => new (await import("../../src/errors.js")).PuffleNetworkError({ url, operationId: "updateThread", cause: new TypeError("fetch failed", { cause: Object.assign(new Error("certificate"), { code: "SELF_SIGNED_CERT_IN_CHAIN" }) }) }), EXIT.network, `updateThread: network error calling ${url}: fetch failed: SELF_SIGNED_CERT_IN_CHAIN; the certificate of https://app.puffle.ai is not signed by a CA this machine trusts (self-signed, or a private CA's): give that CA's certificate file in NODE_EXTRA_CA_CERTS, or check --base-url`],
    ["a certificate no trusted CA signed (UNABLE_TO_VERIFY_LEAF_SIGNATURE)", async () => new (await import("../../src/errors.js")).PuffleNetworkError({ url, operationId: "updateThread", cause: new TypeError("fetch failed", { cause: Object.assign(new Error("certificate"), { code: "UNABLE_TO_VERIFY_LEAF_SIGNATURE" }) }) }), EXIT.network, `updateThread: network error calling ${url}: fetch failed: UNABLE_TO_VERIFY_LEAF_SIGNATURE; the certificate of https://app.puffle.ai is not signed by a CA this machine trusts (self-signed, or a private CA's): give that CA's certificate file in NODE_EXTRA_CA_CERTS, or check --base-url`],
    ["a certificate no trusted CA signed (UNABLE_TO_GET_ISSUER_CERT_LOCALLY)", async () => new (await import("../../src/errors.js")).PuffleNetworkError({ url, operationId: "updateThread", cause: new TypeError("fetch failed", { cause: Object.assign(new Error("certificate"), { code: "UNABLE_TO_GET_ISSUER_CERT_LOCALLY" }) }) }), EXIT.network, `updateThread: network error calling ${url}: fetch failed: UNABLE_TO_GET_ISSUER_CERT_LOCALLY; the certificate of https://app.puffle.ai is not signed by a CA this machine trusts (self-signed, or a private CA's): give that CA's certificate file in NODE_EXTRA_CA_CERTS, or check --base-url`],
    ["an expired certificate", async () => new (await import("../../src/errors.js")).PuffleNetworkError({ url, operationId: "updateThread", cause: new TypeError("fetch failed", { cause: Object.assign(new Error("certificate has expired"), { code: "CERT_HAS_EXPIRED" }) }) }), EXIT.network, `updateThread: network error calling ${url}: fetch failed: CERT_HAS_EXPIRED; the certificate of https://app.puffle.ai has expired or is not yet valid: check the server's certificate and this machine's clock`],
    ["a certificate for another host", async () => new (await import("../../src/errors.js")).PuffleNetworkError({ url, operationId: "updateThread", cause: new TypeError("fetch failed", { cause: Object.assign(new Error("Hostname/IP does not match certificate's altnames"), { code: "ERR_TLS_CERT_ALTNAME_INVALID" }) }) }), EXIT.network, `updateThread: network error calling ${url}: fetch failed: ERR_TLS_CERT_ALTNAME_INVALID; the certificate of https://app.puffle.ai is not for that host: check --base-url (the host name the certificate names, not an IP address or another name of the server)`],
    // Closed while the answer was read (undici's body error is "terminated"): the server answered, so no URL or TLS advice.
    ["a connection closed while the answer was read: not without an answer", async () => new (await import("../../src/errors.js")).PuffleNetworkError({ url, operationId: "updateThread", cause: new TypeError("terminated", { cause: Object.assign(new Error("other side closed"), { code: "UND_ERR_SOCKET" }) }) }), EXIT.network, `updateThread: network error calling ${url}: terminated: UND_ERR_SOCKET; the server at https://app.puffle.ai closed the connection before its answer was complete: check its logs, and any proxy in between`],
    ["another code: no hint", async () => new (await import("../../src/errors.js")).PuffleNetworkError({ url, operationId: "updateThread", cause: new TypeError("fetch failed", { cause: Object.assign(new Error("x"), { code: "UND_ERR_HEADERS_TIMEOUT" }) }) }), EXIT.network, `updateThread: network error calling ${url}: fetch failed: UND_ERR_HEADERS_TIMEOUT`],
    ["an abort", async () => new (await import("../../src/errors.js")).PuffleAbortError({ url, operationId: "updateThread", reason: new Error("stop") }), EXIT.network, `updateThread: request to ${url} was aborted: stop`],
    ["a 2xx that is not the documented body", async () => new (await import("../../src/errors.js")).PuffleValidationError({ target: "response", operationId: "updateThread", status: 200, requestId: "req_9", issues: [{ path: "/thread/status", keyword: "enum", message: "must be one of \"active\", \"archived\"" }] }), EXIT.response, "unexpected response (HTTP 200): thread.status must be one of \"active\", \"archived\" (request id req_9)"],
    // A validator's list stops at 1,000 issues (MAX_ISSUES): one that long may have been cut, so the faults beyond the ten named are "at least" 990.
    ["a response whose issue list is at the validators' bound", async () => new (await import("../../src/errors.js")).PuffleValidationError({ target: "response", operationId: "updateThread", status: 200, issues: Array.from({ length: 1000 }, (_, i) => ({ path: `/thread/draft_attachments/${i}`, keyword: "type", message: "must be object" })) }), EXIT.response, `unexpected response (HTTP 200): ${Array.from({ length: 10 }, (_, i) => `thread.draft_attachments.${i} must be object`).join("; ")}; and at least 990 more`],
    ["a response with fewer issues than the bound: counted exactly", async () => new (await import("../../src/errors.js")).PuffleValidationError({ target: "response", operationId: "updateThread", status: 200, issues: Array.from({ length: 999 }, (_, i) => ({ path: `/thread/draft_attachments/${i}`, keyword: "type", message: "must be object" })) }), EXIT.response, `unexpected response (HTTP 200): ${Array.from({ length: 10 }, (_, i) => `thread.draft_attachments.${i} must be object`).join("; ")}; and 989 more`],
    ["a response error without a status, at the body", async () => new (await import("../../src/errors.js")).PuffleValidationError({ target: "response", operationId: "updateThread", issues: [{ path: "", keyword: "content", message: "is not JSON" }] }), EXIT.response, "unexpected response (HTTP ?): body is not JSON"],
    ["a request body the client refuses", async () => new (await import("../../src/errors.js")).PuffleValidationError({ target: "request", operationId: "updateThread", issues: [{ path: "/draft_attachments/0", keyword: "type", message: "must be object" }] }), EXIT.usage, "--draft-attachments (draft_attachments.0) must be object"],
    ["a bad token from the client", async () => new (await import("../../src/client.js")).PuffleConfigError("apiKey", "must be printable ASCII without spaces or line breaks"), EXIT.usage, "PUFFLE_API_KEY must be printable ASCII without spaces or line breaks"],
  ];
  it.each(cases)("%s", async (_name, make, exitCode, line) => {
    const error = await make();
    const { code, stdout, stderr } = await run(["thread", "update", "--id", THREAD_ID, "--status", "archived"], { env: { PUFFLE_API_KEY: TOKEN }, send: async () => { throw error; } });
    expect({ code, stdout, stderr }).toEqual({ code: exitCode, stdout: "", stderr: `puffle error: ${line}\n` });
  });

  it("the hint names the base URL as called and where it came from: PUFFLE_BASE_URL, a loopback one with `puffle mock`", async () => {
    const { PuffleNetworkError } = await import("../../src/errors.js");
    const failing = (code: string) => async () => {
      throw new PuffleNetworkError({ url, operationId: "updateThread", cause: new TypeError("fetch failed", { cause: Object.assign(new Error(code), { code }) }) });
    };
    const env = { PUFFLE_API_KEY: TOKEN, PUFFLE_BASE_URL: "http://localhost:4010/" };
    const refused = await run(["thread", "update", "--id", THREAD_ID, "--status", "archived"], { env, send: failing("ECONNREFUSED") });
    expect(refused.stderr).toBe(`puffle error: updateThread: network error calling ${url}: fetch failed: ECONNREFUSED; is a server running at http://localhost:4010? \`puffle mock\` starts one\n`);
    const notFound = await run(["thread", "update", "--id", THREAD_ID, "--status", "archived"], { env, send: failing("EAI_AGAIN") });
    expect(notFound.stderr).toBe(`puffle error: updateThread: network error calling ${url}: fetch failed: EAI_AGAIN; the host of http://localhost:4010 was not found: check PUFFLE_BASE_URL (a typo, or no DNS from here)\n`);
    // An http base URL's closed connection: a server with TLS closes a plain-http request's.
    const reset = await run(["thread", "update", "--id", THREAD_ID, "--status", "archived"], { env, send: failing("UND_ERR_SOCKET") });
    expect(reset.stderr).toBe(`puffle error: updateThread: network error calling ${url}: fetch failed: UND_ERR_SOCKET; the server at http://localhost:4010 closed the connection without an answer: check PUFFLE_BASE_URL (https:// for a server with TLS), and any proxy in between\n`);
    // …but not one closed while its answer was read: that server speaks http.
    const cut = await run(["thread", "update", "--id", THREAD_ID, "--status", "archived"], { env, send: async () => { throw new PuffleNetworkError({ url, operationId: "updateThread", cause: new TypeError("terminated", { cause: Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" }) }) }); } });
    expect(cut.stderr).toBe(`puffle error: updateThread: network error calling ${url}: terminated: ECONNRESET; the server at http://localhost:4010 closed the connection before its answer was complete: check its logs, and any proxy in between\n`);
    // TLS and certificate hints are an https base URL's: an http one's EPROTO is no "server without TLS? use http://".
    for (const code of ["EPROTO", "ERR_SSL_WRONG_VERSION_NUMBER", "DEPTH_ZERO_SELF_SIGNED_CERT", "CERT_HAS_EXPIRED", "ERR_TLS_CERT_ALTNAME_INVALID"]) {
      const plain = await run(["thread", "update", "--id", THREAD_ID, "--status", "archived"], { env, send: failing(code) });
      expect(plain.stderr, code).toBe(`puffle error: updateThread: network error calling ${url}: fetch failed: ${code}\n`);
    }
    const given = await run(["thread", "update", "--id", THREAD_ID, "--status", "archived", "--base-url", "http://127.0.0.1:4010"], { env, send: failing("ECONNREFUSED") });
    expect(given.stderr).toContain("fetch failed: ECONNREFUSED; is a server running at http://127.0.0.1:4010? `puffle mock` starts one\n");
    // `puffle mock` alone listens on http://127.0.0.1:4010: another port or ::1 is in the command; https it does not serve.
    for (const [baseUrl, hint] of [
      ["http://localhost:8080", "is a server running at http://localhost:8080? `puffle mock --port 8080` starts one"],
      ["http://[::1]:4010", "is a server running at http://[::1]:4010? `puffle mock --host ::1` starts one"],
      // Another loopback address: `puffle mock` alone (127.0.0.1) is not reached there.
      ["http://127.0.0.2:4010", "is a server running at http://127.0.0.2:4010? `puffle mock --host 127.0.0.2` starts one"],
      ["http://127.1.2.3:8080", "is a server running at http://127.1.2.3:8080? `puffle mock --port 8080 --host 127.1.2.3` starts one"],
      ["http://127.0.0.1", "is a server running at http://127.0.0.1? `puffle mock --port 80` starts one"],
      ["https://localhost:4010", "is a server listening at https://localhost:4010 (that host, that port)?"],
    ] as const) {
      const other = await run(["thread", "update", "--id", THREAD_ID, "--status", "archived", "--base-url", baseUrl], { env, send: failing("ECONNREFUSED") });
      expect(other.stderr, baseUrl).toContain(`fetch failed: ECONNREFUSED; ${hint}\n`);
    }
  });
});

describe("runCli: a body the API refuses for its size or depth is exit 2, nothing sent (x-puffle-behaviour)", () => {
  const behaviour = meta.updateThread.behaviour;
  /** An attachment list whose one member is nested `levels` deep below the body (the body is level 1, the list 2). */
  const nested = (levels: number) => `[{"a":${"[".repeat(levels - 3)}${"]".repeat(levels - 3)}}]`;

  it("nested as deep as the API reads: sent; one level more: refused as the API's parser refuses it", async () => {
    for (const [levels, sent] of [[behaviour.maxBodyDepth, true], [behaviour.maxBodyDepth + 1, false]] as const) {
      const body = { draft_attachments: JSON.parse(nested(levels)) };
      // The API's own rule (the server's parser and normalizeRequestBody): the oracle for the boundary.
      expect(normalizeRequestBody("updateThread", body).ok).toBe(sent);
      for (const dryRun of [[], ["--dry-run"]]) {
        const { code, stdout, stderr, send } = await run(["thread", "update", "--id", THREAD_ID, "--draft-attachments", nested(levels), ...dryRun]);
        if (sent) {
          expect({ code, stderr }).toEqual({ code: EXIT.ok, stderr: "" });
          continue;
        }
        expect(stdout).toBe("");
        expect(stderr).toBe(`puffle error: --draft-attachments (draft_attachments) is nested more than ${behaviour.maxBodyDepth} levels deep (the body is level 1), the most the API reads (x-puffle-behaviour.maxBodyDepth)\n`);
        expect(code).toBe(EXIT.usage);
        expect(send).not.toHaveBeenCalled();
      }
    }
  });

  it("a body over the API's maxBodyBytes (an @file of the limit, wrapped in the body) is refused naming its largest field; at the limit it is sent", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "puffle-cli-body-bytes-"));
    try {
      const file = path.join(dir, "attachments.json");
      // Exactly maxBodyBytes: the @file's own bound lets it through, but the body around it is larger.
      const attachments = (note: number) => JSON.stringify([{ id: "att_1", note: "x".repeat(note) }]);
      const fits = behaviour.maxBodyBytes - Buffer.byteLength(attachments(0));
      writeFileSync(file, attachments(fits));
      const over = await run(["thread", "update", "--id", THREAD_ID, "--draft-attachments", `@${file}`, "--participant-name", "Bob"]);
      const bytes = Buffer.byteLength(JSON.stringify({ draft_attachments: JSON.parse(attachments(fits)), participant_name: "Bob" }));
      expect(over.stdout).toBe("");
      expect(over.stderr).toBe(`puffle error: the request body would be ${bytes} bytes of JSON, more than ${behaviour.maxBodyBytes}, the most the API accepts (x-puffle-behaviour.maxBodyBytes; its largest field: --draft-attachments (draft_attachments), ${behaviour.maxBodyBytes} bytes)\n`);
      expect(over.code).toBe(EXIT.usage);
      expect(over.send).not.toHaveBeenCalled();
      // The body JSON.stringify makes, exactly maxBodyBytes long, is sent.
      const wrapper = Buffer.byteLength(JSON.stringify({ draft_attachments: [{ id: "att_1", note: "" }] }));
      writeFileSync(file, attachments(behaviour.maxBodyBytes - wrapper));
      const at = await run(["thread", "update", "--id", THREAD_ID, "--draft-attachments", `@${file}`]);
      expect({ code: at.code, stderr: at.stderr }).toEqual({ code: EXIT.ok, stderr: "" });
      expect(Buffer.byteLength(JSON.stringify(at.send.mock.calls[0]?.[0].body))).toBe(behaviour.maxBodyBytes);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("runCli: what is checked before anything is sent or started", () => {
  it("an empty PUFFLE_API_KEY is not set: exit 2, nothing sent", async () => {
    const { code, stderr, send } = await run(["thread", "update", "--id", THREAD_ID, "--status", "archived"], { env: { PUFFLE_API_KEY: "" } });
    expect(code).toBe(EXIT.usage);
    expect(stderr).toMatch(/^puffle error: PUFFLE_API_KEY is not set/);
    expect(send).not.toHaveBeenCalled();
  });

  it.each([["65536"], ["070"], ["-1"], [""]])("mock --port %j: exit 2, no server", async (port) => {
    const { code, stderr } = await run(["mock", "--port", port, "--quiet"]);
    expect(code).toBe(EXIT.usage);
    expect(stderr).toContain("--port must be an integer from 0 (any free port) to 65535");
  });

  // --host: an IP address (v4, v6 without brackets, an IPv6 zone) or an RFC 1123 host name. Text
  // that can be neither (a control character, an empty label, a hyphen first, an underscore) went to
  // getaddrinfo and exited 1 "cannot listen"; it is a usage error, before anything is bound.
  it.each([["a\u0001b"], ["a..b"], ["-x"], ["x-"], ["a_b"], ["a".repeat(64)], [`${"a".repeat(63)}.`.repeat(4) + "a"], ["é.example"], ["[::1]"]])("mock --host %j: exit 2 naming --host and the rule, nothing started", async (host) => {
    const { code, stdout, stderr } = await run(["mock", "--port", "0", "--quiet", "--host", host]);
    expect({ code, stdout }).toEqual({ code: EXIT.usage, stdout: "" });
    expect(stderr).toMatch(/^puffle error: [^\n]*--host must be an IP address such as 127\.0\.0\.1 or ::1 \(IPv6 without brackets\) or a host name such as localhost \(dot-separated labels of letters, digits and hyphens, at most 63 characters each, not starting or ending with a hyphen; 253 in all\), got "[^\n]*\n$/);
  });

  it.each([["127.0.0.1"], ["::1"], ["localhost"], ["0.0.0.0"], ["::"], ["0"], ["fe80::1%lo"], ["my-host.internal"], ["LOCALHOST"], ["localhost."], ["a".repeat(63)], [`${"a".repeat(63)}.`.repeat(3) + "a".repeat(61)], ["10.0.0.1"], ["123.example"], ["host.1a"], ["1e3"]])("--host %j is a host (the docs' values and RFC 1123 names)", (host) => {
    expect(hostProblem(host)).toBeUndefined();
  });

  // An internationalized name was refused by the RFC 1123 rule alone, as if no such name could be
  // served: the message now names its punycode form, which is taken (as a URL writes the host).
  it.each([
    ["bücher.example", "xn--bcher-kva.example"],
    ["BÜCHER.example", "xn--bcher-kva.example"],
    ["ｌｏｃａｌｈｏｓｔ", "localhost"],
  ])("mock --host %j: exit 2, the message names its ASCII (punycode) form %j, which is a host", async (host, ascii) => {
    const { code, stdout, stderr } = await run(["mock", "--port", "0", "--quiet", "--host", host]);
    expect({ code, stdout }).toEqual({ code: EXIT.usage, stdout: "" });
    expect(stderr).toMatch(/^puffle error: [^\n]*--host must be an IP address such as 127\.0\.0\.1 or ::1 [^\n]*\n$/);
    expect(stderr).toContain(`got ${JSON.stringify(host)}; an internationalized name is given in its ASCII (punycode) form, here ${JSON.stringify(ascii)}\n`);
    expect(hostProblem(ascii)).toBeUndefined();
  });

  it.each([
    ["an underscore", "bü_cher.example"],
    ["an empty label", "ü..example"],
    ["a label of 300 characters", "ü".repeat(300)],
    ["a control character", "a\u0001ü"],
  ])("mock --host with letters beyond ASCII and %s (no name in ASCII either): no punycode hint", (_what, host) => {
    expect(hostProblem(host)).toMatch(/^--host must be an IP address .*, got "/);
    expect(hostProblem(host)).not.toContain("punycode");
  });

  it.each([["a.1"], ["my-host.123"], ["example.0."]])("mock --host %j (a name whose last label is all digits): exit 2 naming the rule, nothing started", async (host) => {
    const { code, stdout, stderr } = await run(["mock", "--port", "0", "--quiet", "--host", host]);
    expect(code).toBe(EXIT.usage);
    expect(stdout).toBe("");
    expect(stderr).toBe(`puffle error: option '--host <host>' argument ${JSON.stringify(host)} is invalid. --host's last label must not be all digits (no top-level domain is: such a name is never found, and a URL reads it as an IPv4 address): give an IP address in full or a name such as my-host.internal; got ${JSON.stringify(host)}\n`);
  });

  // Numbers and dots are IPv4 to the resolver, shorthand included (127.1 is 127.0.0.1, 1.2.3 is
  // 1.2.0.3, 0x7f.1 hexadecimal): only a full dotted quad is taken, the rest is a usage error, and
  // so is a number alone but 0 (2130706433 is 127.0.0.1). Hexadecimal in capitals too (0X7F.1, 0XAB:
  // the resolver reads them as it reads 0x7f.1).
  it.each([["127.1"], ["1.2.3"], ["0.1"], ["300.1"], ["1.2.3.4.5"], ["256.0.0.1"], ["01.02.03.04"], ["0x7f.1"], ["0X7F.1"], ["0XAB"], ["127.0.0.1."], ["0."], ["1"], ["4294967295"], ["2130706433"], ["0x7f000001"], ["00"]])("mock --host %j (numbers and dots, no full dotted quad): exit 2 naming the rule, nothing started", async (host) => {
    const { code, stdout, stderr } = await run(["mock", "--port", "0", "--quiet", "--host", host]);
    expect({ code, stdout }).toEqual({ code: EXIT.usage, stdout: "" });
    expect(stderr).toBe(`puffle error: option '--host <host>' argument ${JSON.stringify(host)} is invalid. --host must be an IPv4 address in full (four decimal numbers from 0 to 255, such as 127.0.0.1) when it is numbers and dots: shorthand such as 127.1, 10.1.2 or 2130706433 is no host name, and the resolver reads it as another address; got ${JSON.stringify(host)}\n`);
  });

  it("mock --help names the default port and host", async () => {
    const { code, stdout } = await run(["mock", "--help"]);
    expect(code).toBe(EXIT.ok);
    expect(stdout.replace(/\s+/g, " ")).toContain('(default: 4010)');
    expect(stdout.replace(/\s+/g, " ")).toContain('(default: "127.0.0.1")');
  });

  it("mock on a port already in use: exit 1, one line saying so", async () => {
    const { createServer } = await import("node:net");
    const holder = createServer();
    await new Promise<void>((resolve) => holder.listen(0, "127.0.0.1", resolve));
    try {
      const port = (holder.address() as { port: number }).port;
      const { code, stderr } = await run(["mock", "--port", String(port), "--host", "127.0.0.1", "--quiet"]);
      expect({ code, stderr }).toEqual({ code: EXIT.internal, stderr: `puffle error: cannot listen on 127.0.0.1:${port}: the address is already in use\n` });
    } finally {
      await new Promise((resolve) => holder.close(resolve));
    }
  });
});

// `@-` reads a JSON option's value from stdin, as curl's `-d @-` does: once per command, within the
// same bound and UTF-8 check as an @file; a terminal is not waited on. Stdin is injected here; the
// real process's stdin is read in test/cli/binary.test.ts.
describe("@- reads stdin", () => {
  const stdinOf = (text: string | Buffer, isTTY = false) => {
    const bytes = Buffer.from(text);
    const read = vi.fn((limit: number) => bytes.subarray(0, limit));
    return { isTTY, read };
  };
  // A second JSON field beside draft_attachments, for the "once per command" rule.
  const twoJson: MetaOperations = {
    updateThread: { ...meta.updateThread, requestFields: { ...meta.updateThread.requestFields, draft_labels: { type: ["array", "null"], description: "Labels." } } },
  };

  it.each([
    ["JSON on stdin is the value", { given: '[{"name":"a.pdf"}]', want: { code: EXIT.ok, body: { draft_attachments: [{ name: "a.pdf" }] } } }],
    ["a byte order mark before it is skipped", { given: '\uFEFF[{"name":"b.pdf"}]', want: { code: EXIT.ok, body: { draft_attachments: [{ name: "b.pdf" }] } } }],
    ["JSON of the wrong type", { given: '{"x":1}', want: { code: EXIT.usage, stderr: "draft_attachments must be array or null, got object" } }],
    ["null on stdin sends null", { given: "null\n", want: { code: EXIT.ok, body: { draft_attachments: null } } }],
    ["empty stdin is said to be empty", { given: "", want: { code: EXIT.usage, stderr: "draft_attachments: stdin is empty; it must hold JSON (array)" } }],
    ["stdin of whitespace alone is said to be", { given: "\uFEFF \n", want: { code: EXIT.usage, stderr: "draft_attachments: stdin holds only whitespace; it must hold JSON (array)" } }],
    ["bytes that are not UTF-8", { given: Buffer.from('[{"name":"caf\u00e9"}]', "latin1"), want: { code: EXIT.usage, stderr: "draft_attachments: stdin is not UTF-8 text (save it as UTF-8)" } }],
    ["more than the body limit", { given: `[${" ".repeat(1_048_576)}]`, want: { code: EXIT.usage, stderr: "draft_attachments: stdin holds more than 1048576 bytes, the most a request body may have" } }],
  ] as const)("%s", async (_name, { given, want }) => {
    const stdin = stdinOf(given);
    const { code, stdout, stderr, send } = await run(["thread", "update", "--id", THREAD_ID, "--draft-attachments", "@-", "--dry-run"], { stdin });
    expect(stdin.read).toHaveBeenCalledWith(1_048_577);
    expect(code).toBe(want.code);
    if ("body" in want) {
      expect(stderr).toBe("");
      expect(JSON.parse(stdout).body).toEqual(want.body);
    } else {
      expect(stderr).toMatch(/^puffle error: [^\n]+\n$/);
      expect(stderr).toContain(want.stderr);
      expect(stdout).toBe("");
    }
    expect(send).not.toHaveBeenCalled();
  });

  it("a terminal is not waited on: exit 2 saying to pipe the JSON in, stdin not read", async () => {
    const stdin = stdinOf("[]", true);
    const { code, stderr, send } = await run(["thread", "update", "--id", THREAD_ID, "--draft-attachments", "@-"], { stdin });
    expect(code).toBe(EXIT.usage);
    expect(stderr).toBe("puffle error: option '--draft-attachments <json|@file>' argument \"@-\" is invalid. draft_attachments: @- reads stdin, which is a terminal: pipe the JSON in (… --draft-attachments @- < file.json)\n");
    expect(stdin.read).not.toHaveBeenCalled();
    expect(send).not.toHaveBeenCalled();
  });

  it("stdin that cannot be read is named with the system's code", async () => {
    const stdin = {
      isTTY: false,
      read: () => {
        throw Object.assign(new Error("EBADF: bad file descriptor"), { code: "EBADF" });
      },
    };
    const { code, stderr } = await run(["thread", "update", "--id", THREAD_ID, "--draft-attachments", "@-"], { stdin });
    expect(code).toBe(EXIT.usage);
    expect(stderr).toBe("puffle error: option '--draft-attachments <json|@file>' argument \"@-\" is invalid. draft_attachments: cannot read stdin (EBADF)\n");
  });

  it("stdin is read once: a second @- in the same command is refused, naming the option that read it", async () => {
    const stdin = stdinOf("[]");
    const { code, stderr, send } = await run(["thread", "update", "--id", THREAD_ID, "--draft-attachments", "@-", "--draft-labels", "@-"], { meta: twoJson, stdin });
    expect(code).toBe(EXIT.usage);
    expect(stderr).toBe("puffle error: option '--draft-labels <json|@file>' argument \"@-\" is invalid. draft_labels: stdin can be read once, and --draft-attachments @- has read it (give this one a file or JSON text)\n");
    expect(stdin.read).toHaveBeenCalledTimes(1);
    expect(send).not.toHaveBeenCalled();
    // One @- and one JSON text are fine.
    const ok = await run(["thread", "update", "--id", THREAD_ID, "--draft-attachments", "@-", "--draft-labels", '["x"]', "--dry-run"], { meta: twoJson, stdin: stdinOf("[]"), validateBody: (_op, body) => ({ valid: true as const, value: body }) });
    expect(ok.stderr).toBe("");
    expect(JSON.parse(ok.stdout).body).toEqual({ draft_attachments: [], draft_labels: ["x"] });
  });

  it("a lone @ says what @- does; a file named - is @./-", async () => {
    const { stderr } = await run(["thread", "update", "--id", THREAD_ID, "--draft-attachments", "@"], { stdin: stdinOf("[]") });
    expect(stderr).toBe("puffle error: option '--draft-attachments <json|@file>' argument \"@\" is invalid. draft_attachments must be JSON (array) or @file: \"@\" needs a file name (@- reads stdin)\n");
    const dir = mkdtempSync(path.join(tmpdir(), "puffle-cli-dash-"));
    try {
      writeFileSync(path.join(dir, "-"), "[]");
      const option = deriveFieldOptions(meta.updateThread, stdinOf("[1]")).find((o) => o.field === "draft_attachments");
      expect(option?.parse(`@${path.join(dir, "-")}`)).toEqual([]);
      expect(option?.parse("@-")).toEqual([1]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("the help of a command with a JSON option says so, naming that option; one without says nothing of it", async () => {
    const thread = await run(["thread", "update", "--help"]);
    expect(thread.stdout).toContain("@- to read it from stdin, once per command:\n  ... --draft-attachments @- < file.json\n");
    const conversation = await run(["conversation", "update", "--help"]);
    expect(conversation.stdout).not.toContain("@-");
  });
});

describe("--id's example is the operation's own, from the spec", () => {
  const CONVERSATION_ID = "f11e8a2c-1234-4567-89ab-cdef01234567";
  it.each([
    ["thread", THREAD_ID],
    ["conversation", CONVERSATION_ID],
  ])("%s update: --help and a bad --id give the %s page's example id", async (noun, example) => {
    const help = await run([noun, "update", "--help"]);
    expect(help.stdout.replace(/\s+/g, " ")).toContain(`--id <uuid> the ${noun}'s id (a UUID such as ${example})`);
    const bad = await run([noun, "update", "--id", "42", "--status", "archived"]);
    expect(bad.code).toBe(EXIT.usage);
    expect(bad.stderr).toContain(`--id must be a UUID such as ${example}, got "42"`);
  });

  it("a UUID the id pattern refuses (version 0, the upper-case max UUID): --id's error says the rule in the validators' words", async () => {
    for (const id of ["00000000-0000-0000-0000-00000000000a", "FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF"]) {
      const bad = await run(["thread", "update", "--id", id, "--status", "archived"]);
      const checked = validatePathParams("updateThread", { id });
      expect(bad.code).toBe(EXIT.usage);
      expect(bad.stderr).toBe(`puffle error: --id ${!checked.valid ? checked.errors[0]?.message : ""}, such as ${THREAD_ID}, got "${id}"\n`);
      expect(bad.stderr).toContain("(the version) 1 to 8");
      expect(bad.stderr).toContain("the max UUID in lower case (all f)");
    }
    const noExample: MetaOperations = { ...meta, updateThread: { ...meta.updateThread, pathParameters: { id: {} } } };
    const bare = await run(["thread", "update", "--id", "FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF", "--status", "archived"], { meta: noExample });
    expect(bare.stderr).toMatch(/--id must be a UUID as 8-4-4-4-12 hex digits, .*\(all f\), got "FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF"\n$/);
  });

  it("an operation whose spec gives no example id: \"a UUID\", no example borrowed", async () => {
    const { pathParameters: _dropped, ...rest } = meta.updateThread;
    const noExample: MetaOperations = { ...meta, updateThread: { ...rest, pathParameters: { id: {} } } };
    const help = await run(["thread", "update", "--help"], { meta: noExample });
    expect(help.stdout.replace(/\s+/g, " ")).toContain("--id <uuid> the thread's id (a UUID)");
    expect(help.stdout).not.toContain(CONVERSATION_ID);
    const bad = await run(["thread", "update", "--id", "42", "--status", "archived"], { meta: noExample });
    expect(bad.stderr).toContain('--id must be a UUID, got "42"');
  });
});

describe("scripting: a value missing before another option, and a stray argument", () => {
  it("an option whose value is one of the command's own options is refused, nothing sent (`--draft-subject $EMPTY --dry-run`)", async () => {
    for (const [flag, next] of [["--draft-subject", "--dry-run"], ["--participant-name", "--status"], ["--draft-body-text", "-h"], ["--id", "--dry-run"]] as const) {
      const argv = flag === "--id" ? ["thread", "update", flag, next, "--status", "active"] : ["thread", "update", "--id", THREAD_ID, flag, next, "--status", "active"];
      const { code, stdout, stderr, send } = await run(argv);
      expect(code, argv.join(" ")).toBe(EXIT.usage);
      expect(send).not.toHaveBeenCalled();
      expect(stdout).toBe("");
      // --id=--dry-run is no UUID: the line names the value --id takes instead.
      const fix = flag === "--id" ? "--id takes <uuid>" : `a value that is one: ${flag}=${next}`;
      expect(stderr).toBe(`puffle error: ${flag} has no value: the next argument, "${next}", is an option of this command (${fix})\n`);
    }
  });

  // commander applies the program's -V/--version anywhere: `--draft-subject "$S"` with S=-V printed
  // the version and exited 0, nothing sent; and a value option before --id made commander say --id was missing.
  it("a value that is the program's -V/--version, or a missing value before --id, is refused as a missing value too", async () => {
    for (const argv of [
      ["thread", "update", "--id", THREAD_ID, "--draft-subject", "-V"],
      ["thread", "update", "--id", THREAD_ID, "--participant-name", "--version", "--dry-run"],
      ["thread", "update", "--draft-subject", "--id", THREAD_ID],
    ]) {
      const { code, stdout, stderr, send } = await run(argv);
      const [flag, next] = argv.slice(argv.findIndex((a) => a === "--draft-subject" || a === "--participant-name"));
      expect(code, argv.join(" ")).toBe(EXIT.usage);
      expect(send).not.toHaveBeenCalled();
      expect(stdout).toBe("");
      expect(stderr).toBe(`puffle error: ${flag} has no value: the next argument, "${next}", is an option of this command (a value that is one: ${flag}=${next})\n`);
    }
    const given = await run(["thread", "update", "--id", THREAD_ID, "--draft-subject=-V"]);
    expect(given.code).toBe(EXIT.ok);
    expect(given.send.mock.calls[0]?.[0].body).toEqual({ draft_subject: "-V" });
    expect(await run(["thread", "update", "--id", THREAD_ID, "--status", "active", "-V"])).toMatchObject({ code: EXIT.ok, stdout: `${apiVersion}\n` });
  });

  it("such a value given with = is sent; a value that merely starts with a dash is too", async () => {
    const { code, send } = await run(["thread", "update", "--id", THREAD_ID, "--draft-subject=--dry-run", "--participant-name", "-Bob", "--draft-body-text", "--not-an-option"]);
    expect(code).toBe(EXIT.ok);
    expect(send.mock.calls[0]?.[0].body).toEqual({ draft_subject: "--dry-run", participant_name: "-Bob", draft_body_text: "--not-an-option" });
  });

  it("a stray argument (an unquoted value with a space) is named, with the fix", async () => {
    const { code, stderr, send } = await run(["thread", "update", "--id", THREAD_ID, "--draft-subject", "Hello", "world\u001b[31m", "again"]);
    expect(code).toBe(EXIT.usage);
    expect(send).not.toHaveBeenCalled();
    expect(stderr).toBe('puffle error: unexpected argument "world\\u001b[31m" (and 1 more): update takes options only (quote a value holding spaces as one argument)\n');
  });
});

describe("help of a verb through `puffle help`", () => {
  // commander's help command reads one name: `puffle help thread update` showed thread's list of verbs.
  it("`help <noun> <verb>` prints the verb's help, as `<noun> <verb> --help` does, exit 0", async () => {
    for (const noun of ["thread", "conversation"]) {
      const direct = await run([noun, "update", "--help"]);
      const viaHelp = await run(["help", noun, "update"]);
      expect(viaHelp).toMatchObject({ code: EXIT.ok, stderr: "" });
      expect(viaHelp.stdout).toBe(direct.stdout);
      expect(viaHelp.stdout).toMatch(new RegExp(`^Usage: puffle ${noun} update \\[options\\]\\n`));
    }
    expect((await run(["help", "thread"])).stdout).toBe((await run(["thread", "--help"])).stdout);
    expect((await run(["help", "mock"])).stdout).toBe((await run(["mock", "--help"])).stdout);
    // An unknown verb is the noun's help on stderr, exit 2, as `help <unknown>` is the program's.
    const unknown = await run(["help", "thread", "bogus"]);
    expect(unknown).toMatchObject({ code: EXIT.usage, stdout: "" });
    expect(unknown.stderr).toMatch(/^Usage: puffle thread \[options\] \[command\]\n/);
  });
});

describe("a missing value of an option with fixed choices", () => {
  // `--status --dry-run` suggested `--status=--dry-run`, which the choices then refused.
  it("lists the choices instead of suggesting the option's name given with =", async () => {
    for (const [noun, flag, choices] of [["thread", "--status", "active, archived"], ["conversation", "--status", "active, archived"]] as const) {
      const { code, stdout, stderr, send } = await run([noun, "update", "--id", THREAD_ID, flag, "--dry-run"]);
      expect(code).toBe(EXIT.usage);
      expect(send).not.toHaveBeenCalled();
      expect(stdout).toBe("");
      expect(stderr).toBe(`puffle error: ${flag} has no value: the next argument, "--dry-run", is an option of this command (${flag} takes one of ${choices})\n`);
    }
    // A field added with choices (a boolean's true|false) says its own.
    const withFlag: MetaOperations = { updateThread: { ...meta.updateThread, requestFields: { ...meta.updateThread.requestFields, starred: { type: "boolean", description: "Starred." } } } };
    const starred = await run(["thread", "update", "--id", THREAD_ID, "--starred", "-V"], { meta: withFlag });
    expect(starred.stderr).toBe('puffle error: --starred has no value: the next argument, "-V", is an option of this command (--starred takes one of true, false)\n');
    // A text option keeps the = form, which sends that text.
    expect((await run(["thread", "update", "--id", THREAD_ID, "--draft-subject", "--status"])).stderr).toContain("(a value that is one: --draft-subject=--status)");
  });

  // The same `=` form was offered to an option whose own check refuses it (`--unread-count=--dry-run`
  // is not an integer, `--port=--quiet` not a port): the line names the value the option takes instead.
  it("an option whose parser refuses the text names the value it takes instead of the = form", async () => {
    for (const [argv, flag, next, takes] of [
      [["thread", "update", "--id", THREAD_ID, "--unread-count", "--dry-run"], "--unread-count", "--dry-run", "<n>"],
      [["thread", "update", "--id", THREAD_ID, "--timeout", "-V"], "--timeout", "-V", "<ms>"],
      [["conversation", "update", "--id", THREAD_ID, "--status", "active", "--retries", "--dry-run"], "--retries", "--dry-run", "<n>"],
      [["thread", "update", "--id", THREAD_ID, "--draft-attachments", "--dry-run"], "--draft-attachments", "--dry-run", "<json|@file>"],
      [["mock", "--port", "--quiet"], "--port", "--quiet", "<n>"],
      [["mock", "--host", "-h"], "--host", "-h", "<host>"],
      // No parser of their own, but checked before sending: `--id=--dry-run` is no UUID, nor is
      // `--base-url=--dry-run` a URL (the = form was offered to these).
      [["thread", "update", "--id", "--dry-run", "--status", "active"], "--id", "--dry-run", "<uuid>"],
      [["thread", "update", "--id", THREAD_ID, "--account-id", "--dry-run"], "--account-id", "--dry-run", "<uuid>"],
      [["thread", "update", "--id", THREAD_ID, "--participant-email", "-V"], "--participant-email", "-V", "<email>"],
      [["conversation", "update", "--id", THREAD_ID, "--status", "active", "--base-url", "--dry-run"], "--base-url", "--dry-run", "<url>"],
    ] as const) {
      const { code, stdout, stderr, send } = await run([...argv]);
      expect(code, argv.join(" ")).toBe(EXIT.usage);
      expect(send).not.toHaveBeenCalled();
      expect(stdout).toBe("");
      expect(stderr).toBe(`puffle error: ${flag} has no value: the next argument, "${next}", is an option of this command (${flag} takes ${takes})\n`);
      // The = form, which the line does not offer, is indeed refused (exit 2, nothing sent).
      if (argv[0] !== "mock") {
        const at = (argv as readonly string[]).indexOf(flag);
        const joined = await run([...argv.slice(0, at), `${flag}=${next}`, ...argv.slice(at + 2)]);
        expect(joined.code, `${flag}=${next}`).toBe(EXIT.usage);
        expect(joined.send).not.toHaveBeenCalled();
      }
    }
  });
});

describe("puffle mock: a missing value and a stray argument, as the update commands say them", () => {
  // `mock --data -V` printed the version and exited 0 (commander applies -V anywhere), the server not
  // started; `mock --data --quiet` looked for a seed file named "--quiet".
  it("a value option followed by one of mock's options, or -V/--version, is refused as a missing value", async () => {
    for (const [flag, next] of [["--data", "-V"], ["--data", "--version"], ["--data", "--quiet"], ["--data", "-h"], ["--port", "--allow-reset"], ["--host", "--print-seed"]] as const) {
      const { code, stdout, stderr } = await run(["mock", flag, next]);
      expect(code, `${flag} ${next}`).toBe(EXIT.usage);
      expect(stdout).toBe("");
      expect(stderr).toMatch(new RegExp(`^puffle error: ${flag} has no value: the next argument, "${next}", is an option of this command \\([^\\n]*\\)\\n$`));
    }
    expect((await run(["mock", "--data", "-V"])).stderr).toBe('puffle error: --data has no value: the next argument, "-V", is an option of this command (a value that is one: --data=-V)\n');
    // Given with =, it is the file's name, read as such; -V alone is still the version.
    expect((await run(["mock", "--data=-V"])).stderr).toBe('puffle error: --data: "-V" is not a valid seed: (file): cannot be read (ENOENT)\n');
    expect(await run(["mock", "-V"])).toMatchObject({ code: EXIT.ok, stdout: `${apiVersion}\n` });
    // `-` alone read a file named `-` (ENOENT, or the file), where a user meant stdin.
    expect(await run(["mock", "--data", "-"])).toMatchObject({ code: EXIT.usage, stdout: "", stderr: 'puffle error: --data takes a seed file\'s path and does not read stdin: "-" is refused (a file named - is ./-)\n' });
  });

  // `mock extra` was commander's "too many arguments for 'mock'. Expected 0 arguments but got 1.".
  it("a stray argument is named, as the update commands name one, before anything starts", async () => {
    const { code, stdout, stderr } = await run(["mock", "--print-seed", "my", "seed.json"]);
    expect(code).toBe(EXIT.usage);
    expect(stdout).toBe("");
    expect(stderr).toBe('puffle error: unexpected argument "my" (and 1 more): mock takes options only (quote a value holding spaces as one argument)\n');
    expect((await run(["mock", "extra\u001b[2J"])).stderr).toBe('puffle error: unexpected argument "extra\\u001b[2J": mock takes options only (quote a value holding spaces as one argument)\n');
  });
});
