// The Puffle reference server: both update endpoints on Fastify 5 over an embedded in-memory store.
// Requests are checked with the generated validators (validatePathParams, normalizeRequestBody),
// never with a Fastify schema compile; the body limit, allowed methods and the update rules are read
// from the spec's `x-puffle-behaviour` (generated/meta.js). See docs/server.md.
import { randomBytes } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { fastify } from "fastify";
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { operations as meta } from "../../generated/meta.js";
import { normalizeRequestBody, operationIds, validatePathParams } from "../validators.js";
import type { OperationId } from "../validators.js";
import { BodyDepthError, parseJsonBody } from "./json.js";
import { PROBLEM_CONTENT_TYPE, problems } from "./problems.js";
import type { ProblemBody } from "./problems.js";
import { loadSeed, validateSeed } from "./seed.js";
import type { Seed, SeedUser } from "./seed.js";
import { defaultSeed } from "./default-seed.js";
import { Store } from "./store.js";

export { defaultSeed, ALICE_TOKEN, BOB_TOKEN } from "./default-seed.js";
export { loadSeed, validateSeed, SeedError } from "./seed.js";
export type { Seed, SeedAccount, SeedConversation, SeedUser, SeedWorkspace, AccountStatus } from "./seed.js";
export { Store } from "./store.js";
export type { UpdateOutcome } from "./store.js";
export { MAX_BODY_DEPTH } from "./json.js";

declare module "fastify" {
  interface FastifyInstance {
    /** The reference server's state: its in-memory store. */
    puffle: { store: Store };
  }
}

export interface ServerOptions {
  /** The data to start from (deep-copied). Default: the documented default seed. */
  seed?: Seed;
  /** Log one line per request and response (JSON, pino). Bearer tokens are never logged. Default false. */
  logger?: boolean;
  /** Where log lines go (implies `logger: true`). Default: stdout. */
  logStream?: { write(line: string): void };
}

export interface StartOptions extends ServerOptions {
  /** Default 4010; 0 picks any free port. */
  port?: number;
  /** Default "127.0.0.1". */
  host?: string;
  /** A seed file to load instead of the default seed (the `--data FILE` format, see docs/server.md). */
  dataFile?: string;
}

export interface RunningServer {
  /** e.g. `http://127.0.0.1:4010` */
  url: string;
  port: number;
  close(): Promise<void>;
  app: FastifyInstance;
}

/** The response member that carries the record, per operation. */
const RECORD_MEMBER: Record<OperationId, "conversation" | "thread"> = {
  updateConversation: "conversation",
  updateThread: "thread",
};

const REQUEST_ID_PATTERN = /^[A-Za-z0-9._:\-]{1,200}$/;

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

function sendProblem(reply: FastifyReply, body: ProblemBody, headers: Record<string, string> = {}): FastifyReply {
  for (const [name, value] of Object.entries(headers)) reply.header(name, value);
  return reply.code(body.status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(body));
}

