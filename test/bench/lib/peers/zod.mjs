import * as z from "zod";
import { formats, MAX } from "./common.mjs";

// ---------------------------------------------------------------- zod 4
export function zodPeer() {
  const uuid = z.string().refine(formats.uuid);
  const str = (f) => z.string().refine(formats[f]);
  const unread = z.number().int().min(0).max(MAX);
  const statusUpdate = z.enum(["active", "archived"]);
  const row = {
    account_id: uuid.nullable(),
    channel: z.enum(["linkedin", "email"]),
    created_at: str("date-time"),
    external_id: z.string().nullable(),
    id: uuid,
    last_message_at: str("date-time").nullable(),
    participant_email: str("email").nullable(),
    participant_linkedin_url: str("uri").nullable(),
    participant_name: z.string().nullable(),
    status: z.enum(["active", "archived", "draft"]),
    unread_count: unread,
    updated_at: str("date-time"),
    user_id: uuid,
  };
  const draft = {
    draft_attachments: z.array(z.looseObject({})).nullable(),
    draft_bcc: z.string().nullable(),
    draft_body_html: z.string().nullable(),
    draft_body_text: z.string().nullable(),
    draft_cc: z.string().nullable(),
    draft_subject: z.string().nullable(),
  };
  const optional = (props, keep = []) => Object.fromEntries(Object.entries(props).map(([k, s]) => [k, keep.includes(k) ? s : s.optional()]));
  const atLeastOne = (o) => Object.keys(o).length >= 1;
  const schemas = {
    conversationRequest: z.strictObject(optional({ status: statusUpdate, unread_count: unread })).refine(atLeastOne),
    threadRequest: z.strictObject(optional({ account_id: uuid.nullable(), ...draft, participant_email: str("email"), participant_name: z.string(), status: statusUpdate, unread_count: unread })).refine(atLeastOne),
    conversationResponse: z.looseObject({ conversation: z.looseObject(row) }),
    threadResponse: z.looseObject({ thread: z.looseObject(optional({ ...row, ...draft }, ["id", "status"])) }),
  };
  return Object.fromEntries(Object.entries(schemas).map(([k, s]) => [k, (x) => s.safeParse(x)]));
}

