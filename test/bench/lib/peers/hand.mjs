import { formats, MAX } from "./common.mjs";

// ---------------------------------------------------------------- hand-written type guards (the ceiling)
export function handPeer() {
  const isObj = (x) => typeof x === "object" && x !== null && !Array.isArray(x);
  const isStr = (x) => typeof x === "string";
  const strOrNull = (x) => x === null || typeof x === "string";
  const fmtOrNull = (f) => (x) => x === null || (typeof x === "string" && f(x));
  const isUnread = (x) => typeof x === "number" && Number.isInteger(x) && x >= 0 && x <= MAX;
  const isUuid = (x) => typeof x === "string" && formats.uuid(x);
  const isDate = (x) => typeof x === "string" && formats["date-time"](x);
  const uuidOrNull = fmtOrNull(formats.uuid);
  const dateOrNull = fmtOrNull(formats["date-time"]);
  const emailOrNull = fmtOrNull(formats.email);
  const uriOrNull = fmtOrNull(formats.uri);
  const isStatusUpdate = (x) => x === "active" || x === "archived";
  const isStatus = (x) => x === "active" || x === "archived" || x === "draft";
  const isChannel = (x) => x === "linkedin" || x === "email";
  const isAttachments = (x) => {
    if (x === null) return true;
    if (!Array.isArray(x)) return false;
    for (const a of x) if (!isObj(a)) return false;
    return true;
  };
  const rowChecks = {
    account_id: uuidOrNull, channel: isChannel, created_at: isDate, external_id: strOrNull, id: isUuid,
    last_message_at: dateOrNull, participant_email: emailOrNull, participant_linkedin_url: uriOrNull,
    participant_name: strOrNull, status: isStatus, unread_count: isUnread, updated_at: isDate, user_id: isUuid,
  };
  const draftChecks = { draft_attachments: isAttachments, draft_bcc: strOrNull, draft_body_html: strOrNull, draft_body_text: strOrNull, draft_cc: strOrNull, draft_subject: strOrNull };
  const conversationRequest = (x) => {
    if (!isObj(x)) return false;
    let n = 0;
    for (const k in x) {
      n++;
      if (k === "status") { if (!isStatusUpdate(x.status)) return false; }
      else if (k === "unread_count") { if (!isUnread(x.unread_count)) return false; }
      else return false;
    }
    return n >= 1;
  };
  const threadRequestChecks = { account_id: uuidOrNull, ...draftChecks, participant_email: (x) => typeof x === "string" && formats.email(x), participant_name: isStr, status: isStatusUpdate, unread_count: isUnread };
  const threadRequest = (x) => {
    if (!isObj(x)) return false;
    let n = 0;
    for (const k in x) {
      n++;
      const check = Object.hasOwn(threadRequestChecks, k) ? threadRequestChecks[k] : undefined;
      if (check === undefined || !check(x[k])) return false;
    }
    return n >= 1;
  };
  const conversation = (c) => isObj(c)
    && isUuid(c.id) && isUuid(c.user_id) && c.account_id !== undefined && uuidOrNull(c.account_id) && isChannel(c.channel) && isStatus(c.status)
    && c.external_id !== undefined && strOrNull(c.external_id) && c.participant_name !== undefined && strOrNull(c.participant_name)
    && c.participant_email !== undefined && emailOrNull(c.participant_email) && c.participant_linkedin_url !== undefined && uriOrNull(c.participant_linkedin_url)
    && c.last_message_at !== undefined && dateOrNull(c.last_message_at) && isUnread(c.unread_count) && isDate(c.created_at) && isDate(c.updated_at);
  const allThread = { ...rowChecks, ...draftChecks };
  const thread = (t) => {
    if (!isObj(t) || !isUuid(t.id) || !isStatus(t.status)) return false;
    for (const k in allThread) if (t[k] !== undefined && !allThread[k](t[k])) return false;
    return true;
  };
  return {
    conversationRequest,
    threadRequest,
    conversationResponse: (x) => isObj(x) && conversation(x.conversation),
    threadResponse: (x) => isObj(x) && thread(x.thread),
  };
}
