// `npm run test:runtimes`: the packed package in Bun, Deno, workerd and Vercel's edge-runtime VM
// (test/runtimes/*.runtime.ts). Not part of `npm test`: it installs ~350 MB of runtime binaries
// into node_modules/.cache/puffle-runtimes (see install.ts and docs/publishing.md).
import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  root: path.resolve(import.meta.dirname, "../.."),
  test: {
    include: ["test/runtimes/**/*.runtime.ts"],
    globalSetup: ["test/runtimes/setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
