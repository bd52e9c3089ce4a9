// `--host localhost` (startServer({ host: "localhost" })) listens on every address `localhost`
// resolves to, as Fastify does: on many machines 127.0.0.1 and ::1. Fastify served the extra
// addresses with HTTP servers of its own that had none of the reference server's hardening (its
// clientErrorHandler, the 417 listener, every header field kept) and that the launchers' shutdown
// did not cut. Every address must answer exactly as the first does.
//
// This machine's `localhost` may resolve to 127.0.0.1 only, so `dns.lookup` answers here (in this
// test's process only) with both loopback addresses, in either order: what Fastify and Node read.
import { spawn } from "node:child_process";
import dns from "node:dns";
import { readFileSync } from "node:fs";
import type { LookupAddress } from "node:dns";
import { connect, createServer as createNetServer } from "node:net";
import { networkInterfaces } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { startServer } from "../../src/server/index.js";
import type { RunningServer } from "../../src/server/index.js";
import { ALICE, DOCS_THREAD, checkResponse, parseRawResponse, pathOf, rawExchange, snapshot } from "./http.js";
import type { RawExchange } from "./http.js";

const ORDERS: [string, LookupAddress[]][] = [
  ["127.0.0.1 first", [{ address: "127.0.0.1", family: 4 }, { address: "::1", family: 6 }]],
  ["::1 first", [{ address: "::1", family: 6 }, { address: "127.0.0.1", family: 4 }]],
];

/** `dns.lookup` with `localhost` (in any case, as the resolver reads it) resolving to `addresses` (in that order); other names as before. */
function resolveLocalhostTo(addresses: LookupAddress[]) {
  const original = dns.lookup;
  return vi.spyOn(dns, "lookup").mockImplementation(((hostname: string, options: unknown, callback?: unknown) => {
    const cb = (typeof options === "function" ? options : callback) as (error: Error | null, address: unknown, family?: number) => void;
    const opts = typeof options === "object" && options !== null ? (options as { all?: boolean }) : {};
    if (hostname.toLowerCase() !== "localhost") return (original as (...args: unknown[]) => void)(hostname, options, callback);
    process.nextTick(() => (opts.all ? cb(null, addresses) : cb(null, addresses[0]!.address, addresses[0]!.family)));
  }) as typeof dns.lookup);
}

const threadPath = pathOf("updateThread", DOCS_THREAD);
const head = `PATCH ${threadPath} HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer ${ALICE}\r\nContent-Type: application/json\r\n`;
const body = '{"unread_count": 7}';

/** The raw-socket cases every address must answer alike: [name, request, status, problem type]. */
const CASES: [string, string, number, string][] = [
  ["a bad request line", "GARBAGE\r\n\r\n", 400, "invalid-request"],
  ["Expect: 100-foo", `${head}Expect: 100-foo\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`, 417, "expectation-failed"],
  [
    "a second Authorization past 1000 header fields",
    `${head}Connection: close\r\n${"x-filler: 1\r\n".repeat(1_200)}Authorization: Bearer nope\r\nContent-Length: ${body.length}\r\n\r\n${body}`,
    401,
    "unauthorized",
  ],
];

describe.each(ORDERS)("--host localhost resolving to both loopback addresses (%s)", (_order, addresses) => {
  let server: RunningServer;
  let log: string[];
  beforeEach(async () => {
    resolveLocalhostTo(addresses);
    log = [];
    server = await startServer({ port: 0, host: "localhost", logStream: { write: (line) => void log.push(line) } });
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    await server.close();
  });

  it("url and port name the one port every address listens on", () => {
    expect(server.url).toBe(`http://localhost:${server.port}`);
    expect(server.port).toBe((server.app.server.address() as { port: number }).port);
  });

  it("the log says each address listens once, and none was skipped", () => {
    const urls = addresses.map(({ address }) => `http://${address.includes(":") ? `[${address}]` : address}:${server.port}`);
    const listening = log.flatMap((line) => /"msg":"Server listening at ([^"]+)"/.exec(line)?.[1] ?? []);
    expect(listening.sort()).toEqual(urls.sort());
    expect(log.join("")).not.toContain("Server not listening");
  });

  const rows = addresses.flatMap(({ address }) => CASES.map(([name, request, status, type]) => [address, name, status, type, request] as const));
  it.each(rows)("on %s: %s → our %i %s problem with the stamp headers", async (address, _name, status, type, request) => {
    const before = snapshot(server);
    const exchange = await rawExchange(server, request, 5_000, address);
    expect(exchange.closed).toBe(true);
    const res = parseRawResponse(exchange.text);
    checkResponse("updateThread", "PATCH", res);
    expect(res.status).toBe(status);
    expect(res.body).toMatchObject({ type: `https://app.puffle.ai/problems/${type}`, status });
    expect(snapshot(server)).toEqual(before);
  });

  it("shutdown (close, then closeAllConnections after the grace, as stopOnSignals does) cuts a half-sent request on every address", async () => {
    const open: Promise<RawExchange>[] = addresses.map(({ address }) =>
      rawExchange(server, `${head}Content-Length: 100\r\n\r\n{`, 10_000, address),
    );
    // Both requests have reached the server (one "incoming request" log line each).
    await vi.waitFor(() => expect(log.filter((line) => line.includes('"msg":"incoming request"'))).toHaveLength(addresses.length), { timeout: 10_000 });
    const closed = server.close();
    server.app.server.closeAllConnections();
    const exchanges = await Promise.all(open);
    expect(exchanges.map((exchange) => exchange.closed)).toEqual(addresses.map(() => true));
    await closed;
    // No address accepts a connection any more. (close() again, in afterEach, resolves at once.)
    expect(await Promise.all(addresses.map(({ address }) => connectOutcome(server.port, address)))).toEqual(addresses.map(() => "ECONNREFUSED"));
  });
});

