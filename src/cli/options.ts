// The CLI's options, derived from the spec: one option per request field of an operation, read from
// `generated/meta.js` `operations[op].requestFields` (each a resolved JSON schema). Nothing here is
// written per field: a field added to the spec shows up as an option, with its help text, on the
// next `npm run generate`. Pure functions of the meta, so tests can feed them a modified copy.
//
//   field type                      option                          value
//   string (enum)                   --kebab-name <value>            one of the enum (commander choices)
//   string                          --kebab-name <text|uuid|email>  as given (format checked later)
//   integer / number                --kebab-name <n>                strict decimal, within minimum/maximum
//   boolean                         --kebab-name <true|false>
//   array / object                  --kebab-name <json|@file>       JSON text, @path to a JSON file, or @- (stdin)
//   any type that allows null       --clear-kebab-name              sends null; conflicts with the option above
//   listed in requiredFields        help starts "(required)"        a call without it (or its --clear-…) is refused
import { isatty } from "node:tty";
import { quoted, shown } from "../errors.js";
import { nonFiniteAt, nonFiniteRule } from "../json-finite.js";
import { jsonSyntaxProblem } from "../json-syntax.js";
import { blankness, readAtMost, utf8Text } from "../utf8.js";

/** The slice of a request field's resolved JSON schema the CLI reads. */
export interface FieldSchema {
  readonly description?: string;
  readonly type?: string | readonly string[];
  readonly enum?: readonly unknown[];
  readonly format?: string;
  readonly minimum?: number;
  readonly maximum?: number;
}

/** The slice of one operation's meta the CLI reads. */
export interface OperationMeta {
  readonly method: string;
  readonly path: string;
  readonly summary?: string;
  /** Path parameters by name, each with the spec's example value when it gives one (shown in `--id`'s help). */
  readonly pathParameters?: Readonly<Record<string, { readonly example?: unknown }>>;
  readonly requestFields: Readonly<Record<string, FieldSchema>>;
  /** The request fields the body schema makes required (absent when none is). */
  readonly requiredFields?: readonly string[];
  /**
   * `x-puffle-behaviour`; `maxBodyBytes` bounds what an `@file` may hold, and with `maxBodyDepth`
   * the assembled body (the API's 413 and 400 otherwise).
   */
  readonly behaviour?: { readonly maxBodyBytes?: number; readonly maxBodyDepth?: number };
}

/** Where `@-` reads from: the process's stdin, or a test's. */
export interface StdinSource {
  /** True when stdin is a terminal: `@-` then says to pipe the JSON in rather than wait for typing. */
  readonly isTTY: boolean;
  /** The first `limit` bytes of stdin (fewer when it ends before). */
  read(limit: number): Buffer;
}

/**
 * The process's stdin, descriptor 0, read synchronously (not `/dev/stdin`, which cannot be opened
 * when stdin is a socket, as a Node parent's "pipe" is).
 */
export const processStdin: StdinSource = {
  get isTTY() {
    return isatty(0);
  },
  read: (limit) => readAtMost(0, limit),
};

/** The bound on an `@file` when the operation's meta names no `maxBodyBytes`: the API's 1 MiB. */
export const DEFAULT_MAX_FILE_BYTES = 1_048_576;

export type MetaOperations = Readonly<Record<string, OperationMeta>>;

export type ValueKind = "string" | "integer" | "number" | "boolean" | "json";

/** One CLI option derived from one request field. */
export interface FieldOption {
  /** The wire name, `draft_subject`. */
  readonly field: string;
  /** `--draft-subject <text>` */
  readonly flags: string;
  /** `--draft-subject` */
  readonly long: string;
  readonly description: string;
  readonly kind: ValueKind;
  /** For enums: the accepted values. */
  readonly choices: readonly string[] | undefined;
  /** Turns the command-line text into the JSON value to send; throws `OptionValueError` naming the rule. */
  readonly parse: (text: string) => unknown;
  /** The body schema makes the field required (`requiredFields`): a call must give it, or its `--clear-…`. */
  readonly required: boolean;
  /** For nullable fields: `--clear-draft-subject`, which sends `null`. */
  readonly clear: { readonly flags: string; readonly long: string; readonly description: string } | undefined;
}

