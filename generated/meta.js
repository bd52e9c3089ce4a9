// generated from openapi/ by scripts/generate.mjs — do not edit; change openapi/ and run `npm run generate`
export const title = "Puffle inbox API — update endpoints";
export const apiVersion = "1.0.0";
export const serverUrl = "https://app.puffle.ai";
export const operations = {
  "updateConversation": {
    "method": "PATCH",
    "path": "/api/conversations/{id}",
    "summary": "Update a conversation",
    "tags": [
      "Conversations"
    ],
    "statuses": [
      "200",
      "400",
      "401",
      "404",
      "413",
      "415"
    ],
    "pathParameters": {
      "id": {
        "example": "f11e8a2c-1234-4567-89ab-cdef01234567"
      }
    },
    "requestFields": {
      "status": {
        "description": "Archive or un-archive the thread. Only `active` and `archived` are accepted; other values are silently dropped.",
        "type": "string",
        "enum": [
          "active",
          "archived"
        ]
      },
      "unread_count": {
        "description": "Override the unread counter directly. Most callers don't need this — opening the conversation via getConversation already resets it to 0.",
        "type": "integer",
        "minimum": 0,
        "maximum": 9007199254740991
      }
    },
    "behaviour": {
      "allowedMethods": [
        "PATCH"
      ],
      "idempotent": true,
      "maxBodyBytes": 1048576,
      "maxBodyDepth": 64,
      "ownership": {
        "notOwnedStatus": 404,
        "owner": "user_id",
        "sameAsMissing": true
      },
      "touches": "updated_at"
    }
  },
  "updateThread": {
    "method": "PATCH",
    "path": "/api/threads/{id}",
    "summary": "Update Thread",
    "tags": [
      "Threads"
    ],
    "statuses": [
      "200",
      "400",
      "401",
      "404",
      "409",
      "413",
      "415"
    ],
    "pathParameters": {
      "id": {
        "example": "3d986dd1-9d70-45b7-8e36-5d5b8b1c9337"
      }
    },
    "requestFields": {
      "account_id": {
        "description": "Email sender account ID, or null to clear it. Non-null values must refer to a ready email sender in the workspace (otherwise 400, a status we chose). The docs give it as a string; both pages' examples are UUIDs (a format we chose). Changing it on an email thread when that sender already has a non-archived, non-warmup thread with the same `participant_email` returns 409 with `existing_thread`.",
        "type": [
          "string",
          "null"
        ],
        "format": "uuid",
        "pattern": "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"
      },
      "draft_attachments": {
        "description": "Draft attachment metadata from \"Upload thread attachment\", or null to clear it. Replaces the whole list (a rule we chose: the page does not say). At most 20 attachments (a bound we chose).",
        "type": [
          "array",
          "null"
        ],
        "maxItems": 20,
        "items": {
          "description": "Metadata of one draft attachment, as returned by the \"Upload thread attachment\" endpoint and passed back unchanged. The docs do not show its members, so this description leaves them open: any JSON object is accepted and kept as it is, but for members named `__proto__` and `constructor` members holding a `prototype`, at any depth, which are left out (silently: they could reach an object's prototype in JavaScript).",
          "type": "object",
          "additionalProperties": true
        }
      },
      "draft_bcc": {
        "description": "Draft BCC recipients, or null to clear them. At most 4096 characters (a bound we chose).",
        "type": [
          "string",
          "null"
        ],
        "maxLength": 4096
      },
      "draft_body_html": {
        "description": "Draft HTML body, or null to clear it.",
        "type": [
          "string",
          "null"
        ]
      },
      "draft_body_text": {
        "description": "Draft plain-text body, or null to clear it.",
        "type": [
          "string",
          "null"
        ]
      },
      "draft_cc": {
        "description": "Draft CC recipients, or null to clear them. At most 4096 characters (a bound we chose).",
        "type": [
          "string",
          "null"
        ],
        "maxLength": 4096
      },
      "draft_subject": {
        "description": "Draft email subject, or null to clear it. At most 998 characters, the longest header line RFC 5322 allows (a bound we chose).",
        "type": [
          "string",
          "null"
        ],
        "maxLength": 998
      },
      "participant_email": {
        "description": "Recipient email for a draft one-off email. Stored lowercase. At most 254 characters, the longest address RFC 5321 allows (a bound we chose). The docs give it as a string; it is checked as an email address (`format: email`, a format we chose).",
        "type": "string",
        "format": "email",
        "maxLength": 254,
        "x-puffle-transform": "lowercase"
      },
      "participant_name": {
        "description": "Recipient display name for a draft. At most 256 characters (a bound we chose).",
        "type": "string",
        "maxLength": 256
      },
      "status": {
        "description": "Set to `active` or `archived`. Other values are ignored.",
        "type": "string",
        "enum": [
          "active",
          "archived"
        ]
      },
      "unread_count": {
        "description": "Sets the stored unread count. The docs give it as a number; it is the conversation's integer column, with that page's range (a type we chose).",
        "type": "integer",
        "minimum": 0,
        "maximum": 9007199254740991
      }
    },
    "behaviour": {
      "allowedMethods": [
        "PATCH"
      ],
      "duplicateRecipient": {
        "conflictsWith": {
          "excludeStatuses": [
            "archived"
          ],
          "excludeWarmup": true,
          "sameAccount": true,
          "sameParticipantEmail": true
        },
        "member": "existing_thread",
        "status": 409,
        "when": "account_id changes on a thread whose channel is email"
      },
      "idempotent": true,
      "maxBodyBytes": 1048576,
      "maxBodyDepth": 64,
      "ownership": {
        "notOwnedStatus": 404,
        "owner": "user_id",
        "sameAsMissing": true
      },
      "senderAccount": {
        "field": "account_id",
        "mustBe": "ready-email-sender-in-workspace",
        "status": 400
      },
      "touches": "updated_at"
    }
  }
};
export const routes = {
  "updateConversation": {
    "method": "PATCH",
    "path": "/api/conversations/{id}",
    "idempotent": true,
    "pathExamples": {
      "id": "f11e8a2c-1234-4567-89ab-cdef01234567"
    }
  },
  "updateThread": {
    "method": "PATCH",
    "path": "/api/threads/{id}",
    "idempotent": true,
    "pathExamples": {
      "id": "3d986dd1-9d70-45b7-8e36-5d5b8b1c9337"
    }
  }
};
