// The Puffle reference server: both update endpoints on Fastify 5 over an embedded in-memory store.
// Requests are checked with the generated validators (validatePathParams, normalizeRequestBody),
// never with a Fastify schema compile; the body limit, allowed methods and the update rules are read
// from the spec's `x-puffle-behaviour` (generated/meta.js). See docs/server.md.
import { isUtf8 } from "node:buffer";
import { randomFillSync } from "node:crypto";
import dns from "node:dns";
import type { LookupAddress } from "node:dns";
import { STATUS_CODES, createServer as createHttpServer } from "node:http";
import type { IncomingMessage, ServerResponse } from "node:http";
import { createServer as createNetServer, isIP } from "node:net";
import type { Server as NetServer, Socket } from "node:net";
import { fastify } from "fastify";
import type { ConnectionError, FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { operations as meta } from "../../generated/meta.js";
import type { Conversation, Thread } from "../../generated/schema.js";
import { escapeUnsafeInJson } from "../unsafe-text.js";
import { issueLabel, moreIssues, optionsIssue, shown } from "../errors.js";
import { normalizeRequestBody, operationIds, validatePathParams } from "../validators.js";
import type { OperationId, ValidationIssue } from "../validators.js";
import { CORS_ALLOW_METHODS, CORS_EXPOSE_HEADERS, CORS_MAX_AGE_SECONDS, corsAllowHeaders, corsOriginsOf, corsPolicy, describe } from "./cors.js";
import type { CorsOption, CorsPolicy } from "./cors.js";
import { contentCodings, isJsonType, transferCodings, unsupportedCharset } from "./content-headers.js";
import { BodyDepthError, parseJsonBody } from "./json.js";
import { CLOSE_GRACE_MS, CODE_GENERATION_DISALLOWED, RESET_PATH, WILDCARD_ADDRESSES, hostProblem } from "./launch.js";
import { PROBLEM_CONTENT_TYPE, problems, refusedBodyProblem } from "./problems.js";
import type { ProblemBody } from "./problems.js";
import { loadSeed, validateSeed } from "./seed.js";
import type { Seed, SeedUser } from "./seed.js";
import { defaultSeed } from "./default-seed.js";
import { conversationJson, threadJson } from "./record-json.js";
import { Store } from "./store.js";

export { defaultSeed, ALICE_TOKEN, BOB_TOKEN } from "./default-seed.js";
export { loadSeed, validateSeed, SeedError } from "./seed.js";
export type { Seed, SeedAccount, SeedConversation, SeedUser, SeedWorkspace, AccountStatus } from "./seed.js";
export { Store } from "./store.js";
export type { UpdateOutcome } from "./store.js";
export { MAX_BODY_DEPTH } from "./json.js";
export type { CorsOption } from "./cors.js";

/**
 * The reference server's Fastify instance (what createServer returns, `RunningServer.app`). Its
 * members are declared here rather than by augmenting the "fastify" module, which would give every
 * Fastify app in a program importing this one `puffle` and `puffleUser` members. Exported by name so
 * that a consumer's declarations of an inferred `createServer()` say `PuffleFastifyInstance` from
 * here, not a path into fastify, which a project that does not depend on fastify itself (pnpm's
 * layout) cannot import: TS2742.
 */
export type PuffleFastifyInstance = FastifyInstance & {
  /** The reference server's state: its in-memory store. */
  puffle: { store: Store };
};

/**
 * A request on the reference server as a hook of your own sees it (`app.addHook(…)` on a
 * `PuffleFastifyInstance`): Fastify's request with the member the server sets on every request,
 * `puffleUser`. Declared here, not by augmenting "fastify" (see `PuffleFastifyInstance`), so read it
 * through a cast: `(request as PuffleFastifyRequest).puffleUser?.name`.
 */
export type PuffleFastifyRequest = FastifyRequest & {
  /**
   * The user whose bearer token the route authenticated (a copy of the seed's user: changing it
   * changes nothing in the store); `null` until the route's `onRequest` hook has authenticated it
   * (in an `onRequest` hook of your own; a request answered 401, or refused before its token was
   * read), and on other routes (a 404, the reset endpoint, a CORS preflight).
   */
  puffleUser: SeedUser | null;
};

/** A request on the reference server (its routes' hooks and handlers). */
interface PuffleRequest extends PuffleFastifyRequest {
  /** The store's `generation` when the user was authenticated: a reset or restore since makes the handler authenticate again. */
  puffleGeneration: number;
  /** The order its headers arrived in (1, 2, …; 0 before its hook ran): see closedAfterAnswer. */
  puffleArrival: number;
}

/** The options of createServer (startServer takes them too, see StartOptions). */
export interface ServerOptions {
  /** The data to start from (deep-copied). Default: the documented default seed. */
  seed?: Seed | undefined;
  /** Log one line per request and response (JSON, pino). Bearer tokens are never logged. Default false; a value that is not a boolean throws a TypeError naming `logger`. */
  logger?: boolean | undefined;
  /** Where log lines go (implies `logger: true`; beside `logger: false` it is a TypeError naming both). Default: stdout. A value without a `write` method throws a TypeError naming `logStream`; a `write` that throws loses that line (the first such error is a process warning, code PUFFLE_LOG_STREAM), the server goes on. */
  logStream?: { write(line: string): void } | undefined;
  /**
   * CORS, so that a web page on another origin may call the server from a browser. Default off
   * (`undefined` or `false`): no CORS header is sent, and a preflight `OPTIONS` is a 405 like any
   * other method. `true` or `"*"`: any origin (`Access-Control-Allow-Origin: *`). An origin
   * (`"http://localhost:5173"`: http or https, host, optional port, no path, query or fragment) or
   * an array of origins: those only; the request's `Origin` is echoed when it is one of them, with
   * `Vary: Origin` on every response. With CORS on, a preflight on an operation's path is a 204
   * allowing `PATCH` with `Authorization`, `Content-Type`, `Content-Encoding` and `X-Request-Id`
   * and any other header it asks for (cached 600 s), and every response to an allowed origin exposes `X-Request-Id`,
   * `WWW-Authenticate`, `Allow` and `Accept-Encoding`. No credentials mode (no cookies are used).
   * Anything else throws a TypeError naming `cors`.
   */
  cors?: CorsOption;
  /**
   * The reset endpoint, for tests in another process (`npm run mock -- --allow-reset`): `POST
   * /__puffle/reset` puts the store back to the seed the server started from (as
   * `app.puffle.store.reset()` does) and answers 204. Only for a request from a loopback address
   * with no `Origin` header (not from another machine, nor from a web page in a browser): 403
   * otherwise. Default false: the path is then a 404 like any other the spec does not have. A value
   * that is not a boolean throws a TypeError naming `allowReset`.
   */
  allowReset?: boolean | undefined;
}

/** The options of startServer: createServer's, where to listen, and a seed file (`dataFile` or `seed`, not both). */
export interface StartOptions extends ServerOptions {
  /** Default 4010; 0 picks any free port. */
  port?: number | undefined;
  /** Default "127.0.0.1". An IP address or a host name, as `--host` takes one (docs/server.md): anything else (`""`, `127.1`, `[::1]`, a URL) throws a TypeError naming `host`. */
  host?: string | undefined;
  /** A seed file to load instead of the default seed (the `--data FILE` format, see docs/server.md). A value that is not a non-empty string throws a TypeError naming `dataFile`. */
  dataFile?: string | undefined;
}

/** A listening reference server: what startServer resolves to. */
export interface RunningServer {
  /** e.g. `http://127.0.0.1:4010`; on a wildcard host (0.0.0.0, `::`), its loopback address (`http://127.0.0.1:4010`, `http://[::1]:4010`); a name without its final dot (`localhost.`: `http://localhost:4010`) */
  url: string;
  /** The port it listens on: the one picked when `port` was 0. */
  port: number;
  /** Stops listening and resolves once every connection is closed: requests still open after one second are cut. */
  close(): Promise<void>;
  /** Its Fastify instance (as createServer builds it); `app.puffle.store` holds its data. */
  app: PuffleFastifyInstance;
}

/** The response member that carries the record, per operation. */
const RECORD_MEMBER: Record<OperationId, "conversation" | "thread"> = {
  updateConversation: "conversation",
  updateThread: "thread",
};

/**
 * The record's JSON, per operation: JSON.stringify of the store's view, written faster
 * (record-json.ts). The store answers each operation with its own view (updateShared), hence the
 * cast where it is called.
 */
const RECORD_JSON: { [Op in OperationId]: (record: Conversation & Thread) => string } = {
  updateConversation: conversationJson,
  updateThread: threadJson,
};

const REQUEST_ID_PATTERN = /^[A-Za-z0-9._:\-]{1,200}$/;

/**
 * Headers on every response, beside X-Request-Id (docs/server.md): responses carry private records
 * and problem details, so nothing may be stored by a cache (`no-store`), and a browser must not sniff
 * a body into another type than the one declared (`nosniff`).
 */
const CACHE_CONTROL = "no-store";
const CONTENT_TYPE_OPTIONS = "nosniff";

/** The headers every response starts with: X-Request-Id, Cache-Control and X-Content-Type-Options. */
function stampReply(reply: FastifyReply, requestId: string): void {
  reply.header("x-request-id", requestId);
  reply.header("cache-control", CACHE_CONTROL);
  reply.header("x-content-type-options", CONTENT_TYPE_OPTIONS);
}

/** `Bearer <token>` (RFC 6750 b64token); the scheme is case-insensitive. */
const BEARER_PATTERN = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i;
const REALM = 'Bearer realm="puffle"';

function toFastifyPath(path: string): string {
  return path.replace(/\{([^}]+)\}/g, ":$1");
}