function pathOf(url: string): string {
  const end = url.search(/[?#]/);
  return end === -1 ? url : url.slice(0, end);
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

function loggerOptions(options: ServerOptions) {
  if (!options.logger && options.logStream === undefined) return false;
  return {
    level: "info",
    ...(options.logStream !== undefined ? { stream: options.logStream } : {}),
    // Belt and braces: the serializers below never include headers, and should a header object ever
    // reach a log line, its credentials are censored.
    redact: { paths: ["req.headers.authorization", "req.headers.cookie", "headers.authorization"], censor: "[redacted]" },
    serializers: {
      req: (req: { method?: string; url?: string }) => ({ method: req.method, url: pathOf(req.url ?? "") }),
      res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
    },
  };
}

/** The reference server, not listening. Each call starts from a fresh deep copy of the seed. */
export function createServer(options: ServerOptions = {}): FastifyInstance {
  const seed = validateSeed(options.seed ?? defaultSeed, "seed");
  const store = new Store(seed);
  const users = new WeakMap<FastifyRequest, SeedUser>();

  const app = fastify({
    logger: loggerOptions(options),
    genReqId: (req) => {
      const given = req.headers["x-request-id"];
      return typeof given === "string" && REQUEST_ID_PATTERN.test(given) ? given : `req_${randomBytes(10).toString("hex")}`;
    },
    routerOptions: { maxParamLength: 16_384 },
    frameworkErrors: (error, request, reply) => {
      reply.header("x-request-id", request.id);
      request.log.info({ code: error.code }, "rejected a malformed request");
      sendProblem(reply, problems.badRequest("The request URL is malformed."));
    },
  }) as unknown as FastifyInstance;

  app.decorate("puffle", { store });

  const operationPaths = operationIds.map((op) => ({ op, pattern: pathPattern(meta[op].path) }));
  /** The operation whose path `request` names with a method it does not allow, if any. */
  const disallowedMethodOf = (request: FastifyRequest) => {
    const path = pathOf(request.url);
    const match = operationPaths.find(({ pattern }) => pattern.test(path));
    if (match === undefined) return undefined;
    const allowed: readonly string[] = meta[match.op].behaviour.allowedMethods;
    return allowed.includes(request.method) ? undefined : allowed;
  };
  const sendMethodNotAllowed = (request: FastifyRequest, reply: FastifyReply, allowed: readonly string[]) =>
    sendProblem(reply, problems.methodNotAllowed(request.method, allowed), { allow: allowed.join(", ") });

  app.addHook("onRequest", async (request, reply) => {
    reply.header("x-request-id", request.id);
    // The method is check 1 (docs/server.md): answer 405 before the body is read, so that no body
    // (empty, invalid, too deep, too large, another content type) turns it into a 4xx of its own.
    if (request.is404) {
      const allowed = disallowedMethodOf(request);
      if (allowed !== undefined) return sendMethodNotAllowed(request, reply, allowed);
    }
  });

  // Only JSON bodies: everything else is a 415 (Fastify's FST_ERR_CTP_INVALID_MEDIA_TYPE).
  app.removeAllContentTypeParsers();
  app.addContentTypeParser("application/json", { parseAs: "string" }, (_request, body, done) => {
    try {
      done(null, parseJsonBody(body as string));
    } catch (error) {
      if (error instanceof BodyDepthError) done(new BodyParseError(problems.tooDeep(error.pointer)), undefined);
      else done(new BodyParseError(problems.invalidJson(error instanceof Error ? error.message : String(error))), undefined);
    }
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

  app.setNotFoundHandler((request, reply) => {
    const allowed = disallowedMethodOf(request);
    if (allowed !== undefined) return sendMethodNotAllowed(request, reply, allowed);
    return sendProblem(reply, problems.routeNotFound());
  });

  for (const op of operationIds) {
    const operation = meta[op];
    const member = RECORD_MEMBER[op];
    app.route({
      method: operation.method,
      url: toFastifyPath(operation.path),
      bodyLimit: operation.behaviour.maxBodyBytes,
      onRequest: [
        async (request, reply) => {
          const header = request.headers.authorization;
          if (header === undefined || header === "") {
            return sendProblem(reply, problems.unauthorized(), { "www-authenticate": REALM });
          }
          const match = BEARER_PATTERN.exec(header);
          const user = match?.[1] !== undefined ? store.authenticate(match[1]) : undefined;
          if (user === undefined) {
            return sendProblem(reply, problems.unauthorized(), { "www-authenticate": `${REALM}, error="invalid_token"` });
          }
          users.set(request, user);
        },
        async (request, reply) => {
          const checked = validatePathParams(op, request.params);
          if (!checked.valid) return sendProblem(reply, problems.invalidId(checked.errors));
        },
        async (request, reply) => {
          // A JSON body whose Content-Length is over the limit is a 413 answered here. Fastify's own
          // check sends it with `Connection: close` and closes the socket while the client may
          // still be sending, so under load the client saw a reset instead of the 413. Here the
          // body is read and discarded first (up to DRAIN_MAX_BYTES / DRAIN_MAX_MS, past which the
          // connection is cut as before), then the 413 goes out and the connection is closed.
          // (Other content types go on to their 415; a chunked body over the limit is still cut
          // off by Fastify's reader.)
          const declared = Number(request.headers["content-length"]);
          const type = (request.headers["content-type"] ?? "").split(";")[0]!.trim().toLowerCase();
          if (type === "application/json" && Number.isFinite(declared) && declared > operation.behaviour.maxBodyBytes) {
            await discard(request.raw, DRAIN_MAX_BYTES, DRAIN_MAX_MS);
            return sendProblem(reply, problems.tooLarge(operation.behaviour.maxBodyBytes), { connection: "close" });
          }
        },
      ],
      handler: async (request, reply) => {
        const user = users.get(request);
        if (user === undefined) throw new Error("onRequest did not authenticate the request");
        const { id } = request.params as { id: string };
        const normalized = normalizeRequestBody(op, request.body);
        if (!normalized.ok) {
          const notObject = normalized.errors.length === 1 && normalized.errors[0]?.keyword === "type" && normalized.errors[0].path === "";
          const body = notObject ? problems.notAnObject(normalized.errors) : problems.noValidField(normalized.errors);
          return sendProblem(reply, { ...body, status: normalized.status });
        }
        if (normalized.dropped.length > 0) request.log.info({ dropped: normalized.dropped }, "dropped unknown fields and invalid values");
        const outcome = store.update(op, user, id, normalized.body);
        switch (outcome.kind) {
          case "not-found":
            return sendProblem(reply, problems.notFound(member));
          case "invalid-sender":
            return sendProblem(reply, problems.invalidSender(outcome.field));
          case "duplicate":
            return sendProblem(reply, problems.duplicate(outcome.member, outcome.existing, outcome.participantEmail));
          case "updated":
            return reply.code(200).type("application/json; charset=utf-8").send(JSON.stringify({ [member]: outcome.record }));
        }
      },
    });
  }

  return app;
}

/** How much of a too-large body is read and discarded before its 413, so the client can finish sending. */
const DRAIN_MAX_BYTES = 16 * 1024 * 1024;
const DRAIN_MAX_MS = 10_000;

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

/** Starts the reference server on `host:port` (default 127.0.0.1:4010; port 0 = any free port). */
export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const { port = 4010, host = "127.0.0.1", dataFile, ...rest } = options;
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new RangeError(`startServer: port must be an integer from 0 to 65535 (got ${JSON.stringify(port)})`);
  }
  if (dataFile !== undefined && rest.seed !== undefined) {
    throw new TypeError("startServer: pass either seed or dataFile, not both");
  }
  const seed = dataFile !== undefined ? loadSeed(dataFile) : rest.seed;
  const app = createServer({ ...rest, ...(seed !== undefined ? { seed } : {}) });
  try {
    await app.listen({ port, host });
  } catch (error) {
    await app.close().catch(() => undefined);
    throw error;
  }
  const address = app.server.address();
  const actualPort = typeof address === "object" && address !== null ? address.port : port;
  const urlHost = host.includes(":") ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${actualPort}`,
    port: actualPort,
    app,
    close: async () => {
      await app.close();
    },
  };
}
