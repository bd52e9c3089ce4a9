// `await server.close()` in a test harness (startServer from puffle-api/server): it must resolve,
// and leave nothing that keeps the process alive, whatever connections clients still hold. A
// client that sent half a request (a test that stopped mid-upload, a raw socket left open) held
// close() until Node's request timeout (60 s, checked every 30 s): an afterAll hook timed out. The
// launchers cut such connections after CLOSE_GRACE_MS (stopOnSignals); close() now does too.
import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { ALICE, DOCS_THREAD, pathOf, rawExchange, start } from "./http.js";

const head = `PATCH ${pathOf("updateThread", DOCS_THREAD)} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${ALICE}\r\nContent-Type: application/json\r\n`;
const body = '{"unread_count": 3}';

/** What clients hold when close() is called: [name, the bytes sent on one connection (none: no connection)]. */
const HELD: [string, string | null][] = [
  ["no connection", null],
  ["an idle keep-alive connection (a request answered)", `${head}Content-Length: ${body.length}\r\n\r\n${body}`],
  ["half a request's headers", "PATCH /api/threads/x HTTP/1.1\r\nHost: 127.0.0.1\r\n"],
  ["half a request's body", `${head}Content-Length: 100\r\n\r\n{`],
];

describe("startServer(…).close() with connections still open", () => {
  it.each(HELD)("%s: close() resolves and every connection is closed", async (_name, data) => {
    const server = await start();
    const exchange = data === null ? undefined : rawExchange(server, data, 20_000);
    if (data !== null) await new Promise((resolve) => setTimeout(resolve, 100));
    await server.close();
    if (exchange !== undefined) expect((await exchange).closed).toBe(true);
  });

  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
  const script = (data: string | null) => `
    import { startServer } from ${JSON.stringify(path.join(root, "dist/server/index.js"))};
    import { connect } from "node:net";
    const server = await startServer({ port: 0 });
    const data = ${JSON.stringify(data)};
    if (data !== null) {
      const socket = connect(server.port, "127.0.0.1");
      socket.on("error", () => {});
      await new Promise((resolve) => socket.once("connect", resolve));
      socket.write(data);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await server.close();
    process.stdout.write("closed");
  `;
  it.each(HELD)("%s: a program that closes the server exits by itself (exit 0)", async (_name, data) => {
    const child = spawn(process.execPath, ["--input-type=module", "-e", script(data)], { stdio: ["ignore", "pipe", "pipe"], timeout: 20_000 });
    let out = "";
    let err = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (err += chunk.toString()));
    try {
      const code = await new Promise<number | null>((resolve) => child.once("exit", (c) => resolve(c)));
      expect({ code, out, err }).toEqual({ code: 0, out: "closed", err: "" });
    } finally {
      child.kill("SIGKILL");
    }
  });
});