function pathPattern(path: string): RegExp {
  const source = path
    .split(/\{[^}]+\}/)
    .map((part) => part.replace(/[.*+?^$()|[\]\\]/g, "\\$&"))
    .join("[^/]*");
  return new RegExp(`^${source}$`);
}

/**
 * The problem each reply was answered with, for the request log's response line (its `res`
 * serializer, which Fastify hands the reply): a refused request's line gives its reason besides
 * its status. Only set, never read, when the log is off.
 */
const answeredProblems = new WeakMap<object, ProblemBody>();

/**
 * The log's reason for a problem whose detail is no text for the log (`sendProblem`'s `logReason`):
 * the 409's detail names the recipient's email address (the request's `participant_email`, or the
 * thread's), which the log, holding no body and no personal data, must not; its line names the
 * existing thread instead.
 */
const loggedReasons = new WeakMap<object, string>();

/**
 * A problem's reason as the log's response line gives it (`res.reason`): its first `errors` item,
 * as the client's messages name it (`unread_count must be >= 0`, `body must be object (got no
 * body)`; `(and 2 more)` when there are more), else its detail (`logReason` in its place when the
 * detail is no text for the log, see loggedReasons); on one line, the field name, message
 * and detail each cut to 200 characters (`shown`: a field name comes from the client).
 */
function problemReason(problem: ProblemBody, logReason?: string): string {
  if (logReason !== undefined) return logReason;
  const errors = problem.errors;
  const first = errors?.[0];
  if (errors === undefined || first === undefined) return shown(problem.detail ?? problem.title);
  const more = errors.length > 1 ? ` (${moreIssues(errors.length, 1)})` : "";
  return `${shown(issueLabel(first.path))} ${shown(first.message)}${more}`;
}

function sendProblem(reply: FastifyReply, body: ProblemBody, headers?: Record<string, string>, logReason?: string): FastifyReply {
  answeredProblems.set(reply, body);
  if (logReason !== undefined) loggedReasons.set(reply, logReason);
  if (headers !== undefined) for (const name of Object.keys(headers)) reply.header(name, headers[name]);
  // An answer to a request still waiting for its 100 Continue is final before its body was asked for:
  // the client may send that body yet, or not at all, so the connection closes after the answer (Node
  // closes it anyway, RFC 9110 §10.1.1) and nothing that arrives after it on the connection is processed.
  closesIfBeforeContinue(reply.request, reply);
  // Fastify's body reader sets `connection: close` on the replies to bodies it could not read (invalid
  // JSON, over the limit, a Content-Length that does not match); the 413 answered before reading sets it too.
  if (reply.getHeader("connection") === "close") closesAfter(reply.request);
  return reply.code(body.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(body));
}

/**
 * The connections whose answer to a request says `Connection: close`, with that request's arrival
 * (the first such). A client that pipelines sends its next requests before that answer arrives,
 * and Node parses and routes them though the connection closes after the answer and their own
 * answers are never written: RFC 9112 §9.6 says such requests must not be processed. A request that
 * arrived after it on that connection is answered (an answer Node discards) and not applied; the
 * reset endpoint does not reset either. One that arrived before it is served as usual (a 503 while
 * the server closes can be the answer to a request pipelined behind one still in progress).
 */
const closedAfterAnswer = new WeakMap<Socket, number>();
let arrivals = 0;

/** Numbers `request` in the order requests arrive (the first thing every hook does). */
function arrived(request: FastifyRequest): void {
  arrivals += 1;
  (request as PuffleRequest).puffleArrival = arrivals;
}

/** `request`'s answer closes its connection: the requests that arrived after it on that connection are not processed. */
function closesAfter(request: FastifyRequest): void {
  const arrival = (request as PuffleRequest).puffleArrival;
  const socket = request.raw.socket;
  const earlier = closedAfterAnswer.get(socket);
  if (arrival > 0 && (earlier === undefined || arrival < earlier)) closedAfterAnswer.set(socket, arrival);
}

/**
 * Whether `request` arrived after a request on its connection whose answer closes it; if so it is
 * answered (an answer Node discards, see closedAfterAnswer) and must not be processed further.
 */
function refusedAfterClose(request: FastifyRequest, reply: FastifyReply): boolean {
  const closedAt = closedAfterAnswer.get(request.raw.socket);
  if (closedAt === undefined || (request as PuffleRequest).puffleArrival <= closedAt) return false;
  request.log.info("not processed: an earlier answer on this connection closes it (Connection: close)");
  sendProblem(reply, problems.badRequest("An earlier request on this connection was answered with Connection: close; this one was not processed. Send it again on a new connection."));
  return true;
}

/**
 * The requests sent with `Expect: 100-continue` whose `100 Continue` is not written yet (see the
 * server's `checkContinue` listener): it is written when their body starts to be read, after every
 * check the headers allow has passed; an answer before that is final, and closes the connection.
 */
const awaitingContinue = new WeakSet<IncomingMessage>();

/**
 * An answer to `request` while it waits for its 100 Continue (awaitingContinue) says `Connection:
 * close` (Node closes the connection after it whatever the headers say: the client may still send
 * the body it held back, which must not be read as a request), and the requests that arrive after
 * it on the connection are not processed (closesAfter).
 */
function closesIfBeforeContinue(request: FastifyRequest, reply: FastifyReply): void {
  if (!awaitingContinue.has(request.raw)) return;
  reply.header("connection", "close");
  // A request the router refused (a malformed URL: frameworkErrors) ran no hook and has no arrival yet.
  if (!((request as PuffleRequest).puffleArrival > 0)) arrived(request);
  closesAfter(request);
}

/** The connections whose bytes after a request with `Connection: close` were ignored (logged once each). */
const dataAfterClose = new WeakSet<Socket>();

/** Each request's id (genReqId's), for the answer the clientError handler writes to a request still arriving. */
const requestIds = new WeakMap<IncomingMessage, string>();

/** Each connection's latest request's response (the request's arrival order is the answers' order). */
const latestResponses = new WeakMap<Socket, ServerResponse>();

/** The connections whose bytes that are not valid HTTP, after a request still being answered, were ignored (logged once each). */
const dataAfterInFlight = new WeakSet<Socket>();

/** The connections whose bytes that are not valid HTTP came after an answer already under way: closed once it is written (logged once each). */
const closingAfterAnswer = new WeakSet<Socket>();

/**
 * New request ids (`req_<20 hex>`, 80 random bits) cut from a pool of random bytes refilled
 * (randomFillSync) and hex-encoded once every 512 ids: one call into the CSPRNG per request cost
 * more than the rest of the id's work together, and one hex encoding per id (`toString("hex")` on
 * 10 bytes, a call into C++ each time) about 0.4 µs of a request's ~35 µs on the server.
 */
const ID_BYTES = 10;
const ID_POOL_IDS = 512;
const idPool = Buffer.alloc(ID_BYTES * ID_POOL_IDS);
let idHex = "";
let idIndex = ID_POOL_IDS;
function newRequestId(): string {
  if (idIndex === ID_POOL_IDS) {
    randomFillSync(idPool);
    idHex = idPool.toString("hex");
    idIndex = 0;
  }
  const start = idIndex * ID_BYTES * 2;
  idIndex += 1;
  return `req_${idHex.slice(start, start + ID_BYTES * 2)}`;
}

const JSON_CONTENT_TYPE = "application/json; charset=utf-8";

/** How long a request (its headers and its body) may take to arrive: the HTTP server's `requestTimeout`, 60 s. */
const REQUEST_TIMEOUT_MS = 60_000;

