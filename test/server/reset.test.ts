// Putting a running server's store back between tests without restarting it: `store.reset()` (to
// the seed it started from) and `store.restore(seed)` (to a snapshot or any seed, checked as
// createServer({ seed }) checks one; an invalid one changes nothing). Copies everywhere: nothing
// leaks between servers, into defaultSeed, or from a seed the caller changes afterwards.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer, defaultSeed, SeedError, startServer, Store, validateSeed } from "../../src/server/index.js";
import type { RunningServer, Seed, StartOptions } from "../../src/server/index.js";
import type { Thread } from "../../src/index.js";
import { ALICE, BOB, BOB_CONVERSATION, DOCS_CONVERSATION, DOCS_THREAD, pathOf, rowOf, send, start } from "./http.js";

const attachment = (name: string) => [{ id: name, filename: `${name}.pdf`, content_type: "application/pdf", size: 1 }];

/** Alice's `patch` to the docs' thread through `store.update`, which must succeed. */
function updateThread(store: Store, patch: Record<string, unknown>) {
  const alice = store.authenticate(ALICE);
  if (alice === undefined) throw new Error("alice's token is not in the store");
  const outcome = store.update("updateThread", alice, DOCS_THREAD, patch as never);
  if (outcome.kind !== "updated") throw new Error(`update: ${outcome.kind}`);
  return outcome.record as Thread;
}

/** The default seed with another description and Alice's token renamed. */
function otherSeed(): Seed {
  const seed = structuredClone(defaultSeed);
  seed.description = "another seed";
  seed.users.find((u) => u.token === ALICE)!.token = "puffle_test_alice_2";
  return seed;
}

