// What every peer shares: the spec, the same format checks, the four targets.
import { fullFormats } from "ajv-formats/dist/formats.js";

export const MAX = 9007199254740991;

/** The same format checks for every peer (ajv-formats' "full" mode, which our validators inline). */
export const formats = {
  uuid: (s) => fullFormats.uuid.test(s),
  email: (s) => fullFormats.email.test(s),
  "date-time": (s) => fullFormats["date-time"].validate(s),
  uri: (s) => fullFormats.uri(s),
};

export const targets = {
  conversationRequest: "UpdateConversationRequest",
  threadRequest: "UpdateThreadRequest",
  conversationResponse: "UpdateConversationResponse",
  threadResponse: "UpdateThreadResponse",
};

