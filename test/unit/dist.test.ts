// `npm run build` output (made by the vitest global setup): the package entries load from dist/
// with their declarations, and work the same as the sources.
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { root } from "../helpers.js";

const load = (file: string) => import(pathToFileURL(path.join(root, file)).href);

describe("dist/", () => {
  it.each(["dist/index.js", "dist/index.d.ts", "dist/validators.js", "dist/validators.d.ts", "dist/client.js"])("has %s", (file) => {
    expect(fs.existsSync(path.join(root, file))).toBe(true);
  });

  it("puffle-api/validators works from dist", async () => {
    const m = await load("dist/validators.js");
    expect(m.validateRequestBody("updateThread", { status: "archived" })).toEqual({ valid: true, value: { status: "archived" } });
    expect(m.normalizeRequestBody("updateThread", { participant_email: "A@B.CO", x: 1 })).toEqual({ ok: true, body: { participant_email: "a@b.co" }, dropped: ["x"] });
  });

  it("puffle-api works from dist", async () => {
    const m = await load("dist/index.js");
    expect(typeof m.createPuffleClient).toBe("function");
    expect(m.DEFAULT_BASE_URL).toBe("https://app.puffle.ai");
  });

  it("the package.json exports point at files that exist", () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as { exports: Record<string, string | Record<string, string>> };
    for (const [entry, target] of Object.entries(pkg.exports)) {
      for (const file of typeof target === "string" ? [target] : Object.values(target)) {
        expect(fs.existsSync(path.join(root, file)), `${entry} → ${file}`).toBe(true);
      }
    }
  });
});
