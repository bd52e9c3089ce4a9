// The reference server as a shared staging mock: behind a reverse proxy on the same machine (a small
// node:http proxy here, on 127.0.0.1, adding X-Forwarded-For/-Proto/-Host and serving the server
// under a path prefix), started by a supervisor with its stdout a pipe to a log shipper.
import { spawn } from "node:child_process";
import fs from "node:fs";
import { createServer as createHttpServer, request as httpRequest } from "node:http";
import type { Server } from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createServer } from "../../src/server/index.js";
import type { RunningServer } from "../../src/server/index.js";
import { DOCS_THREAD, rowOf, send, start } from "./http.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const RESET = "/__puffle/reset";
const PREFIX = "/mock";

/** A reverse proxy on 127.0.0.1 to `target`: `/mock/…` goes to `/…`, with the headers such a proxy adds. */
async function reverseProxy(target: RunningServer): Promise<{ url: string; close(): Promise<void> }> {
  const upstream = new URL(target.url);
  const proxy: Server = createHttpServer((req, res) => {
    const headers = { ...req.headers, "x-forwarded-for": "203.0.113.7", "x-forwarded-proto": "https", "x-forwarded-host": "mock.staging.example" };
    const forwarded = httpRequest(
      { host: upstream.hostname, port: upstream.port, method: req.method, path: (req.url ?? "/").replace(PREFIX, ""), headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forwarded.on("error", () => res.destroy());
    req.pipe(forwarded);
  });
  await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
  const address = proxy.address();
  if (typeof address !== "object" || address === null) throw new Error("the proxy is not listening");
  return {
    url: `http://127.0.0.1:${address.port}${PREFIX}`,
    close: () =>
      new Promise<void>((resolve) => {
        proxy.closeAllConnections();
        proxy.close(() => resolve());
      }),
  };
}

const subjectOf = (server: RunningServer) => rowOf(server.app.puffle.store.snapshot(), DOCS_THREAD).draft_subject;

describe("behind a reverse proxy on the same machine", () => {
  const cleanup: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const close of cleanup.splice(0).reverse()) await close();
  });

  it("serves the API through it as directly", async () => {
    const server = await start();
    cleanup.push(() => server.close());
    const proxy = await reverseProxy(server);
    cleanup.push(() => proxy.close());
    const res = await send({ ...server, url: proxy.url }, "updateThread", DOCS_THREAD, { body: { draft_subject: "Through the proxy" } });
    expect(res.status).toBe(200);
    expect(subjectOf(server)).toBe("Through the proxy");
  });

  // Every request through such a proxy comes from 127.0.0.1, so `--allow-reset` behind it let any
  // client that reaches the proxy (another machine) wipe the data under everyone's tests: 204.
  it("the reset endpoint refuses a request the proxy forwarded (403, nothing reset); called directly it still resets", async () => {
    const server = await start({ allowReset: true });
    cleanup.push(() => server.close());
    const proxy = await reverseProxy(server);
    cleanup.push(() => proxy.close());
    expect((await send(server, "updateThread", DOCS_THREAD, { body: { draft_subject: "Kept" } })).status).toBe(200);
    const through = await fetch(`${proxy.url}${RESET}`, { method: "POST" });
    expect(through.status).toBe(403);
    expect(await through.json()).toEqual({
      type: "https://app.puffle.ai/problems/forbidden",
      title: "Forbidden",
      status: 403,
      detail: "/__puffle/reset does not answer requests forwarded by a proxy (with the X-Forwarded-For header): call the server directly from this machine.",
    });
    expect(subjectOf(server)).toBe("Kept");
    expect((await fetch(`${server.url}${RESET}`, { method: "POST" })).status).toBe(204);
    expect(subjectOf(server)).not.toBe("Kept");
  });

  it.each([
    ["forwarded", "for=203.0.113.7", "Forwarded"],
    ["x-forwarded-for", "127.0.0.1", "X-Forwarded-For"],
    ["x-forwarded-host", "mock.staging.example", "X-Forwarded-Host"],
    ["x-forwarded-proto", "https", "X-Forwarded-Proto"],
    ["x-real-ip", "203.0.113.7", "X-Real-IP"],
  ])("a reset from loopback with %s (whatever address it names) is a 403 naming the header", async (name, value, spelled) => {
    const app = createServer({ allowReset: true });
    cleanup.push(() => app.close());
    const res = await app.inject({ method: "POST", url: RESET, remoteAddress: "127.0.0.1", headers: { [name]: value } });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ detail: `/__puffle/reset does not answer requests forwarded by a proxy (with the ${spelled} header): call the server directly from this machine.` });
  });
});

