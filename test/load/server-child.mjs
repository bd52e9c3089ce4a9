// The reference server in a child process for the load test (test/load/server-load.test.ts), so
// that its heap can be measured on its own, after a full GC (run with --expose-gc). It runs the
// built server (dist/, compiled from src/ by vitest's global setup) with the default seed.
//
// IPC: sends { type: "ready", url } once listening; answers
//   { type: "memory" }   → { type: "memory", heapUsed, heapTotal, rss, external, arrayBuffers } (after gc)
//   { type: "snapshot" } → { type: "snapshot", snapshot } (app.puffle.store.snapshot())
//   { type: "close" }    → closes the server and exits 0.
import { startServer } from "../../dist/server/index.js";

const gc = globalThis.gc;
const server = await startServer({ port: 0, host: "127.0.0.1" });

process.on("disconnect", () => process.exit(0));
process.on("message", async (message) => {
  switch (message?.type) {
    case "memory": {
      if (typeof gc === "function") {
        gc();
        gc();
      }
      const m = process.memoryUsage();
      process.send?.({ type: "memory", gc: typeof gc === "function", heapUsed: m.heapUsed, heapTotal: m.heapTotal, rss: m.rss, external: m.external, arrayBuffers: m.arrayBuffers });
      break;
    }
    case "snapshot":
      process.send?.({ type: "snapshot", snapshot: server.app.puffle.store.snapshot() });
      break;
    case "close":
      await server.close();
      process.exit(0);
  }
});
process.send?.({ type: "ready", url: server.url });
