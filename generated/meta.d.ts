// generated from openapi/ by scripts/generate.mjs — do not edit; change openapi/ and run `npm run generate`
export declare const title: "Puffle inbox API — update endpoints";
export declare const apiVersion: "1.0.0";
export declare const serverUrl: "https://app.puffle.ai";
export declare const operations: {
  readonly "updateConversation": {
    readonly "method": "PATCH";
    readonly "path": "/api/conversations/{id}";
    readonly "summary": "Update a conversation";
    readonly "tags": readonly [
      "Conversations"
    ];
    readonly "statuses": readonly [
      "200",
      "400",
      "401",
      "404",
      "413",
      "415"
    ];
    readonly "pathParameters": {
      readonly "id": {
        readonly "example": "f11e8a2c-1234-4567-89ab-cdef01234567";
      };
    };
    readonly "requestFields": {
      readonly "status": {
        readonly "description": "Archive or un-archive the thread. Only `active` and `archived` are accepted; other values are silently dropped.";
        readonly "type": "string";
        readonly "enum": readonly [
          "active",
          "archived"
        ];
      };
      readonly "unread_count": {
        readonly "description": "Override the unread counter directly. Most callers don't need this — opening the conversation via getConversation already resets it to 0.";
        readonly "type": "integer";
        readonly "minimum": 0;
        readonly "maximum": 9007199254740991;
      };
    };
    readonly "behaviour": {
      readonly "allowedMethods": readonly [
        "PATCH"
      ];
      readonly "idempotent": true;
      readonly "maxBodyBytes": 1048576;
      readonly "maxBodyDepth": 64;
      readonly "ownership": {
        readonly "notOwnedStatus": 404;
        readonly "owner": "user_id";
        readonly "sameAsMissing": true;
      };
      readonly "touches": "updated_at";
    };
  };
  readonly "updateThread": {
    readonly "method": "PATCH";
    readonly "path": "/api/threads/{id}";
    readonly "summary": "Update Thread";
    readonly "tags": readonly [
      "Threads"
    ];
    readonly "statuses": readonly [
      "200",
      "400",
      "401",
      "404",
      "409",
      "413",
      "415"
    ];
    readonly "pathParameters": {
      readonly "id": {
        readonly "example": "3d986dd1-9d70-45b7-8e36-5d5b8b1c9337";
      };
    };
    readonly "requestFields": {
      readonly "account_id": {
        readonly "description": "Email sender account ID, or null to clear it. Non-null values must refer to a ready email sender in the workspace (otherwise 400, a status we chose). The docs give it as a string; both pages' examples are UUIDs (a format we chose). Changing it on an email thread when that sender already has a non-archived, non-warmup thread with the same `participant_email` returns 409 with `existing_thread`.";
        readonly "type": readonly [
          "string",
          "null"
        ];
        readonly "format": "uuid";
        readonly "pattern": "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$";
      };
      readonly "draft_attachments": {
        readonly "description": "Draft attachment metadata from \"Upload thread attachment\", or null to clear it. Replaces the whole list (a rule we chose: the page does not say). At most 20 attachments (a bound we chose).";
        readonly "type": readonly [
          "array",
          "null"
        ];
        readonly "maxItems": 20;
        readonly "items": {
          readonly "description": "Metadata of one draft attachment, as returned by the \"Upload thread attachment\" endpoint and passed back unchanged. The docs do not show its members, so this description leaves them open: any JSON object is accepted and kept as it is, but for members named `__proto__` and `constructor` members holding a `prototype`, at any depth, which are left out (silently: they could reach an object's prototype in JavaScript).";
          readonly "type": "object";
          readonly "additionalProperties": true;
        };
      };
      readonly "draft_bcc": {
        readonly "description": "Draft BCC recipients, or null to clear them. At most 4096 characters (a bound we chose).";
        readonly "type": readonly [
          "string",
          "null"
        ];
        readonly "maxLength": 4096;
      };
      readonly "draft_body_html": {
        readonly "description": "Draft HTML body, or null to clear it.";
        readonly "type": readonly [
          "string",
          "null"
        ];
      };
      readonly "draft_body_text": {
        readonly "description": "Draft plain-text body, or null to clear it.";
        readonly "type": readonly [
          "string",
          "null"
        ];
      };
      readonly "draft_cc": {
        readonly "description": "Draft CC recipients, or null to clear them. At most 4096 characters (a bound we chose).";
        readonly "type": readonly [
          "string",
          "null"
        ];
        readonly "maxLength": 4096;
      };
      readonly "draft_subject": {
        readonly "description": "Draft email subject, or null to clear it. At most 998 characters, the longest header line RFC 5322 allows (a bound we chose).";
        readonly "type": readonly [
          "string",
          "null"
        ];
        readonly "maxLength": 998;
      };
      readonly "participant_email": {
        readonly "description": "Recipient email for a draft one-off email. Stored lowercase. At most 254 characters, the longest address RFC 5321 allows (a bound we chose). The docs give it as a string; it is checked as an email address (`format: email`, a format we chose).";
        readonly "type": "string";
        readonly "format": "email";
        readonly "maxLength": 254;
        readonly "x-puffle-transform": "lowercase";
      };
      readonly "participant_name": {
        readonly "description": "Recipient display name for a draft. At most 256 characters (a bound we chose).";
        readonly "type": "string";
        readonly "maxLength": 256;
      };
      readonly "status": {
        readonly "description": "Set to `active` or `archived`. Other values are ignored.";
        readonly "type": "string";
        readonly "enum": readonly [
          "active",
          "archived"
        ];
      };
      readonly "unread_count": {
        readonly "description": "Sets the stored unread count. The docs give it as a number; it is the conversation's integer column, with that page's range (a type we chose).";
        readonly "type": "integer";
        readonly "minimum": 0;
        readonly "maximum": 9007199254740991;
      };
    };
    readonly "behaviour": {
      readonly "allowedMethods": readonly [
        "PATCH"
      ];
      readonly "duplicateRecipient": {
        readonly "conflictsWith": {
          readonly "excludeStatuses": readonly [
            "archived"
          ];
          readonly "excludeWarmup": true;
          readonly "sameAccount": true;
          readonly "sameParticipantEmail": true;
        };
        readonly "member": "existing_thread";
        readonly "status": 409;
        readonly "when": "account_id changes on a thread whose channel is email";
      };
      readonly "idempotent": true;
      readonly "maxBodyBytes": 1048576;
      readonly "maxBodyDepth": 64;
      readonly "ownership": {
        readonly "notOwnedStatus": 404;
        readonly "owner": "user_id";
        readonly "sameAsMissing": true;
      };
      readonly "senderAccount": {
        readonly "field": "account_id";
        readonly "mustBe": "ready-email-sender-in-workspace";
        readonly "status": 400;
      };
      readonly "touches": "updated_at";
    };
  };
};
export declare const routes: {
  readonly "updateConversation": {
    readonly "method": "PATCH";
    readonly "path": "/api/conversations/{id}";
    readonly "idempotent": true;
    readonly "pathExamples": {
      readonly "id": "f11e8a2c-1234-4567-89ab-cdef01234567";
    };
  };
  readonly "updateThread": {
    readonly "method": "PATCH";
    readonly "path": "/api/threads/{id}";
    readonly "idempotent": true;
    readonly "pathExamples": {
      readonly "id": "3d986dd1-9d70-45b7-8e36-5d5b8b1c9337";
    };
  };
};
