// The `puffle` command line: `puffle <noun> <verb>` per operation of the spec (`conversation update`,
// `thread update`), with the options derived from the spec's request fields (./options.ts), and
// `puffle mock` for the reference server. `runCli` returns the exit code; it never throws and never
// prints a stack trace.
import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import { apiVersion, operations as generatedMeta } from "../../generated/meta.js";
import type { UpdateConversationRequest, UpdateThreadRequest } from "../../generated/schema.js";
import { checkBaseUrl, createPuffleClient, DEFAULT_BASE_URL, DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT_MS, MAX_RETRIES_LIMIT, PuffleConfigError } from "../client.js";
import {
  fieldOfPointer,
  issueLabel,
  isError,
  issuesText,
  PuffleAbortError,
  PuffleApiError,
  PuffleNetworkError,
  PuffleTimeoutError,
  PuffleValidationError,
  pathIdMessage,
  quoted,
  shown,
  transportCode,
} from "../errors.js";
import { validatePathParams, validateRequestBody } from "../validators.js";
import type { ValidationIssue, ValidationResult } from "../validators.js";
import { corsBannerLine, dataFileProblem, flagValueProblem, hostProblem, logHeldUntilBanner, parseCorsArgument, resetBannerLine, seedProblem, serveDespiteOutputErrors, startProblem, stopOnSignals, unlessOutputLost, wildcardNote } from "../server/launch.js";
import { bodyDepthBreach, bodySizeBreach } from "../client-validators.js";
import { pointerTokens } from "../json-pointer.js";
import { shownBaseUrl } from "../url-credentials.js";
import type { CorsOrigins } from "../server/launch.js";
import { escapeUnsafeInJson, oneLine } from "../unsafe-text.js";
import { commandOf, deriveFieldOptions, NOT_UTF8_ARGUMENT, OptionValueError, processStdin } from "./options.js";
import type { FieldOption, MetaOperations, StdinSource } from "./options.js";

/** The exit codes, also documented in docs/cli.md. */
export const EXIT = {
  /** The update was applied; its result is on stdout (also `--help`, `--version`, a `--dry-run`, `mock --print-seed`). */
  ok: 0,
  /** A bug in puffle itself (please report it); also `puffle mock` could not listen, or stdout could not be written. */
  internal: 1,
  /** Bad command line or input (unknown option, invalid value, missing PUFFLE_API_KEY…): nothing was sent. */
  usage: 2,
  /** The API answered with a status other than 2xx (4xx/5xx; a 3xx too: redirects are not followed). */
  api: 3,
  /** No response: network failure, timeout or abort, or a response body over the client's `maxResponseBytes`. The update may or may not have been applied. */
  network: 4,
  /** The API answered 2xx with a body that is not the documented one. */
  response: 5,
} as const;

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

/** What an update command asks to send. */
export interface SendRequest {
  operationId: string;
  id: string;
  body: Record<string, unknown>;
  baseUrl: string;
  apiKey: string;
  timeoutMs: number;
  /** Retries after a network error, 408, 429 or 5xx (`--retries`); default: the client's. */
  maxRetries?: number;
}

export interface CliDeps {
  /** The operations to offer; default: generated/meta.js. */
  meta?: MetaOperations;
  /** Default: process.env. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Default: process.stdout / process.stderr. */
  io?: CliIo;
  /** Sends an update and returns the JSON to print; default: the Puffle client. */
  send?: (request: SendRequest) => Promise<unknown>;
  /** Checks the assembled body; default: the generated `validateRequestBody`. */
  validateBody?: (operationId: string, body: unknown) => ValidationResult<unknown>;
  /** What a JSON option's `@-` reads; default: the process's stdin. */
  stdin?: StdinSource;
}

