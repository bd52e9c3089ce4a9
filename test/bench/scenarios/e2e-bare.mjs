// The bare Fastify route of scenario 5: PATCH /api/threads/:id returning a constant JSON body, no
// auth, no validation — the ceiling for a Fastify server on this machine. Usage: node e2e-bare.mjs PORT
import { createRequire } from "node:module";
const require = createRequire(new URL("../../../package.json", import.meta.url));
const Fastify = require("fastify");
const app = Fastify({ logger: false });
const reply = { thread: { id: "3d986dd1-9d70-45b7-8e36-5d5b8b1c9337", status: "archived" } };
app.patch("/api/threads/:id", async () => reply);
await app.listen({ port: Number(process.argv[2]), host: "127.0.0.1" });
process.stdout.write("listening\n");
