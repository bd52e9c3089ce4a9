// `npm run build` output (made by the vitest global setup): the package entries load from dist/
// with their declarations, and work the same as the sources.
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { root } from "../helpers.js";
import { scratchDir } from "../scratch.js";

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

// tsc writes dist/cli/main.js as 0644: `./dist/cli/main.js …` in a checkout was "Permission denied"
// though the file has a shebang (npm sets the bit only when it installs the package's bin).
describe.skipIf(process.platform === "win32")("the bin file is executable after the build", () => {
  const dir = scratchDir("puffle-bin-executable-");

  it("scripts/bin-executable.mjs (npm run build's last step) adds the execute bit where the read bit is, to each package.json bin", () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as { scripts: Record<string, string> };
    expect(pkg.scripts.build).toMatch(/&& node scripts\/bin-executable\.mjs$/);
    // The script on a package.json and dist/ of its own (it works on the package beside its scripts/ folder).
    const copy = path.join(dir, "pkg");
    fs.mkdirSync(path.join(copy, "scripts"), { recursive: true });
    fs.mkdirSync(path.join(copy, "dist/cli"), { recursive: true });
    fs.cpSync(path.join(root, "scripts/bin-executable.mjs"), path.join(copy, "scripts/bin-executable.mjs"));
    fs.writeFileSync(path.join(copy, "package.json"), JSON.stringify({ type: "module", bin: { a: "dist/cli/main.js", b: "dist/private.js" } }));
    fs.writeFileSync(path.join(copy, "dist/cli/main.js"), "#!/usr/bin/env node\n");
    fs.writeFileSync(path.join(copy, "dist/private.js"), "");
    fs.chmodSync(path.join(copy, "dist/cli/main.js"), 0o644);
    fs.chmodSync(path.join(copy, "dist/private.js"), 0o600);
    execFileSync(process.execPath, [path.join(copy, "scripts/bin-executable.mjs")]);
    expect(fs.statSync(path.join(copy, "dist/cli/main.js")).mode & 0o777).toBe(0o755);
    expect(fs.statSync(path.join(copy, "dist/private.js")).mode & 0o777).toBe(0o700);
    // A bin the build did not make: exit 1, naming it.
    fs.rmSync(path.join(copy, "dist/private.js"));
    const missing = spawnSync(process.execPath, [path.join(copy, "scripts/bin-executable.mjs")], { encoding: "utf8" });
    expect(missing.status).toBe(1);
    expect(missing.stderr).toBe('bin-executable: package.json bin "dist/private.js" was not built (ENOENT)\n');
  });

  it("dist/cli/main.js, as the build left it, runs without node in front", () => {
    const bin = path.join(root, "dist/cli/main.js");
    expect(fs.statSync(bin).mode & 0o111).not.toBe(0);
    expect(execFileSync(bin, ["--version"], { encoding: "utf8" })).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});
