// `bun server.mjs`, `deno run -A server.mjs`: the reference server (`puffle-api/server`, Fastify) in
// that runtime — app.inject(), then startServer on 127.0.0.1 and on localhost, called by the client
// over the network (CORS preflight, the reset endpoint, a 409). Prints one JSON object.
import { createPuffleClient, isDuplicateThreadError } from "puffle-api";
import { createServer, startServer } from "puffle-api/server";

const THREAD = "3d986dd1-9d70-45b7-8e36-5d5b8b1c9337";
const out = {};
try {
  const app = createServer();
  const injected = await app.inject({ method: "PATCH", url: `/api/threads/${THREAD}`, headers: { authorization: "Bearer puffle_test_alice" }, payload: { status: "archived" } });
  out.inject = [injected.statusCode, injected.json().thread?.status];
  await app.close();
} catch (error) {
  out.inject = `${error?.name}: ${error?.message}`;
}
for (const host of ["127.0.0.1", "localhost"]) {
  try {
    const server = await startServer({ port: 0, host, cors: ["http://localhost:5173"], allowReset: true });
    const puffle = createPuffleClient({ baseUrl: server.url, apiKey: "puffle_test_alice", validate: "both", maxRetries: 0 });
    const thread = await puffle.updateThread(THREAD, { status: "archived", draft_subject: "x" });
    const preflight = await fetch(`${server.url}/api/threads/${THREAD}`, {
      method: "OPTIONS",
      headers: { origin: "http://localhost:5173", "access-control-request-method": "PATCH", "access-control-request-headers": "authorization,content-type" },
    });
    const reset = await fetch(`${server.url}/__puffle/reset`, { method: "POST" });
    const afterReset = await puffle.updateThread(THREAD, { status: "active" });
    let duplicate;
    try {
      await puffle.updateThread(THREAD, { account_id: "5a1e5000-0000-4000-8000-000000000003" });
    } catch (error) {
      duplicate = [error.status, isDuplicateThreadError(error)];
    }
    out[host] = {
      url: server.url.replace(/:\d+$/, ":PORT"),
      thread: [thread.status, thread.draft_subject],
      preflight: [preflight.status, preflight.headers.get("access-control-allow-origin")],
      reset: reset.status,
      afterReset: [afterReset.status, afterReset.draft_subject],
      duplicate,
    };
    await server.close();
  } catch (error) {
    out[host] = `${error?.name}: ${error?.message}`;
  }
}
console.log(JSON.stringify(out));
