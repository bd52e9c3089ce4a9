import * as v from "valibot";
import { formats, MAX } from "./common.mjs";

// ---------------------------------------------------------------- valibot
export function valibotPeer({ boolean }) {
  const str = (f) => v.pipe(v.string(), v.check(formats[f]));
  const uuid = str("uuid");
  const unread = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MAX));
  const statusUpdate = v.picklist(["active", "archived"]);
  const row = {
    account_id: v.nullable(uuid),
    channel: v.picklist(["linkedin", "email"]),
    created_at: str("date-time"),
    external_id: v.nullable(v.string()),
    id: uuid,
    last_message_at: v.nullable(str("date-time")),
    participant_email: v.nullable(str("email")),
    participant_linkedin_url: v.nullable(str("uri")),
    participant_name: v.nullable(v.string()),
    status: v.picklist(["active", "archived", "draft"]),
    unread_count: unread,
    updated_at: str("date-time"),
    user_id: uuid,
  };
  const draft = {
    draft_attachments: v.nullable(v.array(v.looseObject({}))),
    draft_bcc: v.nullable(v.string()),
    draft_body_html: v.nullable(v.string()),
    draft_body_text: v.nullable(v.string()),
    draft_cc: v.nullable(v.string()),
    draft_subject: v.nullable(v.string()),
  };
  const optional = (props, keep = []) => Object.fromEntries(Object.entries(props).map(([k, s]) => [k, keep.includes(k) ? s : v.optional(s)]));
  const atLeastOne = v.check((o) => Object.keys(o).length >= 1);
  const schemas = {
    conversationRequest: v.pipe(v.strictObject(optional({ status: statusUpdate, unread_count: unread })), atLeastOne),
    threadRequest: v.pipe(v.strictObject(optional({ account_id: v.nullable(uuid), ...draft, participant_email: str("email"), participant_name: v.string(), status: statusUpdate, unread_count: unread })), atLeastOne),
    conversationResponse: v.looseObject({ conversation: v.looseObject(row) }),
    threadResponse: v.looseObject({ thread: v.looseObject(optional({ ...row, ...draft }, ["id", "status"])) }),
  };
  return Object.fromEntries(Object.entries(schemas).map(([k, s]) => [k, boolean ? (x) => v.is(s, x) : (x) => v.safeParse(s, x)]));
}

