// Helpers for the reference server tests: real HTTP on 127.0.0.1, and every response checked
// against the spec (validateResponseBody for documented statuses, the Problem schema otherwise).
import { connect } from "node:net";
import type { Socket } from "node:net";
import { expect } from "vitest";
import { operations as meta } from "../../generated/meta.js";
import { schemas, validateResponseBody } from "../../src/validators.js";
import type { OperationId } from "../../src/validators.js";
import { startServer } from "../../src/server/index.js";
import type { RunningServer, Seed, StartOptions } from "../../src/server/index.js";

export const ALICE = "puffle_test_alice";
export const BOB = "puffle_test_bob";
export const DOCS_CONVERSATION = "f11e8a2c-1234-4567-89ab-cdef01234567";
export const DOCS_THREAD = "3d986dd1-9d70-45b7-8e36-5d5b8b1c9337";
export const ALICE_EMAIL_CONVERSATION = "5b0c2d4e-6f70-4812-9a3b-4c5d6e7f8091";
export const BOB_CONVERSATION = "b0b0c000-0000-4000-8000-000000000021";
export const BOB_THREAD = "b0b0c000-0000-4000-8000-000000000022";
export const MISSING_ID = "0f0f0f0f-0000-4000-8000-0000000000ff";
export const SENDERS = {
  docs: "8a2f0c7a-9d1e-4d8f-9d7d-6a8b8e8f4a11",
  sales: "5a1e5000-0000-4000-8000-000000000003",
  growth: "96a0e000-0000-4000-8000-000000000004",
  pending: "9e4d1000-0000-4000-8000-000000000005",
  disconnected: "d15c0000-0000-4000-8000-000000000006",
  linkedin: "aaaa1111-1111-1111-1111-111111111111",
  bobs: "b0b5e000-0000-4000-8000-000000000007",
  unknown: "0e0e0e0e-0000-4000-8000-0000000000ee",
} as const;

export async function start(options: Omit<StartOptions, "port" | "host"> = {}): Promise<RunningServer> {
  return startServer({ ...options, port: 0, host: "127.0.0.1" });
}

export interface Sent {
  status: number;
  headers: Headers;
  text: string;
  body: unknown;
}

export interface SendOptions {
  method?: string;
  /** An object is sent as JSON; a string is sent as it is. */
  body?: unknown;
  /** Bearer token; null sends no Authorization header. Default: alice. */
  token?: string | null;
  /** Default "application/json" when there is a body; null sends none. */
  contentType?: string | null;
  headers?: Record<string, string>;
  /** The id segment exactly as it goes into the URL (not encoded here). */
  rawPath?: string;
}

export function pathOf(op: OperationId, id: string): string {
  return meta[op].path.replace("{id}", id);
}

/** Sends one request and checks the response against the spec before returning it. */
export async function send(server: RunningServer, op: OperationId, id: string, options: SendOptions = {}): Promise<Sent> {
  const { method = "PATCH", body, token = ALICE, contentType = "application/json", headers = {} } = options;
  const h: Record<string, string> = { ...headers };
  if (token !== null) h.authorization = `Bearer ${token}`;
  let payload: string | undefined;
  if (body !== undefined) {
    payload = typeof body === "string" ? body : JSON.stringify(body);
    if (contentType !== null) h["content-type"] = contentType;
  }
  const url = server.url + (options.rawPath ?? pathOf(op, id));
  const response = await fetch(url, { method, headers: h, ...(payload !== undefined ? { body: payload } : {}) });
  const text = await response.text();
  const sent: Sent = { status: response.status, headers: response.headers, text, body: text === "" ? undefined : JSON.parse(text) };
  checkResponse(op, method, sent);
  return sent;
}

/**
 * Every response: never 5xx, an X-Request-Id, `Cache-Control: no-store` and
 * `X-Content-Type-Options: nosniff`, the documented content type and schema.
 */
