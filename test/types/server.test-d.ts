// Type-level tests of `puffle-api/server`: the store a server exposes (`app.puffle.store`) has the
// documented methods for putting it back between tests.
import { expectTypeOf, test } from "vitest";
import { createServer, startServer } from "../../src/server/index.js";
import type { FastifyRequest } from "fastify";
import type { PuffleFastifyInstance, PuffleFastifyRequest, RunningServer, Seed, SeedUser, Store } from "../../src/server/index.js";

test("app.puffle.store: snapshot() gives a seed, restore(seed) takes one, reset() takes nothing", () => {
  const app = createServer();
  expectTypeOf(app).toEqualTypeOf<PuffleFastifyInstance>();
  expectTypeOf(app.puffle.store).toEqualTypeOf<Store>();
  expectTypeOf(app.puffle.store.snapshot).toEqualTypeOf<() => Seed>();
  expectTypeOf(app.puffle.store.reset).toEqualTypeOf<() => void>();
  expectTypeOf(app.puffle.store.restore).toEqualTypeOf<(seed: Seed) => void>();
  expectTypeOf(app.puffle.store.restore).parameter(0).toEqualTypeOf<Seed>();
  // @ts-expect-error restore needs a seed
  app.puffle.store.restore();
  // @ts-expect-error a seed is an object with the four arrays, not a file name
  app.puffle.store.restore("my-seed.json");
  // @ts-expect-error the generation is read-only
  app.puffle.store.generation = 0;
});

test("startServer's app has the same store", () => {
  expectTypeOf<ReturnType<typeof startServer>>().resolves.toEqualTypeOf<RunningServer>();
  expectTypeOf<RunningServer["app"]["puffle"]["store"]["reset"]>().toEqualTypeOf<() => void>();
});

// request.puffleUser had no exported type: docs/migrating.md declared `FastifyRequest & { puffleUser?:
// SeedUser | null }` in the reader's code. `PuffleFastifyRequest` names it.
test("PuffleFastifyRequest: a FastifyRequest with puffleUser, the authenticated user or null", () => {
  expectTypeOf<PuffleFastifyRequest["puffleUser"]>().toEqualTypeOf<SeedUser | null>();
  expectTypeOf<PuffleFastifyRequest>().toMatchTypeOf<FastifyRequest>();
  createServer().addHook("onResponse", async (request) => {
    expectTypeOf((request as PuffleFastifyRequest).puffleUser?.name).toEqualTypeOf<string | undefined>();
  });
});
