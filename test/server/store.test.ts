// The store's fast paths give exactly what the plain code gave: timestamps, shared vs copied records.
import { afterEach, describe, expect, it, vi } from "vitest";
import { defaultSeed, Store } from "../../src/server/index.js";
import { nextTimestamp } from "../../src/server/store.js";
import { seededRandom } from "../helpers.js";
import { fullFormats } from "ajv-formats/dist/formats.js";
import { ALICE, DOCS_CONVERSATION, DOCS_THREAD, SENDERS } from "./http.js";
import { CONVERSATION_COLUMNS, DRAFT_COLUMNS } from "../../src/server/seed.js";
import { validateSeed } from "../../src/server/index.js";

/**
 * What nextTimestamp computed before it reused the text of the second; past 9999-12-31T23:59:59.999Z
 * (a clock or a previous value in the year 10000), written at the offset -23:59 and at most the last
 * instant RFC 3339 can write, as toISOString's `+010000-…` is no date-time (see below).
 */
function plainNextTimestamp(previous: string): string {
  const before = Date.parse(previous);
  const now = Date.now();
  const ms = Number.isNaN(before) || now > before ? now : before + 1;
  const last = Date.UTC(9999, 11, 31, 23, 59, 59, 999);
  const offset = (23 * 60 + 59) * 60_000;
  if (ms <= last) return new Date(ms).toISOString();
  return `${new Date(Math.min(ms, last + offset) - offset).toISOString().slice(0, -1)}-23:59`;
}