/** A value that breaks its field's rule; the message names the field and the rule. */
export class OptionValueError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "OptionValueError";
  }
}

/** `draft_body_text` → `draft-body-text`; `unreadCount` → `unread-count`. */
export function kebabCase(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1-$2")
    .replace(/[_\s]+/g, "-")
    .toLowerCase();
}

function typesOf(schema: FieldSchema): string[] {
  if (schema.type === undefined) return [];
  return typeof schema.type === "string" ? [schema.type] : [...schema.type];
}

/** Help text from a spec description: one line, no Markdown backticks. */
function plain(text: string | undefined): string {
  return (text ?? "").replace(/`/g, "").replace(/\s+/g, " ").trim();
}

/**
 * The spec tells API callers "…, or null to clear it"; on the command line a text option's `null`
 * is the text "null", and a field is cleared with its `--clear-…` flag (a JSON option also reads
 * the value `null`). The help says so; the spec's description is unchanged.
 */
function cliClearWording(text: string, clearLong: string, json: boolean): string {
  return text.replace(/,?\s+or null to clear (it|them)\b/gi, (_match, pronoun: string) => ` (${clearLong}${json ? " or the value null" : ""} clears ${pronoun})`);
}

/**
 * The spec tells API callers that other values of an enum field are dropped ("…; other values are
 * silently dropped.", "Other values are ignored."): the API's leniency. The CLI rejects them (its
 * choices), so the help says that, and what the API would do.
 */
function cliEnumWording(text: string): string {
  return text.replace(/\b(o|O)ther values are (silently )?(dropped|ignored)\./g, (_match, o: string, silently: string | undefined, verb: string) =>
    `${o}ther values are rejected (the API ${silently ?? ""}${verb === "dropped" ? "drops" : "ignores"} them).`);
}

function describeValue(value: unknown): string {
  return typeof value === "string" ? JSON.stringify(value) : String(value);
}

function rangeText(schema: FieldSchema): string {
  const { minimum: min, maximum: max } = schema;
  if (min !== undefined && max !== undefined) return ` from ${min} to ${max}`;
  if (min !== undefined) return ` >= ${min}`;
  if (max !== undefined) return ` <= ${max}`;
  return "";
}

function numberParser(field: string, schema: FieldSchema, integer: boolean): (text: string) => number {
  const rule = `${field} must be ${integer ? "an integer" : "a number"}${rangeText(schema)}`;
  const syntax = integer ? /^(0|-?[1-9][0-9]*)$/ : /^-?(0|[1-9][0-9]*)(\.[0-9]+)?$/;
  return (text) => {
    if (!syntax.test(text)) throw new OptionValueError(`${rule}, got ${quoted(text)}`);
    const value = Number(text);
    if (integer && !Number.isSafeInteger(value)) throw new OptionValueError(`${rule}, got ${quoted(text)}`);
    if ((schema.minimum !== undefined && value < schema.minimum) || (schema.maximum !== undefined && value > schema.maximum)) {
      // Digits alone (the syntax above), but maybe a megabyte of them: cut as any value is.
      throw new OptionValueError(`${rule}, got ${shown(text)}`);
    }
    return value;
  };
}

/** The rule an argument holding U+FFFD breaks, after the field's name. */
export const NOT_UTF8_ARGUMENT = "holds U+FFFD, the replacement character, which is what a byte that is not UTF-8 is read as: give the argument in UTF-8 (from Latin-1: iconv -f latin1 -t utf-8)";

/** Which option has read stdin (`@-`) in one derivation of the options: stdin can be read once. */
interface StdinUse {
  by: string | undefined;
}

function jsonParser(field: string, long: string, types: readonly string[], maxBytes: number, stdin: StdinSource, stdinUse: StdinUse): (text: string) => unknown {
  const wanted = types.filter((t) => t === "array" || t === "object");
  const rule = `${field} must be JSON (${wanted.join(" or ")}) or @file`;
  return (text) => {
    let json = text;
    if (text.startsWith("@")) {
      const file = text.slice(1);
      if (file === "") throw new OptionValueError(`${rule}: "@" needs a file name (@- reads stdin)`);
      const fromStdin = file === "-";
      // "@-" is stdin, as in curl; a file named "-" is "@./-".
      const source = fromStdin ? "stdin" : quoted(file);
      if (fromStdin) {
        if (stdinUse.by !== undefined) throw new OptionValueError(`${field}: stdin can be read once, and ${stdinUse.by} @- has read it (give this one a file or JSON text)`);
        if (stdin.isTTY) throw new OptionValueError(`${field}: @- reads stdin, which is a terminal: pipe the JSON in (… ${long} @- < file.json)`);
        stdinUse.by = long;
      }
      let bytes: Buffer | undefined;
      try {
        bytes = fromStdin ? stdin.read(maxBytes + 1) : readAtMost(file, maxBytes + 1);
      } catch (error) {
        const code = (error as { code?: unknown }).code;
        throw new OptionValueError(`${field}: cannot read ${source}${typeof code === "string" ? ` (${code})` : ""}`);
      }
      // Read no further than the API would accept: a huge file, or a device that never ends
      // (@/dev/zero), is an error, not all of memory or a hang.
      if (bytes.length > maxBytes) throw new OptionValueError(`${field}: ${source} holds more than ${maxBytes} bytes, the most a request body may have`);
      // Decoded strictly (a byte order mark skipped): bytes that are not UTF-8 would be sent as U+FFFD.
      const decoded = utf8Text(bytes);
      if (decoded === undefined) throw new OptionValueError(`${field}: ${source} is not UTF-8 text (save it as UTF-8)`);
      const blank = blankness(decoded);
      if (blank !== undefined) throw new OptionValueError(`${field}: ${source} ${blank}; it must hold JSON (${wanted.join(" or ")})`);
      json = decoded;
    }
    let value: unknown;
    try {
      value = JSON.parse(json);
    } catch (error) {
      // V8 quotes a piece of the text in its message (`Unexpected token 'A', "API_KEY=secret" is not
      // valid JSON`): fine for JSON typed on the command line, which the line quotes anyway, but a
      // file's or stdin's text (a .env given by mistake) is not put on stderr and into a CI log.
      if (json !== text) throw new OptionValueError(`${field}: ${text === "@-" ? "stdin" : quoted(text.slice(1))} is not valid JSON: ${jsonSyntaxProblem(json)} (its text is not quoted); it must hold JSON (${wanted.join(" or ")})`);
      throw new OptionValueError(`${rule}: not valid JSON (${shown(error instanceof Error ? error.message : String(error))})`);
    }
    const actual = value === null ? "null" : Array.isArray(value) ? "array" : typeof value;
    if (!types.includes(actual)) throw new OptionValueError(`${field} must be ${types.join(" or ")}, got ${actual}`);
    // JSON.parse reads a number past ±1.7976931348623157e308 (1e400) as Infinity, which the body
    // would carry as null: refused, so that what was typed is what is sent.
    const infinite = nonFiniteAt(value);
    if (infinite !== undefined) throw new OptionValueError(`${field} at ${infinite.at} ${nonFiniteRule(infinite.number)}`);
    return value;
  };
}