// Under a supervisor, the request log is a pipe to a log shipper. When the shipper exited (or was
// restarted), the next log line's EPIPE ended the server, silently and with exit 0: a supervisor
// restarting on failure did not restart it, and every client lost the mock.
describe("the launchers, their stdout a pipe whose reader goes away", () => {
  const LAUNCHERS: [string, string[], string][] = [
    ["npm run mock (dist/server/main.js)", [path.join(root, "dist/server/main.js")], "puffle mock"],
    ["puffle mock", [path.join(root, "dist/cli/main.js"), "mock"], "puffle error"],
  ];

  it.each(LAUNCHERS)("%s: goes on serving without its log (one line on stderr), and SIGTERM still exits 0", async (_name, launcher, prefix) => {
    const child = spawn(process.execPath, [...launcher, "--port", "0"], { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    const onOut = (chunk: Buffer) => (out += chunk.toString());
    child.stdout.on("data", onOut);
    child.stderr.on("data", (chunk: Buffer) => (err += chunk.toString()));
    let exitedAs: { code: number | null; signal: NodeJS.Signals | null } | undefined;
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.once("exit", (code, signal) => resolve((exitedAs = { code, signal }))),
    );
    try {
      await vi.waitFor(() => expect(out, err).toMatch(/"msg":"Server listening at /), { timeout: 15_000 });
      const url = /^Puffle reference server listening on (http:\/\/[^\s]+)/m.exec(out)?.[1];
      expect(url, out).toBeDefined();
      child.stdout.off("data", onOut);
      child.stdout.destroy(); // the log shipper exits: the pipe's reading end is closed
      // Each request logs; the first write after the reader went fails (EPIPE).
      for (let i = 0; i < 3; i += 1) {
        const res = await fetch(`${url}/api/nope`).catch((error: unknown) => error);
        expect(res instanceof Response ? res.status : String(res), `request ${i}; exited: ${JSON.stringify(exitedAs)}`).toBe(404);
      }
      await vi.waitFor(() => expect(err).toContain("\n"), { timeout: 15_000 });
      expect(err).toBe(`${prefix}: the request log is no longer written: stdout failed (EPIPE); the server goes on\n`);
      expect(exitedAs).toBeUndefined();
      expect((await fetch(`${url}/api/nope`)).status).toBe(404);
      child.kill("SIGTERM");
      expect(await exited).toEqual({ code: 0, signal: null });
    } finally {
      child.kill("SIGKILL");
    }
  });
});

// docs/server.md said nothing of what a platform team running the mock as a service needs: the
// environment it reads, readiness, the keep-alive timeout a proxy must stay under, what it makes of
// proxy headers and what its log holds of the client. The section says so now; checked here against
// the server.
describe("docs/server.md, \"As a shared service\", against the server", () => {
  const docs = fs.readFileSync(path.join(root, "docs/server.md"), "utf8").replace(/\s+/g, " ");

  it("the keep-alive timeout it states is the one every response announces", async () => {
    const server = await start();
    try {
      const res = await fetch(`${server.url}/`);
      expect(res.status).toBe(404); // no health endpoint, as the docs say
      const seconds = /^timeout=(\d+)$/.exec(res.headers.get("keep-alive") ?? "")?.[1];
      expect(seconds).toBeDefined();
      expect(docs).toContain(`An idle keep-alive connection is closed after ${seconds} s (Fastify's default; every response says \`Keep-Alive: timeout=${seconds}\`)`);
      expect(docs).toContain("*Environment*: none is read (no `PORT`, no `HOST`)");
    } finally {
      await server.close();
    }
  });

  it("through a proxy, the log's reqId is the proxy's X-Request-Id and the log holds no client address, as stated", async () => {
    const lines: string[] = [];
    const server = await start({ logStream: { write: (line: string) => void lines.push(line) } });
    const proxy = await reverseProxy(server);
    try {
      const res = await send({ ...server, url: proxy.url }, "updateThread", DOCS_THREAD, { body: { draft_subject: "Logged" }, headers: { "x-request-id": "edge-42" } });
      expect(res.status).toBe(200);
      const logged = lines.filter((line) => line.includes('"reqId":"edge-42"')).map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(logged.map((entry) => entry.msg)).toEqual(["incoming request", "request completed"]);
      expect(lines.join("")).not.toMatch(/203\.0\.113\.7|remoteAddress|"127\.0\.0\.1"/);
      expect(docs).toContain("The request log holds no client address, neither the socket's (behind a proxy, the proxy's) nor a forwarded one");
    } finally {
      await proxy.close();
      await server.close();
    }
  });
});