describe("--host localhost when one of its addresses cannot be bound", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("listens on the others, as Fastify did, and the log says which address it skipped", async () => {
    resolveLocalhostTo(ORDERS[0]![1]);
    // Another program holds [::1]:port.
    const blocker = createNetServer();
    await new Promise<void>((resolve) => blocker.listen({ host: "::1", port: 0 }, resolve));
    const port = (blocker.address() as { port: number }).port;
    const log: string[] = [];
    const server = await startServer({ port, host: "localhost", logStream: { write: (line) => void log.push(line) } });
    try {
      expect(server.url).toBe(`http://localhost:${port}`);
      expect(log.join("")).toContain(`"msg":"Server not listening at http://[::1]:${port}"`);
      const res = parseRawResponse((await rawExchange(server, CASES[1]![1])).text);
      expect(res.status).toBe(417);
    } finally {
      await server.close();
      await new Promise((resolve) => blocker.close(resolve));
    }
  });
});

describe("localhost spelled otherwise listens on every address localhost does", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  // Host names are case-insensitive: `LOCALHOST` bound the first address only (the others were
  // added for "localhost" exactly). A final dot (the name written as absolute) is the same host, but
  // getaddrinfo does not find `localhost.`: it failed with `getaddrinfo ENOTFOUND localhost.`.
  it.each([["LOCALHOST", "LOCALHOST"], ["localhost.", "localhost"], ["LocalHost.", "LocalHost"]])("host %j: url http://%s:<port>, and every address listens", async (host, urlHost) => {
    resolveLocalhostTo(ORDERS[1]![1]);
    const log: string[] = [];
    const server = await startServer({ port: 0, host, logStream: { write: (line) => void log.push(line) } });
    try {
      expect(server.url).toBe(`http://${urlHost}:${server.port}`);
      const listening = log.flatMap((line) => /"msg":"Server listening at ([^"]+)"/.exec(line)?.[1] ?? []);
      expect(listening.sort()).toEqual([`http://127.0.0.1:${server.port}`, `http://[::1]:${server.port}`]);
      for (const address of ["127.0.0.1", "::1"]) expect(await connectOutcome(server.port, address)).toBe("connected");
    } finally {
      await server.close();
    }
  });
});

describe("an IPv6 host", () => {
  it("--host ::1: the url puts it in brackets, and it is served there", async () => {
    const server = await startServer({ port: 0, host: "::1" });
    try {
      expect(server.url).toBe(`http://[::1]:${server.port}`);
      const res = parseRawResponse((await rawExchange(server, CASES[1]![1], 5_000, "::1")).text);
      expect(res.status).toBe(417);
    } finally {
      await server.close();
    }
  });
});

describe("an IPv6 host with a zone id", () => {
  // `::1%lo` (the loopback interface's name here): the url held a bare `%`, `http://[::1%lo]:…`,
  // which no URL parser takes; RFC 6874 writes the zone id's `%` as `%25`.
  const loopbackInterface = Object.entries(networkInterfaces()).find(([, addresses]) => addresses?.some((a) => a.internal && a.address === "::1"))?.[0];
  it.runIf(loopbackInterface !== undefined)("--host ::1%<loopback interface>: the url writes the zone's % as %25 (RFC 6874), and it is served there", async () => {
    const host = `::1%${loopbackInterface!}`;
    const server = await startServer({ port: 0, host });
    try {
      expect(server.url).toBe(`http://[::1%25${loopbackInterface!}]:${server.port}`);
      const res = parseRawResponse((await rawExchange(server, CASES[1]![1], 5_000, "::1")).text);
      expect(res.status).toBe(417);
    } finally {
      await server.close();
    }
  });
});

