// Type-level tests: a strict SDK user's option objects and the package's option types, in both
// directions, compile with and without `exactOptionalPropertyTypes` (this file under tsconfig.json,
// which has it off; test/types/exact-optional.test.ts compiles it again with it on). The options'
// members are `?: T | undefined` (docs/client.md, "Options": undefined is an option not given).
import { expectTypeOf, test } from "vitest";
import { createPuffleClient } from "../../src/index.js";
import type { PuffleClientOptions, PuffleRequestOptions, PuffleRetryOptions } from "../../src/index.js";
import type { ServerOptions, StartOptions } from "../../src/server/index.js";

/** A user's own config type, written the usual way (`?: T`, no `| undefined`). */
interface AppConfig {
  baseUrl?: string;
  apiKey?: string;
  timeoutMs?: number;
  retry?: { baseDelayMs?: number; maxDelayMs?: number };
}
declare const config: AppConfig;
declare const options: PuffleClientOptions;
declare const env: Record<string, string | undefined>;

test("a user's `{ baseUrl?: string }` object, spread into ours or passed as it is", () => {
  createPuffleClient(config);
  createPuffleClient({ ...config, maxRetries: 1 });
  createPuffleClient({ ...config, apiKey: env.PUFFLE_API_KEY, retry: { ...config.retry, random: () => 0 } });
  const merged: PuffleClientOptions = { ...options, ...config };
  const perCall: PuffleRequestOptions = { ...({} as { timeoutMs?: number; signal?: AbortSignal }), maxRetries: 0 };
  const retry: PuffleRetryOptions = { ...config.retry };
  void [merged, perCall, retry];
  // Ours into a server's options, as the CLI's mock does with its own flags.
  const server: StartOptions = { ...({} as { port?: number; host?: string }), ...({} as ServerOptions) };
  void server;
});

test("a user's type built from ours", () => {
  // Picked, partial, extended: the members keep `| undefined`, so ours (or undefined) goes in.
  type Connection = Pick<PuffleClientOptions, "baseUrl" | "apiKey"> & { name: string };
  const connection: Connection = { name: "eu", baseUrl: options.baseUrl, apiKey: env.PUFFLE_API_KEY };
  createPuffleClient(connection);
  const partial: Partial<PuffleClientOptions> = options;
  void partial;
  // A user's own `?: string` does not take ours as it is under the flag (ours may hold undefined:
  // TS2375 there): write the member `?: string | undefined`, or give only what is set.
  interface Loose { baseUrl?: string | undefined; apiKey?: string | undefined }
  const loose: Loose = options;
  const strict: AppConfig = { ...(options.baseUrl !== undefined && { baseUrl: options.baseUrl }) };
  void [loose, strict];
  // `Required<…>` keeps the written `| undefined` under the flag (TypeScript's rule): a resolved
  // config type drops it itself.
  type Resolved = { [K in keyof PuffleClientOptions]-?: Exclude<PuffleClientOptions[K], undefined> };
  expectTypeOf<Resolved["timeoutMs"]>().toEqualTypeOf<number>();
  expectTypeOf<Resolved["baseUrl"]>().toEqualTypeOf<string>();
});