describe("nextTimestamp", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("equals new Date(…).toISOString() of now or previous + 1 ms, across seconds, days, years and signs", () => {
    const random = seededRandom(5);
    vi.useFakeTimers();
    const starts = [0, -1, -1000, -1001, 999, 1000, Date.UTC(2026, 11, 31, 23, 59, 59, 990), Date.UTC(9999, 11, 31, 23, 59, 59, 995), Date.UTC(10_000, 0, 1), Date.UTC(-1, 0, 1), Date.UTC(1969, 11, 31, 23, 59, 59, 998)];
    for (let i = 0; i < 40; i++) starts.push(Math.floor((random() - 0.3) * 4e12));
    for (const start of starts) {
      let clock = start;
      let previous = new Date(start - 5).toISOString();
      for (let step = 0; step < 60; step++) {
        // The clock moves on by 0 to 1.2 s, or stands still (then previous + 1 ms), or goes back.
        const move = random();
        clock += move < 0.2 ? 0 : move < 0.25 ? -3 : Math.floor(random() * 1200);
        vi.setSystemTime(clock);
        const expected = plainNextTimestamp(previous);
        const got = nextTimestamp(previous);
        expect(got, `previous ${previous}, now ${clock}`).toBe(expected);
        // Every few steps `previous` comes from elsewhere (another row), not the last one made.
        previous = random() < 0.1 ? new Date(clock - Math.floor(random() * 5000)).toISOString() : got;
      }
    }
  });

  it("reads a previous value that is not its own last one (seed timestamps without milliseconds, invalid ones)", () => {
    vi.useFakeTimers();
    vi.setSystemTime(Date.UTC(2026, 3, 22, 9, 0, 0));
    expect(nextTimestamp("2026-04-22T09:30:00Z")).toBe("2026-04-22T09:30:00.001Z");
    expect(nextTimestamp("not a date")).toBe("2026-04-22T09:00:00.000Z");
    expect(nextTimestamp("2026-04-22T08:00:00+02:00")).toBe("2026-04-22T09:00:00.000Z");
  });

  // nextTimestamp reads any date-time the spec's format alone accepts (RFC 3339 as ajv-formats reads
  // it; a seed also matches the columns' narrower pattern since 8b9c75f, a subset of these forms):
  // `t`/`T` or any whitespace between date and time, `z`, an offset as ±HH, ±HHMM or ±HH:MM,
  // any number of fraction digits, a leap second. Date.parse read `+05`, `:60` and a U+2028
  // separator as NaN, so an update of a row seeded in the future went back to now.
  it("is strictly after every date-time form a seed may hold (a previous value in the future; TZ=Pacific/Chatham)", () => {
    // The spec's format, as its validators (and so validateSeed) check it.
    const dateTime = (fullFormats["date-time"] as { validate: (text: string) => boolean }).validate;
    const tz = process.env.TZ;
    process.env.TZ = "Pacific/Chatham";
    vi.useFakeTimers();
    try {
      vi.setSystemTime(Date.UTC(2026, 3, 22, 9, 0, 0));
      const random = seededRandom(11);
      const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
      const two = (n: number) => String(n).padStart(2, "0");
      const separators = ["T", "t", " ", "\t", "\u00a0", "\u2028", "\u2029", "\u3000", "\ufeff"];
      for (let i = 0; i < 2000; i++) {
        const year = 2030 + Math.floor(random() * 7000);
        const month = 1 + Math.floor(random() * 12);
        const day = 1 + Math.floor(random() * 28);
        const offsetMin = pick([0, 1, -1]) * Math.floor(random() * (24 * 60));
        const sign = offsetMin < 0 ? "-" : "+";
        const oh = two(Math.floor(Math.abs(offsetMin) / 60));
        const om = two(Math.abs(offsetMin) % 60);
        const zone = offsetMin === 0 && random() < 0.5 ? pick(["Z", "z"]) : om === "00" && random() < 0.5 ? `${sign}${oh}` : random() < 0.5 ? `${sign}${oh}${om}` : `${sign}${oh}:${om}`;
        // A leap second is 23:59:60 in UTC: written in the zone's local time.
        const leap = random() < 0.2;
        const utc = leap ? Date.UTC(year, month - 1, day, 23, 59, 59) : Date.UTC(year, month - 1, day, Math.floor(random() * 24), Math.floor(random() * 60), Math.floor(random() * 60));
        const local = new Date(utc + offsetMin * 60_000);
        const fraction = pick(["", ".5", ".123", ".000001", ".999999999"]);
        const seconds = leap ? "60" : two(local.getUTCSeconds());
        const text = `${local.getUTCFullYear()}-${two(local.getUTCMonth() + 1)}-${two(local.getUTCDate())}${pick(separators)}${two(local.getUTCHours())}:${two(local.getUTCMinutes())}:${seconds}${fraction}${zone}`;
        expect(dateTime(text), JSON.stringify(text)).toBe(true);
        const instant = utc + (leap ? 1000 : Math.floor(Number(`0${fraction}`) * 1000));
        const got = Date.parse(nextTimestamp(text));
        expect(got, `after ${JSON.stringify(text)}`).toBeGreaterThan(leap ? instant - 1 : instant);
        expect(got - instant, `after ${JSON.stringify(text)}`).toBeLessThanOrEqual(1);
      }
    } finally {
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
    }
  });
});