/** The problem for an error of Node's HTTP parser (a `clientError`), with the status Node itself gives it. */
function clientErrorProblem(code: string | undefined): ProblemBody {
  switch (code) {
    case "HPE_HEADER_OVERFLOW":
      return problems.headersTooLarge();
    case "HPE_CHUNK_EXTENSIONS_OVERFLOW":
      return problems.chunkExtensionsTooLarge();
    case "ERR_HTTP_REQUEST_TIMEOUT":
      return problems.requestTimeout();
    default:
      return problems.notHttp();
  }
}

/**
 * A whole HTTP/1.1 problem response as text, for a socket that has no Fastify reply (the request could
 * not be parsed). The body and headers are those sendProblem gives every other problem (Fastify adds
 * `; charset=utf-8` to a string body's type) with those stampReply gives every response, plus
 * `Connection: close`: the socket is closed after it.
 * With CORS on, the allowed origin when it does not depend on the request's `Origin` (which was not
 * parsed), and `Vary: Origin` when the allowed origins are listed, as on every other response.
 */
function rawProblemResponse(body: ProblemBody, requestId: string, cors: CorsPolicy | undefined): string {
  const json = JSON.stringify(body);
  const allowOrigin = cors?.unparsedOrigin;
  return (
    `HTTP/1.1 ${body.status} ${STATUS_CODES[body.status] ?? ""}\r\n` +
    `x-request-id: ${requestId}\r\n` +
    `cache-control: ${CACHE_CONTROL}\r\n` +
    `x-content-type-options: ${CONTENT_TYPE_OPTIONS}\r\n` +
    (cors?.varies ? "vary: Origin\r\n" : "") +
    (allowOrigin !== undefined ? `access-control-allow-origin: ${allowOrigin}\r\naccess-control-expose-headers: ${CORS_EXPOSE_HEADERS}\r\n` : "") +
    `content-type: ${PROBLEM_CONTENT_TYPE}; charset=utf-8\r\n` +
    `content-length: ${Buffer.byteLength(json)}\r\n` +
    `Date: ${new Date().toUTCString()}\r\n` +
    "Connection: close\r\n\r\n" +
    json
  );
}

/** The scheme and authority of an absolute-form request target (`http://user:pass@host:port`). */
const ABSOLUTE_FORM_ORIGIN = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^/?#]*/;

/**
 * A request target's path, without its query and fragment: what the 405 and CORS checks match and
 * the log shows. An absolute-form target (`http://user:pass@host/api/…`, RFC 9112 §3.2.2), which
 * the router serves as its path, is read without its scheme and authority: a user name and password
 * there never reach the log, and another method is still the path's 405.
 */