class CliFailure extends Error {
  constructor(
    readonly exitCode: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * `JSON.stringify(value, null, 2)` with the characters it leaves as they are (DEL, C1 controls,
 * bidirectional formatting, line separators) written as `\uXXXX` escapes: the same JSON value, safe
 * to print on a terminal (src/unsafe-text.ts). Text from a server must not drive or disguise the
 * terminal it is printed to; the error line on stderr goes through `oneLine` for the same reason.
 */
function terminalJson(value: unknown): string {
  return escapeUnsafeInJson(JSON.stringify(value, null, 2));
}

/**
 * The operations `defaultSend` has a case for. Another operation in meta.js (a third one the spec
 * gained) gets a command that says it is not supported and sends nothing, unless a `send` of the
 * caller's is given (`CliDeps.send`), which may send it.
 */
export const DEFAULT_SEND_OPERATIONS: ReadonlySet<string> = new Set(["updateConversation", "updateThread"]);

async function defaultSend(request: SendRequest): Promise<unknown> {
  const client = createPuffleClient({ baseUrl: request.baseUrl, apiKey: request.apiKey, timeoutMs: request.timeoutMs, ...(request.maxRetries !== undefined ? { maxRetries: request.maxRetries } : {}) });
  switch (request.operationId) {
    // The body has passed the operation's generated request validator (validateBody): typed as
    // the operation's request, so a field the spec makes required does not fail the build here.
    case "updateConversation":
      return { conversation: await client.updateConversation(request.id, request.body as UpdateConversationRequest) };
    case "updateThread":
      return { thread: await client.updateThread(request.id, request.body as UpdateThreadRequest) };
    default:
      throw new CliFailure(EXIT.usage, `${request.operationId} is not supported by this client`);
  }
}

/** `/draft_attachments/0` → `--draft-attachments (draft_attachments.0)`; `""` → `the body`; `/` (a member named `""`) → `""`. */
function fieldLabel(pointer: string, options: readonly FieldOption[]): string {
  if (pointer === "") return "the body";
  const field = fieldOfPointer(pointer);
  if (field === "") return issueLabel(pointer);
  const top = field.split(".")[0] ?? field;
  const option = options.find((o) => o.field === top);
  return option ? `${option.long} (${field})` : field;
}

/**
 * `, got "acct_1"`: the value at `pointer` in the body the command line made, when it is a string,
 * number or boolean (quoted and cut as `quoted` does); nothing for an object, a list or null, nor
 * for a pointer that leads nowhere. The options' own checks say what they got; the body's (a format,
 * a length, an attachment member) said only the rule.
 */
function givenAt(body: unknown, pointer: string): string {
  let at = body;
  for (const key of pointerTokens(pointer)) {
    if (at === null || typeof at !== "object" || !Object.hasOwn(at, key)) return "";
    at = (at as Record<string, unknown>)[key];
  }
  if (pointer === "" || at === null || typeof at === "object") return "";
  return `, got ${typeof at === "string" ? quoted(at) : String(at)}`;
}

function apiErrorLine(error: PuffleApiError, options: readonly FieldOption[]): string {
  const problem = error.problem;
  let line = `HTTP ${error.status}`;
  // The server's text, as the client's own message shows it: one line, each text cut (`shown`).
  if (problem) {
    line += ` ${shown(problem.title)}`;
    if (problem.detail) line += `: ${shown(problem.detail)}`;
    if (problem.errors && problem.errors.length > 0) line += ` [${issuesText(problem.errors, (pointer) => fieldLabel(pointer, options))}]`;
  } else if (error.body === "") {
    line += " with an empty body";
  } else if (typeof error.body === "string") {
    line += ` with a non-JSON body (${shown(error.headers.get("content-type") ?? "no content type")})`;
  } else {
    line += " with a body that is not a problem details object";
  }
  if (error.existingThread) line += ` (existing thread ${shown(error.existingThread.id)})`;
  if (error.status === 401) line += " (check PUFFLE_API_KEY)";
  if (error.status >= 300 && error.status < 400) {
    // Not followed (docs/client.md, "Redirects"): say where it pointed, so a wrong --base-url shows.
    const location = error.headers.get("location");
    line += ` (a redirect${location ? ` to ${shown(location)}` : ""}, not followed: check --base-url)`;
  }
  if (error.requestId) line += ` (request id ${shown(error.requestId)})`;
  // Retried (a 408, 429 or 5xx): as many attempts as a network error's line names.
  if (error.attempts > 1) line += ` (after ${error.attempts} attempts)`;
  return line;
}

/**
 * The body breaks the operation's `x-puffle-behaviour` limits (the API's parser's, src/server/json.ts):
 * nested past `maxBodyDepth` (the body is level 1), or longer than `maxBodyBytes` as the client sends
 * it (`JSON.stringify`). The line names the field: the one nested too deep, or the largest. The
 * breach is the client's (bodyDepthBreach, bodySizeBreach); the words name the CLI's options.
 */
function bodyLimitProblem(body: Record<string, unknown>, behaviour: { maxBodyBytes?: number; maxBodyDepth?: number } | undefined, options: readonly FieldOption[]): string | undefined {
  const label = (pointer: string) => fieldLabel(pointer, options);
  const maxDepth = behaviour?.maxBodyDepth;
  if (maxDepth !== undefined) {
    const deep = bodyDepthBreach(body, maxDepth);
    if (deep !== undefined) return `${label(deep)} is nested more than ${maxDepth} levels deep (the body is level 1), the most the API reads (x-puffle-behaviour.maxBodyDepth)`;
  }
  const maxBytes = behaviour?.maxBodyBytes;
  if (maxBytes === undefined) return undefined;
  const big = bodySizeBreach(JSON.stringify(body), body, maxBytes);
  if (big === undefined) return undefined;
  const largest = big.largest === undefined ? "" : `; its largest field: ${label(big.largest.pointer)}, ${big.largest.bytes} bytes`;
  return `the request body would be ${big.bytes} bytes of JSON, more than ${maxBytes}, the most the API accepts (x-puffle-behaviour.maxBodyBytes${largest})`;
}

/**
 * A config error's rule without where and which option: `must use http or https, got "ftp:"`. The
 * client's `apiKey` option is, on the command line, PUFFLE_API_KEY.
 */
function ruleOf(error: PuffleConfigError): string {
  return error.message.replace(/^[^:]+: \S+ /, "").replace(/\bapiKey\b/g, "PUFFLE_API_KEY");
}

/**
 * What to do about a failure without a response, said after it on the same line (exit 4): the line
 * said what failed (`fetch failed: ECONNREFUSED`) but not where to look. `base` is the base URL as
 * the CLI shows one (`shownBaseUrl`), `given` where it came from (`--base-url`, `PUFFLE_BASE_URL`).
 * Also a connection the server closed without an answer (`ECONNRESET`, `EPIPE`, undici's
 * `UND_ERR_SOCKET` "other side closed": an http base URL at a TLS port is closed so), TLS that met no
 * TLS server (an https base URL at a plain-http port) and a certificate not accepted (these two for
 * an https base URL only), and a connection closed while the answer was read (undici's "terminated").
 * Undefined for other failures (a body too large: the line says enough).
 */
function networkHint(error: unknown, base: string, given: string): string | undefined {
  if (error instanceof PuffleTimeoutError) {
    return `is the server at ${base} up and reachable? a slower one needs a larger --timeout`;
  }
  if (!(error instanceof PuffleNetworkError)) return undefined;
  const code = transportCode((error as { cause?: unknown }).cause);
  if (code === "ECONNREFUSED") {
    let url: URL | undefined;
    try {
      url = new URL(base);
    } catch {
      // shown as given
    }
    const host = url?.hostname ?? "";
    const local = host === "localhost" || host.endsWith(".localhost") || host === "[::1]" || /^127\./.test(host);
    // `puffle mock` listens on http://127.0.0.1:4010: the command that starts one where the base URL
    // points (`--port 8080`, `--host ::1`, `--host 127.0.0.2`: another loopback address, on which a
    // server on 127.0.0.1 is not reached); none for https, which it does not serve.
    if (local && url?.protocol === "http:") {
      const port = url.port === "" ? "80" : url.port;
      const address = host === "[::1]" ? "::1" : /^127\./.test(host) && host !== "127.0.0.1" ? host : undefined;
      const mock = `puffle mock${port === "4010" ? "" : ` --port ${port}`}${address !== undefined ? ` --host ${address}` : ""}`;
      return `is a server running at ${base}? \`${mock}\` starts one`;
    }
    return `is a server listening at ${base} (that host, that port)?`;
  }
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") return `the host of ${base} was not found: check ${given} (a typo, or no DNS from here)`;
  if (code === undefined) return undefined;
  if (RESET_CODES.has(code)) {
    // Closed while its answer was read (undici's body error is "terminated"; fetch's own is "fetch
    // failed"): the server answered, over this protocol, so neither the URL nor TLS is the cause.
    if (causeMessage((error as { cause?: unknown }).cause) === "terminated") {
      return `the server at ${base} closed the connection before its answer was complete: check its logs, and any proxy in between`;
    }
    // A server with TLS closes a plain-http request's connection: the usual cause of an http base URL's.
    const plain = /^http:/i.test(base);
    return `the server at ${base} closed the connection without an answer: check ${given}${plain ? " (https:// for a server with TLS)" : ""}, and any proxy in between`;
  }
  // TLS and certificates are an https base URL's only: an http one's EPROTO is no TLS server's answer.
  if (!/^https:/i.test(base)) return undefined;
  if (NO_TLS_CODES.has(code)) return `TLS failed at ${base}: is it a server without TLS? check ${given} (http:// for one, such as \`puffle mock\`)`;
  if (UNTRUSTED_CERT_CODES.has(code)) return `the certificate of ${base} is not signed by a CA this machine trusts (self-signed, or a private CA's): give that CA's certificate file in NODE_EXTRA_CA_CERTS, or check ${given}`;
  if (code === "CERT_HAS_EXPIRED" || code === "CERT_NOT_YET_VALID") return `the certificate of ${base} has expired or is not yet valid: check the server's certificate and this machine's clock`;
  if (code === "ERR_TLS_CERT_ALTNAME_INVALID") return `the certificate of ${base} is not for that host: check ${given} (the host name the certificate names, not an IP address or another name of the server)`;
  return undefined;
}

/** A cause's `message` when it is a string; undefined when there is none or it cannot be read. */
function causeMessage(cause: unknown): string | undefined {
  try {
    const message: unknown = cause !== null && typeof cause === "object" ? (cause as { message?: unknown }).message : undefined;
    return typeof message === "string" ? message : undefined;
  } catch {
    return undefined;
  }
}

/** The server closed the connection without an answer (reset, a write to it failed, undici's "other side closed"). */
const RESET_CODES: ReadonlySet<string> = new Set(["ECONNRESET", "EPIPE", "UND_ERR_SOCKET"]);

/** TLS met no TLS server (an https base URL at a plain-http port): OpenSSL's "wrong version number", older Node's EPROTO. */
const NO_TLS_CODES: ReadonlySet<string> = new Set(["EPROTO", "ERR_SSL_WRONG_VERSION_NUMBER", "ERR_SSL_PACKET_LENGTH_TOO_LONG"]);

/** The server's certificate chain ends at no CA this machine trusts (OpenSSL's verify errors, as Node names them). */
const UNTRUSTED_CERT_CODES: ReadonlySet<string> = new Set(["DEPTH_ZERO_SELF_SIGNED_CERT", "SELF_SIGNED_CERT_IN_CHAIN", "UNABLE_TO_VERIFY_LEAF_SIGNATURE", "UNABLE_TO_GET_ISSUER_CERT_LOCALLY", "UNABLE_TO_GET_ISSUER_CERT"]);

/** Maps anything thrown while sending to an exit code and one line for stderr. */
function describeFailure(error: unknown, options: readonly FieldOption[]): { code: number; line: string } {
  if (error instanceof CliFailure) return { code: error.exitCode, line: error.message };
  if (error instanceof PuffleApiError) return { code: EXIT.api, line: apiErrorLine(error, options) };
  if (error instanceof PuffleTimeoutError || error instanceof PuffleNetworkError || error instanceof PuffleAbortError) {
    return { code: EXIT.network, line: error.message };
  }
  if (error instanceof PuffleValidationError) {
    if (error.target === "response") {
      return { code: EXIT.response, line: `unexpected response (HTTP ${error.status ?? "?"}): ${issuesText(error.issues, issueLabel)}${error.requestId ? ` (request id ${shown(error.requestId)})` : ""}` };
    }
    return { code: EXIT.usage, line: issuesText(error.issues, (pointer) => fieldLabel(pointer, options)) };
  }
  if (error instanceof PuffleConfigError) {
    const name = error.option === "baseUrl" ? "--base-url" : error.option === "apiKey" ? "PUFFLE_API_KEY" : error.option;
    return { code: EXIT.usage, line: `${name} ${ruleOf(error)}` };
  }
  return { code: EXIT.internal, line: `internal error: ${isError(error) ? error.message : String(error)}` };
}

/**
 * `parse` as the parser of the option `flags`, refusing a value with the CLI's usage line. Commander's
 * own, "option '…' argument '<value>' is invalid.", echoes the value whole: a line break, an escape
 * sequence, a bidi override or a megabyte of it. This one has the same words with the value quoted
 * (`quoted`: JSON-quoted, one line, cut to 200 characters), then the rule the parser names.
 */
function optionParser<T>(flags: string, parse: (text: string, previous: T) => T): (text: string, previous: T) => T {
  return (text, previous) => {
    try {
      return parse(text, previous);
    } catch (error) {
      if (error instanceof InvalidArgumentError || error instanceof OptionValueError) {
        throw new CliFailure(EXIT.usage, `option '${flags}' argument ${quoted(text)} is invalid. ${error.message}`);
      }
      throw error;
    }
  };
}

/** An option whose value `parse` checks (`optionParser`). */
function parsedOption<T>(flags: string, description: string, parse: (text: string, previous: T) => T): Option {
  const option = new Option(flags, description);
  return option.argParser(optionParser(option.flags, parse));
}

/**
 * Commander's own errors as the CLI's one line. An unknown option or command echoes what was typed,
 * a megabyte or an escape sequence of it: `error: unknown option '<text>'`, maybe followed by a
 * suggestion (`(Did you mean --status?)`, which names only this program's options and commands and
 * holds no quote). The text is quoted as any value is (`quoted`). Commander's other messages name
 * only this program's options and counts. `flags`: the failing command's options that take no
 * value, which commander calls unknown when given one (`--dry-run=yes`): flagValueProblem's line.
 */
function commanderLine(message: string, flags: ReadonlySet<string> = new Set()): string {
  const unknown = /^error: unknown (option|command) '([\s\S]*)'(\s*\(Did you mean [^'()]*\?\))?\s*$/.exec(message);
  if (!unknown) return oneLine(message);
  let text = unknown[2] ?? "";
  let note = "";
  if (unknown[1] === "option") {
    // One of the command's own options that take no value, given one (`--allow-reset=yes`), which
    // commander calls unknown: worded as `npm run mock` words it.
    const flag = /^(--[^=]+)=/.exec(text)?.[1];
    if (flag !== undefined && flags.has(flag)) return `error: ${flagValueProblem(flag)}`;
    // An unknown option's value (`--api-key=<token>`, `-k<token>`) is not shown: it is often the
    // token tried on the command line, and this line goes to a terminal or a CI log.
    const attached = /^(--[^=]+)=[\s\S]*$/.exec(text) ?? /^(-[^-])[\s\S]+$/.exec(text);
    if (attached?.[1] !== undefined) {
      text = attached[1];
      note = " (given a value, not shown)";
    }
    if (TOKEN_LIKE_OPTION.test(text)) note += ` (${TOKEN_SOURCE})`;
  }
  return `error: unknown ${unknown[1]} ${quoted(text)}${note}${unknown[3] !== undefined ? ` ${oneLine(unknown[3])}` : ""}`;
}

/** An option name someone passing the token on the command line would try (`--api-key`, `--token`, `--auth`). */
const TOKEN_LIKE_OPTION = /api[-_]?key|token|auth|bearer|secret|password|credential/i;

/** Where the update commands read the bearer token from (their --help says so too), after an unknown option named like one. */
const TOKEN_SOURCE = "the bearer token is read from PUFFLE_API_KEY, never from the command line";

function timeoutParser(text: string): number {
  if (!/^(0|[1-9][0-9]*)$/.test(text) || Number(text) > 2_147_483_647) {
    throw new InvalidArgumentError(`--timeout must be an integer number of milliseconds from 0 (none) to 2147483647, got ${quoted(text)}`);
  }
  return Number(text);
}

function retriesParser(text: string): number {
  if (!/^(0|[1-9][0-9]*)$/.test(text) || Number(text) > MAX_RETRIES_LIMIT) {
    throw new InvalidArgumentError(`--retries must be an integer from 0 (send once) to ${MAX_RETRIES_LIMIT}, got ${quoted(text)}`);
  }
  return Number(text);
}

function portParser(text: string): number {
  if (!/^(0|[1-9][0-9]*)$/.test(text) || Number(text) > 65_535) {
    throw new InvalidArgumentError(`--port must be an integer from 0 (any free port) to 65535, got ${quoted(text)}`);
  }
  return Number(text);
}

/** Before UPDATE_HELP_AFTER when a command has a JSON option, `long` the first (wrapped by hand, as it is). */
function jsonHelp(long: string): string {
  return `
A <json|@file> option takes JSON text, @path to a file holding it (UTF-8), or
@- to read it from stdin, once per command:
  ... ${long} @- < file.json
`;
}

/** The end of an update command's --help; wrapped by hand (commander does not wrap it) to fit 80 columns. */
const UPDATE_HELP_AFTER = `
The bearer token is read from PUFFLE_API_KEY (never from the command line).

Exit codes:
  0  ok: the result JSON is on stdout
  1  internal error in puffle, or the result could not be written to stdout
     (ENOSPC...: the update was applied)
  2  usage or invalid input (nothing sent)
  3  API error: the API answered 4xx/5xx, or a 3xx (redirects are not followed)
  4  network error or timeout (the update may or may not have been applied)
  5  unexpected response: a 2xx without the documented body`;

const MOCK_HELP_AFTER = `
Ctrl-C (SIGINT) or SIGTERM stops the server and exits 0.
Exit codes: 1 cannot listen (e.g. port in use), 2 bad option or --data file.`;

/** An option value that is JSON `null` (commander would store a parser's `null` as `""`). */
const JSON_NULL = Symbol("null");

function hostParser(text: string): string {
  const problem = hostProblem(text);
  if (problem !== undefined) throw new InvalidArgumentError(problem);
  return text;
}

function corsParser(text: string): CorsOrigins {
  const parsed = parseCorsArgument(text);
  if ("problem" in parsed) throw new InvalidArgumentError(parsed.problem);
  return parsed.origins;
}

/**
 * Refuses the arguments commander left over (`--draft-subject Hello world`: "world"), naming the
 * first: commander's own "too many arguments for 'update'. Expected 0 arguments but got 1." did not
 * say which. `name`: the command's name in the line.
 */
function refuseStrayArguments(command: Command, name: string): void {
  if (command.args.length === 0) return;
  const more = command.args.length > 1 ? ` (and ${command.args.length - 1} more)` : "";
  throw new CliFailure(EXIT.usage, `unexpected argument ${quoted(command.args[0] ?? "")}${more}: ${name} takes options only (quote a value holding spaces as one argument)`);
}

/** Adds `<noun> <verb>` for one operation to `program`. */
function addOperationCommand(
  program: Command,
  nouns: Map<string, Command>,
  operationId: string,
  operation: MetaOperations[string],
  deps: Required<Omit<CliDeps, "meta">> & { sendsAll: boolean },
  setResult: (code: number) => void,
  optionsOnly: Set<Command>,
): void {
  const { noun, verb } = commandOf(operationId);
  let parent = nouns.get(noun);
  if (!parent) {
    parent = program.command(noun).description(`${noun} commands`);
    nouns.set(noun, parent);
  }
  if (!deps.sendsAll && !DEFAULT_SEND_OPERATIONS.has(operationId)) {
    // Listed, so that the spec's operation is not silently missing, but refused whatever is given
    // (no option of its own: `--id`'s or a field's check would come first and read as if it could run).
    const what = `${operationId} (${operation.method} ${operation.path})`;
    const unsupported = `${what} is not supported by this version of puffle: it sends ${[...DEFAULT_SEND_OPERATIONS].join(" and ")} only`;
    parent
      .command(verb)
      .description(`${operation.summary ?? operationId}: ${unsupported}.`)
      .allowUnknownOption(true)
      .allowExcessArguments(true)
      .action(() => {
        throw new CliFailure(EXIT.usage, `${noun} ${verb}: ${unsupported}; nothing was sent`);
      });
    return;
  }
  const fieldOptions = deriveFieldOptions(operation, deps.stdin);
  const jsonOption = fieldOptions.find((o) => o.kind === "json");
  // The spec's example id of this operation (the thread page's for threads), when it gives a string one.
  const idExample = operation.pathParameters?.id?.example;
  const aUuid = typeof idExample === "string" ? `a UUID such as ${idExample}` : "a UUID";
  const envBaseUrl = deps.env.PUFFLE_BASE_URL === "" ? undefined : deps.env.PUFFLE_BASE_URL;
  const command = parent
    .command(verb)
    .description(`${operation.summary ?? operationId}: ${operation.method} ${operation.path} (${operationId}). Give --id and at least one field${fieldOptions.some((f) => f.required) ? " (each one marked (required), always)" : ""}; the result JSON is printed on stdout.`)
    .requiredOption("--id <uuid>", `the ${noun}'s id (${aUuid})`);
  optionsOnly.add(command);

  for (const field of fieldOptions) {
    const parseValue = (text: string): unknown => {
      // Commander turns a parser's null into "": a JSON null (`--draft-attachments null`) is kept as a marker.
      const value = field.parse(text);
      return value === null ? JSON_NULL : value;
    };
    const option = new Option(field.flags, field.description);
    if (field.choices) {
      // Commander's choices() replaces the option's parser with its own check, which keeps the text:
      // the field's parser runs after that check (a boolean's "false" is sent as false, not "false").
      option.choices(field.choices);
      const checkChoice = option.parseArg;
      option.argParser<unknown>(optionParser(option.flags, (text: string, previous: unknown) => parseValue(checkChoice ? checkChoice<string>(text, previous as string) : text)));
    } else {
      option.argParser<unknown>(optionParser(option.flags, parseValue));
    }
    if (field.clear) option.conflicts(new Option(field.clear.flags).attributeName());
    command.addOption(option);
    if (field.clear) command.addOption(new Option(field.clear.flags, field.clear.description).conflicts(option.attributeName()));
  }

  command
    // PUFFLE_BASE_URL is read from deps.env (not by commander from process.env), and an empty one is unset, as PUFFLE_API_KEY is.
    // Help shows PUFFLE_BASE_URL's value without a user name or password, nor a query's or fragment's
    // text (`shownBaseUrl`; such a URL is refused when used), quoted as an error quotes it (`quoted`:
    // one line, no C1 control or bidi override, cut).
    .addOption(
      new Option("--base-url <url>", "API root URL (env: PUFFLE_BASE_URL)").default(
        envBaseUrl ?? DEFAULT_BASE_URL,
        envBaseUrl === undefined ? undefined : `${quoted(shownBaseUrl(envBaseUrl))} from PUFFLE_BASE_URL`,
      ),
    )
    .addOption(parsedOption("--timeout <ms>", "give up after this many milliseconds (0 = never)", timeoutParser).default(DEFAULT_TIMEOUT_MS))
    .addOption(parsedOption("--retries <n>", "retry a network error, 408, 429 or 5xx this many times (0 = send once); within --timeout", retriesParser).default(DEFAULT_MAX_RETRIES))
    .option("--dry-run", "print the request that would be sent (method, URL, body) and exit without sending")
    .addHelpText("after", `${jsonOption ? jsonHelp(jsonOption.long) : ""}${UPDATE_HELP_AFTER}`)
    // Stray arguments are refused in the action, naming them (commander's "too many arguments" does not).
    .allowExcessArguments(true)
    .action(async (opts: Record<string, unknown>) => {
      refuseStrayArguments(command, verb);
      const id = String(opts.id);
      const path = validatePathParams(operationId, { id });
      if (!path.valid) {
        // As the client says it (pathIdMessage): a UUID the pattern refuses is told the rule in the validators' words.
        const patternLike = path.errors.some((e) => e.keyword === "pattern" || e.keyword === "format");
        throw new CliFailure(EXIT.usage, patternLike ? `--id ${pathIdMessage(path.errors, idExample, quoted(id))}` : `--id ${path.errors[0]?.message ?? "is invalid"}`);
      }
      const body: Record<string, unknown> = {};
      for (const field of fieldOptions) {
        const value = opts[new Option(field.flags).attributeName()];
        if (value !== undefined) body[field.field] = value === JSON_NULL ? null : value;
        if (field.clear && opts[new Option(field.clear.flags).attributeName()] === true) body[field.field] = null;
      }
      // Before the body's validator, whose issue would name the field but not always first, nor
      // at all when no field is given ("nothing to update").
      const missing = fieldOptions.filter((f) => f.required && !Object.hasOwn(body, f.field));
      if (missing.length > 0) {
        throw new CliFailure(EXIT.usage, missing.map((f) => `${f.long} (${f.field}) is required${f.clear ? ` (or ${f.clear.long} to send null)` : ""}`).join("; "));
      }
      if (Object.keys(body).length === 0) {
        throw new CliFailure(EXIT.usage, `nothing to update: give at least one of ${fieldOptions.map((f) => f.long).join(", ")}`);
      }
      const checked = deps.validateBody(operationId, body);
      if (!checked.valid) throw new CliFailure(EXIT.usage, issuesText(checked.errors, (pointer) => fieldLabel(pointer, fieldOptions), (pointer) => givenAt(body, pointer)));
      // The API's limits on the body as a whole, which no schema states: past them it answers 413 or
      // 400 and applies nothing. An @file of the byte limit passes its own bound, not once wrapped.
      const limit = bodyLimitProblem(body, operation.behaviour, fieldOptions);
      if (limit !== undefined) throw new CliFailure(EXIT.usage, limit);
      const baseUrl = String(opts.baseUrl);
      // Checked before a dry run too: the URL it prints is the one that would be called.
      const baseUrlName = envBaseUrl !== undefined && command.getOptionValueSource("baseUrl") === "default" ? "PUFFLE_BASE_URL" : "--base-url";
      // A byte that is not UTF-8 (a Latin-1 path segment) arrives as U+FFFD, which the URL then
      // percent-encodes: another path than the one typed (a 404), shown so by --dry-run.
      if (baseUrl.includes("\uFFFD")) throw new CliFailure(EXIT.usage, `${baseUrlName} ${NOT_UTF8_ARGUMENT}`);
      let root: string;
      try {
        // Without trailing slashes, as the client joins it. It refuses an "@" anywhere too
        // (atInBaseUrlRule): `http://deploy:2024/s3cret@host` is the host "deploy" and a path, which
        // --dry-run printed whole and a real call went to.
        root = checkBaseUrl(baseUrl);
      } catch (error) {
        if (!(error instanceof PuffleConfigError)) throw error;
        throw new CliFailure(EXIT.usage, `${baseUrlName} ${ruleOf(error)}`);
      }
      const timeoutMs = Number(opts.timeout);
      const url = `${root}${operation.path.replace("{id}", id)}`;
      if (opts.dryRun === true) {
        // As fetch will call it (WHATWG-parsed: scheme and host lower-cased, default port dropped,
        // spaces percent-encoded, dot segments resolved), not as typed.
        deps.io.stdout(`${terminalJson({ method: operation.method, url: new URL(url).href, body })}\n`);
        setResult(EXIT.ok);
        return;
      }
      const apiKey = deps.env.PUFFLE_API_KEY;
      if (apiKey === undefined || apiKey === "") {
        throw new CliFailure(EXIT.usage, "PUFFLE_API_KEY is not set: export your bearer token (the reference server's demo token is puffle_test_alice)");
      }
      let result: unknown;
      try {
        result = await deps.send({ operationId, id, body, baseUrl, apiKey, timeoutMs, maxRetries: Number(opts.retries) });
      } catch (error) {
        // The hint names the base URL as the CLI's other lines show one (no user name, password or query).
        const hint = networkHint(error, shownBaseUrl(root), baseUrlName);
        if (hint !== undefined) throw new CliFailure(EXIT.network, `${(error as Error).message}; ${hint}`);
        throw error;
      }
      let printed: string;
      try {
        printed = terminalJson(result);
      } catch (error) {
        // What the server sent (a value nested too deep for JSON.stringify's stack), not a bug in puffle.
        throw new CliFailure(EXIT.response, `unexpected response: the body cannot be printed as JSON (${error instanceof Error ? error.message : String(error)})`);
      }
      deps.io.stdout(`${printed}\n`);
      setResult(EXIT.ok);
    });
}

/**
 * The command `argv` runs (`thread update`) and the arguments after its name: the first word naming
 * one of the program's commands, then the next naming one of that one's (neither the program nor a
 * noun has an option that takes a value); undefined when there is none (commander refuses that).
 */
function invokedCommand(argv: readonly string[], program: Command): { command: Command; rest: readonly string[] } | undefined {
  let current = program;
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i]!;
    if (token === "--") return undefined;
    if (token.startsWith("-")) continue;
    const next = current.commands.find((c) => c.name() === token || c.aliases().includes(token));
    if (next === undefined) return undefined;
    current = next;
    if (current.commands.length === 0) return { command: current, rest: argv.slice(i + 1) };
  }
  return undefined;
}

/**
 * The first option of `command` that takes a value and was given, as its value, the next argument
 * that is itself one of the command's options (`--draft-subject --dry-run`, as `--draft-subject
 * $EMPTY --dry-run` reads): commander takes it as the value, and the option it names is not applied
 * (a dry run sent for real). `-V`/`--version` count as its own (`outer`): commander applies the
 * program's options anywhere, so `--draft-subject -V` printed the version and exited 0, nothing
 * sent. A value given with `=` (`--draft-subject=--dry-run`) is what was meant; a value that merely
 * starts with a dash (`--participant-name -Bob`) is not an option. `option`: the option missing its
 * value (missingValueFix).
 */
function swallowedOption(argv: readonly string[], command: Command, outer: readonly string[]): { flag: string; value: string; option: Option } | undefined {
  const takesValue = new Map(command.options.filter((o) => o.required && o.long !== undefined).map((o) => [o.long!, o]));
  const own = new Set(command.options.flatMap((o) => [o.long, o.short]).filter((f): f is string => f !== undefined));
  own.add("--help").add("-h");
  for (const flag of outer) own.add(flag);
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i]!;
    if (token === "--") return undefined;
    if (!takesValue.has(token)) continue;
    const value = argv[i + 1];
    if (value !== undefined && (own.has(value) || (value.startsWith("--") && own.has(value.split("=")[0]!)))) return { flag: token, value, option: takesValue.get(token)! };
    i++;
  }
  return undefined;
}

/**
 * The end of the "has no value" line: the `=` form (`--draft-subject=--dry-run` sends that text), but
 * not for an option that would refuse it: one with fixed choices lists them (`--status takes one of
 * active, archived`), one whose parser refuses the text (`--unread-count`, `--port`, `--host`, a JSON
 * option) names its value (`--port takes <n>`). The parser runs on an option's name, which is no
 * `@file`: nothing is read. So does an option checked later, whose value is a UUID, an email address
 * or a URL (`--id`, `--account-id`, `--participant-email`, `--base-url`): no option's name is one.
 */
function missingValueFix({ flag, value, option }: { flag: string; value: string; option: Option }): string {
  if (option.argChoices !== undefined) return `${flag} takes one of ${option.argChoices.join(", ")}`;
  const placeholder = /<[^>]*>/.exec(option.flags)?.[0];
  if (placeholder !== undefined && CHECKED_LATER.has(placeholder)) return `${flag} takes ${placeholder}`;
  if (option.parseArg !== undefined) {
    try {
      option.parseArg(value, undefined);
    } catch {
      return `${flag} takes ${placeholder ?? "a value"}`;
    }
  }
  return `a value that is one: ${flag}=${value}`;
}

/** The values of options with no parser of their own that are checked after parsing (the path id, the body's formats, the base URL). */
const CHECKED_LATER: ReadonlySet<string> = new Set(["<uuid>", "<email>", "<url>"]);

/**
 * `help thread update` as `thread help update`: commander's `help` reads one command name, so `puffle
 * help thread update` showed `thread`'s help (its list of verbs), exit 0; each noun has a `help` of
 * its own, which reads the next. Other arguments are left as they are.
 */
function nestedHelp(argv: readonly string[], program: Command): readonly string[] {
  if (argv[0] !== "help") return argv;
  const path: string[] = [];
  let current = program;
  let i = 1;
  for (; i + 1 < argv.length; i++) {
    const next = current.commands.find((c) => c.name() === argv[i] || c.aliases().includes(argv[i]!));
    if (next === undefined || next.commands.length === 0) break;
    path.push(argv[i]!);
    current = next;
  }
  return path.length === 0 ? argv : [...path, "help", ...argv.slice(i)];
}

function addMockCommand(program: Command, deps: Required<Omit<CliDeps, "meta">>, setResult: (code: number) => void, optionsOnly: Set<Command>): void {
  const command = program
    .command("mock")
    .description("start the reference server (in-memory, seeded with the documented demo data), by default on 127.0.0.1:4010")
    .addOption(parsedOption("--port <n>", "port to listen on (0 = any free port)", portParser).default(4010))
    .addOption(parsedOption("--host <host>", "address to listen on (::1 for IPv6 loopback)", hostParser).default("127.0.0.1"))
    .option("--data <file>", "start from this seed file instead of the default seed (JSON; --print-seed prints the default seed in that format)")
    .addOption(
      parsedOption("--cors [origin]", "let web pages on other origins call the server from a browser (CORS; off unless given): alone, any origin; with an origin (http://localhost:5173; several: comma-separated), only those", corsParser)
        .preset("*"),
    )
    .option("--allow-reset", "answer POST /__puffle/reset (from this machine only, not from web pages): puts the data back to the seed it started from, for tests that share one server (off unless given)")
    .option("--quiet", "do not log requests")
    .option("--print-seed", "print the default seed as JSON (every column of every record; a starting point for --data) and exit")
    .addHelpText("after", MOCK_HELP_AFTER)
    // As the update commands: a stray argument is named (refuseStrayArguments), and a value option
    // followed by one of its options (`--data -V`, `--data --quiet`) is a missing value (swallowedOption).
    .allowExcessArguments(true)
    .action(async (opts: { port: number; host: string; data?: string; cors?: CorsOrigins; allowReset?: boolean; quiet?: boolean; printSeed?: boolean }) => {
      refuseStrayArguments(command, "mock");
      if (opts.printSeed === true) {
        const { defaultSeedText } = await import("../server/default-seed.js");
        deps.io.stdout(defaultSeedText());
        setResult(EXIT.ok);
        return;
      }
      // Imported here so that the update commands do not load the server (Fastify) at all.
      const server = await import("../server/index.js");
      const dataError = opts.data === undefined ? undefined : dataFileProblem(opts.data);
      if (dataError !== undefined) throw new CliFailure(EXIT.usage, dataError);
      let seed;
      try {
        seed = opts.data !== undefined ? server.loadSeed(opts.data) : server.defaultSeed;
      } catch (error) {
        // As npm run mock reports it (seedProblem: the file quoted, the first ten problems, each cut), on one line.
        if (!(error instanceof server.SeedError)) throw new CliFailure(EXIT.usage, `--data: ${shown(error instanceof Error ? error.message : String(error))}`);
        const { heading, listed } = seedProblem(opts.data ?? "", error.issues, error.more, error.moreAtLeast);
        throw new CliFailure(EXIT.usage, `${heading}: ${listed.join("; ")}`);
      }
      let running;
      const log = opts.quiet === true ? undefined : logHeldUntilBanner(unlessOutputLost(deps.io.stdout));
      try {
        running = await server.startServer({ port: opts.port, host: opts.host, seed, logger: opts.quiet !== true, logStream: log?.stream, cors: opts.cors, allowReset: opts.allowReset === true });
      } catch (error) {
        throw new CliFailure(EXIT.internal, startProblem(opts.host, opts.port, error));
      }
      const note = wildcardNote(running);
      const lines = [`Puffle reference server listening on ${running.url}${note !== undefined ? ` (${note})` : ""}`];
      if (opts.cors !== undefined) lines.push(corsBannerLine(opts.cors));
      if (opts.allowReset === true) lines.push(resetBannerLine(running.url));
      lines.push("", "Demo tokens (export PUFFLE_API_KEY=<token>):");
      for (const user of seed.users) {
        lines.push(`  ${user.token}   ${oneLine(user.name)}`); // a seed file's text, safe to print
        for (const row of seed.conversations.filter((c) => c.user_id === user.id)) {
          lines.push(`    ${row.channel === "email" ? "thread      " : "conversation"} ${row.id}   ${row.channel} ${row.status}${row.warmup ? " warmup" : ""}`);
        }
      }
      lines.push("", `Try: PUFFLE_API_KEY=${seed.users[0]?.token ?? "<token>"} puffle conversation update --base-url ${running.url} --id <id> --status archived`, "");
      stopOnSignals(running);
      serveDespiteOutputErrors();
      // Printed once the handlers are in place: whoever waits for the banner may stop the server at once.
      deps.io.stdout(lines.join("\n"));
      log?.release();
      setResult(EXIT.ok);
    });
  optionsOnly.add(command);
}

/** Builds the `puffle` program for the given operations (a pure function of `meta` and `deps`). */
function createProgram(deps: CliDeps = {}): { program: Command; result: () => number | undefined; parse: (argv: readonly string[]) => Promise<Command> } {
  const full = {
    env: deps.env ?? process.env,
    io: deps.io ?? { stdout: (t: string) => void process.stdout.write(t), stderr: (t: string) => void process.stderr.write(t) },
    send: deps.send ?? defaultSend,
    // A send of the caller's may send any operation of its meta; the default one, DEFAULT_SEND_OPERATIONS.
    sendsAll: deps.send !== undefined,
    validateBody: deps.validateBody ?? ((op: string, body: unknown) => validateRequestBody(op, body)),
    stdin: deps.stdin ?? processStdin,
  };
  const meta: MetaOperations = deps.meta ?? generatedMeta;
  let code: number | undefined;
  const setResult = (value: number) => {
    code = value;
  };
  const optionsOnly = new Set<Command>();
  const program = new Command("puffle")
    .description("Update Puffle inbox conversations and threads from the command line.")
    .version(apiVersion, "-V, --version", "print the API version")
    .exitOverride()
    .configureOutput({
      writeOut: (text) => full.io.stdout(text),
      writeErr: (text) => full.io.stderr(text),
      outputError: (text, write) => write(`puffle ${commanderLine(text)}\n`),
    })
    .showSuggestionAfterError(true);
  const nouns = new Map<string, Command>();
  for (const [operationId, operation] of Object.entries(meta)) addOperationCommand(program, nouns, operationId, operation, full, setResult, optionsOnly);
  addMockCommand(program, full, setResult, optionsOnly);
  // Each command's errors know its own options that take no value (commanderLine).
  const withFlags = (command: Command): void => {
    const flags = new Set(command.options.filter((option) => !option.required && !option.optional && option.long !== undefined).map((option) => option.long!));
    command.configureOutput({ outputError: (text, write) => write(`puffle ${commanderLine(text, flags)}\n`) });
    command.commands.forEach(withFlags);
  };
  program.commands.forEach(withFlags);
  return {
    program,
    result: () => code,
    parse: async (argv: readonly string[]) => {
      // Before commander parses: it applies -V (the version, exit 0) and checks choices and --id
      // while parsing, each with a line that does not say a value is missing.
      const invoked = invokedCommand(argv, program);
      if (invoked && optionsOnly.has(invoked.command)) {
        const outer = program.options.flatMap((o) => [o.long, o.short]).filter((f): f is string => f !== undefined);
        const swallowed = swallowedOption(invoked.rest, invoked.command, outer);
        if (swallowed) {
          throw new CliFailure(EXIT.usage, `${swallowed.flag} has no value: the next argument, ${quoted(swallowed.value)}, is an option of this command (${missingValueFix(swallowed)})`);
        }
      }
      return program.parseAsync([...nestedHelp(argv, program)], { from: "user" });
    },
  };
}

/** Runs `puffle` with `argv` (without node and the script) and returns the exit code. */
export async function runCli(argv: readonly string[], deps: CliDeps = {}): Promise<number> {
  const io = deps.io ?? { stdout: (t: string) => void process.stdout.write(t), stderr: (t: string) => void process.stderr.write(t) };
  let program: ReturnType<typeof createProgram>;
  try {
    program = createProgram({ ...deps, io });
  } catch (error) {
    // The commands could not be built from meta (an operation whose command is `mock`: commander's
    // "cannot add command 'mock' as already have command 'mock'"): one line, not a stack trace.
    io.stderr(`puffle error: ${oneLine(`internal error: the commands cannot be built from the spec: ${error instanceof Error ? error.message : String(error)}`)}\n`);
    return EXIT.internal;
  }
  const { parse, result } = program;
  const meta: MetaOperations = deps.meta ?? generatedMeta;
  const allOptions = Object.values(meta).flatMap((op) => deriveFieldOptions(op));
  try {
    await parse(argv);
    return result() ?? EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version exit 0; everything else commander rejects is a usage error (already printed).
      if (error.code === "commander.helpDisplayed" || error.code === "commander.version") return EXIT.ok;
      if (error.code === "commander.help") return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
      return EXIT.usage;
    }
    const { code, line } = describeFailure(error, allOptions);
    io.stderr(`puffle error: ${oneLine(line)}\n`);
    return code;
  }
}
