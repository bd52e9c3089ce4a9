import { Type, FormatRegistry } from "@sinclair/typebox";
import { TypeCompiler } from "@sinclair/typebox/compiler";
import { formats, MAX } from "./common.mjs";

// ---------------------------------------------------------------- TypeBox
for (const [name, check] of Object.entries(formats)) FormatRegistry.Set(name, check);
function typeboxSchemas() {
  const T = Type;
  const uuid = T.String({ format: "uuid" });
  const nullable = (s) => T.Union([s, T.Null()]);
  const unread = T.Integer({ minimum: 0, maximum: MAX });
  const statusUpdate = T.Union([T.Literal("active"), T.Literal("archived")]);
  const row = {
    account_id: nullable(T.String({ format: "uuid" })),
    channel: T.Union([T.Literal("linkedin"), T.Literal("email")]),
    created_at: T.String({ format: "date-time" }),
    external_id: nullable(T.String()),
    id: uuid,
    last_message_at: nullable(T.String({ format: "date-time" })),
    participant_email: nullable(T.String({ format: "email" })),
    participant_linkedin_url: nullable(T.String({ format: "uri" })),
    participant_name: nullable(T.String()),
    status: T.Union([T.Literal("active"), T.Literal("archived"), T.Literal("draft")]),
    unread_count: unread,
    updated_at: T.String({ format: "date-time" }),
    user_id: uuid,
  };
  const draft = {
    draft_attachments: nullable(T.Array(T.Object({}, { additionalProperties: true }))),
    draft_bcc: nullable(T.String()),
    draft_body_html: nullable(T.String()),
    draft_body_text: nullable(T.String()),
    draft_cc: nullable(T.String()),
    draft_subject: nullable(T.String()),
  };
  const optional = (props, keep = []) => Object.fromEntries(Object.entries(props).map(([k, s]) => [k, keep.includes(k) ? s : T.Optional(s)]));
  return {
    conversationRequest: T.Object(optional({ status: statusUpdate, unread_count: unread }), { additionalProperties: false, minProperties: 1 }),
    threadRequest: T.Object(optional({
      account_id: nullable(T.String({ format: "uuid" })),
      ...draft,
      participant_email: T.String({ format: "email" }),
      participant_name: T.String(),
      status: statusUpdate,
      unread_count: unread,
    }), { additionalProperties: false, minProperties: 1 }),
    conversationResponse: T.Object({ conversation: T.Object(row) }),
    threadResponse: T.Object({ thread: T.Object(optional({ ...row, ...draft }, ["id", "status"])) }),
  };
}
export function typeboxPeer({ errors }) {
  return Object.fromEntries(Object.entries(typeboxSchemas()).map(([k, schema]) => {
    const C = TypeCompiler.Compile(schema);
    return [k, errors ? (x) => (C.Check(x) ? { valid: true } : { valid: false, errors: [...C.Errors(x)] }) : (x) => C.Check(x)];
  }));
}