function pathOf(url: string): string {
  let path = url;
  if (url.charCodeAt(0) !== 47) {
    const origin = ABSOLUTE_FORM_ORIGIN.exec(url);
    // No path after the authority (`http://host`, `http://host?q`) is "/", as the router reads it.
    if (origin !== null) path = url.charCodeAt(origin[0].length) === 47 ? url.slice(origin[0].length) : `/${url.slice(origin[0].length)}`;
  }
  const end = path.search(/[?#]/);
  return end === -1 ? path : path.slice(0, end);
}

/**
 * The path the log shows: pathOf, with everything up to the last `@` as `***` for an absolute-form
 * target. A user name or password holding a `/` of its own (`http://u:pa/ss@host/api/…`, not
 * percent-encoded) ends the authority early, so the path the router serves begins inside them.
 */
function loggedPathOf(url: string): string {
  const path = pathOf(url);
  return url.charCodeAt(0) !== 47 && path.includes("@") ? path.replace(/^[\s\S]*@/, "/***@") : path;
}

/** Node's `continueExpression` (lib/_http_server.js): an `Expect` it answers with 100 Continue. */
const CONTINUE_EXPECTATION = /(?:^|\W)100-continue(?:$|\W)/i;

/**
 * The `Expect` header of an HTTP/1.1 request that Node would not answer with 100 Continue (it emits
 * `checkExpectation` for it, or answers a bare 417 itself), or undefined. The same rule for a request
 * from `app.inject()`, which Node's parser never sees (several values, as inject may pass, are read
 * joined, as Node joins repeated `Expect` lines).
 */
function unmetExpectation(req: IncomingMessage): string | undefined {
  if (req.httpVersionMajor !== 1 || req.httpVersionMinor !== 1) return undefined;
  const header: unknown = req.headers.expect;
  const value = Array.isArray(header) ? header.join(", ") : header;
  return typeof value === "string" && !CONTINUE_EXPECTATION.test(value) ? value : undefined;
}

/**
 * Why `JSON.parse` refused a body, without the body's text: V8 quotes it for an unexpected token
 * (`Unexpected token 'h', "hunter2 is"... is not valid JSON`: the whole body when it is short, else
 * about ten characters on either side), and the reason goes into the 400's `errors` and the request
 * log's line, which holds no body. The token is kept (`Unexpected token 'h'`); the other reasons
 * give a position and quote nothing (`… in JSON at position 8`).
 */
function jsonParseReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const token = /^(Unexpected token '[\s\S]+?'), [\s\S]* is not valid JSON$/.exec(message);
  return token?.[1] !== undefined ? `${token[1]} (the body's text is not quoted)` : message;
}

/** An error of the JSON body parser, already shaped as the problem to send. */
class BodyParseError extends Error {
  readonly statusCode = 400;
  readonly problem: ProblemBody;
  constructor(problem: ProblemBody) {
    super(problem.detail);
    this.name = "BodyParseError";
    this.problem = problem;
  }
}

/**
 * `stream` whose `write` may throw (a full disk, a closed test stream): pino calls it inside the
 * listening event and request handling, so a throw ended the process with a stack trace (or left
 * the request unanswered). The line is dropped and the server goes on; the first such error is a
 * process warning (PUFFLE_LOG_STREAM), once per server. Every other member is the stream's own
 * (a Proxy: pino reads and sets a multistream's metadata on it).
 */
function guardedLogStream(stream: { write(line: string): void }): { write(line: string): void } {
  let warned = false;
  const write = (line: string): void => {
    try {
      stream.write(line);
    } catch (error) {
      if (warned) return;
      warned = true;
      process.emitWarning(`puffle-api: the server's logStream.write threw (${shown(error instanceof Error ? error.message : String(error))}); its log lines are dropped, the server goes on`, { code: "PUFFLE_LOG_STREAM" });
    }
  };
  return new Proxy(stream, { get: (target, key) => (key === "write" ? write : Reflect.get(target, key, target)) });
}

function loggerOptions(options: ServerOptions) {
  if (!options.logger && options.logStream === undefined) return false;
  return {
    level: "info",
    ...(options.logStream !== undefined ? { stream: guardedLogStream(options.logStream) } : {}),
    // Belt and braces: the serializers below never include headers, and should a header object ever
    // reach a log line, its credentials are censored.
    redact: { paths: ["req.headers.authorization", "req.headers.cookie", "headers.authorization"], censor: "[redacted]" },
    // Text a client chose reaches the log (the names of dropped fields, error messages): pino's JSON
    // escapes C0 controls but leaves DEL, C1 controls, bidirectional formatting and U+2028/U+2029 as
    // they are, which could drive a terminal that shows the log or disguise a line. Every line is
    // written with them as \uXXXX escapes (src/unsafe-text.ts): the same JSON, safe to print.
    hooks: { streamWrite: escapeUnsafeInJson },
    serializers: {
      req: (req: { method?: string; url?: string }) => ({ method: req.method, url: loggedPathOf(req.url ?? "") }),
      // The response line ("request completed", and Fastify's other lines given the reply) names
      // the request's method and path as its "incoming request" line does (the path by the same
      // rule, loggedPathOf: no query, no credentials of an absolute-form target), so that it reads
      // without a join by reqId; a refused request's line gives the problem's reason too
      // (problemReason). The HTTP parser's rejection passes a plain `{ statusCode }`: no request.
      // Serializers run only for a line that is written: nothing of this runs when the log is off.
      res: (res: { statusCode?: number; request?: { method?: string; url?: string } }) => {
        const request = res.request;
        const problem = answeredProblems.get(res);
        const reason = problem === undefined ? undefined : problemReason(problem, loggedReasons.get(res));
        if (request === undefined) return reason === undefined ? { statusCode: res.statusCode } : { statusCode: res.statusCode, reason };
        const line = { method: request.method, url: loggedPathOf(request.url ?? ""), statusCode: res.statusCode };
        return reason === undefined ? line : { ...line, reason };
      },
    },
  };
}

/**
 * A boolean option (`allowReset`, `logger`): a value that is not a boolean (`"yes"`, `1`, `"false"`)
 * is refused rather than read as truthy or falsy (`allowReset` opens an endpoint that wipes the
 * store): a TypeError naming the option.
 */
function checkFlag(name: string, option: unknown, where: string): void {
  if (option !== undefined && typeof option !== "boolean") {
    throw new TypeError(`${where}: ${name} must be true or false (or left out: off); got ${describe(option)}`);
  }
}

/**
 * `logger` and `logStream` are checked as `allowReset` is: a `logger` that is not a boolean was read
 * as truthy or falsy, and a `logStream` without a `write` method (`"x"`, `{}`, `null`) was handed
 * to pino, which wrote to a file of that name or to stdout, or threw from the listening event,
 * outside any caller's reach (the process ended with a stack trace).
 * `logger: false` with a `logStream` is refused: the stream won, and the server logged.
 */
function checkLogOptions(logger: unknown, logStream: unknown, where: string): void {
  checkFlag("logger", logger, where);
  if (logStream !== undefined && (logStream === null || typeof logStream !== "object" || typeof (logStream as { write?: unknown }).write !== "function")) {
    throw new TypeError(`${where}: logStream must be an object with a write(line) method (or left out: stdout); got ${describe(logStream)}`);
  }
  // A stream implies the log, so `logger: false` beside one was overridden without a word (the
  // server logged to it). Asked for both, no log and a log, it cannot do both: say so.
  if (logger === false && logStream !== undefined) {
    throw new TypeError(`${where}: logger is false but logStream is given: a logStream turns the log on (it implies logger: true); leave logStream out for no log, or logger out (or true) to log to it`);
  }
}

/** The reference server, not listening. Each call starts from a fresh deep copy of the seed. */
export function createServer(options: ServerOptions = {}): PuffleFastifyInstance {
  try {
    return buildServer(options);
  } catch (error) {
    // V8's own message ("Code generation from strings disallowed for this context") names neither the
    // cause nor the way out; the EvalError comes from the first route registered (see
    // CODE_GENERATION_DISALLOWED in ./launch.js).
    if (error instanceof EvalError) throw new EvalError(`createServer: ${CODE_GENERATION_DISALLOWED}`, { cause: error });
    throw error;
  }
}

/** The keys of createServer's options; startServer's add START_OPTION_KEYS. */
const SERVER_OPTION_KEYS = Object.keys({ seed: true, logger: true, logStream: true, cors: true, allowReset: true } satisfies Record<keyof ServerOptions, true>);
const START_OPTION_KEYS = [...SERVER_OPTION_KEYS, ...Object.keys({ port: true, host: true, dataFile: true } satisfies Record<Exclude<keyof StartOptions, keyof ServerOptions>, true>)];

/**
 * An options object is a plain object whose keys are all known: any other key (a misspelled
 * `allowreset`, `data` for `dataFile`) was ignored, the server started without it. A TypeError naming
 * the key, as the other options' checks name theirs, with the known key it is likely a slip for.
 */
function checkOptionKeys(options: unknown, known: readonly string[], where: string): void {
  if (options === null || typeof options !== "object") throw new TypeError(`${where}: options must be an object (or left out); got ${describe(options)}`);
  // A Map's entries, a Promise's value (an await left out): no keys, so the server started with the defaults.
  const issue = optionsIssue(options, known);
  if (issue === undefined) return;
  if (issue.key === undefined) throw new TypeError(`${where}: options ${issue.rule}`);
  // startServer's own (`port`, `host`, `dataFile`) given to createServer: not a slip for another key.
  if (!known.includes(issue.key) && START_OPTION_KEYS.includes(issue.key)) {
    throw new TypeError(`${where}: ${issue.key} is an option of startServer, not of ${where} (the options are ${known.join(", ")})`);
  }
  throw new TypeError(`${where}: ${issue.key} ${issue.rule}`);
}

function buildServer(options: ServerOptions): PuffleFastifyInstance {
  checkOptionKeys(options, SERVER_OPTION_KEYS, "createServer");
  const corsOrigins = corsOriginsOf(options.cors, "createServer");
  checkFlag("allowReset", options.allowReset, "createServer");
  checkLogOptions(options.logger, options.logStream, "createServer");
  // Only `undefined` takes the default: `null` is checked (and refused) as any other seed is.
  const seed = validateSeed(options.seed === undefined ? defaultSeed : options.seed);
  const store = new Store(seed);
  const cors = corsOrigins !== undefined ? corsPolicy(corsOrigins) : undefined;
  /**
   * With CORS on, the CORS headers of every response to `request` (set with its X-Request-Id, before
   * any check can answer): `Access-Control-Allow-Origin` and `-Expose-Headers` for an allowed origin,
   * and `Vary: Origin` when the answer depends on it. Undefined when CORS is off: nothing to run.
   */
  const addCorsHeaders =
    cors === undefined
      ? undefined
      : (request: FastifyRequest, reply: FastifyReply) => {
          if (cors.varies) reply.header("vary", "Origin");
          const allowed = cors.allowOrigin(request.headers.origin);
          if (allowed !== undefined) {
            reply.header("access-control-allow-origin", allowed);
            reply.header("access-control-expose-headers", CORS_EXPOSE_HEADERS);
          }
        };

  const app = fastify({
    logger: loggerOptions(options),
    genReqId: (req) => {
      const given = req.headers["x-request-id"];
      const id = typeof given === "string" && REQUEST_ID_PATTERN.test(given) ? given : newRequestId();
      requestIds.set(req, id);
      return id;
    },
    routerOptions: { maxParamLength: 16_384 },
    // A request must arrive whole (headers and body) within REQUEST_TIMEOUT_MS, or it is a 408 and
    // the connection is closed (Node checks every 30 s). Fastify's default, 0, let a client that sent
    // the headers and then part of a body, or nothing more, hold its connection and buffer for ever.
    requestTimeout: REQUEST_TIMEOUT_MS,
    // Duplicates of a header Node keeps only one of (Authorization, Content-Type, …) are joined with
    // ", " instead of all but the first being dropped: two Authorization headers then match no
    // `Bearer <token>` (a 401), rather than the first being used whatever a proxy made of them.
    http: { joinDuplicateHeaders: true },
    // The one HTTP server every connection goes through, built as Fastify builds its own (lib/server.js:
    // the `http` options, keepAliveTimeout, requestTimeout, connectionTimeout), so that what is set on
    // it (clientErrorHandler, the checkExpectation and checkContinue listeners, maxHeadersCount, below) holds for every
    // address. Without a factory, Fastify listening on `localhost` served each further address it
    // resolves to (::1 besides 127.0.0.1) with another server of its own, with none of that and out
    // of reach of closeAllConnections. Given one, Fastify binds one address; startServer adds the
    // others, whose connections this server serves (listenOnOtherAddresses).
    serverFactory: (handler, settings) => {
      const server = createHttpServer(settings.http as { joinDuplicateHeaders: boolean }, (req: IncomingMessage, res: ServerResponse) => {
        latestResponses.set(req.socket, res);
        handler(req, res);
      });
      server.keepAliveTimeout = settings.keepAliveTimeout as number;
      server.requestTimeout = settings.requestTimeout as number;
      server.setTimeout(settings.connectionTimeout as number);
      return server;
    },
    // A request arriving on an open connection while the server closes is answered by the hooks
    // below (a 503 problem, see `closing`), not by Fastify's own 503, which had neither the headers
    // every response carries nor the problem shape. Fastify still adds `Connection: close`.
    return503OnClosing: false,
    // A URL the router cannot decode. Fastify logs the request here but, unlike for a routed request,
    // not the response, so the response line ("request completed", as Fastify words it) is logged here.
    frameworkErrors: (error, request, reply) => {
      stampReply(reply, request.id);
      addCorsHeaders?.(request, reply);
      request.log.info({ code: error.code }, "rejected a malformed request");
      const started = performance.now();
      reply.raw.once("finish", () => {
        reply.log.info({ res: reply, responseTime: performance.now() - started }, "request completed");
      });
      sendProblem(reply, problems.badRequest("The request URL is malformed."));
    },
    // A request Node's HTTP parser rejects (headers too large, a bad Content-Length, not HTTP at all, a
    // bad chunk of a body) gets no Fastify reply: the answer is written to the socket, which is then
    // closed, as Fastify's default handler does, but as a problem with an X-Request-Id (the id of the
    // request still arriving, if any; else a new one) and the status Node itself would send. Nothing is written
    // to a socket that is no longer writable. Only this error path pays for any of it, but for the
    // two WeakMap entries per request, its connection's latest response and its id (latestResponses,
    // requestIds, ~25 ns each of a request's ~35 µs).
    clientErrorHandler: (error: ConnectionError, socket: Socket) => {
      if (error.code === "ECONNRESET" || socket.destroyed) return;
      // Bytes after a request that said `Connection: close` (a client pipelining past it): that
      // request is valid, and its answer is still to be written, after which Node closes the
      // connection. The bytes are ignored (RFC 9112 §9.6: the requests after it are not processed);
      // a 400 here went out in place of that answer, for a request that was applied.
      if (error.code === "HPE_CLOSED_CONNECTION") {
        if (!dataAfterClose.has(socket)) app.log.info({ code: error.code }, "ignored data after a request with Connection: close");
        dataAfterClose.add(socket);
        return;
      }
      // The parser checks how a body is framed after it has handed the request over (`Transfer-Encoding:
      // gzip`, chunked not last) and reads a chunked body after a hook may have answered (a 401): a
      // request already answered gets no second response (a keep-alive client would read it as the
      // answer to its next request), as Node's own handler does; the connection is closed.
      const inFlight = (socket as Socket & { _httpMessage?: { headersSent?: boolean } | null })._httpMessage;
      // Bytes that are not valid HTTP after a request that arrived whole and is not answered yet (a
      // client sent more body than its Content-Length said, or a pipelined request that is no HTTP):
      // the 400 went out at once, in place of that request's answer, and the connection closed, so a
      // request that was applied was answered "could not be parsed" under another request id and its
      // log line never came. It is answered now, with `Connection: close` (the bytes are not
      // processed, as after a request that said so); the requests pipelined before it are answered too.
      const latest = latestResponses.get(socket);
      // An earlier pipelined answer may still be being written (`inFlight`, its headers sent): the
      // bytes are no part of its request either, and closing here would cut it short and drop this one.
      if (latest !== undefined && latest.req.complete && !latest.headersSent && !latest.writableEnded) {
        if (!dataAfterInFlight.has(socket)) app.log.info({ code: error.code }, "ignored data that is not valid HTTP after a request still being answered; its answer closes the connection");
        dataAfterInFlight.add(socket);
        latest.setHeader("connection", "close");
        return;
      }
      // An answer already under way (its headers sent; ended perhaps, but not yet flushed: a large
      // answer to a slow reader, a small one whose write is still pending) gets no second response,
      // and the connection is closed once the answers written so far have been flushed, as Node
      // closes one after a `Connection: close` answer (destroySoon): destroying it at once cut that
      // answer short. The bytes are the answered request's own body (a 401 before its bad chunk was
      // read), or bytes after a request that arrived whole; the log line says which, once.
      if (inFlight?.headersSent === true) {
        if (!closingAfterAnswer.has(socket)) {
          closingAfterAnswer.add(socket);
          const answered = inFlight as ServerResponse;
          app.log.info(
            { code: error.code },
            answered.req.complete
              ? "ignored data that is not valid HTTP after an answered request; the connection is closed once its answer is written"
              : "closed the connection of an answered request whose body is not valid HTTP",
          );
          // The last answer on the connection is flushed after every earlier one (answers go out in the
          // requests' order); a later request still arriving (not answered, its body refused) gets none.
          const last = latest !== undefined && (latest === answered || latest.writableEnded) ? latest : answered;
          if (last.writableFinished) socket.destroySoon();
          else last.once("close", () => socket.destroySoon());
        }
        return;
      }
      if (socket.writable) {
        const body = clientErrorProblem(error.code);
        // The answer to a request still arriving (a bad chunk of its body) carries that request's id,
        // the one its log lines have (a client's own X-Request-Id, echoed); bytes that are no request
        // of their own get a new one.
        const pending = latest !== undefined && !latest.headersSent && !latest.writableEnded ? requestIds.get(latest.req) : undefined;
        const id = pending ?? newRequestId();
        app.log.info({ reqId: id, code: error.code, res: { statusCode: body.status } }, "rejected a request that is not valid HTTP");
        socket.write(rawProblemResponse(body, id, cors));
      }
      socket.destroy(error);
    },
  }) as unknown as PuffleFastifyInstance;

  /**
   * Answers given before any check, to requests that must not be served: while the server closes
   * (set by the first preClose hook, right after Fastify's own flag), a 503; to an HTTP/1.1 `Expect`
   * other than `100-continue`, a 417. Node answers that one itself, without a request event, unless
   * the server listens for `checkExpectation`: the listener routes the request as Node would any
   * other, so the hooks answer it with the headers and problem shape of every other error. The hooks
   * read the header by Node's own rule (`unmetExpectation`), not a mark the listener sets: a request
   * made with `app.inject()` never meets Node's parser, and an `Expect: 200-ok` there was served (a
   * 200, the update applied) where the same request over a socket is the 417.
   */
  let closing = false;
  /** Once the server closes, an answer's connection left idle by it is closed at once (see the routes' handler). */
  const closeIdleConnections = () => app.server.closeIdleConnections();
  app.addHook("preClose", (done) => {
    closing = true;
    done();
  });
  app.server.on("checkExpectation", (req: IncomingMessage, res: ServerResponse) => {
    latestResponses.set(req.socket, res);
    app.routing(req, res);
  });
  // `Expect: 100-continue`: Node wrote `100 Continue` at once when nothing listened for this, so a
  // client holding its body back for it sent the whole body, then got a 401, a 413 or a 415 that the
  // headers already called for. The request is handed on as Node hands on any other (the "request"
  // event), and its 100 is written when its body starts to be read (the stream's "resume": Fastify's
  // JSON reader, or the first-byte read of a body without a Content-Type), that is once every check
  // the headers allow has passed. A request answered before that gets no 100 (its answer says
  // `Connection: close`, see sendProblem); Node's own read-and-drop of an unread body after the
  // answer resumes the stream too, hence `headersSent`. (`app.inject()` has no socket and never
  // comes here.)
  app.server.on("checkContinue", (req: IncomingMessage, res: ServerResponse) => {
    awaitingContinue.add(req);
    req.once("resume", () => {
      if (awaitingContinue.delete(req) && !res.headersSent && !res.writableEnded) res.writeContinue();
    });
    app.server.emit("request", req, res);
  });
  const refusalOf = (request: FastifyRequest): ProblemBody | undefined => {
    if (closing) return problems.serviceUnavailable();
    const expectation = unmetExpectation(request.raw);
    if (expectation !== undefined) return problems.expectationFailed(expectation);
    return undefined;
  };

  // Node's parser frames a request with every header it got, but hands over only the first 1000 (its
  // maxHeadersCount, 2000, counts names and values): a second Authorization, a Content-Encoding or a
  // Transfer-Encoding after 1000 filler lines went unseen. Every header is kept; their total size
  // is still bounded by Node's 16 KiB (a 431 past it).
  app.server.maxHeadersCount = 0;

  app.decorate("puffle", { store });
  // The user the route's onRequest hook authenticated (a request property, set on every request).
  app.decorateRequest("puffleUser", null);
  app.decorateRequest("puffleGeneration", 0);
  app.decorateRequest("puffleArrival", 0);

  const operationPaths = operationIds.map((op) => ({ op, pattern: pathPattern(meta[op].path) }));
  const operationOf = (request: FastifyRequest) => {
    const path = pathOf(request.url);
    return operationPaths.find(({ pattern }) => pattern.test(path));
  };
  const allowReset = options.allowReset === true;
  /** The operation whose path `request` names with a method it does not allow (or the reset endpoint's, when on), if any. */
  const disallowedMethodOf = (request: FastifyRequest) => {
    const match = operationOf(request);
    if (match === undefined) return allowReset && pathOf(request.url) === RESET_PATH ? RESET_METHODS : undefined;
    const allowed: readonly string[] = meta[match.op].behaviour.allowedMethods;
    return allowed.includes(request.method) ? undefined : allowed;
  };
  const sendMethodNotAllowed = (request: FastifyRequest, reply: FastifyReply, allowed: readonly string[]) =>
    sendProblem(reply, problems.methodNotAllowed(request.method, allowed), { allow: allowed.join(", ") });
  const sendPreflight = (request: FastifyRequest, reply: FastifyReply) => {
    if (cors?.varies) reply.header("vary", "Origin");
    const allowed = cors?.allowOrigin(request.headers.origin);
    if (allowed !== undefined) {
      reply.header("access-control-allow-origin", allowed);
      reply.header("access-control-allow-methods", CORS_ALLOW_METHODS);
      reply.header("access-control-allow-headers", corsAllowHeaders(request.headers["access-control-request-headers"]));
      reply.header("access-control-max-age", String(CORS_MAX_AGE_SECONDS));
    }
    closesIfBeforeContinue(request, reply);
    reply.code(204).send();
  };

  // Only JSON bodies: everything else is a 415 (Fastify's FST_ERR_CTP_INVALID_MEDIA_TYPE).
  app.removeAllContentTypeParsers();
  // Read as bytes: JSON text is UTF-8 (RFC 8259 §8.1), and bytes that are not would be decoded with
  // U+FFFD in their place and stored so; they are a 400 like any other body that is not JSON.
  app.addContentTypeParser("application/json", { parseAs: "buffer" }, (_request, body, done) => {
    const bytes = body as Buffer;
    // No bytes at all (`curl -X PATCH -H 'Content-Type: application/json' URL`, its -d forgotten) is
    // no body, as without a Content-Type: normalizeRequestBody's "got no body", not JSON.parse's
    // "Unexpected end of JSON input".
    if (bytes.length === 0) {
      done(null, undefined);
      return;
    }
    if (!isUtf8(bytes)) {
      done(new BodyParseError(problems.invalidJson("its bytes are not UTF-8")), undefined);
      return;
    }
    // A UTF-8 byte order mark (a file saved "UTF-8 with BOM", sent as it is) is not JSON text (RFC
    // 8259 §8.1), and JSON.parse's reason quoted it invisibly ("Unexpected token '', …"): say what it is.
    if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
      done(new BodyParseError(problems.invalidJson("it starts with a byte order mark, U+FEFF; send it without one")), undefined);
      return;
    }
    let value: unknown;
    try {
      value = parseJsonBody(bytes.toString("utf8"));
    } catch (error) {
      if (error instanceof BodyDepthError) done(new BodyParseError(problems.tooDeep(error.pointer)), undefined);
      else done(new BodyParseError(problems.invalidJson(jsonParseReason(error))), undefined);
      return;
    }
    done(null, value);
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof BodyParseError) return sendProblem(reply, error.problem);
    switch (error.code) {
      case "FST_ERR_CTP_BODY_TOO_LARGE":
        return sendProblem(reply, problems.tooLarge(request.routeOptions.bodyLimit ?? 0));
      case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
        return sendProblem(reply, problems.unsupportedMediaType());
      case "FST_ERR_CTP_INVALID_CONTENT_LENGTH":
        return sendProblem(reply, problems.badRequest("The Content-Length header does not match the request body."));
      default:
        break;
    }
    if (typeof error.statusCode === "number" && error.statusCode >= 400 && error.statusCode < 500) {
      request.log.info({ code: error.code }, error.message);
      return sendProblem(reply, problems.badRequest(error.message));
    }
    request.log.error({ err: { message: error.message, code: error.code } }, "request failed");
    return sendProblem(reply, problems.internal());
  });

  // Hooks are callback-style (request, reply, done): Fastify runs them without a promise and a
  // microtask each. A hook that answers sends the reply and does not call done. Every request runs
  // exactly one onRequest hook, and its first step sets X-Request-Id and the headers every response
  // carries (stampReply): each route has its own (below),
  // and the not-found handler's lives with it in a scope of its own, so that it runs for the requests
  // no route matches and only for them.
  app.register((scope, _options, registered) => {
    scope.addHook("onRequest", (request, reply, done) => {
      arrived(request);
      stampReply(reply, request.id);
      const refusal = refusalOf(request);
      if (refusal !== undefined) {
        addCorsHeaders?.(request, reply);
        sendProblem(reply, refusal);
        return;
      }
      if (addCorsHeaders !== undefined) {
        // A CORS preflight (OPTIONS with Access-Control-Request-Method) on an operation's path: 204,
        // allowing the method and headers only to an allowed origin (without them the browser blocks
        // the request). Any other OPTIONS is a 405, as with CORS off.
        if (request.method === "OPTIONS" && request.headers["access-control-request-method"] !== undefined && operationOf(request) !== undefined) {
          sendPreflight(request, reply);
          return;
        }
        addCorsHeaders(request, reply);
      }
      // The method is check 1 (docs/server.md): answer 405 before the body is read, so that no body
      // (empty, invalid, too deep, too large, another content type) turns it into a 4xx of its own.
      const allowed = disallowedMethodOf(request);
      if (allowed !== undefined) {
        sendMethodNotAllowed(request, reply, allowed);
        return;
      }
      // A path no route serves is a 404 whatever the body: one still held back for a 100 Continue is
      // not asked for (a request without Expect is answered once its body has been read, as before).
      if (awaitingContinue.has(request.raw)) {
        sendProblem(reply, problems.routeNotFound());
        return;
      }
      done();
    });
    scope.setNotFoundHandler((_request, reply) => sendProblem(reply, problems.routeNotFound()));
    registered();
  });

  for (const op of operationIds) {
    const operation = meta[op];
    const member = RECORD_MEMBER[op];
    const maxBodyBytes = operation.behaviour.maxBodyBytes;
    /** `{"thread":` / `{"conversation":`: the 200 body is this, the record's JSON, and `}`. */
    const okPrefix = `{${JSON.stringify(member)}:`;
    const recordJson = RECORD_JSON[op];
    app.route({
      method: operation.method,
      url: toFastifyPath(operation.path),
      bodyLimit: maxBodyBytes,
      // Checks 2, 3, 4 (for a JSON body: its charset and content coding) and 5 of docs/server.md,
      // in that order, before the body is read.
      onRequest: (request, reply, done) => {
        arrived(request);
        stampReply(reply, request.id);
        addCorsHeaders?.(request, reply);
        if (refusedAfterClose(request, reply)) return;
        const refusal = refusalOf(request);
        if (refusal !== undefined) {
          sendProblem(reply, refusal);
          return;
        }
        // A transfer coding other than chunked (`gzip, chunked`, which Node accepts and only
        // de-chunks) would leave the body coded: it is refused unread, before any other check, with
        // the 501 RFC 9112 §6.1 gives a coding the server does not understand (Node's 400 for the
        // codings it cannot frame, `chunked, gzip`, is §6.3's). (No header: nothing to do.)
        const transferEncoding = request.headers["transfer-encoding"];
        if (transferEncoding !== undefined && transferEncoding !== "chunked") {
          // `chunked` not last (`gzip`): the body's length cannot be known, RFC 9112 §6.3's 400, which
          // Node's parser sends, but only after this hook has run (so not the 501, nor a 401 first).
          const last = transferEncoding.split(",").map((coding) => coding.trim()).filter((coding) => coding !== "").pop();
          if (last !== undefined && last.toLowerCase() !== "chunked") {
            reply.header("connection", "close");
            sendProblem(reply, problems.notHttp());
            return;
          }
          const codings = transferCodings(transferEncoding);
          if (codings.length > 0) {
            sendProblem(reply, problems.unsupportedTransferCoding(codings));
            return;
          }
        }
        // 2: the bearer token names a user.
        const header = request.headers.authorization;
        if (header === undefined || header === "") {
          sendProblem(reply, problems.unauthorized(), { "www-authenticate": REALM });
          return;
        }
        const match = BEARER_PATTERN.exec(header);
        const user = match?.[1] !== undefined ? store.authenticate(match[1]) : undefined;
        if (user === undefined) {
          sendProblem(reply, problems.unauthorized(), { "www-authenticate": `${REALM}, error="invalid_token"` });
          return;
        }
        (request as PuffleRequest).puffleUser = user;
        (request as PuffleRequest).puffleGeneration = store.generation;
        // 3: the path id matches the spec's pattern.
        const checked = validatePathParams(op, request.params);
        if (!checked.valid) {
          sendProblem(reply, problems.invalidId(checked.errors));
          return;
        }
        // 4: a JSON body is read as UTF-8 with no content coding; one declared in another charset
        // or compressed would be misread (parsed as UTF-8, or its compressed bytes as JSON), so it
        // is a 415 naming what was sent. (Another media type is Fastify's 415, after this hook.)
        const contentType = request.headers["content-type"];
        const json = contentType !== undefined && isJsonType(contentType);
        if (json) {
          // (`application/json` alone, the usual header, has no charset to check.)
          const charset = contentType.length === "application/json".length ? undefined : unsupportedCharset(contentType);
          if (charset !== undefined) {
            sendProblem(reply, problems.unsupportedCharset(charset));
            return;
          }
          const contentEncoding = request.headers["content-encoding"];
          const codings = contentEncoding === undefined ? undefined : contentCodings(contentEncoding);
          if (codings !== undefined && codings.length > 0) {
            // RFC 9110 §12.5.3: a 415 due to a content coding lists the codings accepted.
            sendProblem(reply, problems.unsupportedContentEncoding(codings), { "accept-encoding": "identity" });
            return;
          }
        }
        // 4, without a Content-Type: no bytes is no body (check 7's 400 "got no body", as with
        // Content-Length: 0), any byte a 415. Fastify decides a body is present from the framing
        // headers alone (any Transfer-Encoding, a Content-Length other than the string "0") and
        // answers 415 unread, so a chunked body with no chunks, or `Content-Length: 00`, was a 415:
        // a chunked one is read up to its first byte or its end to tell.
        if (contentType === undefined) {
          const length = request.headers["content-length"];
          if (transferEncoding !== undefined) {
            void firstByteOrEnd(request.raw).then((seen) => {
              // (Again, as in the handler: an earlier request on this connection may have been refused meanwhile.)
              if (refusedAfterClose(request, reply)) return;
              if (seen === "end") sendNoBody(op, reply);
              else if (seen === "byte") sendProblem(reply, problems.unsupportedMediaType());
              else sendProblem(reply, problems.badRequest(`The request body could not be read: ${seen.error}`));
            });
            return;
          }
          if (length !== undefined && length !== "0" && Number(length) === 0) {
            sendNoBody(op, reply);
            return;
          }
        }
        // 5, by Content-Length: a JSON body declared over the limit is a 413 answered here. Fastify's
        // own check sends it with `Connection: close` and closes the socket while the client may
        // still be sending, so under load the client saw a reset instead of the 413. Here the
        // body is read and discarded first (up to DRAIN_MAX_BYTES / DRAIN_MAX_MS, past which the
        // connection is cut as before), then the 413 goes out and the connection is closed.
        // (Other content types go on to their 415; a chunked body over the limit is still cut
        // off by Fastify's reader.)
        const declared = Number(request.headers["content-length"]);
        if (json && Number.isFinite(declared) && declared > maxBodyBytes) {
          // Held back for a 100 Continue: the body is not asked for, so there is nothing to drain; the
          // 413 goes out at once, with `Connection: close` (sendProblem).
          if (awaitingContinue.has(request.raw)) {
            sendProblem(reply, problems.tooLarge(maxBodyBytes));
            return;
          }
          // Marked now, not when the 413 goes out after the drain: a request pipelined behind this one
          // is routed as soon as this body has passed.
          closesAfter(request);
          void discard(request.raw, DRAIN_MAX_BYTES, DRAIN_MAX_MS).then(() => {
            sendProblem(reply, problems.tooLarge(maxBodyBytes), { connection: "close" });
          });
          return;
        }
        done();
      },
      handler: (request, reply) => {
        // Again here: an earlier request on this connection whose body could not be read (invalid
        // JSON) is answered, with `Connection: close`, after this one's headers have arrived.
        if (refusedAfterClose(request, reply)) return;
        // A request in progress when the server began to close (its body still arriving) is answered,
        // and its connection then closed if it is idle: kept alive, it stayed open until close()'s
        // grace period cut it (close() took CLOSE_GRACE_MS whenever a request was in flight). Not
        // `Connection: close` on the answer: a request pipelined behind it still gets its 503.
        if (closing) reply.raw.once("finish", closeIdleConnections);
        let user = (request as PuffleRequest).puffleUser;
        if (user === null) throw new Error("onRequest did not authenticate the request");
        // The store was reset or restored while the body was read (store.reset() / restore(), called
        // by a test or for another request): the token is checked again against the data the update
        // will be applied to, so one the restored seed lacks is a 401, as it would be now.
        if ((request as PuffleRequest).puffleGeneration !== store.generation) {
          user = store.authenticate(user.token) ?? null;
          if (user === null) {
            sendProblem(reply, problems.unauthorized(), { "www-authenticate": `${REALM}, error="invalid_token"` });
            return;
          }
        }
        const { id } = request.params as { id: string };
        const normalized = normalizeRequestBody(op, request.body);
        if (!normalized.ok) {
          sendRefusedBody(reply, normalized);
          return;
        }
        if (normalized.dropped.length > 0) request.log.info({ dropped: normalized.dropped }, "dropped unknown fields and invalid values");
        // updateShared: the record is serialized right here and not kept, so it need not be a copy.
        const outcome = store.updateShared(op, user, id, normalized.body);
        switch (outcome.kind) {
          case "not-found":
            sendProblem(reply, problems.notFound(member));
            return;
          case "invalid-sender":
            sendProblem(reply, problems.invalidSender(outcome.field));
            return;
          case "duplicate":
            sendProblem(reply, problems.duplicate(outcome.member, outcome.existing, outcome.participantEmail), undefined, `Duplicate thread: existing thread ${shown(outcome.existing.id)}`);
            return;
          case "updated":
            reply.code(200).type(JSON_CONTENT_TYPE).send(`${okPrefix}${recordJson(outcome.record as Conversation & Thread)}}`);
            return;
        }
      },
    });
  }

  if (allowReset) {
    // Answered in its hook, before any body is read (a body is ignored): nothing of it is used.
    app.route({
      method: "POST",
      url: RESET_PATH,
      onRequest: (request, reply) => {
        arrived(request);
        stampReply(reply, request.id);
        if (refusedAfterClose(request, reply)) return;
        const refusal = refusalOf(request);
        if (refusal !== undefined) {
          sendProblem(reply, refusal);
          return;
        }
        // Loopback only: another machine (`--host 0.0.0.0`) cannot wipe the data under your tests.
        // No Origin: every browser sends one with a POST, so a web page (on any site, or one whose
        // name resolves to 127.0.0.1) cannot reset it either, though its request comes from loopback.
        if (!isLoopback(request.socket.remoteAddress)) {
          sendProblem(reply, problems.forbidden(`${RESET_PATH} answers only requests from this machine (a loopback address).`));
          return;
        }
        if (request.headers.origin !== undefined) {
          sendProblem(reply, problems.forbidden(`${RESET_PATH} does not answer requests from web pages (with an Origin header).`));
          return;
        }
        // Through a reverse proxy on this machine every client's request comes from loopback: one
        // the proxy says it forwarded (any client's, anywhere) is refused. Its address in those
        // headers is not read: any client can write them.
        const forwardedBy = FORWARDING_HEADERS.find((name) => request.headers[name] !== undefined);
        if (forwardedBy !== undefined) {
          sendProblem(reply, problems.forbidden(`${RESET_PATH} does not answer requests forwarded by a proxy (with the ${FORWARDING_HEADER_NAMES[forwardedBy]} header): call the server directly from this machine.`));
          return;
        }
        const resetNow = () => {
          if (refusedAfterClose(request, reply)) return;
          store.reset();
          request.log.info("store reset to its seed");
          closesIfBeforeContinue(request, reply);
          reply.code(204).send();
        };
        // Pipelined behind a request still being answered (its body still read), this answer waits
        // for that one's (Node gives it the connection then): the earlier answer may yet close the
        // connection (a body that is not JSON), and then this request is not processed (see
        // closedAfterAnswer) — Node never hands over the connection, and the reset never happens.
        if (reply.raw.socket !== null) resetNow();
        else reply.raw.once("socket", resetNow);
      },
      handler: () => {
        throw new Error("the reset endpoint answers in its onRequest hook");
      },
    });
  }

  return app;
}

