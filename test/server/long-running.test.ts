// The reference server serving a test suite or a local stack for a long time: many keep-alive
// connections one after the other, and clients that close mid-request. Counts only: every
// connection the server accepted is closed once its client has gone, the HTTP server's listeners
// are what they were, and close() with idle keep-alive clients connected resolves and leaves no
// socket or listening handle behind.
import { once } from "node:events";
import http from "node:http";
import { connect } from "node:net";
import type { Socket } from "node:net";
import { describe, expect, it } from "vitest";
import { ALICE, DOCS_THREAD, pathOf, start } from "./http.js";

const body = '{"unread_count": 3}';
const head = `PATCH ${pathOf("updateThread", DOCS_THREAD)} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${ALICE}\r\nContent-Type: application/json\r\n`;

/** One PATCH through `agent`; its status once its body is read. */
function patch(agent: http.Agent, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const headers = { authorization: `Bearer ${ALICE}`, "content-type": "application/json" };
    const request = http.request({ host: "127.0.0.1", port, method: "PATCH", path: pathOf("updateThread", DOCS_THREAD), agent, headers }, (response) => {
      response.resume();
      response.once("end", () => resolve(response.statusCode ?? 0));
    });
    request.once("error", reject);
    request.end(body);
  });
}

/** Sends `data` on a new connection and closes it: at once, on the next turn, or at the answer's first byte. */
async function closedEarly(port: number, data: string, when: "at once" | "next turn" | "at the answer"): Promise<void> {
  const socket = connect(port, "127.0.0.1");
  socket.on("error", () => undefined);
  await once(socket, "connect");
  socket.write(data);
  if (when === "next turn") await new Promise((resolve) => setImmediate(resolve));
  if (when === "at the answer") await once(socket, "data");
  socket.destroy();
}

/** Resolves when `socket` has closed (events.once would reject on its "error": a socket destroyed with one, as the server destroys a connection whose bytes are not HTTP). */
const closed = (socket: Socket) => (socket.closed ? undefined : new Promise((resolve) => socket.once("close", resolve)));

/**
 * The sockets and listening handles open, counted once a loop turn has passed: a closed handle is
 * listed until its close callback runs, in the close phase after the check phase of the turn it
 * was closed in (a server closed in one test is still listed at the start of the next).
 */
async function handles(): Promise<{ sockets: number; servers: number }> {
  for (let i = 0; i < 2; i++) await new Promise((resolve) => setImmediate(resolve));
  const active = process.getActiveResourcesInfo();
  return { sockets: active.filter((r) => r === "TCPSocketWrap").length, servers: active.filter((r) => r === "TCPServerWrap").length };
}
const listenerCounts = (emitter: NodeJS.EventEmitter) => Object.fromEntries(emitter.eventNames().map((name) => [String(name), emitter.listenerCount(name)]));

describe("the reference server over many connections", () => {
  it("300 keep-alive connections of 3 requests, then 350 requests closed early: every connection closed, no listener added", async () => {
    const server = await start({ logger: false });
    const accepted: Socket[] = [];
    server.app.server.on("connection", (socket: Socket) => void accepted.push(socket));
    const listeners = listenerCounts(server.app.server);
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 300; i++) {
        const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
        for (let j = 0; j < 3; j++) statuses.push(await patch(agent, server.port));
        agent.destroy();
      }
      expect(statuses).toEqual(Array(900).fill(200));
      const early: [string, "at once" | "next turn" | "at the answer"][] = [
        ["PATCH /api/threads/x HTTP/1.1\r\nHost: 127.0.0.1\r\n", "next turn"],
        [`${head}Content-Length: 100\r\n\r\n{`, "at once"],
        [`${head}Content-Length: 100\r\n\r\n{`, "next turn"],
        [`${head}Transfer-Encoding: chunked\r\n\r\n5\r\n{"unr`, "next turn"],
        [`${head}Content-Length: ${body.length}\r\n\r\n${body}`, "at once"],
        [`${head}Content-Length: ${body.length}\r\n\r\n${body}`, "at the answer"],
        // Refused before its body is read (no token): the server reads and drops the rest.
        [`PATCH ${pathOf("updateThread", DOCS_THREAD)} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 200000\r\n\r\n${"x".repeat(1000)}`, "at the answer"],
      ];
      for (const [data, when] of early) for (let i = 0; i < 50; i++) await closedEarly(server.port, data, when);
      expect(accepted).toHaveLength(300 + 350);
      await Promise.all(accepted.map(closed));
      const open = await new Promise<number>((resolve, reject) => server.app.server.getConnections((error, n) => (error ? reject(error) : resolve(n))));
      expect(open).toBe(0);
      expect(listenerCounts(server.app.server)).toEqual(listeners);
    } finally {
      await server.close();
    }
  });

  it("close() with 5 idle keep-alive clients connected resolves, closes them, and leaves no socket or listening handle", async () => {
    const before = await handles();
    const server = await start({ logger: false });
    const agents = Array.from({ length: 5 }, () => new http.Agent({ keepAlive: true }));
    try {
      for (const agent of agents) expect(await patch(agent, server.port)).toBe(200);
      const idle = agents.flatMap((agent) => Object.values(agent.freeSockets).flat()) as Socket[];
      expect(idle).toHaveLength(5);
      await server.close();
      await Promise.all(idle.map(closed));
      expect(await handles()).toEqual(before);
    } finally {
      for (const agent of agents) agent.destroy();
    }
  });
});