// RFC 3339 has four-digit years: the last instant it writes in UTC is 9999-12-31T23:59:59.999Z, and
// a later one (up to 23 h 59 min later) only with a negative offset. A seed may hold such an
// updated_at ("9999-12-31T23:59:59.999Z", the far-future sentinel, or "9999-12-31T20:00:00-05:00",
// whose UTC instant is in the year 10000): the next one was toISOString's "+010000-01-01T…Z",
// which the spec's date-time format refuses (a 200 its own validators fail).
describe("nextTimestamp past 9999-12-31T23:59:59.999Z", () => {
  const dateTime = (fullFormats["date-time"] as { validate: (text: string) => boolean }).validate;
  afterEach(() => {
    vi.useRealTimers();
  });

  it.each([
    ["9999-12-31T23:59:59.999Z"],
    ["9999-12-31T23:59:60Z"],
    ["9999-12-31T23:59:59Z"],
    ["9999-12-31T20:00:00-05:00"],
    ["9999-12-31T23:59:59.999-05"],
    ["9999-12-31T12:00:00-23:58"],
  ])("after %j: 3000 updates, each a valid date-time strictly after the one before", (seeded) => {
    vi.useFakeTimers();
    vi.setSystemTime(Date.UTC(2026, 3, 22, 9, 0, 0));
    expect(dateTime(seeded)).toBe(true);
    let previous = seeded;
    let before = Date.parse(seeded.replace(":60Z", ":59.999Z").replace(/-05$/, "-05:00"));
    for (let i = 0; i < 3000; i++) {
      const next = nextTimestamp(previous);
      expect(dateTime(next), `after ${previous}: ${next}`).toBe(true);
      const at = Date.parse(next);
      expect(at, `after ${previous}: ${next}`).toBeGreaterThan(before);
      // Every other update of the row follows another row's (its previous is then read from the text).
      if (i % 2 === 0) nextTimestamp("2026-01-01T00:00:00Z");
      previous = next;
      before = at;
    }
  });

  it("the last instant RFC 3339 can write (9999-12-31T23:59:59.999-23:59) stays a valid date-time, not an earlier one", () => {
    vi.useFakeTimers();
    vi.setSystemTime(Date.UTC(2026, 3, 22, 9, 0, 0));
    const last = "9999-12-31T23:59:59.999-23:59";
    expect(dateTime(last)).toBe(true);
    for (const previous of [last, "9999-12-31T23:59:59.998-23:59"]) {
      const next = nextTimestamp(previous);
      expect(dateTime(next), next).toBe(true);
      expect(Date.parse(next)).toBe(Date.parse(last));
    }
  });
});

// authenticate() returned the store's own user object: a caller changing it (`request.puffleUser`
// in a hook of one's own) changed the store's user, and what snapshot() and later requests saw.
describe("Store.authenticate", () => {
  it("returns a copy: changing it changes neither the store, nor a later authenticate, nor the token it knows", () => {
    const store = new Store(defaultSeed);
    const before = store.snapshot();
    const user = store.authenticate(ALICE)!;
    expect(user).toEqual(defaultSeed.users.find((u) => u.token === ALICE));
    Object.assign(user, { id: "0f0f0f0f-0000-4000-8000-0000000000ff", name: "Mallory", token: "puffle_test_mallory", workspace_id: "x" });
    expect(store.snapshot()).toEqual(before);
    expect(store.authenticate(ALICE)).toEqual(defaultSeed.users.find((u) => u.token === ALICE));
    expect(store.authenticate(ALICE)).not.toBe(store.authenticate(ALICE));
    expect(store.authenticate("puffle_test_mallory")).toBeUndefined();
  });
});