/**
 * The headers a reverse proxy adds to a request it forwards (RFC 7239's `Forwarded`, and the
 * de facto ones), by their names as Node gives them, with their usual spelling.
 */
const FORWARDING_HEADER_NAMES: Readonly<Record<string, string>> = {
  forwarded: "Forwarded",
  "x-forwarded-for": "X-Forwarded-For",
  "x-forwarded-host": "X-Forwarded-Host",
  "x-forwarded-proto": "X-Forwarded-Proto",
  "x-real-ip": "X-Real-IP",
};
const FORWARDING_HEADERS = Object.keys(FORWARDING_HEADER_NAMES);

/** The methods the reset endpoint allows. */
const RESET_METHODS: readonly string[] = ["POST"];

/** Whether `address` (a socket's remoteAddress) is a loopback address: 127.0.0.0/8 or ::1, also IPv4-mapped. */
function isLoopback(address: string | undefined): boolean {
  if (address === undefined) return false;
  const v4 = address.startsWith("::ffff:") ? address.slice(7) : address;
  return address === "::1" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4);
}

/** How much of a too-large body is read and discarded before its 413, so the client can finish sending. */
const DRAIN_MAX_BYTES = 16 * 1024 * 1024;
const DRAIN_MAX_MS = 10_000;

/** Check 7's answer to a body normalizeRequestBody refused: the problem its issues call for, with its status. */
function sendRefusedBody(reply: FastifyReply, refused: { errors: ValidationIssue[]; status: number }): void {
  sendProblem(reply, { ...refusedBodyProblem(refused.errors), status: refused.status });
}

