import { type } from "arktype";
import { formats, MAX } from "./common.mjs";

// ---------------------------------------------------------------- arktype
export function arktypePeer({ boolean }) {
  const str = (f) => type("string").narrow((s) => formats[f](s));
  const uuid = str("uuid");
  const unread = type("number.integer").narrow((n) => n >= 0 && n <= MAX);
  const statusUpdate = type("'active' | 'archived'");
  const row = {
    account_id: uuid.or("null"),
    channel: type("'linkedin' | 'email'"),
    created_at: str("date-time"),
    external_id: type("string | null"),
    id: uuid,
    last_message_at: str("date-time").or("null"),
    participant_email: str("email").or("null"),
    participant_linkedin_url: str("uri").or("null"),
    participant_name: type("string | null"),
    status: type("'active' | 'archived' | 'draft'"),
    unread_count: unread,
    updated_at: str("date-time"),
    user_id: uuid,
  };
  const draft = {
    draft_attachments: type("object[] | null"),
    draft_bcc: type("string | null"),
    draft_body_html: type("string | null"),
    draft_body_text: type("string | null"),
    draft_cc: type("string | null"),
    draft_subject: type("string | null"),
  };
  const optional = (props, keep = []) => Object.fromEntries(Object.entries(props).map(([k, s]) => [keep.includes(k) ? k : `${k}?`, s]));
  const atLeastOne = (o) => Object.keys(o).length >= 1;
  const schemas = {
    conversationRequest: type({ "+": "reject", ...optional({ status: statusUpdate, unread_count: unread }) }).narrow(atLeastOne),
    threadRequest: type({ "+": "reject", ...optional({ account_id: uuid.or("null"), ...draft, participant_email: str("email"), participant_name: type("string"), status: statusUpdate, unread_count: unread }) }).narrow(atLeastOne),
    conversationResponse: type({ conversation: row }),
    threadResponse: type({ thread: optional({ ...row, ...draft }, ["id", "status"]) }),
  };
  return Object.fromEntries(Object.entries(schemas).map(([k, s]) => [k, boolean ? (x) => s.allows(x) : (x) => { const r = s(x); return r instanceof type.errors ? { valid: false, errors: r } : { valid: true, value: r }; }]));
}