/**
 * The options of one operation, one per request field (sorted as the meta lists them). A JSON
 * option's `@-` reads `stdin`, once among the options of one call of this function.
 */
export function deriveFieldOptions(operation: OperationMeta, stdin: StdinSource = processStdin): FieldOption[] {
  const out: FieldOption[] = [];
  const stdinUse: StdinUse = { by: undefined };
  for (const [field, schema] of Object.entries(operation.requestFields)) {
    const types = typesOf(schema);
    const nullable = types.includes("null");
    const valueTypes = types.filter((t) => t !== "null");
    const long = `--${kebabCase(field)}`;
    const enumValues = schema.enum?.filter((v): v is string => typeof v === "string");
    let kind: ValueKind;
    let placeholder: string;
    let parse: (text: string) => unknown;
    let choices: string[] | undefined;
    let extra = "";
    if (valueTypes.includes("array") || valueTypes.includes("object")) {
      kind = "json";
      placeholder = "json|@file";
      parse = jsonParser(field, long, types, operation.behaviour?.maxBodyBytes ?? DEFAULT_MAX_FILE_BYTES, stdin, stdinUse);
    } else if (valueTypes.length === 1 && valueTypes[0] === "integer") {
      kind = "integer";
      placeholder = "n";
      parse = numberParser(field, schema, true);
      extra = ` (integer${rangeText(schema)})`;
    } else if (valueTypes.length === 1 && valueTypes[0] === "number") {
      kind = "number";
      placeholder = "n";
      parse = numberParser(field, schema, false);
      extra = ` (number${rangeText(schema)})`;
    } else if (valueTypes.length === 1 && valueTypes[0] === "boolean") {
      kind = "boolean";
      placeholder = "true|false";
      choices = ["true", "false"];
      parse = (text) => text === "true";
    } else {
      kind = "string";
      placeholder = enumValues && enumValues.length > 0 ? "value" : schema.format === "uuid" ? "uuid" : schema.format === "email" ? "email" : "text";
      if (enumValues && enumValues.length > 0) choices = enumValues;
      parse = (text) => text;
      if (schema.format) extra = ` (format: ${schema.format})`;
    }
    if (choices && kind === "string") {
      // Commander checks choices before the parser runs; this is a second line of defence.
      const allowed = choices;
      parse = (text) => {
        if (!allowed.includes(text)) throw new OptionValueError(`${field} must be one of ${allowed.map(describeValue).join(", ")}, got ${quoted(text)}`);
        return text;
      };
    }
    const parseText = parse;
    // Node reads each argument as UTF-8 whatever the locale: a byte that is not (a Latin-1 script,
    // terminal or CSV file; `LANG=C` changes nothing) arrives as U+FFFD and would be sent so, the
    // value silently changed. What an @file holds is decoded strictly instead (jsonParser).
    parse = (text) => {
      if (text.includes("\uFFFD")) throw new OptionValueError(`${field} ${NOT_UTF8_ARGUMENT}`);
      return parseText(text);
    };
    const clearLong = `--clear-${kebabCase(field)}`;
    const text = plain(schema.description);
    const worded = choices ? cliEnumWording(text) : text;
    const required = operation.requiredFields?.includes(field) === true;
    // Commander's help does not mark a mandatory option, and this one is checked by the command
    // (its --clear-… also gives it): the help text says so first.
    const description = `${required ? "(required) " : ""}${(nullable ? cliClearWording(worded, clearLong, kind === "json") : worded) || field}${extra}`;
    out.push({
      field,
      flags: `${long} <${placeholder}>`,
      long,
      description,
      kind,
      choices,
      parse,
      required,
      clear: nullable
        ? { flags: clearLong, long: clearLong, description: `Send ${field}: null (clear it). Cannot be combined with ${long}.` }
        : undefined,
    });
  }
  return out;
}

/** `updateThread` → `{ noun: "thread", verb: "update" }`: the command an operation gets. */
export function commandOf(operationId: string): { noun: string; verb: string } {
  const match = /^([a-z]+)([A-Z][A-Za-z0-9]*)$/.exec(operationId);
  if (!match || match[1] === undefined || match[2] === undefined) return { noun: kebabCase(operationId), verb: "call" };
  return { noun: kebabCase(match[2]), verb: match[1] };
}