/** Check 7 for a request with no body: normalizeRequestBody's 400 "must be object (got no body)". */
function sendNoBody(op: OperationId, reply: FastifyReply): void {
  const normalized = normalizeRequestBody(op, undefined);
  if (normalized.ok) throw new Error("normalizeRequestBody accepted no body");
  sendRefusedBody(reply, normalized);
}

/**
 * Reads `stream` (a request body) until its first byte or its end, whichever comes first: `"byte"`
 * (the rest is read and dropped as it arrives, so the connection serves the next request), `"end"`
 * (no bytes at all), or the error that ended it (the client went away). Bounded by the server's
 * requestTimeout. (Node discards an unread body once the answer is sent only when nothing read it:
 * paused here after its first byte, a body beyond the stream's buffers stalled the connection.)
 */
function firstByteOrEnd(stream: IncomingMessage): Promise<"byte" | "end" | { error: string }> {
  return new Promise((resolve) => {
    const finish = (seen: "byte" | "end" | { error: string }) => {
      stream.off("data", onData);
      stream.off("end", onEnd);
      stream.off("error", onError);
      stream.off("close", onClose);
      // Left flowing with no "data" listener: the rest of the body is dropped as it comes.
      resolve(seen);
    };
    const onData = (chunk: Buffer) => {
      if (chunk.length > 0) finish("byte");
    };
    const onEnd = () => finish("end");
    const onError = (error: Error) => finish({ error: error.message });
    const onClose = () => finish({ error: "the connection closed before its end" });
    stream.on("data", onData);
    stream.once("end", onEnd);
    stream.once("error", onError);
    stream.once("close", onClose);
    stream.resume();
  });
}