describe("Store.update and updateShared", () => {
  const alice = defaultSeed.users.find((u) => u.token === ALICE)!;

  it("update returns a deep copy; updateShared the same record without copying", () => {
    const store = new Store(defaultSeed);
    const attachments = [{ id: "a1", filename: "a.pdf", content_type: "application/pdf", size: 1 }];
    const copied = store.update("updateThread", alice, DOCS_THREAD, { draft_attachments: attachments } as never);
    expect(copied.kind).toBe("updated");
    if (copied.kind !== "updated") return;
    (copied.record as { draft_attachments: unknown[] }).draft_attachments.push("mutated by the caller");
    const row = store.snapshot().conversations.find((c) => c.id === DOCS_THREAD)!;
    expect(row.draft_attachments).toEqual(attachments);

    const shared = store.updateShared("updateThread", alice, DOCS_THREAD, { draft_subject: "Hi" } as never);
    expect(shared.kind).toBe("updated");
    if (shared.kind !== "updated") return;
    const expected: Record<string, unknown> = { ...copied.record, draft_attachments: attachments, draft_subject: "Hi" };
    expect(shared.record).toEqual({ ...expected, updated_at: shared.record.updated_at });
    expect(Date.parse(String(shared.record.updated_at))).toBeGreaterThan(Date.parse(String(copied.record.updated_at)));
  });

  it("update keeps a copy of the patch: changing it afterwards changes neither the store nor a later answer", () => {
    const store = new Store(defaultSeed);
    const attachments = [{ id: "a1", filename: "a.pdf", content_type: "application/pdf", size: 1 }];
    const patch = { draft_attachments: attachments };
    expect(store.update("updateThread", alice, DOCS_THREAD, patch as never).kind).toBe("updated");
    attachments[0]!.filename = "changed.exe";
    attachments.push({ id: "a2", filename: "b.pdf", content_type: "application/pdf", size: 2 });
    const row = store.snapshot().conversations.find((c) => c.id === DOCS_THREAD)!;
    expect(row.draft_attachments).toEqual([{ id: "a1", filename: "a.pdf", content_type: "application/pdf", size: 1 }]);
    // The server's answers share the row's arrays (updateShared): they hold what was stored, too.
    const shared = store.updateShared("updateThread", alice, DOCS_THREAD, { draft_subject: "Hi" } as never);
    expect(shared.kind === "updated" && (shared.record as { draft_attachments?: unknown }).draft_attachments).toEqual(row.draft_attachments);
  });

  it.each([
    ["updateConversation", DOCS_CONVERSATION, [...CONVERSATION_COLUMNS]],
    ["updateThread", DOCS_THREAD, [...CONVERSATION_COLUMNS, ...DRAFT_COLUMNS]],
  ] as const)("%s answers with its own record: exactly its columns, in order", (op, id, columns) => {
    const store = new Store(defaultSeed);
    for (const outcome of [store.update(op, alice, id, { status: "archived" } as never), store.updateShared(op, alice, id, { status: "active" } as never)]) {
      expect(outcome.kind).toBe("updated");
      if (outcome.kind === "updated") expect(Object.keys(outcome.record)).toEqual(columns);
    }
  });

  it("a patch holding a name that is no column throws (normalizeRequestBody's output never does), and changes nothing", () => {
    const store = new Store(defaultSeed);
    const before = store.snapshot();
    for (const patch of [{ draft_subject: "Hi", warmup: true }, { bogus: 1 }]) {
      expect(() => store.update("updateThread", alice, DOCS_THREAD, patch as never)).toThrow(/normalized body of updateThread holds "(warmup|bogus)", which is not a column/);
    }
    expect(store.snapshot()).toEqual(before);
  });

  it("update and updateShared answer the same for a missing record", () => {
    const store = new Store(defaultSeed);
    const missing = "0f0f0f0f-0000-4000-8000-0000000000ff";
    expect(store.update("updateThread", alice, missing, { status: "active" } as never)).toEqual({ kind: "not-found" });
    expect(store.updateShared("updateThread", alice, missing, { status: "active" } as never)).toEqual({ kind: "not-found" });
  });
});

describe("ids compare case-insensitively, as the seed validation compares them", () => {
  // A valid seed may spell an id in other case where it refers to it (validateSeed lowercases them).
  const ALICE_ID = "a11ceaaa-1111-4111-8111-111111111111";
  const seed = () => {
    const s = structuredClone(defaultSeed);
    const alice = s.users.find((u) => u.token === ALICE)!;
    for (const row of s.conversations) if (row.user_id === alice.id) row.user_id = ALICE_ID.toUpperCase();
    alice.id = ALICE_ID;
    alice.workspace_id = alice.workspace_id.toUpperCase();
    return validateSeed(s);
  };
  const cases: [string, Record<string, unknown>][] = [
    ["the owner's id (user_id in upper case, the user's in lower)", { status: "archived" }],
    ["the sender's workspace (the user's workspace_id in upper case)", { account_id: SENDERS.growth }],
  ];
  it.each(cases)("%s", (_name, patch) => {
    const store = new Store(seed());
    const alice = store.authenticate(ALICE)!;
    expect(store.update("updateThread", alice, DOCS_THREAD, patch as never).kind).toBe("updated");
  });
});