describe("Store.reset and Store.restore", () => {
  const defaultSeedBefore = JSON.stringify(defaultSeed);

  it("reset() puts every record back to the seed the store started from, updated_at included", () => {
    const store = new Store(validateSeed(defaultSeed));
    const start = store.snapshot();
    updateThread(store, { draft_subject: "Changed", draft_attachments: attachment("a") });
    expect(rowOf(store.snapshot(), DOCS_THREAD).draft_subject).toBe("Changed");
    store.reset();
    expect(store.snapshot()).toEqual(start);
    // The next update is strictly after the restored value, as on a freshly started server.
    const again = updateThread(store, { draft_subject: "Again" });
    expect(Date.parse(String(again.updated_at))).toBeGreaterThan(Date.parse(rowOf(start, DOCS_THREAD).updated_at));
  });

  it("restore(snapshot) goes back to that snapshot; reset() afterwards still to the starting seed", () => {
    const store = new Store(validateSeed(defaultSeed));
    const start = store.snapshot();
    updateThread(store, { draft_subject: "Saved" });
    const saved = store.snapshot();
    updateThread(store, { draft_subject: "Later" });
    store.restore(saved);
    expect(store.snapshot()).toEqual(saved);
    store.reset();
    expect(store.snapshot()).toEqual(start);
  });

  it("restore(seed) replaces users, description and workspaces too", () => {
    const store = new Store(validateSeed(defaultSeed));
    store.restore(otherSeed());
    expect(store.authenticate(ALICE)).toBeUndefined();
    expect(store.authenticate("puffle_test_alice_2")?.name).toBe("Alice");
    expect(store.snapshot()).toEqual(validateSeed(otherSeed()));
    store.reset();
    expect(store.authenticate(ALICE)?.name).toBe("Alice");
    expect(store.snapshot().description).toBe(defaultSeed.description);
  });

  it("an invalid seed throws validateSeed's SeedError and leaves the store as it was", () => {
    const store = new Store(validateSeed(defaultSeed));
    updateThread(store, { draft_subject: "Kept" });
    const before = store.snapshot();
    const bad = structuredClone(before) as unknown as { conversations: Record<string, unknown>[]; extra?: number };
    bad.conversations[1]!.status = "deleted";
    bad.conversations[2]!.user_id = "0f0f0f0f-0000-4000-8000-0000000000ff";
    bad.extra = 1;
    let expected: unknown;
    try {
      validateSeed(bad);
    } catch (error) {
      expected = error;
    }
    expect(expected).toBeInstanceOf(SeedError);
    let thrown: unknown;
    try {
      store.restore(bad as unknown as Seed);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(SeedError);
    expect((thrown as SeedError).message).toBe((expected as SeedError).message);
    expect((thrown as SeedError).issues).toEqual((expected as SeedError).issues);
    expect((thrown as SeedError).issues).toContain("extra: is not a known field (known: description, workspaces, users, accounts, conversations)");
    expect((thrown as SeedError).issues.some((issue) => issue.startsWith("conversations[1].status: must be one of"))).toBe(true);
    expect(store.snapshot()).toEqual(before);
    expect(store.authenticate(ALICE)?.name).toBe("Alice");
    for (const notASeed of [null, undefined, 42, "seed", []]) {
      expect(() => store.restore(notASeed as never)).toThrow(SeedError);
      expect(store.snapshot()).toEqual(before);
    }
  });

  it("keeps copies: changing a restored seed, a snapshot or a returned record afterwards changes nothing; defaultSeed is untouched", () => {
    const store = new Store(validateSeed(defaultSeed));
    const seed = otherSeed();
    store.restore(seed);
    const restored = store.snapshot();
    seed.users[0]!.token = "changed_by_the_caller";
    rowOf(seed, DOCS_THREAD).draft_subject = "changed by the caller";
    rowOf(restored, DOCS_THREAD).draft_subject = "changed in a snapshot";
    expect(store.snapshot()).toEqual(validateSeed(otherSeed()));

    store.reset();
    const record = updateThread(store, { draft_attachments: attachment("x") });
    record.draft_attachments!.push(attachment("pushed")[0]!);
    const taken = store.snapshot();
    store.restore(taken);
    rowOf(taken, DOCS_THREAD).draft_attachments!.push(attachment("pushed")[0]!);
    expect(rowOf(store.snapshot(), DOCS_THREAD).draft_attachments).toEqual(attachment("x"));
    store.reset();
    updateThread(store, { draft_subject: "after reset", draft_attachments: attachment("y") });
    expect(JSON.stringify(defaultSeed)).toBe(defaultSeedBefore);
  });

  it("one store's reset or restore leaves another store alone", () => {
    const a = new Store(validateSeed(defaultSeed));
    const b = new Store(validateSeed(defaultSeed));
    updateThread(a, { draft_subject: "in a" });
    updateThread(b, { draft_subject: "in b" });
    a.reset();
    expect(rowOf(b.snapshot(), DOCS_THREAD).draft_subject).toBe("in b");
    b.restore(otherSeed());
    expect(a.authenticate(ALICE)).toBeDefined();
    expect(JSON.stringify(defaultSeed)).toBe(defaultSeedBefore);
  });
});

describe("app.puffle.store.reset() on a running server", () => {
  let server: RunningServer;
  let other: RunningServer;
  beforeAll(async () => {
    server = await start();
    other = await start();
  });
  afterAll(async () => {
    await server.close();
    await other.close();
  });

  it("answers from the starting seed again after a reset; another server keeps its updates", async () => {
    const seeded = rowOf(validateSeed(defaultSeed), DOCS_CONVERSATION);
    for (const s of [server, other]) {
      const changed = await send(s, "updateConversation", DOCS_CONVERSATION, { body: { unread_count: 7 } });
      expect(changed.status).toBe(200);
    }
    server.app.puffle.store.reset();
    expect(rowOf(server.app.puffle.store.snapshot(), DOCS_CONVERSATION)).toEqual(seeded);
    expect(rowOf(other.app.puffle.store.snapshot(), DOCS_CONVERSATION).unread_count).toBe(7);
    const after = await send(server, "updateConversation", DOCS_CONVERSATION, { body: { status: "active" } });
    expect(after.status).toBe(200);
    const conversation = (after.body as { conversation: Record<string, unknown> }).conversation;
    expect(conversation.unread_count).toBe(seeded.unread_count);
    expect(conversation.status).toBe("active");
  });

  it("authenticates against the restored users: a token the restored seed lacks is a 401, Bob's still works", async () => {
    server.app.puffle.store.restore(otherSeed());
    const alice = await send(server, "updateThread", DOCS_THREAD, { body: { draft_subject: "x" } });
    expect(alice.status).toBe(401);
    const renamed = await send(server, "updateThread", DOCS_THREAD, { body: { draft_subject: "x" }, token: "puffle_test_alice_2" });
    expect(renamed.status).toBe(200);
    server.app.puffle.store.reset();
    expect((await send(server, "updateThread", DOCS_THREAD, { body: { draft_subject: "x" } })).status).toBe(200);
    expect((await send(server, "updateThread", DOCS_THREAD, { body: { draft_subject: "x" }, token: BOB })).status).toBe(404);
  });
});

/** Alice's PATCH of the docs' thread's draft_subject, through `app.inject`. */
const patchThread = (app: ReturnType<typeof createServer>, subject: string) =>
  app.inject({
    method: "PATCH",
    url: pathOf("updateThread", DOCS_THREAD),
    headers: { authorization: `Bearer ${ALICE}`, "content-type": "application/json" },
    payload: JSON.stringify({ draft_subject: subject }),
  });
const subjectOf = (app: ReturnType<typeof createServer>) => rowOf(app.puffle.store.snapshot(), DOCS_THREAD).draft_subject;

describe("a reset between a request's authentication and its update", () => {
  // preValidation runs after the route's onRequest hook (which authenticates) and after the body is
  // read, before the handler: a restore there is one that happens while a request's body arrives.
  it("authenticates the request again: a token the restored seed no longer has is a 401, nothing written", async () => {
    const app = createServer();
    app.addHook("preValidation", (_request, _reply, done) => {
      app.puffle.store.restore(otherSeed());
      done();
    });
    const response = await patchThread(app, "written after the restore?");
    expect(response.statusCode).toBe(401);
    expect(response.headers["www-authenticate"]).toBe('Bearer realm="puffle", error="invalid_token"');
    expect(subjectOf(app)).toBe(rowOf(defaultSeed, DOCS_THREAD).draft_subject);
    await app.close();
  });

  it("a token the restored seed still has is applied to the restored data", async () => {
    const app = createServer();
    app.addHook("preValidation", (_request, _reply, done) => {
      app.puffle.store.reset();
      done();
    });
    const response = await patchThread(app, "after the reset");
    expect(response.statusCode).toBe(200);
    expect(subjectOf(app)).toBe("after the reset");
    await app.close();
  });
});

describe("the reset endpoint (allowReset: POST /__puffle/reset)", () => {
  const RESET = "/__puffle/reset";
  const seededSubject = rowOf(defaultSeed, DOCS_THREAD).draft_subject;

  it.each([
    ["a string", "yes", '"yes"'],
    ["the string false", "false", '"false"'],
    ["a number", 1, "1"],
    ["null", null, "null"],
    ["an object", {}, "an object"],
  ] as const)("a value that is not a boolean (%s) is a TypeError naming allowReset, not read as truthy or falsy", async (_name, value, shown) => {
    expect(() => createServer({ allowReset: value as never })).toThrow(TypeError);
    expect(() => createServer({ allowReset: value as never })).toThrow(`createServer: allowReset must be true or false (or left out: off); got ${shown}`);
    await expect(start({ allowReset: value as never })).rejects.toThrow(`startServer: allowReset must be true or false (or left out: off); got ${shown}`);
  });

  // An unknown key was ignored: `allowreset: true` started a server without the endpoint, and a
  // test's reset was a 404 far from the typo.
  it.each([
    ["allowreset: the same but for case", { allowreset: true }, "allowreset is not an option (did you mean allowReset?)"],
    ["logstream", { logstream: { write() {} } }, "logstream is not an option (did you mean logStream?)"],
    ["nothing close: the options listed", { verbose: true }, "verbose is not an option (the options are seed, logger, logStream, cors, allowReset"],
  ] as const)("an unknown option (%s) is a TypeError naming it", async (_name, given, rule) => {
    expect(() => createServer(given as never)).toThrow(TypeError);
    expect(() => createServer(given as never)).toThrow(`createServer: ${rule}`);
    await expect(start(given as never)).rejects.toThrow(`startServer: ${rule}`);
  });

  it("startServer refuses its own options misspelled (datafile, a port in another case); createServer refuses them as none of its own", async () => {
    await expect(startServer({ datafile: "seed.json" } as never)).rejects.toThrow(/^startServer: datafile is not an option \(did you mean dataFile\?\)$/);
    await expect(startServer({ Port: 0 } as never)).rejects.toThrow(/^startServer: Port is not an option \(did you mean port\?\)$/);
    expect(() => createServer({ port: 0 } as never)).toThrow(/^createServer: port is an option of startServer, not of createServer \(the options are seed, logger, logStream, cors, allowReset\)$/);
    expect(() => createServer(null as never)).toThrow(/^createServer: options must be an object \(or left out\); got null$/);
  });

  // What the own-key check did not see: a Map's entries and a Promise's value (no keys: the
  // defaults applied), an inherited or getter key; and startServer's `...rest` dropped an inherited
  // known key the check accepted (`allowReset` from a prototype: no endpoint).
  it("a Map, a Promise or an array is refused; an inherited or getter unknown key is named; an inherited known key is used", async () => {
    for (const [given, what] of [[new Map([["allowReset", true]]), "a Map (pass its entries as properties: Object.fromEntries(map))"], [Promise.resolve({ allowReset: true }), "a Promise (an await left out?)"], [[], "an array"]] as const) {
      expect(() => createServer(given as never)).toThrow(`createServer: options must be an object whose properties are the options, got ${what}`);
      await expect(startServer(given as never)).rejects.toThrow(`startServer: options must be an object whose properties are the options, got ${what}`);
    }
    // Keys that cannot be read: the trap's own error went out as it was; a looping prototype chain was walked for ever.
    const locked = new Proxy({}, { ownKeys() { throw new Error("vault locked"); } });
    expect(() => createServer(locked as never)).toThrow(/^createServer: options must be an object whose properties are the options, got an object whose keys cannot be read \(vault locked\)$/);
    await expect(startServer(locked as never)).rejects.toThrow(/^startServer: options must be an object whose properties are the options, got an object whose keys cannot be read \(vault locked\)$/);
    let calls = 0;
    const looping: object = new Proxy({}, {
      getPrototypeOf() {
        if (++calls > 10_000) throw new Error("walked 10,000 prototypes");
        return looping;
      },
    });
    expect(() => createServer(looping as never)).toThrow(/^createServer: options must be an object whose properties are the options, got an object whose keys cannot be read \(its prototype chain loops or is more than 100 deep\)$/);
    expect(() => createServer(Object.create({ allowreset: true }) as never)).toThrow(/^createServer: allowreset is not an option \(did you mean allowReset\?\)$/);
    expect(() => createServer(new (class { get allowreset() { return true; } })() as never)).toThrow(/^createServer: allowreset is not an option \(did you mean allowReset\?\)$/);
    const inherited = Object.assign(Object.create({ allowReset: true }) as StartOptions, { port: 0, host: "127.0.0.1" });
    const server = await startServer(inherited);
    try {
      expect((await fetch(`${server.url}${RESET}`, { method: "POST" })).status).toBe(204);
    } finally {
      await server.close();
    }
  });

  it("is off by default: the path is the 404 of any unknown path, and nothing is reset", async () => {
    const app = createServer();
    expect((await patchThread(app, "Kept")).statusCode).toBe(200);
    for (const allowReset of [undefined, false]) {
      const off = allowReset === undefined ? app : createServer({ allowReset });
      const res = await off.inject({ method: "POST", url: RESET });
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ type: "https://app.puffle.ai/problems/not-found", status: 404 });
      if (off !== app) await off.close();
    }
    expect(subjectOf(app)).toBe("Kept");
    await app.close();
  });

  it("POST from loopback puts the store back to its seed: 204, no body, the headers of every response", async () => {
    const app = createServer({ allowReset: true });
    expect((await patchThread(app, "Changed")).statusCode).toBe(200);
    for (const remoteAddress of ["127.0.0.1", "::1", "::ffff:127.0.0.1", "127.1.2.3"]) {
      expect((await patchThread(app, "Changed")).statusCode).toBe(200);
      const res = await app.inject({ method: "POST", url: RESET, remoteAddress, headers: { "x-request-id": "reset-1" } });
      expect(res.statusCode, remoteAddress).toBe(204);
      expect(res.body).toBe("");
      expect(res.headers["x-request-id"]).toBe("reset-1");
      expect(res.headers["cache-control"]).toBe("no-store");
      expect(res.headers["x-content-type-options"]).toBe("nosniff");
      expect(subjectOf(app), remoteAddress).toBe(seededSubject);
    }
    // A body is ignored, whatever its type.
    await patchThread(app, "Changed");
    const withBody = await app.inject({ method: "POST", url: RESET, headers: { "content-type": "text/plain" }, payload: "ignored" });
    expect(withBody.statusCode).toBe(204);
    expect(subjectOf(app)).toBe(seededSubject);
    await app.close();
  });

  it("refuses another machine and web pages (an Origin header) with a 403 problem, and other methods with a 405; nothing reset", async () => {
    const app = createServer({ allowReset: true, cors: true });
    await patchThread(app, "Kept");
    const remote = await app.inject({ method: "POST", url: RESET, remoteAddress: "192.0.2.10" });
    expect(remote.statusCode).toBe(403);
    expect(remote.headers["content-type"]).toMatch(/^application\/problem\+json/);
    expect(remote.json()).toEqual({
      type: "https://app.puffle.ai/problems/forbidden",
      title: "Forbidden",
      status: 403,
      detail: "/__puffle/reset answers only requests from this machine (a loopback address).",
    });
    for (const remoteAddress of ["::ffff:192.0.2.10", "10.0.0.1", "::2", "fe80::1"]) {
      expect((await app.inject({ method: "POST", url: RESET, remoteAddress })).statusCode, remoteAddress).toBe(403);
    }
    const page = await app.inject({ method: "POST", url: RESET, headers: { origin: "http://localhost:5173" } });
    expect(page.statusCode).toBe(403);
    expect(page.json()).toMatchObject({ detail: "/__puffle/reset does not answer requests from web pages (with an Origin header)." });
    expect(page.headers["access-control-allow-origin"]).toBeUndefined();
    for (const method of ["GET", "PUT", "DELETE", "PATCH", "OPTIONS"] as const) {
      const res = await app.inject({ method, url: RESET, headers: method === "OPTIONS" ? { origin: "http://localhost:5173", "access-control-request-method": "POST" } : {} });
      expect(res.statusCode, method).toBe(405);
      expect(res.headers.allow, method).toBe("POST");
    }
    expect(subjectOf(app)).toBe("Kept");
    await app.close();
  });

  it("over real HTTP on 127.0.0.1, from a second server's point of view: only that server is reset", async () => {
    const a = await start({ allowReset: true });
    const b = await start({ allowReset: true });
    try {
      for (const s of [a, b]) expect((await send(s, "updateThread", DOCS_THREAD, { body: { draft_subject: "Changed" } })).status).toBe(200);
      const res = await fetch(`${a.url}${RESET}`, { method: "POST" });
      expect(res.status).toBe(204);
      expect(rowOf(a.app.puffle.store.snapshot(), DOCS_THREAD).draft_subject).toBe(seededSubject);
      expect(rowOf(b.app.puffle.store.snapshot(), DOCS_THREAD).draft_subject).toBe("Changed");
    } finally {
      await a.close();
      await b.close();
    }
  });
});

// docs/server.md said how to reset between tests but not that a reset is the whole store's: tests
// run at the same time on one server (describe.concurrent, or several processes through the reset
// endpoint), each resetting in a beforeEach, wipe each other's updates. The section says so now.
describe("a reset is the whole store's, whoever updated it (docs/server.md, State between tests)", () => {
  it("one test's reset wipes another user's update made just before it, and the docs say so", async () => {
    const server = await start({ allowReset: true });
    try {
      expect((await send(server, "updateConversation", BOB_CONVERSATION, { token: BOB, body: { unread_count: 7 } })).status).toBe(200);
      const reset = await fetch(`${server.url}/__puffle/reset`, { method: "POST" });
      expect(reset.status).toBe(204);
      expect(rowOf(server.app.puffle.store.snapshot(), BOB_CONVERSATION).unread_count).toBe(rowOf(defaultSeed, BOB_CONVERSATION).unread_count);
    } finally {
      await server.close();
    }
    const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
    const docs = fs.readFileSync(path.join(root, "docs/server.md"), "utf8").replace(/\s+/g, " ");
    expect(docs).toContain("**One store per server: a reset is every test's.**");
    expect(docs).toContain("wipe each other's updates when each resets in a `beforeEach`");
  });
});