/** Reads and drops a request body until it ends, errors, or passes either bound. */
function discard(stream: IncomingMessage, maxBytes: number, maxMs: number): Promise<void> {
  return new Promise((resolve) => {
    let seen = 0;
    const finish = () => {
      clearTimeout(timer);
      stream.off("data", onData);
      stream.off("end", finish);
      stream.off("error", finish);
      stream.off("close", finish);
      resolve();
    };
    const onData = (chunk: Buffer) => {
      seen += chunk.length;
      if (seen > maxBytes) finish();
    };
    const timer = setTimeout(finish, maxMs);
    stream.on("data", onData);
    stream.once("end", finish);
    stream.once("error", finish);
    stream.once("close", finish);
    stream.resume();
  });
}

/**
 * For `localhost`, which resolves to several addresses on most machines (127.0.0.1 and ::1), a
 * listener on each address `app` does not listen on yet, on the same port, as Fastify's own
 * `listen` has for `localhost`: each hands its connections to `app.server`, so every address is
 * served by the one server, with the same hardening, and `app.server.closeAllConnections()` cuts
 * them all. An address that cannot be bound (no IPv6) is skipped, as Fastify skips it; the log
 * says so. The listeners are added to `others`, which the caller's hooks close.
 */
async function listenOnOtherAddresses(app: PuffleFastifyInstance, host: string, others: NetServer[]): Promise<void> {
  const primary = app.server.address();
  // Host names are case-insensitive: `LOCALHOST` resolves to what `localhost` does.
  if (host.toLowerCase() !== "localhost" || typeof primary !== "object" || primary === null) return;
  const addresses = await new Promise<LookupAddress[]>((resolve) => {
    dns.lookup(host, { all: true }, (error, found) => resolve(error === null ? found : []));
  });
  const port = primary.port;
  await Promise.all(
    addresses
      .filter(({ address }) => address !== primary.address)
      .map(
        ({ address }) =>
          new Promise<void>((resolve) => {
            const url = `http://${urlHostOf(address)}:${port}`;
            // The socket options node:http's own server listens with.
            const other = createNetServer({ allowHalfOpen: true, noDelay: true });
            other.on("connection", (socket: Socket) => app.server.emit("connection", socket));
            const notBound = (error: NodeJS.ErrnoException) => {
              app.log.warn({ code: error.code }, `Server not listening at ${url}`);
              resolve();
            };
            other.once("error", notBound);
            other.listen({ host: address, port }, () => {
              other.off("error", notBound);
              others.push(other);
              app.log.info(`Server listening at ${url}`);
              resolve();
            });
          }),
      ),
  );
}

