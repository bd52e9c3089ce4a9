// `npm run test:interop`: other tools read the bundled spec (generated/openapi.json) cleanly.
// Kept out of the main run's include (test/**/*.test.ts) by its file names (*.interop.ts).
import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  root: path.resolve(import.meta.dirname, "../.."),
  test: {
    include: ["test/interop/**/*.interop.ts"],
    globalSetup: ["test/setup/scratch.ts"],
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});
