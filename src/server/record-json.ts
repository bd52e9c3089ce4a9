// The 200 responses' records as JSON text, field by field: the same text as JSON.stringify(record)
// for the views the store returns (conversationView, threadView: every key present, in a fixed
// order). JSON.stringify checks every character of every string for what it must escape; here a
// string without any such character (the usual case) is one regex test and a concatenation, and
// anything else — a string to escape, an array, an object — goes to JSON.stringify itself. On the
// thread record this takes about half JSON.stringify's time, and ~0.25 µs less (of ~1.5) once the
// text's byte length has been taken, as Fastify does: that flattens the concatenated text.
// test/server/record-json.test.ts compares the two over generated records.
import type { Conversation, Thread } from "../../generated/schema.js";

/** A character JSON.stringify writes escaped: a control character, `"`, `\`, or a surrogate (lone ones are escaped, pairs are not; either goes to JSON.stringify). */
const ESCAPED = /[\u0000-\u001f"\\\ud800-\udfff]/;

/**
 * A member's value as JSON.stringify writes it. The views never hold `undefined` (a seed row has
 * every column, validated); should one ever do, this throws rather than drop the member as
 * JSON.stringify would, or write invalid JSON.
 */
function value(v: unknown, name: string): string {
  if (typeof v === "string") return ESCAPED.test(v) ? JSON.stringify(v) : `"${v}"`;
  if (v === null) return "null";
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : "null";
  const json: string | undefined = JSON.stringify(v);
  if (json === undefined) throw new TypeError(`record-json: the record's ${name} is ${typeof v}, which JSON cannot hold`);
  return json;
}

/** The conversation columns' members, without the braces (both records start with them). */
function conversationMembers(c: Conversation | Thread): string {
  return `"id":${value(c.id, "id")}`
    + `,"user_id":${value(c.user_id, "user_id")}`
    + `,"account_id":${value(c.account_id, "account_id")}`
    + `,"channel":${value(c.channel, "channel")}`
    + `,"status":${value(c.status, "status")}`
    + `,"external_id":${value(c.external_id, "external_id")}`
    + `,"participant_name":${value(c.participant_name, "participant_name")}`
    + `,"participant_email":${value(c.participant_email, "participant_email")}`
    + `,"participant_linkedin_url":${value(c.participant_linkedin_url, "participant_linkedin_url")}`
    + `,"last_message_at":${value(c.last_message_at, "last_message_at")}`
    + `,"unread_count":${value(c.unread_count, "unread_count")}`
    + `,"created_at":${value(c.created_at, "created_at")}`
    + `,"updated_at":${value(c.updated_at, "updated_at")}`;
}

/** JSON.stringify(conversationView(row)). */
export function conversationJson(c: Conversation): string {
  return `{${conversationMembers(c)}}`;
}

/** JSON.stringify(threadView(row)). */
export function threadJson(t: Thread): string {
  return `{${conversationMembers(t)}`
    + `,"draft_subject":${value(t.draft_subject, "draft_subject")}`
    + `,"draft_body_text":${value(t.draft_body_text, "draft_body_text")}`
    + `,"draft_body_html":${value(t.draft_body_html, "draft_body_html")}`
    + `,"draft_cc":${value(t.draft_cc, "draft_cc")}`
    + `,"draft_bcc":${value(t.draft_bcc, "draft_bcc")}`
    + `,"draft_attachments":${value(t.draft_attachments, "draft_attachments")}`
    + "}";
}