// docs/server.md gave the zone-id url (RFC 6874's %25) as if it now parsed: curl takes it, but no
// WHATWG URL parser does (Node's URL and fetch, browsers, so neither does puffle --base-url). The row
// says so, and says which address reaches the server instead; Node's URL still refuses the url.
it("docs/server.md says which clients take the zone-id url, as Node's URL refuses it (no server started)", () => {
  const doc = readFileSync(path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../docs/server.md"), "utf8").replace(/\s+/g, " ");
  expect(doc).toContain("`http://[fe80::1%25eth0]:PORT`, which curl takes; Node's `URL` and `fetch`, browsers and the `puffle` CLI take no zone id (a server on `::1%lo` is reached at `http://[::1]:PORT`)");
  expect(() => new URL("http://[fe80::1%25eth0]:4010")).toThrow(TypeError);
  expect(new URL("http://[::1]:4010").host).toBe("[::1]:4010");
});

/** "connected", or the error code of a connection attempt to `address:port`. */
function connectOutcome(port: number, address: string): Promise<string> {
  return new Promise((resolve) => {
    const probe = connect(port, address, () => {
      probe.destroy();
      resolve("connected");
    });
    probe.on("error", (error: NodeJS.ErrnoException) => resolve(error.code ?? "error"));
  });
}

describe("both launchers with --host localhost resolving to 127.0.0.1 and ::1", () => {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
  const LAUNCHERS: [string, string[]][] = [
    ["puffle mock", [path.join(root, "dist/cli/main.js"), "mock"]],
    ["npm run mock (dist/server/main.js)", [path.join(root, "dist/server/main.js")]],
  ];
  const addresses = ORDERS[0]![1];
  // The child's dns.lookup, as resolveLocalhostTo above, loaded before the launcher.
  const preload =
    "data:text/javascript," +
    encodeURIComponent(
      `import dns from "node:dns"; const lookup = dns.lookup; const found = ${JSON.stringify(addresses)};` +
        `dns.lookup = function (host, options, callback) { if (host !== "localhost") return lookup.apply(this, arguments);` +
        ` const cb = typeof options === "function" ? options : callback; const all = typeof options === "object" && options !== null && options.all;` +
        ` process.nextTick(() => (all ? cb(null, found) : cb(null, found[0].address, found[0].family))); };`,
    );

  it.each(LAUNCHERS)("%s: the banner's URL, our 417 on every address, and SIGTERM cuts a half-sent request on every address (exit 0)", async (_name, launcher) => {
    const child = spawn(process.execPath, ["--import", preload, ...launcher, "--host", "localhost", "--port", "0"], { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (err += chunk.toString()));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
    try {
      await vi.waitFor(() => expect(out, err).toContain("Try:"), { timeout: 15_000 });
      const port = Number(/^Puffle reference server listening on http:\/\/localhost:(\d+)(?!\d)/.exec(out)?.[1]);
      expect(port, out).toBeGreaterThan(0);
      for (const { address } of addresses) {
        const url = `http://${address.includes(":") ? `[${address}]` : address}:${port}`;
        await vi.waitFor(() => expect(out).toContain(`"msg":"Server listening at ${url}"`), { timeout: 15_000 });
        const res = parseRawResponse((await rawExchange({ port }, CASES[1]![1], 5_000, address)).text);
        checkResponse("updateThread", "PATCH", res);
        expect(res.status, address).toBe(417);
      }
      const incoming = () => out.split("\n").filter((line) => line.includes('"msg":"incoming request"')).length;
      const before = incoming();
      const open = addresses.map(({ address }) => rawExchange({ port }, `${head}Content-Length: 100\r\n\r\n{`, 15_000, address));
      await vi.waitFor(() => expect(incoming()).toBe(before + addresses.length), { timeout: 15_000 });
      child.kill("SIGTERM");
      expect((await Promise.all(open)).map((exchange) => exchange.closed)).toEqual(addresses.map(() => true));
      expect(await exited).toEqual({ code: 0, signal: null });
      expect(err).toBe("");
    } finally {
      child.kill("SIGKILL");
    }
  });
});

// `--host 0.0.0.0` / `--host ::` (a container's "every interface") listens on every address, but
// the wildcard is no address to connect to: `http://0.0.0.0:4010` works with curl on Linux only by
// accident (Windows refuses it, browsers block it). url (and the launchers' banner, which prints
// it) name the loopback address of that family, which the wildcard listener answers on.
const WILDCARDS: [string, string, string][] = [
  ["0.0.0.0", "127.0.0.1", "every IPv4 address"],
  ["0", "127.0.0.1", "every IPv4 address"],
  ["::", "::1", "every address"],
];

describe("startServer's host follows --host's rule", () => {
  // An empty host listened on every address (a test double open to the network, url
  // `http://[::1]:…`) and `127.1` gave the url `http://127.1:…`, where the launchers refuse both.
  it.each(["", "127.1", "[::1]", "http://127.0.0.1", "my_host", " 127.0.0.1"])("host %j is a TypeError naming host, nothing bound", async (host) => {
    const outcome = await startServer({ port: 0, host }).then(
      async (server) => {
        await server.close();
        return `listened on ${server.url}`;
      },
      (error: unknown) => error,
    );
    expect(outcome).toBeInstanceOf(TypeError);
    expect((outcome as TypeError).message).toMatch(/^startServer: host(?:'s last label)? must /);
  });

  it("a host that is not a string is a TypeError naming host", async () => {
    await expect(startServer({ port: 0, host: 4010 as unknown as string })).rejects.toThrow("startServer: host must be a string (got number)");
    // null is no object to the reader: it said "got object".
    await expect(startServer({ port: 0, host: null as unknown as string })).rejects.toThrow(/^startServer: host must be a string \(got null\)$/);
  });
});

describe("a wildcard --host: the URL is a loopback address the server answers on", () => {
  it.each(WILDCARDS)("startServer({ host: %j }).url is http://%s:<port>, and answers there", async (host, loopback) => {
    const server = await startServer({ port: 0, host });
    try {
      expect(server.url).toBe(`http://${loopback.includes(":") ? `[${loopback}]` : loopback}:${server.port}`);
      const res = parseRawResponse((await rawExchange(server, CASES[1]![1], 5_000, loopback)).text);
      expect(res.status).toBe(417);
      expect(await connectOutcome(server.port, loopback)).toBe("connected");
    } finally {
      await server.close();
    }
  });

  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
  const LAUNCHERS: [string, string[]][] = [
    ["puffle mock", [path.join(root, "dist/cli/main.js"), "mock"]],
    ["npm run mock (dist/server/main.js)", [path.join(root, "dist/server/main.js")]],
  ];
  it.each(LAUNCHERS.flatMap(([name, launcher]) => WILDCARDS.map(([host, loopback, note]) => [name, host, loopback, note, launcher] as const)))(
    "%s --host %j: the banner's URL is http://%s:<port> and says it listens on %s",
    async (_name, host, loopback, note, launcher) => {
      const child = spawn(process.execPath, [...launcher, "--host", host, "--port", "0", "--quiet"], { stdio: ["ignore", "pipe", "pipe"] });
      let out = "";
      child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
      const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
      try {
        await vi.waitFor(() => expect(out).toContain("Try:"), { timeout: 15_000 });
        const first = out.split("\n")[0]!;
        const urlHost = loopback.includes(":") ? `[${loopback}]` : loopback;
        const port = Number(new RegExp(`^Puffle reference server listening on http://${urlHost.replace(/[[\]]/g, "\\$&")}:(\\d+) \\(${note}[;)]`).exec(first)?.[1]);
        expect(port, first).toBeGreaterThan(0);
        expect(out).not.toMatch(/http:\/\/(0\.0\.0\.0|0|\[::\]):/);
        expect(await connectOutcome(port, loopback)).toBe("connected");
        child.kill("SIGTERM");
        expect(await exited).toBe(0);
      } finally {
        child.kill("SIGKILL");
      }
    },
  );
});

// What a 1.0.0 script or test meets here (1.0.0's url and banner said http://0.0.0.0:PORT, and the
// banner's last word was the URL): docs/migrating.md names it, with each note the banner adds.
it("docs/migrating.md names the wildcard's loopback url and each banner note (no server started)", () => {
  const guide = readFileSync(path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../docs/migrating.md"), "utf8").replace(/\s+/g, " ");
  expect(guide).toContain("not the wildcard `http://0.0.0.0:PORT`");
  for (const [, loopback, note] of WILDCARDS) {
    expect(guide).toContain(`http://${loopback.includes(":") ? `[${loopback}]` : loopback}:PORT`);
    expect(guide).toContain(`\` (${note})\``);
  }
});