export function checkResponse(op: OperationId, method: string, sent: Sent): void {
  const where = `${method} ${op} → ${sent.status} ${sent.text.slice(0, 200)}`;
  expect(sent.status, where).toBeGreaterThanOrEqual(200);
  expect(sent.status, where).toBeLessThan(500);
  expect(sent.headers.get("x-request-id"), where).toMatch(/^[A-Za-z0-9._:\-]{1,200}$/);
  // Private records and problem details: never cached, never sniffed into another type.
  expect(sent.headers.get("cache-control"), where).toBe("no-store");
  expect(sent.headers.get("x-content-type-options"), where).toBe("nosniff");
  if (method === "HEAD") {
    expect(sent.text).toBe("");
    return;
  }
  const documented = (meta[op].statuses as readonly string[]).includes(String(sent.status));
  if (sent.status === 200) {
    expect(sent.headers.get("content-type"), where).toMatch(/^application\/json(;|$)/);
  } else {
    expect(sent.headers.get("content-type"), where).toMatch(/^application\/problem\+json(;|$)/);
    expect((sent.body as { status?: unknown }).status, where).toBe(sent.status);
  }
  if (documented) {
    const result = validateResponseBody(op, sent.status, sent.body);
    expect(result.valid ? [] : result.errors, where).toEqual([]);
  } else {
    // Undocumented for the PATCH operation (405 for another method): still the spec's Problem.
    expect(schemas.Problem(sent.body), `${where}\n${JSON.stringify(schemas.Problem.errors)}`).toBe(true);
  }
}

export function snapshot(server: RunningServer): Seed {
  return server.app.puffle.store.snapshot();
}

export function rowOf(seed: Seed, id: string) {
  const row = seed.conversations.find((c) => c.id === id);
  if (row === undefined) throw new Error(`no row ${id} in the seed`);
  return row;
}

export interface RawExchange {
  /** Everything the server wrote, as text. */
  text: string;
  /** Whether the server closed the connection (within the time allowed). */
  closed: boolean;
}

/**
 * A new TCP connection to the server (at `address`, default 127.0.0.1) for requests an HTTP client
 * would refuse to send, or sent in parts: `received()` is everything the server wrote so far, as
 * text; `closed` settles when the connection closes. A reset (the server may close while data is
 * still unread) is not an error here.
 */
export function rawConnection(port: number, address = "127.0.0.1"): { socket: Socket; received: () => string; closed: Promise<void> } {
  const socket = connect(port, address);
  const chunks: Buffer[] = [];
  socket.on("data", (chunk: Buffer) => chunks.push(chunk));
  socket.on("error", () => undefined);
  const closed = new Promise<void>((resolve) => socket.on("close", () => resolve()));
  return { socket, received: () => Buffer.concat(chunks).toString("utf8"), closed };
}

/**
 * Writes `data` as it is on a new raw connection (rawConnection) and collects what comes back until
 * the server closes the connection or `timeoutMs` passes (then the connection is destroyed here).
 */
export async function rawExchange(server: Pick<RunningServer, "port">, data: string, timeoutMs = 5_000, address = "127.0.0.1"): Promise<RawExchange> {
  const connection = rawConnection(server.port, address);
  connection.socket.write(data);
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    connection.socket.destroy();
  }, timeoutMs);
  await connection.closed;
  clearTimeout(timer);
  return { text: connection.received(), closed: !timedOut };
}

/** Parses one raw HTTP/1.1 response with a Content-Length body (what rawExchange got). */
export function parseRawResponse(text: string): Sent {
  const end = text.indexOf("\r\n\r\n");
  expect(end, text).toBeGreaterThan(0);
  const [statusLine = "", ...lines] = text.slice(0, end).split("\r\n");
  const status = /^HTTP\/1\.1 (\d{3}) /.exec(statusLine);
  expect(status, statusLine).not.toBeNull();
  const headers = new Headers();
  for (const line of lines) {
    const colon = line.indexOf(":");
    headers.append(line.slice(0, colon).trim(), line.slice(colon + 1).trim());
  }
  const rest = text.slice(end + 4);
  const length = Number(headers.get("content-length"));
  expect(Buffer.byteLength(rest), "the body is exactly Content-Length bytes").toBe(length);
  return { status: Number(status![1]), headers, text: rest, body: rest === "" ? undefined : JSON.parse(rest) };
}