/**
 * `host` (an IP address or a name) as a URL's host: an IPv6 address in brackets, its zone id's `%`
 * written `%25` (RFC 6874: `http://[fe80::1%25eth0]:4010`; a bare `%` there is no URL).
 */
function urlHostOf(host: string): string {
  return host.includes(":") ? `[${host.replace(/%/g, "%25")}]` : host;
}

/** Starts the reference server on `host:port` (default 127.0.0.1:4010; port 0 = any free port). */
export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  checkOptionKeys(options, START_OPTION_KEYS, "startServer");
  const { port = 4010, host = "127.0.0.1", dataFile } = options;
  // Read as the key check sees them (`...rest` copied own enumerable keys only: an inherited
  // `allowReset`, a config class's getter, passed that check and was dropped here).
  const rest: ServerOptions = {};
  for (const key of SERVER_OPTION_KEYS as (keyof ServerOptions)[]) {
    if (options[key] !== undefined) (rest as Record<string, unknown>)[key] = options[key];
  }
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new RangeError(`startServer: port must be an integer from 0 to 65535 (got ${JSON.stringify(port)})`);
  }
  // The launchers' --host rule: an empty host listened on every address (`::`, a test double open
  // to the network, its url `http://[::1]:…`), and `127.1` gave the url `http://127.1:…`.
  const hostError = typeof host === "string" ? hostProblem(host, "host") : `host must be a string (got ${host === null ? "null" : typeof host})`;
  if (hostError !== undefined) throw new TypeError(`startServer: ${hostError}`);
  // A name's final dot (`localhost.`, the name written as absolute) is the same host to DNS, but
  // getaddrinfo does not find `localhost.` (nor any /etc/hosts name) with it: the server listens on
  // the name without it, as `localhost` (every address it resolves to), and the url names that.
  const listenHost = host.endsWith(".") && isIP(host) === 0 ? host.slice(0, -1) : host;
  if (dataFile !== undefined && rest.seed !== undefined) {
    throw new TypeError("startServer: pass either seed or dataFile, not both");
  }
  // `""` made a SeedError starting with an empty name (` is not a valid seed: …ENOENT`), and a
  // number was read as a file descriptor (`0`: the process's stdin).
  if (dataFile !== undefined && (typeof dataFile !== "string" || dataFile === "")) {
    throw new TypeError(`startServer: dataFile must be the path of a seed file (a non-empty string; or left out: the default seed); got ${describe(dataFile)}`);
  }
  // Checked here too, so that the TypeError names the function called (createServer's check then passes).
  corsOriginsOf(rest.cors, "startServer");
  checkFlag("allowReset", rest.allowReset, "startServer");
  checkLogOptions(rest.logger, rest.logStream, "startServer");
  const seed = dataFile !== undefined ? loadSeed(dataFile) : rest.seed;
  const app = createServer({ ...rest, ...(seed !== undefined ? { seed } : {}) });
  // The listeners on `localhost`'s other addresses stop accepting as the server closes, and close()
  // waits for their connections as it does for the first address's. (Fastify takes no hook once
  // listening, hence here, before.) Their open connections are app.server's: it closes the idle
  // ones as it closes, and closeAllConnections cuts the rest.
  const others: NetServer[] = [];
  let othersClosed: Promise<unknown> = Promise.resolve();
  app.addHook("preClose", (done) => {
    othersClosed = Promise.all(others.map((other) => new Promise((resolve) => other.close(resolve))));
    done();
  });
  app.addHook("onClose", (_instance, done) => {
    void othersClosed.then(() => done());
  });
  try {
    await app.listen({ port, host: listenHost });
    await listenOnOtherAddresses(app, listenHost, others);
  } catch (error) {
    await app.close().catch(() => undefined);
    throw error;
  }
  const address = app.server.address();
  const bound = typeof address === "object" && address !== null ? address : undefined;
  const actualPort = bound !== undefined ? bound.port : port;
  // A wildcard host (0.0.0.0, `::`, or a spelling of them such as "0") listens on every address,
  // but is no address to connect to (Windows refuses it, browsers block it): the URL names the
  // loopback address of its family, on which the wildcard listener answers.
  const loopback = bound === undefined ? undefined : WILDCARD_ADDRESSES[bound.address]?.loopback;
  const urlHost = loopback ?? urlHostOf(listenHost);
  return {
    url: `http://${urlHost}:${actualPort}`,
    port: actualPort,
    app,
    // A connection still open after CLOSE_GRACE_MS (a client that sent half a request) is cut (the
    // launchers' SIGINT/SIGTERM stop relies on it): close() waited for it until Node's request
    // timeout (60 s), an afterAll hook timing out meanwhile.
    close: async () => {
      const cut = setTimeout(() => app.server.closeAllConnections(), CLOSE_GRACE_MS);
      cut.unref();
      try {
        await app.close();
      } finally {
        clearTimeout(cut);
      }
    },
  };
}
