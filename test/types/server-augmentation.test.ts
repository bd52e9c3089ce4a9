// `puffle-api/server` must not change the types of a consumer's own Fastify apps: its declarations
// (dist/server/index.d.ts, as the package ships them) are compiled with a consumer's file, which
// checks that FastifyInstance and FastifyRequest have no `puffle` / `puffleUser` member while the
// reference server's own instance still has its documented `app.puffle.store` (a type a consumer's
// declaration emit can name). A global
// `declare module "fastify"` augmentation added both members to every Fastify app in the program.
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../property/spec.js";

/** A consumer's file, compiled next to the package (it imports it by name, as a consumer does). */
const CONSUMER = `
import { fastify } from "fastify";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { createServer, startServer } from "puffle-api/server";

// The consumer's own app: what Fastify declares, nothing of the reference server's.
export const instanceHasPuffle: "puffle" extends keyof FastifyInstance ? true : false = false;
export const requestHasPuffleUser: "puffleUser" extends keyof FastifyRequest ? true : false = false;
export const own = fastify();
// A consumer emitting declarations can name what createServer returns (PuffleFastifyInstance).
export const makeServer = () => createServer();

// The reference server keeps its documented members.
export async function documented() {
  const server = await startServer({ port: 0 });
  server.app.puffle.store.snapshot();
  server.app.puffle.store.restore(server.app.puffle.store.snapshot());
  server.app.puffle.store.reset();
  createServer().puffle.store.snapshot();
  await server.close();
}
`;

function consumerErrors(source = CONSUMER): string[] {
  const file = path.join(repoRoot, "test/types/__consumer_of_server__.ts");
  const config = ts.readConfigFile(path.join(repoRoot, "tsconfig.json"), ts.sys.readFile);
  const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, repoRoot);
  const host = ts.createCompilerHost(options);
  const { getSourceFile, fileExists, readFile } = host;
  host.fileExists = (name) => name === file || fileExists.call(host, name);
  host.readFile = (name) => (name === file ? source : readFile.call(host, name));
  host.getSourceFile = (name, language, ...rest) =>
    name === file ? ts.createSourceFile(name, source, language, true) : getSourceFile.call(host, name, language, ...rest);
  const program = ts.createProgram([file], { ...options, noEmit: true, declaration: true, rootDir: repoRoot }, host);
  const resolved = program.getSourceFiles().map((f) => f.fileName);
  expect(resolved, "the consumer compiles against dist/server/index.d.ts").toContain(path.join(repoRoot, "dist/server/index.d.ts"));
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const line = d.file !== undefined && d.start !== undefined ? d.file.text.split("\n")[d.file.getLineAndCharacterOfPosition(d.start).line]?.trim() : "";
    return `${ts.flattenDiagnosticMessageText(d.messageText, "\n")} (${line})`;
  });
}

describe("puffle-api/server's types in a consumer's program", () => {
  it("add no member to the consumer's own FastifyInstance or FastifyRequest, and keep app.puffle.store", () => {
    expect(consumerErrors()).toEqual([]);
  });

  // The section's block declared `let server: RunningServer;` and used the vitest hooks without
  // importing any of them: copied into a test file, TS2304 (Cannot find name 'RunningServer').
  it("docs/server.md's 'State between tests' block compiles as printed, its imports included", () => {
    const markdown = fs.readFileSync(path.join(repoRoot, "docs/server.md"), "utf8");
    const section = markdown.slice(markdown.indexOf("### State between tests"));
    const block = /```ts\n([\s\S]*?)```/.exec(section)?.[1];
    expect(block).toContain("store.reset()");
    expect(consumerErrors(`${block ?? ""}\nexport {};\n`)).toEqual([]);
  });

  // "As a test double": the client over app.inject() through a fetch of one's own, copied into a
  // consumer's file (test/server/test-double.test.ts runs the same function).
  it("docs/server.md's 'As a test double' inject block compiles as printed", () => {
    const markdown = fs.readFileSync(path.join(repoRoot, "docs/server.md"), "utf8");
    const section = markdown.slice(markdown.indexOf("### As a test double"), markdown.indexOf("## CORS"));
    const block = /```ts\n([\s\S]*?)```/.exec(section.replace(/^ {2}/gm, ""))?.[1];
    expect(block).toContain("app.inject(");
    expect(consumerErrors(`${block ?? ""}\nexport { puffle };\n`)).toEqual([]);
  });
});
